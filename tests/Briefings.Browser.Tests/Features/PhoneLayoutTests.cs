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
}
