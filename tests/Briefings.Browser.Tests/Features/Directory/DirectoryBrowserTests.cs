using Briefings.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.Directory;

[Collection(BrowserCollection.Name)]
public sealed class DirectoryBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(360, 760, "phone")]
    public async Task Clerk_SearchesCommuneWithoutDiacritics_OpensItAndSeesItsUnits(int width, int height, string device)
    {
        var page = await browser.LoginAsync("vanphong", width, height);
        await BrowserFixture.ScreenshotAsync(page, $"home-{device}");

        await page.GotoAsync(browser.BaseUrl + "/directory");
        await BrowserFixture.ScreenshotAsync(page, $"directory-{device}");
        await page.FillAsync("#q", "xa an lac");
        await page.PressAsync("#q", "Enter");
        await page.Locator("#unit-results").WaitForAsync();
        await HeadingFocusedAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"search-{device}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Xã An Lạc", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/directory/units/*");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Xã An Lạc");
        var children = await page.Locator("ul.tree li a").AllInnerTextsAsync();
        Assert.Contains("Đảng ủy xã An Lạc", children);
        Assert.Contains("Ủy ban nhân dân xã An Lạc", children);
        Assert.Contains("Ủy ban MTTQ Việt Nam xã An Lạc", children);
        Assert.Contains("Hội Nông dân xã An Lạc", children);
        await BrowserFixture.ScreenshotAsync(page, $"commune-{device}");

        // No horizontal scrolling on a phone.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the page scrolls sideways");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CommuneStaff_EditsOwnPersonWithBadPhone_MessageNextToFieldAndTypedValuesKept()
    {
        var person = await browser.App.FirstPersonOfAsync(Demo.AnLac + "-DTN");
        var page = await browser.LoginAsync("xa.anlac", 360, 760);

        await page.GotoAsync($"{browser.BaseUrl}/directory/people/{person.Id}/edit");
        await page.FillAsync("#phone", "goi so 0912");
        await page.FillAsync("#email", "thuky.doanxa@example.vn");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForLoadStateAsync();
        await BrowserFixture.ScreenshotAsync(page, "person-edit-error-phone");

        await Assertions.Expect(page.Locator(".validation-message")).ToContainTextAsync("Số điện thoại chỉ gồm chữ số");
        Assert.Equal("goi so 0912", await page.InputValueAsync("#phone"));
        Assert.Equal("thuky.doanxa@example.vn", await page.InputValueAsync("#email"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Clerk_KeyboardOnly_SearchesAndOpensUnit()
    {
        var page = await browser.LoginAsync("vanphong");
        await page.GotoAsync(browser.BaseUrl + "/directory");
        await HeadingFocusedAsync(page);

        for (var i = 0; i < 15 && await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") != "q"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.TypeAsync("hoi nong dan phu my");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#unit-results").WaitForAsync();
        await HeadingFocusedAsync(page);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''") != "Hội Nông dân xã Phú Mỹ"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Equal("Hội Nông dân xã Phú Mỹ", await page.EvaluateAsync<string>("() => document.activeElement?.textContent ?? ''"));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hội Nông dân xã Phú Mỹ");
        await page.Context.CloseAsync();
    }

    /// <summary>After a full page load Blazor puts the focus on the page's heading (FocusOnNavigate), but only when
    /// nothing has the focus yet. A Tab pressed before that moved focus into the menu instead, and the count of Tabs
    /// then ended on another link (CI, 8 Dec: "Tài khoản người dùng" opened). A keyboard user starts from the heading.</summary>
    private static Task HeadingFocusedAsync(IPage page) =>
        page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'", null, new() { PollingInterval = 50 });
}
