using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Web.Features.FollowUp;
using AngleSharp.Dom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>The task page's report form posted as a browser posts it (multipart, the explanation left empty), and
/// with a value that cannot be read: the report is kept whole, or nothing is saved.</summary>
[Collection(AppCollection.Name)]
public sealed class TaskPageFormPostTests(AppFactory app)
{
    [Fact]
    public async Task Report_EmptyOptionalExplanation_SavedAndReadBack()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");
        var text = $"Đã triển khai ở 5 ấp {Guid.NewGuid():N}";

        var sent = await anLac.PostMultipartAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = text, ["ReportPercent"] = "40", ["ReportExplanation"] = "" });

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var report = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.TaskId == issued.Task(1).Id));
        Assert.Equal((text, 40), (report.Text, report.Percent));
    }

    /// <summary>Found from outside (walk-commune): a commune's home page read "Nhiệm vụ mới: KẾT LUẬN Số 04-KL/HU …" and
    /// "Văn bản đến: Kết luận Số 04-KL/HU" — the document's capitals in the middle of a sentence. Both notices now name the
    /// document as pages do, "Kết luận số 04-KL/HU".</summary>
    [Fact]
    public async Task HomeNotices_NewTaskAndIncomingDocument_NameTheDocumentAsPagesDo()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-DU", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        var conclusion = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == issued.ConclusionId));
        var number = conclusion.Number!.ToString();
        var lead = await app.UnitAsync(Demo.AnLac + "-DU");

        // The notices of this document to its lead unit (the home page shows the newest ten of the commune's).
        var text = string.Join("\n", await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.UnitId == lead.Id && n.Text.Contains(conclusion.Summary)).Select(n => n.Text).ToListAsync()));
        Assert.Contains($"Nhiệm vụ mới: Kết luận số {number} “", text, StringComparison.Ordinal);
        Assert.Contains($"Văn bản đến: Kết luận số {number} — ", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"KẾT LUẬN Số {number}", text, StringComparison.Ordinal);
    }

    /// <summary>Found from outside (walk-commune): Bình Đông, coordinating An Lạc's task, pressed "Gửi ý kiến" and was told
    /// "Đã gửi báo cáo." — the lead's wording, as if it had reported on the task. Each now hears what it sent.</summary>
    [Fact]
    public async Task Input_CoordinatingCommuneSendsItsInput_ToldInputSentNotReport_LeadToldReportSent()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-DU", Deadline.By(FollowUpFixture.Today.AddDays(20)), [Demo.BinhDong + "-DU"]));
        var url = $"/tasks/{issued.Task(1).Id}";
        using var binhDong = await app.LoginAsync("xa.binhdong");
        using var anLac = await app.LoginAsync("xa.anlac");

        var (_, partnerPage) = await binhDong.FollowAsync(await binhDong.PostMultipartAsync(url, "report", new() { ["ReportText"] = "Xã Bình Đông thống nhất hướng tuyến, đã họp dân." }));
        var (_, leadPage) = await anLac.FollowAsync(await anLac.PostMultipartAsync(url, "report", new() { ["ReportText"] = "Đã khảo sát toàn tuyến.", ["ReportPercent"] = "30" }));

        Assert.Equal("Đã gửi ý kiến phối hợp.", partnerPage.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal("Đã gửi báo cáo.", leadPage.QuerySelector("#message")!.TextContent.Trim());
    }

    /// <summary>Found from outside: the inbox said "Mục I.2", the task page and search "mục 2" — with sections, "mục 2"
    /// does not say which item. Every place now labels it as the conclusion numbers it.</summary>
    [Fact]
    public async Task TaskPageAndSearch_ItemOfSectionI_LabelledIPointN_AsTheInbox()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");
        var text = $"Báo cáo nhãn mục {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.SeeOther, (await anLac.PostMultipartAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = text, ["ReportPercent"] = "10" })).StatusCode);

        var (status, page) = await anLac.GetPageAsync($"/tasks/{issued.Task(1).Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Nhiệm vụ mục I.1 ", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        (status, page) = await anLac.GetPageAsync($"/followup/search?q={Uri.EscapeDataString(text)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Kết luận số {issued.Task(1).ConclusionNumber}, mục I.1 ", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PercentThatCannotBeRead_RefusedNothingSaved()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");

        var sent = await anLac.PostMultipartAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = "Đã làm một phần", ["ReportPercent"] = "bốn mươi" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        Assert.Contains("Chưa lưu gì", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.TaskReports.AnyAsync(r => r.TaskId == issued.Task(1).Id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("before-due")]
    public async Task Extend_DateAndReasonBothWrong_BothMessagesNextToTheirFieldsNothingSaved(string date)
    {
        var due = FollowUpFixture.Today.AddDays(20);
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(due)));
        using var anLac = await app.LoginAsync("xa.anlac");
        var posted = date == "" ? "" : due.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var sent = await anLac.SubmitAsync($"/tasks/{issued.Task(1).Id}", "extend", new() { ["ExtendTo"] = posted, ["ExtendReason"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        var page = AppClient.Parse(await sent.Content.ReadAsStringAsync());
        Assert.NotEmpty(page.QuerySelector("#extend-date")!.ParentElement!.QuerySelectorAll(".validation-message"));
        Assert.Contains("Vui lòng nêu lý do đề nghị gia hạn.", page.QuerySelector("#extend-reason")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.TaskExtensions.AnyAsync(e => e.TaskId == issued.Task(1).Id)));
    }

    /// <summary>Post/Redirect/Get, found from outside: the answer to a report was the page itself, so Back or a reload on
    /// a phone asked to send the report again. Now the post answers 303 to the task; its GET shows the notice once and
    /// the report once, and a reload (a GET) neither shows the notice again nor adds a report or an audit entry.</summary>
    [Fact]
    public async Task Report_AsBrowserPostsIt_303ToTheTaskNoticeOnceReportOnceOneAuditEntry()
    {
        var task = (await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        var url = $"/tasks/{task.Id}";
        var text = $"Đã họp dân ở 4 ấp {Guid.NewGuid():N}";
        var (_, form) = await anLac.GetPageAsync(url);
        var fields = BrowserForm.Fields(form, "report-form");
        fields["ReportText"] = text;
        fields["ReportPercent"] = "35";

        var sent = await BrowserForm.PostMultipartAsync(anLac, url, fields, "Files");

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal(url, sent.Headers.Location!.AbsolutePath);
        var (location, page) = await anLac.FollowAsync(sent);
        Assert.Equal(url, location);
        Assert.Equal("Đã gửi báo cáo.", page.QuerySelector("#message")!.TextContent.Trim());
        Assert.Single(page.QuerySelectorAll("#reports li.report"), li => li.TextContent.Contains(text, StringComparison.Ordinal));
        Assert.Equal("35 %", page.QuerySelector("#percent")!.TextContent.Trim());
        Assert.Equal("", page.QuerySelector("#report-text")!.TextContent);

        var (status, reloaded) = await anLac.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(reloaded.QuerySelector("#message"));
        Assert.Single(reloaded.QuerySelectorAll("#reports li.report"));
        Assert.Equal(1, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "TaskReport" && a.EntityId == task.Id.ToString() && a.After!.Contains(text))));
    }

    /// <summary>Every other form of the task page ends the same way: 303 to the task, its notice shown on the GET with
    /// the change it made — extension asked and granted, completion asked, returned and withdrawn, confirmed.</summary>
    [Fact]
    public async Task EveryTaskForm_Successful_303ToTheTaskWithItsNoticeAndTheChange()
    {
        var due = FollowUpFixture.Today.AddDays(10);
        var task = (await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(due)))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/tasks/{task.Id}";
        var newDue = due.AddDays(15);

        async Task<AngleSharp.Html.Dom.IHtmlDocument> Step(AppClient who, string form, Dictionary<string, string> fields, string notice, bool multipart = false)
        {
            var (_, before) = await who.GetPageAsync(url);
            var posted = BrowserForm.Fields(before, form);
            foreach (var (k, v) in fields)
            {
                posted[k] = v;
            }

            var sent = multipart ? await BrowserForm.PostMultipartAsync(who, url, posted, "Files") : await BrowserForm.PostAsync(who, url, posted);
            var (location, page) = await who.FollowAsync(sent);
            Assert.Equal(url, location);
            Assert.Equal(notice, page.QuerySelector("#message")!.TextContent.Trim());
            return page;
        }

        var page = await Step(anLac, "extend-form", new() { ["ExtendTo"] = newDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["ExtendReason"] = "Chờ số liệu." }, "Đã gửi đề nghị gia hạn.");
        Assert.Contains("Chờ xem xét", page.QuerySelector("#extensions")!.TextContent, StringComparison.Ordinal);
        page = await Step(clerk, "decide", new() { ["Approve"] = "true", ["DecisionNote"] = "" }, "Đã đồng ý gia hạn.");
        Assert.Equal(FollowUpText.Date(newDue), page.QuerySelector("#due")!.TextContent.Trim());
        page = await Step(anLac, "complete-form", new() { ["CompleteResult"] = "Đã xong lần một." }, "Đã gửi đề nghị công nhận hoàn thành. Văn phòng sẽ xem xét và trả lời.", multipart: true);
        Assert.NotNull(page.QuerySelector("#awaiting"));
        page = await Step(clerk, "review", new() { ["Decision"] = "return", ["ReviewNote"] = "Thiếu biên bản." }, "Đã trả lại đề nghị hoàn thành cho đơn vị.");
        Assert.Contains("Thiếu biên bản.", page.QuerySelector("#reports")!.TextContent, StringComparison.Ordinal);
        page = await Step(anLac, "complete-form", new() { ["CompleteResult"] = "Đã xong, kèm biên bản." }, "Đã gửi đề nghị công nhận hoàn thành. Văn phòng sẽ xem xét và trả lời.", multipart: true);
        var request = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().Where(r => r.TaskId == task.Id && r.Text == "Đã xong, kèm biên bản.").SingleAsync());
        page = await Step(anLac, $"withdraw-{request.Id:N}", new() { ["WithdrawReason"] = "Gửi nhầm." }, "Đã rút lại báo cáo; báo cáo vẫn được lưu kèm lý do.");
        Assert.NotNull(page.QuerySelector("#complete-form"));
        await Step(anLac, "complete-form", new() { ["CompleteResult"] = "Đã xong hẳn." }, "Đã gửi đề nghị công nhận hoàn thành. Văn phòng sẽ xem xét và trả lời.", multipart: true);
        page = await Step(clerk, "review", new() { ["Decision"] = "confirm", ["ReviewNote"] = "" }, "Đã công nhận hoàn thành nhiệm vụ.");
        Assert.Equal("Hoàn thành đúng hạn", page.QuerySelector("#status")!.TextContent.Trim());

        var stored = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal((TaskState.Done, newDue), (stored.State, stored.DueOn!.Value));
        Assert.Equal(3, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id)));
    }

    /// <summary>A refused post is not redirected: it answers in place (409 for a stale page, 422 for a missing
    /// explanation) with everything typed still in the fields and the message next to the field.</summary>
    [Fact]
    public async Task Report_RefusedStaleOrMissingExplanation_AnswersInPlaceTypedValuesKept()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(-2))));
        var task = issued.Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        var url = $"/tasks/{task.Id}";
        var (_, form) = await anLac.GetPageAsync(url);
        var fields = BrowserForm.Fields(form, "report-form");
        fields["ReportText"] = "Đã làm ở ấp Đông";
        fields["ReportPercent"] = "45";

        var missing = await BrowserForm.PostMultipartAsync(anLac, url, fields, "Files");
        fields["ReportExplanation"] = "Mưa lũ kéo dài";
        fields["Version"] = (task.Version - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stale = await BrowserForm.PostMultipartAsync(anLac, url, fields, "Files");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Null(missing.Headers.Location);
        var page = AppClient.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal("Đã làm ở ấp Đông", page.QuerySelector("#report-text")!.TextContent);
        Assert.Equal("45", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#report-percent")!.Value);
        Assert.NotEmpty(page.QuerySelector("#report-explanation")!.ParentElement!.QuerySelectorAll(".validation-message"));
        Assert.Null(page.QuerySelector("#message"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Null(stale.Headers.Location);
        page = AppClient.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal("Đã làm ở ấp Đông", page.QuerySelector("#report-text")!.TextContent);
        Assert.Equal("Mưa lũ kéo dài", page.QuerySelector("#report-explanation")!.TextContent);
        Assert.NotNull(page.QuerySelector(".alert-error"));
        Assert.Equal(0, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id)));
    }
}
