using Briefings.Core.Meetings;
using Briefings.Web.Tests.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class CompositionBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ClerkRequiresAViceChair_GapShownByPosition_CommuneOf23AnsweredAndCalledInOneSubmitEach()
    {
        var district = await SmallDistrict.CreateAsync(browser.App, hamletHeads: 20);
        var clerk = await browser.LoginAsync(district.ClerkUserName);
        var blank = CompositionTemplates.Reference.Count;

        // The rules: one required position more, at commune level.
        await clerk.GotoAsync($"{browser.BaseUrl}/meetings/composition/{district.Area.Id}");
        await clerk.SelectOptionAsync($"#lv-{blank}", nameof(CompositionLevel.Below));
        await clerk.SelectOptionAsync($"#k-{blank}", "PeoplesCommittee");
        await clerk.FillAsync($"#kw-{blank}", "Phó Chủ tịch");
        await clerk.FillAsync($"#lb-{blank}", "Phó Chủ tịch UBND xã");
        await clerk.FillAsync($"#mc-{blank}", "1");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu thành phần mời" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã lưu thành phần mời");
        await BrowserFixture.ScreenshotAsync(clerk, "composition-rules-desktop");

        // The meeting: commune B has no Phó Chủ tịch UBND xã, and the list says so.
        var meeting = await district.MeetingAsync(browser.App, send: true);
        await clerk.GotoAsync($"{browser.BaseUrl}/meetings/{meeting.Id}/invitations");
        var communeB = clerk.Locator("section.endpoint", new() { HasText = "Điểm cầu Xã B" });
        await Assertions.Expect(communeB.Locator("tr.gap-unfilled")).ToContainTextAsync("Phó Chủ tịch UBND xã");
        await BrowserFixture.ScreenshotAsync(clerk, "invitations-gaps-desktop");

        // Commune C (2 party leaders, its Phó Chủ tịch and 20 branch heads: 23 people, one absent) in one submit, on a phone.
        var phone = await browser.LoginAsync(district.ClerkUserName, 360, 760);
        await phone.GotoAsync($"{browser.BaseUrl}/meetings/{meeting.Id}/invitations");
        await phone.Locator("section.endpoint", new() { HasText = "Điểm cầu Xã C" }).GetByRole(AriaRole.Link, new() { Name = "Trả lời cả điểm cầu" }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("Trả lời giấy mời");
        var rows = await phone.Locator("#answer-rows tbody tr").CountAsync();
        await phone.SelectOptionAsync("#r-2", "Declined");
        await phone.FillAsync("#rs-2", "Đi tập huấn ở tỉnh");
        await BrowserFixture.ScreenshotAsync(phone, "endpoint-answers-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời cho cả điểm cầu" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#message")).ToContainTextAsync($"Đã ghi nhận trả lời của {rows} người");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the answers page scrolls sideways on a phone");

        // Roll call of the same commune: everyone online, the absent one prefilled with the reason given.
        await clerk.GotoAsync($"{browser.BaseUrl}/meetings/{meeting.Id}/invitations");
        await clerk.Locator("section.endpoint", new() { HasText = "Điểm cầu Xã C" }).GetByRole(AriaRole.Link, new() { Name = "Điểm danh cả điểm cầu" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#rollcall-rows")).ToContainTextAsync("Vắng mặt");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu điểm danh cả điểm cầu" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync($"Đã điểm danh {rows} người");
        await BrowserFixture.ScreenshotAsync(clerk, "roll-call-desktop");
        await phone.GotoAsync(clerk.Url);
        await BrowserFixture.ScreenshotAsync(phone, "roll-call-phone");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the roll call scrolls sideways on a phone");

        await phone.GotoAsync($"{browser.BaseUrl}/meetings/composition/{district.Area.Id}");
        await BrowserFixture.ScreenshotAsync(phone, "composition-rules-phone");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the rules page scrolls sideways on a phone");
        await phone.GotoAsync($"{browser.BaseUrl}/meetings/{meeting.Id}/invitations?find=chi+hoi+truong+ap+0");
        await BrowserFixture.ScreenshotAsync(phone, "invitations-gaps-phone");

        var room = await browser.App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.MeetingEndpoints, e => e.MeetingId == meeting.Id && e.AreaUnitId == district.CommuneA.Id));
        await clerk.GotoAsync($"{browser.BaseUrl}/meetings/{meeting.Id}/endpoints/{room.Id}/invitees");
        await clerk.FillAsync("#g-name", "Trần Văn Khách");
        await clerk.FillAsync("#g-position", "Giám đốc Hợp tác xã");
        await clerk.FillAsync("#g-reason", "Báo cáo điển hình");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Thêm khách mời" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#guests")).ToContainTextAsync("Trần Văn Khách");
        await BrowserFixture.ScreenshotAsync(clerk, "endpoint-invitees-desktop");

        // Directory hits name their parent.
        await phone.GotoAsync($"{browser.BaseUrl}/directory?q=chi+hoi+phu+nu+ap+phu+loi");
        await BrowserFixture.ScreenshotAsync(phone, "directory-search-parents-phone");

        foreach (var p in new[] { clerk, phone })
        {
            await p.Context.CloseAsync();
        }
    }
}
