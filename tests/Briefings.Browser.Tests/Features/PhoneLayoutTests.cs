using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Browser.Tests.Features;

/// <summary>Every form page fits a 360-px phone without sideways scrolling; screenshots for a person to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("admin", "/accounts", "accounts")]
    [InlineData("admin", "/audit", "audit")]
    [InlineData("admin", "/meetings/policy", "policy")]
    [InlineData("vanphong", "/meetings/new", "meeting-new")]
    [InlineData("vanphong", "/directory/units/new?parent=X-01", "unit-new")]
    [InlineData("vanphong", "/directory/import", "import")]
    [InlineData("xa.anlac", "/Account/Manage/ChangePassword", "change-password")]
    [InlineData("xa.anlac", "/Account/Manage/TwoFactorAuthentication", "two-factor")]
    public async Task Page_OnPhone_NoSidewaysScroll(string user, string path, string name)
    {
        var page = await browser.LoginAsync(user, 360, 760);

        var response = await page.GotoAsync(browser.BaseUrl + path);

        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await BrowserFixture.ScreenshotAsync(page, $"{name}-phone");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{path} scrolls sideways on a phone");
        await page.Context.CloseAsync();
    }

    /// <summary>The home page's notices on a phone: the ones not seen yet stand out ("Mới", tinted), the list fits
    /// 360 px with a long notice, and on the next visit they are seen.</summary>
    [Fact]
    public async Task HomeNotices_OnPhone_NewOnesMarkedThenSeen_NoSidewaysScroll()
    {
        var account = await browser.App.NewAccountAsync(Briefings.Core.Organizations.Roles.Clerk, "X-01-UB");
        var tag = Guid.NewGuid().ToString("N")[..6];
        await browser.App.WithDbAsync(async db =>
        {
            var unit = await db.Units.Where(u => u.Code == "X-01-UB").Select(u => u.Id).SingleAsync();
            foreach (var text in new[]
            {
                $"Giấy mời: Hội nghị giao ban tuyên giáo quý IV năm 2026 và triển khai nhiệm vụ trọng tâm năm 2027 {tag}",
                $"Nhiệm vụ mới: Kết luận số 12-KL/HU, mục I.2 — rà soát cơ sở vật chất nhà văn hóa ấp {tag}",
            })
            {
                db.Notifications.Add(new Briefings.Data.Notification { UnitId = unit, Text = text, Link = "tasks", CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync();
            }

            return 0;
        });

        var page = await browser.LoginAsync(account.UserName!, 360, 760);

        await Microsoft.Playwright.Assertions.Expect(page.Locator("#notice-list li.notice-new", new() { HasText = tag })).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "home-notices-phone");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "home scrolls sideways on a phone");
        await page.ReloadAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#notice-list li", new() { HasText = tag })).ToHaveCountAsync(2);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#notice-list li.notice-new", new() { HasText = tag })).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "home-notices-seen-phone");
        await page.Context.CloseAsync();
    }
}
