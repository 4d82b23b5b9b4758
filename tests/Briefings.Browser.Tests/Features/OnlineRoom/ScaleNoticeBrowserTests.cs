using Briefings.Web.Tests.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.OnlineRoom;

/// <summary>The chair's console in Chromium while a real redis-server is stopped and started by its PID: the notice
/// that the room runs on one instance appears and goes away by itself, and the room stays connected throughout.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Redis")]
public sealed class ScaleNoticeBrowserTests(BrowserFixture browser) : IDisposable
{
    private readonly RedisServer redis = new();

    [Fact]
    public async Task Console_RedisLostThenBack_ShowsOneInstanceNotice_ThenHidesIt()
    {
        using var app = new LiveRoomApp(new Dictionary<string, string?> { ["Redis:Connection"] = redis.Connection }).Start();
        var meeting = await app.NewOnlineMeetingAsync("Giao ban quý III năm 2030", new DateOnly(2030, 7, 6));
        var desktop = await LoginAsync(app, "vanphong", 1280, 900);
        var phone = await LoginAsync(app, "vanphong", 360, 760);
        foreach (var page in new[] { desktop, phone })
        {
            await page.GotoAsync($"{app.BaseUrl}/meetings/{meeting.Id}/console");
            await Assertions.Expect(page.Locator("#conn-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-ok"), new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#scale-notice")).ToBeHiddenAsync();
        }

        redis.Stop();
        foreach (var page in new[] { desktop, phone })
        {
            await Assertions.Expect(page.Locator("#scale-notice")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#scale-notice")).ToContainTextAsync("phòng họp chỉ chạy trên một máy chủ");
            await Assertions.Expect(page.Locator("#conn-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-ok"));
        }

        await BrowserFixture.ScreenshotAsync(desktop, "room-console-redis-down-desktop");
        await BrowserFixture.ScreenshotAsync(phone, "room-console-redis-down-phone");
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the console with the notice scrolls sideways on a phone");

        redis.Start();
        foreach (var page in new[] { desktop, phone })
        {
            await Assertions.Expect(page.Locator("#scale-notice")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#conn-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-ok"), new() { Timeout = 30_000 });
        }
    }

    private async Task<IPage> LoginAsync(KestrelAppFactory app, string userName, int width, int height)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await Briefings.Testing.BrowserSignIn.SignInAsync(page, app.BaseUrl, userName, AppFactory.DemoPassword);
        return page;
    }

    public void Dispose() => redis.Dispose();
}
