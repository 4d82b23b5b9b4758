namespace Briefings.Browser.Tests.Features.Audit;

/// <summary>The audit log in a real browser: the filter form submits as a browser does, the page reads in
/// Vietnamese at desktop width and on a 360-px phone; screenshots for a person to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, 900, "audit-desktop")]
    [InlineData(360, 760, "audit-filtered-phone")]
    public async Task AuditPage_FilterByObjectType_RowsInVietnameseNoSidewaysScroll(int width, int height, string name)
    {
        var page = await browser.LoginAsync("vanphong", width, height);
        await page.GotoAsync(browser.BaseUrl + "/audit");

        await page.SelectOptionAsync("#type", "Unit");
        await page.ClickAsync("#audit-filter button[type=submit]");
        await page.WaitForURLAsync("**/audit?*type=Unit*");

        await BrowserFixture.ScreenshotAsync(page, name);
        var objects = await page.Locator("#entries td[data-label='Đối tượng']").AllInnerTextsAsync();
        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.StartsWith("Đơn vị", o.Trim(), StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("#entries code.json").CountAsync());
        Assert.True(await page.Locator("#export").IsVisibleAsync());
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the audit log scrolls sideways");
        await page.Context.CloseAsync();
    }
}
