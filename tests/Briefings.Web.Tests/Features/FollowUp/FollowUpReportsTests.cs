using System.Globalization;
using System.Net;
using System.Text;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>Reminders (fake clock, two instances), the dashboard and its exports, search and the review of the
/// previous conclusion — each proving that another unit's tasks never show.</summary>
[Collection(AppCollection.Name)]
public sealed class FollowUpReportsTests(AppFactory app)
{
    private static readonly string AnLacUb = Demo.AnLac + "-UB";
    private static readonly string AnLacMt = Demo.AnLac + "-MT";
    private static readonly string BinhDongUb = Demo.BinhDong + "-UB";

    private static FollowUpFixture.Spec By(string lead, DateOnly due) => new(lead, Deadline.By(due));

    /// <summary>08:00 in Vietnam on <paramref name="day"/>.</summary>
    private static FakeTimeProvider ClockAt(DateOnly day) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7)).ToUniversalTime());

    [Fact]
    public async Task Reminders_OneDigestPerUnitAndLeader_EachReminderOnce_EvenWithTwoInstances()
    {
        // A database of its own: the digest names every unit with a task due or overdue that day, so another test's
        // task (a shared database) would land in it and the exact unit set below could not be asserted.
        using var own = new ConfiguredAppFactory(new Dictionary<string, string?>());
        var day = FollowUpFixture.Today.AddDays(400 + Random.Shared.Next(0, 300));
        var issued = await FollowUpFixture.IssueOnAsync(own, day.AddDays(-60),
            By(AnLacUb, day.AddDays(7)), By(AnLacUb, day.AddDays(1)), By(AnLacMt, day), By(BinhDongUb, day.AddDays(-30)), By(BinhDongUb, day.AddDays(-5)));
        var clock = ClockAt(day);
        var options = Options.Create(new FollowUpReminderOptions());
        var scopes = own.Services.GetRequiredService<IServiceScopeFactory>();
        var a = new FollowUpReminders(scopes, clock, options, NullLogger<FollowUpReminders>.Instance);
        var b = new FollowUpReminders(scopes, clock, options, NullLogger<FollowUpReminders>.Instance);

        var sent = await Task.WhenAll(a.RunOnceAsync(default), b.RunOnceAsync(default), a.RunOnceAsync(default));
        var again = await b.RunOnceAsync(default);

        var units = await own.WithDbAsync(db => db.Units.AsNoTracking().Where(u => u.Code == AnLacUb || u.Code == AnLacMt || u.Code == BinhDongUb).ToDictionaryAsync(u => u.Code, u => u.Id));
        var bithu = await own.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "bithu"));
        var digests = await own.WithDbAsync(db => db.FollowUpDigests.AsNoTracking().Where(d => d.Day == day).ToDictionaryAsync(d => d.Recipient));
        Assert.Equal(digests.Count, sent.Sum());
        Assert.Equal(0, again);
        Assert.Equal(
            new[] { $"unit:{units[AnLacMt]}", $"unit:{units[AnLacUb]}", $"unit:{units[BinhDongUb]}" }.Order(),
            digests.Keys.Where(k => k.StartsWith("unit:", StringComparison.Ordinal)).Order());
        Assert.Contains($"leader:{bithu.Id}", digests.Keys);

        var tag = issued.Task(1).ItemText;
        var anLac = digests[$"unit:{units[AnLacUb]}"];
        Assert.Equal(2, anLac.Tasks);
        Assert.Contains("Còn 7 ngày đến hạn (1)", anLac.Text, StringComparison.Ordinal);
        Assert.Contains("Còn 1 ngày đến hạn (1)", anLac.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Excerpt(issued.Task(4)), anLac.Text, StringComparison.Ordinal);
        Assert.Contains("Đến hạn hôm nay (1)", digests[$"unit:{units[AnLacMt]}"].Text, StringComparison.Ordinal);
        var binhDong = digests[$"unit:{units[BinhDongUb]}"];
        Assert.Equal(1, binhDong.Tasks); // overdue by 30 days; the one 5 days late has no reminder today
        Assert.Contains("Quá hạn (1)", binhDong.Text, StringComparison.Ordinal);
        Assert.Contains(Excerpt(issued.Task(4)), binhDong.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Excerpt(issued.Task(5)), binhDong.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Excerpt(issued.Task(1)), binhDong.Text, StringComparison.Ordinal);
        var leader = digests[$"leader:{bithu.Id}"];
        Assert.Contains(Excerpt(issued.Task(4)), leader.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Excerpt(issued.Task(1)), leader.Text, StringComparison.Ordinal);
        Assert.NotNull(tag);

        // One in-own notice per digest, and one e-mail per unit digest to the unit's people.
        var now = clock.GetUtcNow();
        var notices = await own.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.CreatedAt == now && n.Text.StartsWith("Nhắc việc")).ToListAsync());
        Assert.Single(notices, n => n.UnitId == units[AnLacUb]);
        Assert.Single(notices, n => n.UnitId == units[BinhDongUb] && n.Text.Contains("1 nhiệm vụ quá hạn", StringComparison.Ordinal));
        // The leader's notice and mail lead to the list of overdue tasks under the menu they name, not to the dashboard
        // of every task (walk-review: "/followup?status=overdue" opened all 37 of the demo's tasks, the mail said
        // "Nhiệm vụ được giao").
        Assert.Single(notices, n => n.UnitId == bithu.UnitId && n.Link == "/followup/tasks?status=overdue");
        Assert.Contains("Xem danh sách nhiệm vụ quá hạn tại mục \"Tình hình thực hiện\": ", leader.Text, StringComparison.Ordinal);
        Assert.EndsWith("/followup/tasks?status=overdue", leader.Text.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("Xem chi tiết và báo cáo tại mục \"Nhiệm vụ được giao\": ", anLac.Text, StringComparison.Ordinal);
        Assert.EndsWith("/tasks", anLac.Text.TrimEnd(), StringComparison.Ordinal);
        var subject = $"Nhắc việc thực hiện kết luận ngày {day:dd/MM/yyyy}";
        var mails = System.IO.Directory.Exists(Path.Combine(own.Folder, "mail"))
            ? System.IO.Directory.GetFiles(Path.Combine(own.Folder, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Where(m => m.Subject == subject).ToList()
            : [];
        var anLacPeople = await own.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.UnitId == units[AnLacUb] && p.Email != null).Select(p => p.Email!).ToListAsync());
        if (anLacPeople.Count > 0)
        {
            Assert.Single(mails, m => m.To.Mailboxes.Any(x => anLacPeople.Contains(x.Address)));
        }

        Assert.InRange(mails.Count, 1, 4);

        // The next day: the task due then is reminded "today", the one due yesterday is one day late (and escalated); once each.
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await Task.WhenAll(a.RunOnceAsync(default), b.RunOnceAsync(default));
        var next = await own.WithDbAsync(db => db.FollowUpDigests.AsNoTracking().Where(d => d.Day == day.AddDays(1)).ToListAsync());
        Assert.Equal(next.Count, nextDay.Sum());
        Assert.Contains("Đến hạn hôm nay (1)", Assert.Single(next, d => d.Recipient == $"unit:{units[AnLacUb]}").Text, StringComparison.Ordinal);
        Assert.Contains("Quá hạn (1)", Assert.Single(next, d => d.Recipient == $"unit:{units[AnLacMt]}").Text, StringComparison.Ordinal);
        Assert.Contains(next, d => d.Recipient == $"leader:{bithu.Id}");
        Assert.DoesNotContain(next, d => d.Recipient == $"unit:{units[BinhDongUb]}");
    }

    [Fact]
    public async Task Reminders_OverdueForYears_InDigestEveryWeekUntilDone_LeaderMailedWithAbsoluteLinks()
    {
        using var own = new ConfiguredAppFactory(new Dictionary<string, string?>());
        var day = FollowUpFixture.Today.AddDays(10);

        // Overdue 30 + 7 × 50 days: on the weekly cadence today and a week on; 377 days: its turn comes in 3 days;
        // 31 days: in none of these three digests.
        var issued = await FollowUpFixture.IssueOnAsync(own, day.AddDays(-800),
            By(BinhDongUb, day.AddDays(-380)), By(BinhDongUb, day.AddDays(-377)), By(AnLacUb, day.AddDays(-31)));
        var clock = ClockAt(day);
        var reminders = new FollowUpReminders(own.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            Options.Create(new FollowUpReminderOptions()), NullLogger<FollowUpReminders>.Instance);

        var first = await reminders.RunOnceAsync(default);
        clock.Advance(TimeSpan.FromDays(3));
        var threeDaysLater = await reminders.RunOnceAsync(default);
        clock.Advance(TimeSpan.FromDays(4));
        var aWeekLater = await reminders.RunOnceAsync(default);

        var binhDong = await own.UnitAsync(BinhDongUb);
        var anLac = await own.UnitAsync(AnLacUb);
        var digests = await own.WithDbAsync(db => db.FollowUpDigests.AsNoTracking().ToListAsync());
        var unitDigests = digests.Where(d => d.Recipient.StartsWith("unit:", StringComparison.Ordinal)).Select(d => (d.Recipient, d.Day)).Order().ToList();
        Assert.Equal(
            new[] { ($"unit:{binhDong.Id}", day), ($"unit:{binhDong.Id}", day.AddDays(3)), ($"unit:{binhDong.Id}", day.AddDays(7)) }.Order(),
            unitDigests);
        Assert.DoesNotContain(digests, d => d.Recipient == $"unit:{anLac.Id}");
        Assert.Contains(Excerpt(issued.Task(1)), digests.Single(d => d.Recipient == $"unit:{binhDong.Id}" && d.Day == day).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Excerpt(issued.Task(2)), digests.Single(d => d.Recipient == $"unit:{binhDong.Id}" && d.Day == day).Text, StringComparison.Ordinal);
        Assert.Contains(Excerpt(issued.Task(2)), digests.Single(d => d.Recipient == $"unit:{binhDong.Id}" && d.Day == day.AddDays(3)).Text, StringComparison.Ordinal);
        Assert.Equal(3, digests.Count(d => d.Recipient.StartsWith("leader:", StringComparison.Ordinal)));
        Assert.Equal(6, first + threeDaysLater + aWeekLater);

        // The supervising leader is mailed at the address of his directory record; every link is absolute.
        var bithu = await own.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "bithu"));
        var address = await own.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.Id == bithu.PersonId).Select(p => p.Email).SingleAsync());
        Assert.False(string.IsNullOrEmpty(address));
        var mails = System.IO.Directory.GetFiles(Path.Combine(own.Folder, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        var leaderMails = mails.Where(m => m.To.Mailboxes.Any(x => x.Address == address)).ToList();
        Assert.Equal(3, leaderMails.Count);
        Assert.Equal(2, leaderMails.Count(m => m.TextBody!.Contains($"http://localhost:5080/tasks/{issued.Task(1).Id}", StringComparison.Ordinal)));
        Assert.Single(leaderMails, m => m.TextBody!.Contains($"http://localhost:5080/tasks/{issued.Task(2).Id}", StringComparison.Ordinal));
        Assert.All(mails, m => Assert.DoesNotContain("(/tasks)", m.TextBody, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains("http://localhost:5080/", m.TextBody, StringComparison.Ordinal));

        // Done, it leaves the digest.
        clock.Advance(TimeSpan.FromDays(7));
        await own.WithDbAsync(async db =>
        {
            foreach (var task in await db.FollowUpTasks.Where(t => t.ConclusionId == issued.ConclusionId).ToListAsync())
            {
                var request = task.RequestCompletion(task.LeadUnitId, "Đã hoàn thành.", null, "Chậm do thiếu kinh phí.", "xa.binhdong", clock.GetUtcNow());
                Assert.True(request.Succeeded);
                db.Add(request.Value!);
                Assert.Null(task.Confirm(request.Value!, null, "vanphong", clock.GetUtcNow()));
            }

            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await reminders.RunOnceAsync(default));
    }

    [Fact]
    public async Task Dashboard_CountsDrillDownAndExports_OnlyWithinScope()
    {
        var today = FollowUpFixture.Today;
        var issued = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-100),
            By(AnLacUb, today.AddDays(20)), By(BinhDongUb, today.AddDays(10)), By(BinhDongUb, today.AddDays(-40)));
        var q = $"conclusion={issued.ConclusionId}";
        using var anLac = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");
        var binhDongUnit = await app.UnitAsync(BinhDongUb);

        var (status, own) = await anLac.GetPageAsync($"/followup?{q}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("(1 nhiệm vụ", own.QuerySelector("#totals h2")!.TextContent, StringComparison.Ordinal);
        Assert.Null(own.QuerySelector($"#units li[data-id='{binhDongUnit.Id}']"));
        Assert.DoesNotContain(issued.Task(2).ItemText, own.Body!.TextContent, StringComparison.Ordinal);

        var (_, office) = await clerk.GetPageAsync($"/followup?{q}");
        Assert.Contains("(3 nhiệm vụ", office.QuerySelector("#totals h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", office.QuerySelector("#totals a[data-status='overdue'] strong")!.TextContent);
        Assert.Equal("1", office.QuerySelector("#ageing a[data-status='over30'] strong")!.TextContent);
        Assert.Equal("0", office.QuerySelector("#ageing a[data-status='over90'] strong")!.TextContent);
        Assert.NotNull(office.QuerySelector($"#units li[data-id='{binhDongUnit.Id}']"));

        // Drill-down: the office sees the overdue task; the commune sees none of them, nor another unit's list.
        var (_, drill) = await clerk.GetPageAsync($"/followup/tasks?{q}&status=overdue");
        Assert.Equal([issued.Task(3).Id.ToString()], drill.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")!).ToList());
        var (_, anLacDrill) = await anLac.GetPageAsync($"/followup/tasks?{q}");
        Assert.Equal([issued.Task(1).Id.ToString()], anLacDrill.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")!).ToList());
        var (otherUnit, _) = await anLac.GetPageAsync($"/followup/tasks?{q}&unit={binhDongUnit.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, otherUnit);
        var (otherDashboard, _) = await anLac.GetPageAsync($"/followup?unit={binhDongUnit.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, otherDashboard);

        // Exports read back: the commune's holds its task only; the office's holds all three.
        var xlsx = await anLac.Http.GetAsync($"/followup/export.xlsx?{q}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = (await Sheet(xlsx, "Danh sách nhiệm vụ")).Select(r => (string?)r["Nội dung nhiệm vụ"]).ToList();
        Assert.Equal([issued.Task(1).ItemText], rows);
        var units = (await Sheet(xlsx, "Tổng hợp theo đơn vị")).Select(r => (string?)r["Đơn vị chủ trì"]).ToList();
        Assert.DoesNotContain(binhDongUnit.Name, units);
        var docx = await anLac.Http.GetAsync($"/followup/export.docx?{q}");
        var (text, fonts) = Word(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("BÁO CÁO\nTình hình thực hiện kết luận", text, StringComparison.Ordinal);
        Assert.Contains(issued.Task(1).ItemText, text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Task(2).ItemText, text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Task(3).ItemText, text, StringComparison.Ordinal);
        Assert.DoesNotContain(binhDongUnit.Name, text, StringComparison.Ordinal);
        Assert.Equal(["Times New Roman"], fonts);
        var refused = await anLac.Http.GetAsync($"/followup/export.xlsx?unit={binhDongUnit.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var officeXlsx = await clerk.Http.GetAsync($"/followup/export.xlsx?{q}");
        var officeRows = (await Sheet(officeXlsx, "Danh sách nhiệm vụ")).Select(r => (string?)r["Nội dung nhiệm vụ"]).ToList();
        Assert.Equal(3, officeRows.Count);
        var (officeText, _) = Word(await (await clerk.Http.GetAsync($"/followup/export.docx?{q}")).Content.ReadAsByteArrayAsync());
        Assert.Contains(issued.Task(3).ItemText, officeText, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await app.Client().Http.GetAsync($"/followup/export.xlsx?{q}")).StatusCode);
    }

    [Fact]
    public async Task Dashboard_UnitLineWhoseSubunitLeadsToo_EveryCountDrillsDownToExactlyItsTasks()
    {
        // The district People's Committee leads one task; its Finance and Planning office (a unit under it) leads two.
        // The committee's line counts its own task only, so every number of the line must list exactly that many.
        var today = FollowUpFixture.Today;
        var issued = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-60),
            By("UB-TP", today.AddDays(20)), By("UB-TP-TCKH", today.AddDays(10)), By("UB-TP-TCKH", today.AddDays(-5)));
        var committee = await app.UnitAsync("UB-TP");
        using var leader = await app.LoginAsync("bithu");

        var (_, dashboard) = await leader.GetPageAsync($"/followup?conclusion={issued.ConclusionId}");
        var line = dashboard.QuerySelector($"#units li[data-id='{committee.Id}']")!;
        Assert.Contains("1 nhiệm vụ", line.QuerySelector(".fu-line-head")!.TextContent, StringComparison.Ordinal);
        var links = line.QuerySelectorAll(".fu-line-nums a").ToList();
        Assert.Equal(5, links.Count);
        foreach (var link in links)
        {
            var shown = int.Parse(link.TextContent.Trim().Split(' ')[^1], CultureInfo.InvariantCulture);
            var (status, list) = await leader.GetPageAsync("/" + link.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, status);
            var listed = list.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")).ToList();
            Assert.True(shown == listed.Count, $"“{link.TextContent.Trim()}” lists {listed.Count} tasks");
            Assert.All(listed, id => Assert.Equal(issued.Task(1).Id.ToString(), id));
        }

        // The line's name opens the dashboard of that lead unit: the same one task, not the office's two beside it.
        var (_, own) = await leader.GetPageAsync("/" + line.QuerySelector(".fu-line-head a")!.GetAttribute("href"));
        Assert.Contains("(1 nhiệm vụ", own.QuerySelector("#totals h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(committee.Name, own.QuerySelector("#filter-text")!.TextContent, StringComparison.Ordinal);

        // A commune may not open another unit's line.
        using var anLac = await app.LoginAsync("xa.anlac");
        var (refused, _) = await anLac.GetPageAsync($"/followup/tasks?lead={committee.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused);
    }

    [Fact]
    public async Task Dashboard_CompletionAndExtensionRequests_ChairSeesWhatWaitsForTheOfficeAndEachCountDrillsDown()
    {
        // An Lạc asks the office to confirm one task done and to extend another; Bình Đông asks both for one task.
        var today = FollowUpFixture.Today;
        var issued = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-60),
            By(AnLacUb, today.AddDays(20)), By(AnLacUb, today.AddDays(10)), By(BinhDongUb, today.AddDays(15)), By(BinhDongUb, today.AddDays(30)));
        await app.WithDbAsync(async db =>
        {
            var tasks = await db.FollowUpTasks.Where(t => t.ConclusionId == issued.ConclusionId).OrderBy(t => t.ItemNumber).ToListAsync();
            var at = DateTimeOffset.UtcNow;
            var extension1 = tasks[1].RequestExtension(tasks[1].LeadUnitId, today.AddDays(40), "Chờ kinh phí của huyện.", 1, "xa.anlac", at);
            Assert.True(extension1.Succeeded);
            db.Add(extension1.Value!);
            var extension2 = tasks[2].RequestExtension(tasks[2].LeadUnitId, today.AddDays(45), "Mưa bão.", 1, "xa.binhdong", at);
            Assert.True(extension2.Succeeded);
            db.Add(extension2.Value!);
            await db.SaveChangesAsync();
            foreach (var task in new[] { tasks[0], tasks[2] })
            {
                var request = task.RequestCompletion(task.LeadUnitId, "Đã hoàn thành.", null, null, "xa", at);
                Assert.True(request.Succeeded, string.Join(" ", request.Errors.Select(e => e.Message)));
                db.Add(request.Value!);
            }

            return await db.SaveChangesAsync();
        });

        using var chair = await app.LoginAsync("bithu");
        var (_, dashboard) = await chair.GetPageAsync($"/followup?conclusion={issued.ConclusionId}");
        var office = dashboard.QuerySelector("#office")!;
        Assert.Contains("Chờ Văn phòng xử lý (3 nhiệm vụ)", office.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var expected = new Dictionary<string, int[]> { ["awaiting"] = [1, 3], ["extension"] = [2, 3] };
        foreach (var (key, items) in expected)
        {
            var link = office.QuerySelector($"a[data-status='{key}']")!;
            Assert.Equal(items.Length.ToString(CultureInfo.InvariantCulture), link.QuerySelector("strong")!.TextContent);
            var (status, list) = await chair.GetPageAsync("/" + link.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(items.Select(i => issued.Task(i).Id.ToString()).Order(), list.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")!).Order());
            Assert.Contains("Văn phòng", list.QuerySelector("#filter-text")!.TextContent, StringComparison.Ordinal);
        }

        // A commune counts only its own units' requests.
        using var anLac = await app.LoginAsync("xa.anlac");
        var (_, own) = await anLac.GetPageAsync($"/followup?conclusion={issued.ConclusionId}");
        Assert.Contains("(2 nhiệm vụ)", own.QuerySelector("#office h2")!.TextContent, StringComparison.Ordinal);
        var (_, ownList) = await anLac.GetPageAsync($"/followup/tasks?conclusion={issued.ConclusionId}&status=office");
        Assert.Equal(new[] { issued.Task(1).Id.ToString(), issued.Task(2).Id.ToString() }.Order(), ownList.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")!).Order());
    }

    [Fact]
    public async Task InboxDrillDownAndExports_DueOnASaturdayOrAHoliday_DayOffNamedWorkingDayNot()
    {
        var today = FollowUpFixture.Today;
        var saturday = Enumerable.Range(3, 7).Select(today.AddDays).First(d => d.DayOfWeek == DayOfWeek.Saturday);
        var newYear = new DateOnly(today.Year + 1, 1, 1);
        var working = Enumerable.Range(3, 30).Select(today.AddDays).First(d => d.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday
            && PublicHolidays.Defaults(d.Year).All(h => h.Date != d));
        var issued = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-10), By(AnLacUb, saturday), By(AnLacUb, newYear), By(AnLacUb, working));
        using var anLac = await app.LoginAsync("xa.anlac");

        // The commune's inbox ("Nhiệm vụ được giao") and the office's drill-down name the day off next to the due day.
        var (_, inbox) = await anLac.GetPageAsync("/tasks");
        var (_, drill) = await anLac.GetPageAsync($"/followup/tasks?conclusion={issued.ConclusionId}");
        foreach (var page in new[] { inbox, drill })
        {
            string? Off(int item) => page.QuerySelector($"li.task[data-id='{issued.Task(item).Id}'] .due-off")?.TextContent;
            Assert.Equal("(thứ Bảy, ngày nghỉ)", Off(1));
            Assert.Equal("(Tết Dương lịch, ngày nghỉ)", Off(2));
            Assert.Null(Off(3));
        }

        // The exports write it in the due day's cell.
        var xlsx = await anLac.Http.GetAsync($"/followup/export.xlsx?conclusion={issued.ConclusionId}");
        var dues = (await Sheet(xlsx, "Danh sách nhiệm vụ")).Select(r => (string?)r["Thời hạn"]).ToList();
        Assert.Equal(new[] { $"{saturday:dd/MM/yyyy} (thứ Bảy, ngày nghỉ)", $"{newYear:dd/MM/yyyy} (Tết Dương lịch, ngày nghỉ)", $"{working:dd/MM/yyyy}" }.Order(StringComparer.Ordinal),
            dues.Order(StringComparer.Ordinal));
        var (text, _) = Word(await (await anLac.Http.GetAsync($"/followup/export.docx?conclusion={issued.ConclusionId}")).Content.ReadAsByteArrayAsync());
        Assert.Contains($"{newYear:dd/MM/yyyy} (Tết Dương lịch, ngày nghỉ)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_DiacriticsInsensitive_OnlyWhatTheUserMaySee()
    {
        var issued = await FollowUpFixture.IssueAsync(app, By(AnLacUb, FollowUpFixture.Today.AddDays(20)), By(BinhDongUb, FollowUpFixture.Today.AddDays(20)));
        var word = "kiemtra" + Guid.NewGuid().ToString("N")[..6];
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");
        using var clerk = await app.LoginAsync("vanphong");
        var sent = await anLac.PostMultipartAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = $"Đã rà soát xong {word} tại các ấp", ["ReportPercent"] = "40" });
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var tag = issued.Task(1).ItemText.Split(' ')[3]; // the fixture's tag, in both items and the summary

        // Without marks: "ra soat ho ngheo" finds "rà soát hộ nghèo".
        var (_, own) = await anLac.GetPageAsync($"/followup/search?q={Uri.EscapeDataString($"ra soat ho ngheo {tag}")}");
        var ownTasks = own.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")).ToList();
        Assert.Contains(issued.Task(1).Id.ToString(), ownTasks);
        Assert.DoesNotContain(issued.Task(2).Id.ToString(), ownTasks);
        Assert.NotNull(own.QuerySelector($"#conclusions li[data-id='{issued.ConclusionId}']"));
        var (_, ownReports) = await anLac.GetPageAsync($"/followup/search?q={Uri.EscapeDataString($"da ra soat {word}")}");
        Assert.Single(ownReports.QuerySelectorAll("#reports li.task"));

        // Bình Đông leads item 2 but did not receive the conclusion and never sees An Lạc's task or report.
        var (_, other) = await binhDong.GetPageAsync($"/followup/search?q={Uri.EscapeDataString($"ra soat ho ngheo {tag}")}");
        var otherTasks = other.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")).ToList();
        Assert.Equal([issued.Task(2).Id.ToString()], otherTasks);
        Assert.Null(other.QuerySelector($"#conclusions li[data-id='{issued.ConclusionId}']"));
        var (_, otherReports) = await binhDong.GetPageAsync($"/followup/search?q={Uri.EscapeDataString(word)}");
        Assert.Empty(otherReports.QuerySelectorAll("#reports li"));
        Assert.DoesNotContain(word, otherReports.Body!.TextContent, StringComparison.Ordinal);

        // The office sees both tasks, the report and the conclusion.
        var (_, office) = await clerk.GetPageAsync($"/followup/search?q={Uri.EscapeDataString($"RÀ SOÁT {tag}")}");
        Assert.Equal(2, office.QuerySelectorAll("#tasks li.task").Length);
        Assert.NotNull(office.QuerySelector($"#conclusions li[data-id='{issued.ConclusionId}']"));
    }

    [Fact]
    public async Task NextBriefingOfSeries_AgendaGetsReviewOfPreviousConclusion()
    {
        var today = FollowUpFixture.Today;
        var issued = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-60), By(AnLacUb, today.AddDays(-20)), By(BinhDongUb, today.AddDays(30)), new FollowUpFixture.Spec(AnLacMt, null));
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        var organizerCode = "BTC-" + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var parent = await db.Units.SingleAsync(u => u.Id == district.Id);
            var unit = Unit.Create(Guid.CreateVersion7(), organizerCode, "Ban tổ chức thử " + organizerCode, "Ban thử", UnitKind.PartyCommittee, parent);
            unit.Touch();
            db.Units.Add(unit);
            return await db.SaveChangesAsync();
        });

        var all = new AccessScope(true, null, null, true, true);
        Task<Core.Common.Result<Meeting>> SaveAsync(IServiceProvider sp, string title, DateOnly date) =>
            sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.QuarterlyBriefing, MeetingMode.Online,
                date, new TimeOnly(8, 0), new TimeOnly(11, 0), "Phòng thử kiểm điểm " + organizerCode, organizerCode, null, null, null, "Báo cáo tình hình quý | Văn phòng | 30", 0), all);

        Guid first;
        await using (var scope = app.Scope())
        {
            var saved = await SaveAsync(scope.ServiceProvider, "Giao ban quý thử (kỳ trước)", today.AddDays(-70));
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            first = saved.Value!.Id;
            Assert.DoesNotContain(saved.Value.Agenda, a => a.Title.StartsWith(ReviewPreviousConclusion.AgendaTitle, StringComparison.Ordinal));
        }

        await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == issued.ConclusionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MeetingId, (Guid?)first)));

        await using (var scope = app.Scope())
        {
            var saved = await SaveAsync(scope.ServiceProvider, "Giao ban quý thử (kỳ này)", today.AddDays(20));
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            var meeting = await scope.ServiceProvider.GetRequiredService<BriefingsDbContext>().Meetings.AsNoTracking().SingleAsync(m => m.Id == saved.Value!.Id);
            var agenda = meeting.Agenda.OrderBy(a => a.Order).ToList();
            Assert.StartsWith(ReviewPreviousConclusion.AgendaTitle, agenda[0].Title, StringComparison.Ordinal);
            Assert.Contains(issued.Task(1).ConclusionNumber, agenda[0].Title, StringComparison.Ordinal);
            Assert.Equal("Báo cáo tình hình quý", agenda[1].Title);

            var review = await app.WithDbAsync(db => db.FollowUpReviews.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id));
            Assert.Equal((first, issued.ConclusionId), (review.PreviousMeetingId, review.ConclusionId));
            Assert.Contains("3 nhiệm vụ", review.Summary, StringComparison.Ordinal);
            Assert.Contains("- Chưa hoàn thành quá hạn: 1", review.Summary, StringComparison.Ordinal);
            Assert.Contains("- Chưa hoàn thành trong hạn: 1", review.Summary, StringComparison.Ordinal);
            Assert.Contains("- Không thời hạn: 1", review.Summary, StringComparison.Ordinal);
            Assert.Contains(Excerpt(issued.Task(1), 200), review.Summary, StringComparison.Ordinal);
            Assert.Contains("- Mục I.1 (", review.Summary, StringComparison.Ordinal);
            Assert.DoesNotContain(Excerpt(issued.Task(2), 200), review.Summary, StringComparison.Ordinal);
            var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(e => e.EntityType == nameof(FollowUpReview) && e.EntityId == meeting.Id.ToString()));
            Assert.Equal(1, audited);

            // The office sees the summary under the agenda on the meeting page.
            using var clerk = await app.LoginAsync("vanphong");
            var (_, page) = await clerk.GetPageAsync($"/meetings/{meeting.Id}");
            Assert.Contains("Chưa hoàn thành quá hạn: 1", page.QuerySelector("#review")!.TextContent, StringComparison.Ordinal);
            // The summary is dated; the live state of the same conclusion is one click away.
            Assert.Equal($"followup?conclusion={issued.ConclusionId}", page.QuerySelector("#review-live")!.GetAttribute("href"));
            Assert.StartsWith(ReviewPreviousConclusion.AgendaTitle, page.QuerySelector("ol.agenda li")!.TextContent.Trim(), StringComparison.Ordinal);

            // Saving it again adds nothing twice.
            var again = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(meeting.Id, district.Id, meeting.Title, meeting.Type, meeting.Mode,
                today.AddDays(20), new TimeOnly(8, 0), new TimeOnly(11, 0), meeting.Place, organizerCode, null, null, null, null, meeting.Version), all);
            Assert.True(again.Succeeded, string.Join(" ", again.Errors.Select(e => e.Message)));
            Assert.Single(again.Value!.Agenda, a => a.Title.StartsWith(ReviewPreviousConclusion.AgendaTitle, StringComparison.Ordinal));
        }
    }

    private static string Excerpt(FollowUpTask task, int length = 160) => FollowUpText.Excerpt(task.ItemText, length);

    private static async Task<List<IDictionary<string, object?>>> Sheet(HttpResponseMessage response, string sheet)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private static (string Text, string[] Fonts) Word(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var text = new StringBuilder();
        foreach (var p in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            text.AppendLine(p.InnerText);
        }

        var fonts = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>().Select(f => f.Ascii?.Value ?? "").Distinct().ToArray();
        return (text.ToString(), fonts);
    }
}
