using System.Text;
using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.FollowUp;

[Collection(BrowserCollection.Name)]
public sealed class FollowUpBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task CommuneReportsAndAsksToClose_ClerkReturnsOnceThenConfirms()
    {
        // A conclusion is issued: An Lạc's People's Committee leads item 1 with its Front, the commune's party
        // committee has a late item and an ongoing one, Bình Đông has its own.
        var today = FollowUpFixture.Today;
        var issued = await FollowUpFixture.IssueAsync(browser.App,
            new FollowUpFixture.Spec("X-01-UB", Deadline.By(today.AddDays(10)), ["X-01-MT"]),
            new FollowUpFixture.Spec("X-01-DU", Deadline.By(today.AddDays(-3))),
            new FollowUpFixture.Spec("X-01-DU", Deadline.Ongoing),
            new FollowUpFixture.Spec("X-02-UB", Deadline.InMonth(today.Year, today.Month)));
        var task = issued.Task(1);
        var taskUrl = browser.BaseUrl + $"/tasks/{task.Id}";

        // The commune sees its tasks (not Bình Đông's), reports 50 % with a file and asks to close.
        var commune = await browser.LoginAsync("xa.anlac");
        await commune.GotoAsync(browser.BaseUrl + "/tasks");
        await Assertions.Expect(commune.Locator($"#tasks li[data-id='{task.Id}']")).ToContainTextAsync("Chưa hoàn thành trong hạn");
        await Assertions.Expect(commune.Locator($"#tasks li[data-id='{issued.Task(2).Id}']")).ToContainTextAsync("Chưa hoàn thành quá hạn");
        await Assertions.Expect(commune.Locator($"#tasks li[data-id='{issued.Task(4).Id}']")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(commune, "tasks-inbox-desktop");

        await commune.Locator($"#tasks li[data-id='{task.Id}'] a.task-title").ClickAsync();
        await Assertions.Expect(commune.Locator("#item-text")).ToContainTextAsync("rà soát hộ nghèo");
        await commune.FillAsync("#report-text", "Đã rà soát 3/6 ấp; lập danh sách hộ cận nghèo.");
        await commune.FillAsync("#report-percent", "50");
        await commune.SetInputFilesAsync("#report-files", new FilePayload { Name = "bien-ban-ra-soat.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 biên bản") });
        await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#message")).ToContainTextAsync("Đã gửi báo cáo");
        await Assertions.Expect(commune.Locator("#percent")).ToHaveTextAsync("50 %");
        await Assertions.Expect(commune.Locator("#reports a", new() { HasText = "bien-ban-ra-soat.pdf" })).ToHaveCountAsync(1);

        await commune.FillAsync("#complete-result", "Đã rà soát xong 6 ấp, danh sách đã niêm yết.");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Đề nghị công nhận hoàn thành" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#state")).ToHaveTextAsync("Chờ Văn phòng xác nhận hoàn thành");
        await BrowserFixture.ScreenshotAsync(commune, "task-page-desktop");

        // The clerk finds it in the office's queue and returns it with a reason.
        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync(browser.BaseUrl + "/tasks");
        await clerk.Locator($"#office-queue li[data-id='{task.Id}'] a.task-title").ClickAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".validation-message")).ToContainTextAsync("lý do trả lại");
        await clerk.FillAsync("#review-note", "Đề nghị bổ sung biên bản có chữ ký trưởng ấp.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã trả lại");

        // The commune sees why, and asks again.
        await commune.GotoAsync(taskUrl);
        await Assertions.Expect(commune.Locator("#reports")).ToContainTextAsync("bổ sung biên bản có chữ ký trưởng ấp");
        await commune.FillAsync("#complete-result", "Đã bổ sung biên bản có chữ ký của 6 trưởng ấp.");
        await commune.SetInputFilesAsync("#complete-files", new FilePayload { Name = "bien-ban-co-chu-ky.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 ký") });
        await commune.GetByRole(AriaRole.Button, new() { Name = "Đề nghị công nhận hoàn thành" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#state")).ToHaveTextAsync("Chờ Văn phòng xác nhận hoàn thành");

        // The dashboard of this conclusion before the confirmation.
        var dashboardUrl = browser.BaseUrl + $"/followup?conclusion={issued.ConclusionId}";
        await clerk.GotoAsync(dashboardUrl);
        var doneBefore = await CountAsync(clerk, "done-on-time");
        var openBefore = await CountAsync(clerk, "open");
        Assert.Equal(0, doneBefore);
        Assert.Equal(1, await CountAsync(clerk, "overdue"));

        // The clerk confirms: done on time.
        await clerk.GotoAsync(taskUrl);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Công nhận hoàn thành" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#status")).ToHaveTextAsync("Hoàn thành đúng hạn");
        await BrowserFixture.ScreenshotAsync(clerk, "task-page-confirmed-desktop");

        // The dashboard counts follow: one more done on time, one fewer open within its term.
        await clerk.GotoAsync(dashboardUrl);
        Assert.Equal(doneBefore + 1, await CountAsync(clerk, "done-on-time"));
        Assert.Equal(openBefore - 1, await CountAsync(clerk, "open"));
        await Assertions.Expect(clerk.Locator($"#units li[data-id='{task.LeadUnitId}']")).ToContainTextAsync("hoàn thành 100 %");
        await BrowserFixture.ScreenshotAsync(clerk, "followup-dashboard-desktop");

        // On a 360-px phone: the inbox and the task page fit the width.
        var phone = await browser.LoginAsync("xa.anlac", 360, 760);
        await phone.GotoAsync(browser.BaseUrl + "/tasks");
        await Assertions.Expect(phone.Locator($"#tasks li[data-id='{issued.Task(2).Id}']")).ToHaveCountAsync(1);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The inbox scrolls sideways at 360 px.");
        await BrowserFixture.ScreenshotAsync(phone, "tasks-inbox-phone");
        await phone.GotoAsync(browser.BaseUrl + $"/tasks/{issued.Task(2).Id}");
        await Assertions.Expect(phone.Locator("#report-explanation")).ToHaveCountAsync(1);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The task page scrolls sideways at 360 px.");
        await BrowserFixture.ScreenshotAsync(phone, "task-page-phone");
        await phone.GotoAsync(taskUrl);
        await BrowserFixture.ScreenshotAsync(phone, "task-page-done-phone");
        await phone.GotoAsync(browser.BaseUrl + "/followup");
        await Assertions.Expect(phone.Locator("#totals")).ToHaveCountAsync(1);
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The dashboard scrolls sideways at 360 px.");
        await BrowserFixture.ScreenshotAsync(phone, "followup-dashboard-phone");
        await clerk.SetViewportSizeAsync(360, 760);
        await clerk.GotoAsync(dashboardUrl);
        Assert.True(await clerk.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The office dashboard scrolls sideways at 360 px.");
        await BrowserFixture.ScreenshotAsync(clerk, "followup-dashboard-office-phone");
    }

    /// <summary>Found from outside: after a report the page was the post's own answer, so a reload on a phone asked to
    /// send the form again (and a resend could file the report twice). The post now answers 303 to the task: the page
    /// is reached by GET, a reload is a GET, the notice is shown once and the report is there once (one audit entry).</summary>
    [Fact]
    public async Task Report_ThenReload_ReloadIsAGetNoticeOnceReportOnce()
    {
        var task = (await FollowUpFixture.IssueAsync(browser.App, new FollowUpFixture.Spec("X-01-UB", Deadline.By(FollowUpFixture.Today.AddDays(12))))).Task(1);
        var taskUrl = browser.BaseUrl + $"/tasks/{task.Id}";
        foreach (var (width, name) in new[] { (1280, "desktop"), (360, "phone") })
        {
            var text = $"Đã tuyên truyền ở 5 ấp ({name}) {Guid.NewGuid():N}";
            var commune = await browser.LoginAsync("xa.anlac", width, 760);
            var posts = new List<int>();
            commune.Response += (_, r) =>
            {
                if (r.Request.Method == "POST" && r.Url == taskUrl)
                {
                    posts.Add(r.Status);
                }
            };
            await commune.GotoAsync(taskUrl);
            await commune.FillAsync("#report-text", text);
            await commune.FillAsync("#report-percent", width == 360 ? "60" : "40");
            await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await Assertions.Expect(commune.Locator("#message")).ToHaveTextAsync("Đã gửi báo cáo.");
            Assert.Equal([303], posts);
            Assert.Equal(taskUrl, commune.Url);
            Assert.Equal("navigate", await commune.EvaluateAsync<string>("performance.getEntriesByType('navigation')[0].type"));
            await BrowserFixture.ScreenshotAsync(commune, $"task-report-notice-{name}");
            if (width == 360)
            {
                Assert.True(await commune.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "The task page with its notice scrolls sideways at 360 px.");
            }

            var reloads = new List<string>();
            commune.Request += (_, r) =>
            {
                if (r.IsNavigationRequest && r.Frame == commune.MainFrame)
                {
                    reloads.Add(r.Method);
                }
            };
            await commune.ReloadAsync();

            Assert.Equal(["GET"], reloads);
            Assert.Equal("reload", await commune.EvaluateAsync<string>("performance.getEntriesByType('navigation')[0].type"));
            await Assertions.Expect(commune.Locator("#message")).ToHaveCountAsync(0);
            await Assertions.Expect(commune.Locator("#reports li.report", new() { HasText = text })).ToHaveCountAsync(1);
            Assert.Equal(1, await browser.App.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task.Id && r.Text == text)));
            Assert.Equal(1, await browser.App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "TaskReport" && a.EntityId == task.Id.ToString() && a.After!.Contains(text))));
            await commune.Context.CloseAsync();
        }
    }

    private static async Task<int> CountAsync(IPage page, string status) =>
        int.Parse(await page.Locator($"#totals a[data-status='{status}'] strong").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
}
