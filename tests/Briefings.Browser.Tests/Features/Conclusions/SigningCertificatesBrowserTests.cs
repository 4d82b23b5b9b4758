using Briefings.Web.Features.Conclusions.Signing;

namespace Briefings.Browser.Tests.Features.Conclusions;

/// <summary>The admin's certificate page in a real browser: a wrong password is said under its field, the right one
/// saves and lists the certificate; screenshots at desktop and 360 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SigningCertificatesBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task CertificatePage_AdminUploadsP12_WrongPasswordSaidThenSavedAndListed()
    {
        var name = "Huyện ủy thử " + Guid.NewGuid().ToString("N")[..6];
        var (pfx, password) = SigningCertificates.DevelopmentCertificate(name, DateTimeOffset.UtcNow);
        var file = Path.Combine(Path.GetTempPath(), $"chung-thu-{Guid.NewGuid():N}.p12");
        await File.WriteAllBytesAsync(file, pfx);
        try
        {
            var admin = await browser.LoginAsync("admin");
            await admin.GotoAsync(browser.BaseUrl + "/conclusions/signing");
            var unit = await admin.Locator("#unit option").Nth(1).GetAttributeAsync("value");
            await admin.SelectOptionAsync("#unit", unit!);
            await admin.SetInputFilesAsync("#file", file);
            await admin.FillAsync("#password", "sai mật khẩu");
            await admin.ClickAsync("#certificate-form button[type=submit]");
            await admin.WaitForSelectorAsync("#error-Password");
            Assert.Contains("mật khẩu không đúng", await admin.InnerTextAsync("#error-Password"), StringComparison.Ordinal);
            Assert.Equal(unit, await admin.InputValueAsync("#unit"));
            await BrowserFixture.ScreenshotAsync(admin, "signing-certificates-error-desktop");

            await admin.SetInputFilesAsync("#file", file);
            await admin.FillAsync("#password", password);
            await admin.ClickAsync("#certificate-form button[type=submit]");
            await admin.WaitForSelectorAsync("#message");
            Assert.Contains(name, await admin.InnerTextAsync($"tr[data-unit='{unit}'] .certificate-subject"), StringComparison.Ordinal);
            await BrowserFixture.ScreenshotAsync(admin, "signing-certificates-desktop");
            await admin.Context.CloseAsync();

            var phone = await browser.LoginAsync("admin", 360, 760);
            await phone.GotoAsync(browser.BaseUrl + "/conclusions/signing");
            await BrowserFixture.ScreenshotAsync(phone, "signing-certificates-phone");
            Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the page scrolls sideways on a phone");
            await phone.Context.CloseAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
