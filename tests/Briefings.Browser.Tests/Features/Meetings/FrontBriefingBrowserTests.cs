using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.Meetings;

/// <summary>The Front's office plans its own briefing with the commune Fronts on a phone, composes and sends it at a desk
/// (walk-orgs); the party office's meeting list does not show the Front's draft.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FrontBriefingBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task FrontOffice_PlansOnAPhoneComposesAndSendsAtADesk_PartyOfficeListDoesNotShowTheDraft()
    {
        var title = $"Giao ban Mặt trận với các xã {Guid.NewGuid():N}"[..44];
        var phone = await browser.LoginAsync("mattran", 360, 760);
        await phone.GotoAsync(browser.BaseUrl + "/meetings");
        await phone.ClickAsync("#new-meeting");
        await Assertions.Expect(phone.Locator("#organizer")).ToHaveValueAsync("MT-TP");
        await phone.FillAsync("#title", title);
        await phone.FillAsync("#date", "2030-06-18");
        await phone.FillAsync("#place", $"Phòng họp UBMTTQ huyện {Guid.NewGuid():N}"[..36]);
        await BrowserFixture.ScreenshotAsync(phone, "front-meeting-new-phone");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the new meeting form scrolls sideways on a phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync(title);
        var meetingUrl = phone.Url;

        var desk = await browser.LoginAsync("mattran");
        await desk.GotoAsync(meetingUrl);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Áp dụng thành phần mời" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#message")).ToContainTextAsync("điểm cầu");
        await desk.GotoAsync(meetingUrl + "/invitations");
        await BrowserFixture.ScreenshotAsync(desk, "front-meeting-invitations-desktop");
        await Assertions.Expect(desk.Locator("body")).ToContainTextAsync("Điểm cầu Xã An Lạc");
        await Assertions.Expect(desk.Locator("body")).ToContainTextAsync("Ban Thường trực MTTQ xã");
        await Assertions.Expect(desk.Locator("body")).Not.ToContainTextAsync("Thường trực Đảng ủy xã");
        // An owned meeting links the Front's own rules, not the area's (the party's, where the Front's office would meet
        // a 403); before, it linked none and the vertical line's template could not be changed.
        var rulesHref = await desk.Locator("#rules-link").GetAttributeAsync("href");
        await desk.ClickAsync("#rules-link");
        await Assertions.Expect(desk.Locator("#body-rules")).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("input[name$='.Label']").Nth(1)).ToHaveValueAsync("Ban Thường trực MTTQ xã");
        await BrowserFixture.ScreenshotAsync(desk, "front-composition-rules-desktop");

        var party = await browser.LoginAsync("vanphong");
        await party.GotoAsync(browser.BaseUrl + "/meetings");
        await Assertions.Expect(party.Locator("body")).Not.ToContainTextAsync(title);

        await desk.GotoAsync(meetingUrl);
        await desk.GetByRole(AriaRole.Button, new() { Name = "Gửi giấy mời" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#message")).ToContainTextAsync("Đã gửi giấy mời");
        await BrowserFixture.ScreenshotAsync(desk, "front-meeting-desktop");
        await Assertions.Expect(desk.Locator("#composition-rules")).ToHaveAttributeAsync("href", rulesHref!);
        await phone.GotoAsync(meetingUrl);
        await BrowserFixture.ScreenshotAsync(phone, "front-meeting-phone");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the meeting page scrolls sideways on a phone");
    }
}
