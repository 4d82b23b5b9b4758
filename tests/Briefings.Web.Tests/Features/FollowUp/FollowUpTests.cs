using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Text;
using Briefings.Core.Conclusions;
using Briefings.Core.Common;
using Briefings.Core.FollowUp;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>The follow-up through the real app: tasks at issue, the inbox, reports with files, completion reviewed by
/// the office, extensions, and a unit that never sees or changes another unit's task.</summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpTests(AppFactory app)
{
    private static readonly string AnLacUb = Demo.AnLac + "-UB";
    private static readonly string AnLacMt = Demo.AnLac + "-MT";
    private static readonly string BinhDongUb = Demo.BinhDong + "-UB";

    private static readonly HttpStatusCode[] Refused = [HttpStatusCode.BadRequest, HttpStatusCode.Forbidden];

    private static FollowUpFixture.Spec Due(string lead, int days, string[]? coordinators = null) =>
        new(lead, Deadline.By(FollowUpFixture.Today.AddDays(days)), coordinators);

    [Fact]
    public async Task Issue_TaskPerDirectiveAndPeriod_InboxOfLeadAndCoordinatorOnly()
    {
        var issued = await FollowUpFixture.IssueOnAsync(app, FollowUpFixture.Today.AddMonths(-4),
            Due(AnLacUb, 20, [AnLacMt]), Due(BinhDongUb, 10), new FollowUpFixture.Spec(AnLacMt, Deadline.Ongoing));
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");

        var (_, anLacInbox) = await anLac.GetPageAsync("/tasks");
        var (_, binhDongInbox) = await binhDong.GetPageAsync("/tasks");

        // Four months of an ongoing directive: one task per quarter begun since the issue (two or three).
        var ongoing = issued.Tasks.Where(t => t.ItemNumber == 3).ToList();
        Assert.InRange(ongoing.Count, 2, 3);
        Assert.All(ongoing, t => Assert.Null(t.DueOn));
        Assert.Equal(ongoing.Count, ongoing.Select(t => t.PeriodKey).Distinct().Count());
        Assert.Equal([AnLacMt], await app.WithDbAsync(db => db.Units.Where(u => u.Id == issued.Task(1).Coordinators[0].UnitId).Select(u => u.Code).ToListAsync()));

        var anLacIds = anLacInbox.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")).ToList();
        Assert.Contains(issued.Task(1).Id.ToString(), anLacIds);
        Assert.All(ongoing, t => Assert.Contains(t.Id.ToString(), anLacIds));
        Assert.DoesNotContain(issued.Task(2).Id.ToString(), anLacIds);
        var row = anLacInbox.QuerySelector($"li[data-id='{issued.Task(1).Id}']")!;
        Assert.Contains("Chưa hoàn thành trong hạn", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector($"a[href='conclusions/{issued.ConclusionId}']"));

        var binhDongIds = binhDongInbox.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")).ToList();
        Assert.Contains(issued.Task(2).Id.ToString(), binhDongIds);
        Assert.DoesNotContain(issued.Task(1).Id.ToString(), binhDongIds);
        Assert.DoesNotContain(issued.Task(1).ItemText, binhDongInbox.Body!.TextContent, StringComparison.Ordinal);

        // Each lead unit is told once, with a link to its inbox.
        var notices = await app.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Link == "/tasks" && n.Text.Contains(issued.Task(1).ConclusionNumber)).Select(n => n.UnitId).ToListAsync());
        Assert.Contains(issued.Task(1).LeadUnitId, notices);
        Assert.Contains(issued.Task(2).LeadUnitId, notices);

        // Issuing is audited with the tasks, scoped to their lead unit.
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(FollowUpTask) && a.EntityId == issued.Task(1).Id.ToString()).ToListAsync());
        Assert.Equal(issued.Task(1).LeadUnitPath, Assert.Single(audited).ScopePath);
    }

    [Fact]
    public async Task OtherUnit_NeverSeesOrChangesTaskReportsOrFiles()
    {
        var issued = await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 20));
        var task = issued.Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        var sent = await anLac.PostMultipartAsync($"/tasks/{task.Id}", "report",
            new() { ["ReportText"] = "Báo cáo mật của xã An Lạc", ["ReportPercent"] = "30" }, ("bienban.pdf", Encoding.UTF8.GetBytes("%PDF-1.4 an lac")));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var attachment = await app.WithDbAsync(db => db.TaskAttachments.AsNoTracking().SingleAsync(a => a.TaskId == task.Id));

        using var binhDong = await app.LoginAsync("xa.binhdong");
        using var technician = await app.LoginAsync("kythuat.anlac");
        var page = await binhDong.Http.GetAsync($"/tasks/{task.Id}");
        var body = await page.Content.ReadAsStringAsync();
        var file = await binhDong.Http.GetAsync($"/tasks/{task.Id}/attachments/{attachment.Id}");
        var technicianFile = await technician.Http.GetAsync($"/tasks/{task.Id}/attachments/{attachment.Id}");
        var anonymous = await app.Client().Http.GetAsync($"/tasks/{task.Id}/attachments/{attachment.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("Báo cáo mật", body, StringComparison.Ordinal);
        Assert.DoesNotContain(task.ItemText, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, file.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, technicianFile.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        // Posting to the task with a form taken from the commune's own page changes nothing.
        var ownTask = (await FollowUpFixture.IssueAsync(app, Due(BinhDongUb, 20))).Task(1);
        var forged = await binhDong.SubmitAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "Giả mạo", ["ReportPercent"] = "100" }, tokenSourceUrl: $"/tasks/{ownTask.Id}");
        var forgedComplete = await binhDong.SubmitAsync($"/tasks/{task.Id}", "complete", new() { ["CompleteResult"] = "Giả mạo" }, tokenSourceUrl: $"/tasks/{ownTask.Id}");
        // The page renders no form for another unit, so the post is refused (400/403) before any use case runs.
        Assert.Contains(forged.StatusCode, Refused);
        Assert.Contains(forgedComplete.StatusCode, Refused);
        var after = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((30, TaskState.Open), (after.Percent, after.State));
        Assert.Equal(1, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id)));

        // The Bí thư reads the task (no forms); the lead unit downloads its own file, byte for byte.
        using var leader = await app.LoginAsync("bithu");
        var (leaderStatus, leaderPage) = await leader.GetPageAsync($"/tasks/{task.Id}");
        Assert.Equal(HttpStatusCode.OK, leaderStatus);
        Assert.Contains("Báo cáo mật của xã An Lạc", leaderPage.QuerySelector("#reports")!.TextContent, StringComparison.Ordinal);
        Assert.Null(leaderPage.QuerySelector("#report-form"));
        Assert.Null(leaderPage.QuerySelector("form[enctype]"));
        var own = await anLac.Http.GetAsync($"/tasks/{task.Id}/attachments/{attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("%PDF-1.4 an lac", await own.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", own.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Completion_ReturnedThenConfirmed_DoneOnTimeWithTraceAndAudit()
    {
        var issued = await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 5));
        var task = issued.Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");

        var reported = await anLac.PostMultipartAsync($"/tasks/{task.Id}", "report",
            new() { ["ReportText"] = "Đã rà soát 3/6 ấp.", ["ReportPercent"] = "50" }, ("danh-sach.xlsx", "PK\u0003\u0004 bảng"u8.ToArray()));
        var requested = await anLac.SubmitAsync($"/tasks/{task.Id}", "complete", new() { ["CompleteResult"] = "Đã rà soát xong 6 ấp." });
        var (_, queue) = await clerk.GetPageAsync("/tasks");
        Assert.NotNull(queue.QuerySelector($"#office-queue li[data-id='{task.Id}']"));

        var emptyReturn = await clerk.SubmitAsync($"/tasks/{task.Id}", "review", new() { ["Decision"] = "return", ["ReviewNote"] = "" });
        var returned = await clerk.SubmitAsync($"/tasks/{task.Id}", "review", new() { ["Decision"] = "return", ["ReviewNote"] = "Thiếu biên bản rà soát." });
        var (_, reopened) = await anLac.GetPageAsync($"/tasks/{task.Id}");
        var again = await anLac.SubmitAsync($"/tasks/{task.Id}", "complete", new() { ["CompleteResult"] = "Đã rà soát xong, kèm biên bản." });
        var confirmed = await clerk.SubmitAsync($"/tasks/{task.Id}", "review", new() { ["Decision"] = "confirm" });
        var (_, done) = await anLac.GetPageAsync($"/tasks/{task.Id}");

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], new[] { reported.StatusCode, requested.StatusCode });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, emptyReturn.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, returned.StatusCode);
        Assert.Contains("Thiếu biên bản rà soát.", reopened.QuerySelector("#reports")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(reopened.QuerySelector("#complete-form"));
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        Assert.Equal("Hoàn thành đúng hạn", done.QuerySelector("#status")!.TextContent.Trim());
        Assert.Null(done.QuerySelector("#report-form"));
        Assert.Equal(3, done.QuerySelectorAll("#reports li.report").Length);
        Assert.NotNull(done.QuerySelector($"#reports a[href^='tasks/{task.Id}/attachments/']"));

        var stored = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((TaskState.Done, 100, FollowUpFixture.Today), (stored.State, stored.Percent, stored.CompletedOn));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == task.Id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.EntityType == nameof(TaskReport) && a.UserName == "xa.anlac" && a.After!.Contains("Đã rà soát 3/6 ấp.", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType == nameof(TaskAttachment) && a.After!.Contains("danh-sach.xlsx", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType == nameof(TaskReport) && a.UserName == "vanphong" && a.After!.Contains("Thiếu biên bản", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.EntityType == nameof(FollowUpTask) && a.UserName == "vanphong" && a.After!.Contains("\"State\":2", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.Equal(stored.LeadUnitPath, a.ScopePath));
    }

    [Fact]
    public async Task Attachment_TooBigOrWrongType_VietnameseErrorNothingSavedTextKept()
    {
        var task = (await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 5))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");

        var wrongType = await anLac.PostMultipartAsync($"/tasks/{task.Id}", "report",
            new() { ["ReportText"] = "Nội dung đã gõ", ["ReportPercent"] = "40" }, ("virus.exe", [1]));
        var page = AppClient.Parse(await wrongType.Content.ReadAsStringAsync());
        var tooBig = await anLac.PostMultipartAsync($"/tasks/{task.Id}", "report",
            new() { ["ReportText"] = "Nội dung đã gõ", ["ReportPercent"] = "40" }, ("anh.jpg", new byte[(10 * 1024 * 1024) + 1]));
        var bigPage = AppClient.Parse(await tooBig.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongType.StatusCode);
        Assert.Contains("Không nhận tệp loại \".exe\"", page.QuerySelector("#report-form")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nội dung đã gõ", page.QuerySelector("#report-text")!.TextContent);
        Assert.Equal("40", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#report-percent")!.Value);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooBig.StatusCode);
        // One byte over 10 MB: the size is rounded up, never "quá lớn (10 MB). Giới hạn là 10 MB" (walk-clerk).
        var bigText = bigPage.QuerySelector("#report-form")!.TextContent;
        Assert.True(bigText.Contains("quá lớn (10,1 MB). Giới hạn là 10 MB", StringComparison.Ordinal), bigText);
        Assert.Equal(0, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.TaskAttachments.CountAsync(a => a.TaskId == task.Id)));
    }

    [Fact]
    public async Task Overdue_ReportNeedsExplanation()
    {
        var task = (await FollowUpFixture.IssueAsync(app, Due(AnLacUb, -1))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");

        var (_, before) = await anLac.GetPageAsync($"/tasks/{task.Id}");
        var without = await anLac.SubmitAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "Đang làm.", ["ReportPercent"] = "70" });
        var withIt = await anLac.SubmitAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "Đang làm.", ["ReportPercent"] = "70", ["ReportExplanation"] = "Mưa bão kéo dài." });

        Assert.Equal("Chưa hoàn thành quá hạn", before.QuerySelector("#status")!.TextContent.Trim());
        Assert.NotNull(before.QuerySelector("#report-explanation"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, without.StatusCode);
        Assert.Contains("giải trình", await without.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, withIt.StatusCode);
        var report = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.TaskId == task.Id));
        Assert.Equal("Mưa bão kéo dài.", report.Explanation);
    }

    [Fact]
    public async Task Extension_ApprovedOnce_SecondNotOffered_AndRefusedIfForced()
    {
        var task = (await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 3))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");
        var newDue = FollowUpFixture.Today.AddDays(30);

        var asked = await anLac.SubmitAsync($"/tasks/{task.Id}", "extend", new() { ["ExtendTo"] = newDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["ExtendReason"] = "Chờ số liệu của huyện." });
        var unitApproves = await anLac.SubmitAsync($"/tasks/{task.Id}", "decide", new() { ["Approve"] = "true" }, tokenSourceUrl: $"/tasks/{task.Id}");
        var approved = await clerk.SubmitAsync($"/tasks/{task.Id}", "decide", new() { ["Approve"] = "true" });
        var (_, after) = await anLac.GetPageAsync($"/tasks/{task.Id}");
        var current = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        await using var scope = app.Scope();
        var forced = await scope.ServiceProvider.GetRequiredService<RequestExtension>()
            .RunAsync(new(task.Id, current.Version, newDue.AddDays(30), "Thêm lần nữa."), await app.UserAsync("xa.anlac"));

        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        Assert.Contains(unitApproves.StatusCode, Refused);
        Assert.Equal(HttpStatusCode.SeeOther, approved.StatusCode);
        Assert.Equal(newDue.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), after.QuerySelector("#due")!.TextContent.Trim());
        Assert.Null(after.QuerySelector("#extend-form"));
        Assert.Contains("tối đa 1 lần", Assert.Single(forced.Errors).Message, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((newDue, 1), (stored.DueOn!.Value, stored.ExtensionsGranted));
    }

    [Fact]
    public async Task Coordinator_AddsInputButCannotReportProgressOrClose()
    {
        var task = (await FollowUpFixture.IssueAsync(app, Due(BinhDongUb, 10, [AnLacMt]))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");

        var (status, page) = await anLac.GetPageAsync($"/tasks/{task.Id}");
        var input = await anLac.SubmitAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "MTTQ xã đã tuyên truyền.", ["ReportPercent"] = "100" });
        var close = await anLac.SubmitAsync($"/tasks/{task.Id}", "complete", new() { ["CompleteResult"] = "Xong." }, tokenSourceUrl: $"/tasks/{task.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("#input-form"));
        Assert.Null(page.QuerySelector("#report-form"));
        Assert.Equal(HttpStatusCode.SeeOther, input.StatusCode);
        Assert.Contains(close.StatusCode, Refused);
        var stored = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((0, TaskState.Open), (stored.Percent, stored.State));
        var report = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.TaskId == task.Id));
        Assert.Equal((TaskReportKind.CoordinatorInput, (int?)null), (report.Kind, report.Percent));
    }

    [Fact]
    public async Task TwoCommunes_LeadReportsWhilePartnerAddsInput_BothLandResendRefused()
    {
        // Bình Đông leads, An Lạc's Front coordinates; both open the task page, An Lạc sends its input first.
        var task = (await FollowUpFixture.IssueAsync(app, Due(BinhDongUb, 10, [AnLacMt]))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");
        var (_, leadPage) = await binhDong.GetPageAsync($"/tasks/{task.Id}");
        var (_, partnerPage) = await anLac.GetPageAsync($"/tasks/{task.Id}");
        var leadVersion = leadPage.QuerySelector<IHtmlInputElement>("#report-form input[name='Version']")!.Value;
        var partnerVersion = partnerPage.QuerySelector<IHtmlInputElement>("#input-form input[name='Version']")!.Value;

        var input = await anLac.SubmitAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "An Lạc cử 2 cán bộ tham gia tổ công tác.", ["Version"] = partnerVersion });
        var report = await binhDong.SubmitAsync($"/tasks/{task.Id}", "report",
            new() { ["ReportText"] = "Bình Đông đã họp liên tịch với An Lạc.", ["ReportPercent"] = "40", ["Version"] = leadVersion });
        // The lead's report moved the task; the partner's page, older, still takes a new input.
        var second = await anLac.SubmitAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "An Lạc đã gửi danh sách cán bộ.", ["Version"] = partnerVersion });
        // A resend of the same input (back and send again) is refused, with the time it was sent.
        var resend = await anLac.SubmitAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "An Lạc đã gửi danh sách cán bộ.", ["Version"] = partnerVersion });

        Assert.Equal(HttpStatusCode.SeeOther, input.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, report.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resend.StatusCode);
        Assert.Contains("Ý kiến này đã được gửi lúc", AppClient.Parse(await resend.Content.ReadAsStringAsync()).Body!.TextContent, StringComparison.Ordinal);
        var reports = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().Where(r => r.TaskId == task.Id).OrderBy(r => r.At).ToListAsync());
        Assert.Equal([TaskReportKind.CoordinatorInput, TaskReportKind.Progress, TaskReportKind.CoordinatorInput], reports.Select(r => r.Kind));
        var stored = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(40, stored.Percent);

        // The lead's own stale page is still refused: its report would overwrite the percent it no longer shows.
        var stale = await binhDong.SubmitAsync($"/tasks/{task.Id}", "report",
            new() { ["ReportText"] = "Báo cáo từ trang cũ.", ["ReportPercent"] = "10", ["Version"] = leadVersion });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task TaskPage_DueOnASaturdayAHolidayOrAWorkingDay_DayOffNamedNextToTheDueDay()
    {
        // Found walking as the chair: "trước 19/12/2026" falls on a Saturday and nothing said so. The deadline stays as
        // written; the page names the day off so the unit plans for the working day before.
        var year = FollowUpFixture.Today.Year + 5;
        var holiday = (await app.WithDbAsync(db => new Briefings.Web.Features.Meetings.HolidayStore(db).GetAsync(year))).Days[0];
        // A Saturday that is not also on the list (1/5 may be one: then the holiday's name is shown).
        var saturday = FollowUpFixture.Today.AddDays(10);
        while (saturday.DayOfWeek != DayOfWeek.Saturday
            || (await app.WithDbAsync(db => new Briefings.Web.Features.Meetings.HolidayStore(db).GetAsync(saturday.Year))).Days.Any(h => h.Date == saturday))
        {
            saturday = saturday.AddDays(1);
        }

        // A working day after it: not a weekend and not on the year's list (Tết or 30/4 may fall on any weekday).
        var weekday = saturday.AddDays(3);
        while (!(await app.WithDbAsync(db => new Briefings.Web.Features.Meetings.HolidayStore(db).CalendarAsync(weekday.Year))).IsWorkingDay(weekday))
        {
            weekday = weekday.AddDays(1);
        }

        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(AnLacUb, Deadline.By(saturday)),
            new FollowUpFixture.Spec(AnLacUb, Deadline.By(holiday.Date)), new FollowUpFixture.Spec(AnLacUb, Deadline.By(weekday)));
        using var anLac = await app.LoginAsync("xa.anlac");

        var (_, onSaturday) = await anLac.GetPageAsync($"/tasks/{issued.Task(1).Id}");
        var (_, onHoliday) = await anLac.GetPageAsync($"/tasks/{issued.Task(2).Id}");
        var (_, onWeekday) = await anLac.GetPageAsync($"/tasks/{issued.Task(3).Id}");

        Assert.Equal(" (thứ Bảy, ngày nghỉ)", onSaturday.QuerySelector("#due-off")?.TextContent);
        Assert.Equal($" ({holiday.Name}, ngày nghỉ)", onHoliday.QuerySelector("#due-off")?.TextContent);
        Assert.Null(onWeekday.QuerySelector("#due-off"));
        Assert.Equal(FollowUpText.Date(weekday), onWeekday.QuerySelector("#due")?.TextContent);
    }

    [Fact]
    public async Task Withdraw_PendingRequest_ReopensTaskReportKeptWithReason()
    {
        var task = (await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 10))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        await anLac.SubmitAsync($"/tasks/{task.Id}", "complete", new() { ["CompleteResult"] = "Gửi nhầm." });
        var request = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.TaskId == task.Id));

        var withdrawn = await anLac.SubmitAsync($"/tasks/{task.Id}", $"withdraw-{request.Id:N}", new() { ["WithdrawReason"] = "Chưa xong, gửi nhầm." });
        var (location, page) = await anLac.FollowAsync(withdrawn);

        Assert.Equal($"/tasks/{task.Id}", location);
        Assert.Contains("Đã rút lại báo cáo", page.QuerySelector("#message")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đã rút lại", page.QuerySelector($"#reports li[data-id='{request.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#complete-form"));
        var stored = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal((TaskReportState.Withdrawn, "Chưa xong, gửi nhầm."), (stored.State, stored.StateReason));
        Assert.Equal(TaskState.Open, (await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id))).State);
    }

    [Fact]
    public async Task StatusPredicate_InSql_MatchesComputedStatus()
    {
        var issued = await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 5), Due(AnLacUb, 0), Due(AnLacUb, -2), new FollowUpFixture.Spec(AnLacUb, Deadline.Ongoing), Due(AnLacUb, 8));
        var done = issued.Task(5);
        await using (var scope = app.Scope())
        {
            var request = await scope.ServiceProvider.GetRequiredService<RequestCompletion>().RunAsync(new(done.Id, done.Version, "Xong.", null, null, []), await app.UserAsync("xa.anlac"));
            Assert.True(request.Succeeded);
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ReviewCompletion>().RunAsync(new(done.Id, done.Version + 1, true, null), await app.UserAsync("vanphong")));
        }

        var today = FollowUpFixture.Today;
        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == issued.ConclusionId).ToListAsync());
        foreach (var status in Enum.GetValues<FollowUpStatus>())
        {
            var inSql = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.ConclusionId == issued.ConclusionId).Where(FollowUpStatuses.Is(status, today)).CountAsync());
            Assert.Equal(tasks.Count(t => t.StatusOn(today) == status), inSql);
        }

        Assert.Equal([FollowUpStatus.OpenOnTime, FollowUpStatus.OpenOnTime, FollowUpStatus.OpenOverdue, FollowUpStatus.NoDeadline, FollowUpStatus.DoneOnTime],
            tasks.OrderBy(t => t.ItemNumber).DistinctBy(t => t.ItemNumber).Select(t => t.StatusOn(today)));
    }

    [Fact]
    public async Task StalePage_Conflict_NothingOverwritten()
    {
        var task = (await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 10))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");

        var stale = await anLac.SubmitAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "Cũ", ["ReportPercent"] = "10", ["Version"] = (task.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id)));
    }

    [Fact]
    public async Task UseCases_OtherUnitOrCoordinator_Forbidden_NothingStored()
    {
        var task = (await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 10, [AnLacMt]))).Task(1);
        var binhDong = await app.UserAsync("xa.binhdong");
        var anLac = await app.UserAsync("xa.anlac");
        var leader = await app.UserAsync("bithu");
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;

        var report = await services.GetRequiredService<SubmitReport>().RunAsync(new(task.Id, task.Version, "Giả mạo", 90, null, []), binhDong);
        var complete = await services.GetRequiredService<RequestCompletion>().RunAsync(new(task.Id, task.Version, "Giả mạo", null, null, []), binhDong);
        var extend = await services.GetRequiredService<RequestExtension>().RunAsync(new(task.Id, task.Version, FollowUpFixture.Today.AddDays(60), "x"), binhDong);
        var review = await services.GetRequiredService<ReviewCompletion>().RunAsync(new(task.Id, task.Version, true, null), anLac);
        var decide = await services.GetRequiredService<DecideExtension>().RunAsync(new(task.Id, task.Version, true, null), anLac);
        var leaderReport = await services.GetRequiredService<SubmitReport>().RunAsync(new(task.Id, task.Version, "Lãnh đạo", 90, null, []), leader);

        Assert.Equal([Error.Forbidden], report.Errors);
        Assert.Equal([Error.Forbidden], complete.Errors);
        Assert.Equal([Error.Forbidden], extend.Errors);
        Assert.Equal([Error.Forbidden], review);
        Assert.Equal([Error.Forbidden], decide);
        Assert.Equal([Error.Forbidden], leaderReport.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.TaskExtensions.CountAsync(r => r.TaskId == task.Id)));
    }
}
