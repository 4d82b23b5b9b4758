using Briefings.Core.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Browser.Tests.Features.Conclusions;

/// <summary>The register as the office uses it: the distribution list beside an approved document, bringing an old
/// conclusion in from history, the register's restart rule. Screenshots at desktop and phone width.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegisterBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Register_DistributionBringInAndSettings_DesktopAndPhone()
    {
        var approved = await ConclusionAsync($"Giao ban gửi các xã {Guid.NewGuid().ToString("N")[..8]}", approve: true);
        var draft = await ConclusionAsync($"Kết luận cũ năm 2017 {Guid.NewGuid().ToString("N")[..8]}", approve: false);
        var page = await browser.LoginAsync("vanphong");

        await page.GotoAsync(browser.BaseUrl + "/conclusions/register");
        var cell = page.Locator($".distribution[data-conclusion='{approved}']");
        await cell.Locator("summary").ClickAsync();
        Assert.Contains("Ủy ban nhân dân xã", await cell.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("25 đơn vị", await cell.Locator("summary").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "register-distribution");

        await page.GotoAsync(browser.BaseUrl + $"/conclusions/{draft}");
        await page.FillAsync("#bring-number", $"{Random.Shared.Next(100, 999)}-KL/HU");
        await page.FillAsync("#bring-date", "11/04/2017");
        await page.FillAsync("#bring-signer", "Nguyễn Văn Cũ");
        await page.ClickAsync("#bring-in-form button[type=submit]");
        await page.WaitForSelectorAsync("#brought-in");
        await BrowserFixture.ScreenshotAsync(page, "conclusion-brought-in");

        await page.GotoAsync(browser.BaseUrl + "/conclusions/register/settings");
        await page.SelectOptionAsync($"#period-{DemoDistrict.DistrictCommitteeCode}", "Term");
        await page.ClickAsync($"#numbering-{DemoDistrict.DistrictCommitteeCode} button[type=submit]");
        await page.WaitForSelectorAsync("#message");
        await BrowserFixture.ScreenshotAsync(page, "register-settings");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "register-settings-top.png") });

        var phone = await browser.LoginAsync("vanphong", 360, 760);
        foreach (var (url, name) in new[] { ("/conclusions/register/settings", "register-settings-phone"), ("/conclusions/register", "register-phone"), ($"/conclusions/{draft}", "conclusion-brought-in-phone") })
        {
            await phone.GotoAsync(browser.BaseUrl + url);
            await BrowserFixture.ScreenshotAsync(phone, name);
            // The first screen as the phone shows it (the full page of every issuer is long).
            await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, name + "-top.png") });
            Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{url} scrolls sideways on a phone");
        }

        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    /// <summary>A district conclusion sent to "Đảng ủy, UBND các xã" with one ongoing directive of the Ban Dân vận.</summary>
    private async Task<Guid> ConclusionAsync(string summary, bool approve) =>
        await browser.App.WithDbAsync(async db =>
        {
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var c = Conclusion.Create(units[DemoDistrict.DistrictCommitteeCode], "KL", "KẾT LUẬN", summary).Value!;
            Assert.Null(c.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nhiệm vụ" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Ban Dân vận Huyện ủy thường xuyên theo dõi, báo cáo." }],
                [new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = units["HU-TP-BDV"], Deadline = Deadline.Ongoing }]));
            Assert.Null(c.SetRecipients([(null, "Đảng ủy, UBND các xã"), (null, "Lưu VPHU")]));
            Assert.Null(c.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            if (approve)
            {
                var at = DateTimeOffset.UtcNow;
                Assert.Null(c.Submit("vanphong", at));
                Assert.Null(c.Approve("bithu", at));
            }

            db.Conclusions.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
}
