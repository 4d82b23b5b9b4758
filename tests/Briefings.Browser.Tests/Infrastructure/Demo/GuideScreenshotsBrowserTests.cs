using Briefings.Core.Conclusions;
using Briefings.Core.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Infrastructure;

/// <summary>The app with the demo district and its year of history, as <c>dotnet run</c> starts it in Development.</summary>
public sealed class DemoHistoryBrowserFixture() : BrowserFixture(new Dictionary<string, string?> { ["Demo:History"] = "true" });

/// <summary>
/// Walks the demo as each role does and saves the pictures of the user guide (docs/huong-dan-su-dung.md) into
/// docs/images/, on a desktop (1280 px) and on a 360-px phone, under fixed names (role-page-desktop.png,
/// role-page-phone.png). Each page must answer 200, show its content (not an empty list) and fit the phone without
/// sideways scrolling.
/// </summary>
public sealed class GuideScreenshotsBrowserTests(DemoHistoryBrowserFixture browser) : IClassFixture<DemoHistoryBrowserFixture>
{
    public static TheoryData<string, string, string, string> Pages => new()
    {
        // role picture, account, address ({upcoming}, {issued}, {task}, {held} are looked up), what must be on it
        { "van-thu-trang-chu", "vanphong", "/", "main h1" },
        { "van-thu-lich-hop", "vanphong", "/meetings", "#meetings tbody tr" },
        { "van-thu-cuoc-hop", "vanphong", "/meetings/{upcoming}", "main h1" },
        { "van-thu-ban-dieu-hanh", "vanphong", "/meetings/{held}/console", "#queue li" },
        { "van-thu-soan-ket-luan", "vanphong", "/conclusions/new?meeting={upcoming}", "#conclusion-form" },
        { "van-thu-so-van-ban", "vanphong", "/conclusions/register", "#register tbody tr" },
        { "van-thu-nhiem-vu", "vanphong", "/tasks", "#office-queue li" },
        { "van-thu-theo-doi", "vanphong", "/followup", "#units li" },
        { "lanh-dao-trang-chu", "bithu", "/", "main h1" },
        { "lanh-dao-ket-luan", "bithu", "/conclusions/{issued}", "#document" },
        { "lanh-dao-theo-doi", "bithu", "/followup", "#units li" },
        { "can-bo-xa-van-ban-den", "xa.anlac", "/conclusions/inbox", "#inbox tbody tr" },
        { "can-bo-xa-cuoc-hop", "xa.anlac", "/meetings/{upcoming}", "#proposal-list" },
        { "can-bo-xa-nhiem-vu", "xa.anlac", "/tasks", "#tasks li" },
        { "can-bo-xa-bao-cao", "xa.anlac", "/tasks/{task}", "#report-text" },
        { "ky-thuat-diem-cau", "kythuat.anlac", "/meetings/{upcoming}/readiness", "main h1" },
        { "quan-tri-tai-khoan", "admin", "/accounts", "main table" },
        { "quan-tri-nhat-ky", "admin", "/audit", "#entries tbody tr" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task GuidePage_DesktopAndPhone_ShowsContentAndSavesPicture(string name, string userName, string address, string content)
    {
        var path = await ResolveAsync(address);
        foreach (var (suffix, width, height) in new[] { ("desktop", 1280, 860), ("phone", 360, 760) })
        {
            var page = await browser.LoginAsync(userName, width, height);
            var response = await page.GotoAsync(browser.BaseUrl + path);

            Assert.True(response!.Ok, $"{path} answered {response.Status} to {userName}");
            // Live pages (the console) fill in once connected: wait for the content, not just the page.
            await Assertions.Expect(page.Locator(content).First).ToBeAttachedAsync(new() { Timeout = 30_000 });
            await page.ScreenshotAsync(new() { Path = Path.Combine(ImagesFolder, $"{name}-{suffix}.png") });
            if (suffix == "phone")
            {
                var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
                Assert.False(overflow, $"{path} scrolls sideways on a phone");
            }

            await page.Context.CloseAsync();
        }
    }

    /// <summary>docs/images of the repository this test was built from.</summary>
    private static string ImagesFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Briefings.slnx")))
            {
                folder = folder.Parent;
            }

            var images = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Briefings.slnx not found above the test folder."), "docs", "images");
            Directory.CreateDirectory(images);
            return images;
        }
    }

    private async Task<string> ResolveAsync(string address)
    {
        var now = DateTimeOffset.UtcNow;
        return await browser.App.WithDbAsync(async db =>
        {
            var path = address;
            if (path.Contains("{upcoming}", StringComparison.Ordinal))
            {
                var id = await db.Meetings.Where(m => m.StartsAt > now && m.Status == MeetingStatus.Invited).Select(m => m.Id).FirstAsync();
                path = path.Replace("{upcoming}", id.ToString(), StringComparison.Ordinal);
            }

            if (path.Contains("{held}", StringComparison.Ordinal))
            {
                var meetings = await db.Meetings.AsNoTracking().Where(m => m.Type == MeetingType.QuarterlyBriefing).ToListAsync();
                var id = meetings.Where(m => m.StartsAt < now).OrderByDescending(m => m.StartsAt).First().Id;
                path = path.Replace("{held}", id.ToString(), StringComparison.Ordinal);
            }

            if (path.Contains("{issued}", StringComparison.Ordinal))
            {
                var issued = await db.Conclusions.AsNoTracking().Where(c => c.Status == ConclusionStatus.Issued && c.TypeCode == "KL").ToListAsync();
                path = path.Replace("{issued}", issued.OrderByDescending(c => c.IssuedOn).First().Id.ToString(), StringComparison.Ordinal);
            }

            if (path.Contains("{task}", StringComparison.Ordinal))
            {
                // An Lạc's open task that runs on a granted extension: reports, a file, the new due day.
                var lead = await db.Units.Where(u => u.Code == "X-01-UB").Select(u => u.Id).SingleAsync();
                var task = await db.FollowUpTasks.Where(t => t.LeadUnitId == lead && t.CompletedOn == null && t.ExtensionsGranted > 0).Select(t => t.Id).FirstAsync();
                path = path.Replace("{task}", task.ToString(), StringComparison.Ordinal);
            }

            return path;
        });
    }
}
