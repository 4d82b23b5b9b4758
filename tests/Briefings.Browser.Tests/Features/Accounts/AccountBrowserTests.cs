using Briefings.Core.Organizations;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Browser.Tests.Features.Accounts;

[Collection(BrowserCollection.Name)]
public sealed class AccountBrowserTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(360, 740, "phone")]
    public async Task Admin_LocksAccountOnItsPage_StatusShownAndNoCspViolation(int width, int height, string device)
    {
        var account = await fixture.App.NewAccountAsync(Roles.Technician, Demo.AnLac);
        var page = await fixture.LoginAsync("admin", width, height);
        var violations = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(m.Text);
            }
        };

        await page.GotoAsync(fixture.BaseUrl + "/accounts");
        await page.ClickAsync($"#accounts a:text-is('{account.UserName}')");
        await page.WaitForSelectorAsync("#account");
        await BrowserFixture.ScreenshotAsync(page, $"account-page-{device}");
        await page.ClickAsync("button:text-is('Khóa tài khoản')");
        await page.WaitForSelectorAsync("#done");
        var status = await page.TextContentAsync("#status");
        await BrowserFixture.ScreenshotAsync(page, $"account-locked-{device}");
        await page.ClickAsync("button:text-is('Mở khóa')");
        await page.WaitForSelectorAsync("#status:text-is('Hoạt động')");

        // Pages with the import map and Blazor's script, under the CSP.
        foreach (var path in new[] { "/", "/meetings", "/directory", "/Account/Manage/ChangePassword" })
        {
            await page.GotoAsync(fixture.BaseUrl + path);
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        }

        Assert.Equal("Đang bị khóa", status);
        Assert.Empty(violations);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"page is {scrollWidth}px wide on a {width}px screen");
    }
}
