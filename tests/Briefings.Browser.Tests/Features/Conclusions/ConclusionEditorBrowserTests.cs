using Briefings.Web.Infrastructure.Demo;

namespace Briefings.Browser.Tests.Features.Conclusions;

/// <summary>The office imports an existing conclusion, reviews the proposed directives, saves the draft and
/// submits it; the leader approves it. Screenshots of the editor (desktop and phone), the draft and its versions.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConclusionEditorBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Import_Review_Save_Submit_Approve()
    {
        var page = await browser.LoginAsync("vanphong");
        await page.GotoAsync(browser.BaseUrl + "/conclusions/register");
        await page.ClickAsync("text=Nhập văn bản có sẵn");
        await page.FillAsync("#import-text", DemoConclusionText.Text);
        await page.ClickAsync("text=Phân tích văn bản");

        await page.WaitForSelectorAsync("#message");
        Assert.Contains("14 mục", await page.InnerTextAsync("#message"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "conclusion-editor");
        // The clerk leaves out the collective addressees the parser could not give to one unit.
        foreach (var row in await page.QuerySelectorAllAsync(".directive-row:has(.note)"))
        {
            foreach (var input in await row.QuerySelectorAllAsync("input"))
            {
                await input.FillAsync("");
            }
        }

        await page.ClickAsync("#save");
        await page.WaitForSelectorAsync("#draft-state");
        Assert.Contains("Đã lưu dự thảo", await page.InnerTextAsync("#message"), StringComparison.Ordinal);
        Assert.Contains("Phòng TC-KH huyện nghiên cứu", await page.InnerTextAsync("#document"), StringComparison.Ordinal);
        // The header as printed (walk-office): issuer and number in the left column, the national heading beside them.
        var issuerBox = (await page.Locator("#issuer").BoundingBoxAsync())!;
        var nationalBox = (await page.Locator("#national").BoundingBoxAsync())!;
        Assert.True(nationalBox.X > issuerBox.X + issuerBox.Width && Math.Abs(nationalBox.Y - issuerBox.Y) < 40,
            $"national heading at ({nationalBox.X}, {nationalBox.Y}), issuer at ({issuerBox.X}, {issuerBox.Y}, {issuerBox.Width} wide)");
        var draftUrl = page.Url.Split('?')[0];
        await page.ClickAsync("#submit");
        await page.WaitForSelectorAsync("text=Đã trình ký");
        await BrowserFixture.ScreenshotAsync(page, "conclusion-draft");
        // The PDF is made by LibreOffice behind a queue: the page says so while it waits.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[data-pdf-status]"));
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("PDF", await page.InnerTextAsync("#pdf-status"), StringComparison.Ordinal);
        await page.ClickAsync("#versions-link");
        await page.WaitForSelectorAsync("#versions");
        await BrowserFixture.ScreenshotAsync(page, "conclusion-versions");

        var phone = await browser.LoginAsync("vanphong", 360, 760);
        await phone.GotoAsync(draftUrl + "/edit");
        await BrowserFixture.ScreenshotAsync(phone, "conclusion-editor-phone");
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the editor scrolls sideways on a phone");

        var leader = await browser.LoginAsync("bithu");
        await leader.GotoAsync(draftUrl);
        await leader.ClickAsync("#approve");
        await leader.WaitForSelectorAsync("text=Đã duyệt");
        Assert.Contains("đã duyệt", await leader.InnerTextAsync("#draft-state"), StringComparison.Ordinal);

        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
        await leader.Context.CloseAsync();
    }
}
