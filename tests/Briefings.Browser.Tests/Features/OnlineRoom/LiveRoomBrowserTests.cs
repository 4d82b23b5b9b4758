using Briefings.Web.Tests.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.OnlineRoom;

[Collection(BrowserCollection.Name)]
public sealed class LiveRoomBrowserTests(BrowserFixture browser)
{
    private static async Task ConnectedAsync(IPage page) =>
        await Assertions.Expect(page.Locator("#conn-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-ok"), new() { Timeout = 30_000 });

    private static async Task NoSidewaysScrollAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{what} scrolls sideways on a phone");
    }

    [Fact]
    public async Task Console_ChairMovesToAnotherItem_MinutesFollowUnlessSecretaryChoseAnother()
    {
        var meeting = await browser.App.NewOnlineMeetingAsync($"Giao ban biên bản theo mục {Guid.NewGuid():N}", new DateOnly(2030, 9, 4));
        var console = await browser.LoginAsync("vanphong");
        await console.GotoAsync($"{browser.BaseUrl}/meetings/{meeting.Id}/console");
        await ConnectedAsync(console);
        async Task<string> OrderOfAsync(string title) =>
            (await console.Locator("#minutes-item option", new() { HasText = title }).GetAttributeAsync("value"))!;
        var opinions = await OrderOfAsync("Ý kiến các đơn vị");
        var closing = await OrderOfAsync("Kết luận");

        // The chair moves to the units' opinions: the secretary's notes land on that item, not on the first one.
        await console.Locator("#agenda li", new() { HasText = "Ý kiến các đơn vị" }).GetByRole(AriaRole.Button, new() { Name = "Chuyển sang mục này" }).ClickAsync();
        await Assertions.Expect(console.Locator("#minutes-item")).ToHaveValueAsync(opinions);
        await console.FillAsync("#minutes-text", "Xã An Lạc nêu khó khăn về kinh phí nhà văn hóa ấp.");
        await console.Locator("#minutes-item").FocusAsync();
        await Assertions.Expect(console.Locator("#minutes-status")).ToContainTextAsync("Đã lưu lúc");
        var saved = await browser.App.WithDbAsync(db => db.MinutesEntries.AsNoTracking()
            .Where(m => m.MeetingId == meeting.Id).Select(m => new { m.AgendaOrder, m.Text }).ToListAsync());
        Assert.Equal(int.Parse(opinions, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(saved).AgendaOrder);

        // The secretary goes back to the first item to complete it; a speech started meanwhile does not move the editor.
        await console.SelectOptionAsync("#minutes-item", "1");
        await console.Locator("details.add-speech summary").ClickAsync();
        await console.FillAsync("#add-topic", "Ý kiến bổ sung");
        await console.Locator("#add-speech-form button[type=submit]").ClickAsync();
        await Assertions.Expect(console.Locator("#queue")).ToContainTextAsync("Ý kiến bổ sung");
        await Assertions.Expect(console.Locator("#minutes-item")).ToHaveValueAsync("1");

        // The chair moves on again: the editor follows.
        await console.Locator("#agenda li", new() { HasText = "Kết luận" }).GetByRole(AriaRole.Button, new() { Name = "Chuyển sang mục này" }).ClickAsync();
        await Assertions.Expect(console.Locator("#minutes-item")).ToHaveValueAsync(closing);
        await console.Context.CloseAsync();
    }

    /// <summary>walk-meetday: the chair's "Bỏ" on a commune's request read on the commune's phone as if it had never asked;
    /// after the closing the phone kept offering "Xin phát biểu" until reloaded.</summary>
    [Fact]
    public async Task ChairTakesOutARequest_PhoneSaysItWasNotGivenTheFloor_ClosingShownWithoutReload()
    {
        var meeting = await browser.App.NewOnlineMeetingAsync($"Giao ban từ chối phát biểu {Guid.NewGuid():N}", new DateOnly(2030, 6, 12));
        var url = $"{browser.BaseUrl}/meetings/{meeting.Id}";
        var console = await browser.LoginAsync("vanphong");
        await console.GotoAsync(url + "/console");
        await ConnectedAsync(console);
        var phone = await browser.LoginAsync("xa.binhdong", 360, 760);
        await phone.GotoAsync(url + "/room");
        await ConnectedAsync(phone);

        await phone.FillAsync("#request-topic", "Báo cáo tiến độ đường liên xã");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Xin phát biểu" }).ClickAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Bỏ khỏi danh sách: Xã Bình Đông" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#my-request")).ToContainTextAsync("Chủ trì chưa mời phát biểu: yêu cầu “Báo cáo tiến độ đường liên xã”");
        await BrowserFixture.ScreenshotAsync(phone, "room-request-declined-phone");
        await phone.ReloadAsync();
        await ConnectedAsync(phone);
        await Assertions.Expect(phone.Locator("#my-request")).ToContainTextAsync("Chủ trì chưa mời phát biểu");

        await console.GotoAsync(url);
        await console.Locator("#close-meeting").ClickAsync();
        await Assertions.Expect(phone.Locator("#my-request")).ToContainTextAsync("Cuộc họp đã bế mạc lúc");
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Xin phát biểu" })).ToBeHiddenAsync();
        await console.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task EndpointAsksToSpeak_ConsoleSeesIt_ChairStarts_EndpointAndDisplayShowCurrent()
    {
        var meeting = await browser.App.NewOnlineMeetingAsync("Giao ban trực tuyến quý II năm 2030", new DateOnly(2030, 6, 3));
        var url = $"{browser.BaseUrl}/meetings/{meeting.Id}";

        var console = await browser.LoginAsync("vanphong");
        await console.GotoAsync(url + "/console");
        await ConnectedAsync(console);
        var commune = await browser.LoginAsync("xa.anlac", 360, 760);
        await commune.GotoAsync(url + "/room");
        await ConnectedAsync(commune);
        var other = await browser.LoginAsync("xa.binhdong", 360, 760);
        await other.GotoAsync(url + "/room");
        await ConnectedAsync(other);
        var display = await browser.LoginAsync("vanphong", 1280, 720);
        await display.GotoAsync(url + "/display");
        await ConnectedAsync(display);

        // The commune asks to speak from its phone; the console shows the request and the room as connected.
        await commune.FillAsync("#request-topic", "Kiến nghị hỗ trợ kinh phí xây dựng nhà văn hóa ấp");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Xin phát biểu" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#my-request")).ToContainTextAsync("Đã xin phát biểu");
        await Assertions.Expect(console.Locator("#queue")).ToContainTextAsync("Kiến nghị hỗ trợ kinh phí xây dựng nhà văn hóa ấp");
        await Assertions.Expect(console.Locator("#endpoints li.on", new() { HasText = "Xã An Lạc" })).ToHaveCountAsync(1);

        // The chair moves to item 2 and gives the commune the floor.
        await console.Locator("#agenda li", new() { HasText = "Ý kiến các đơn vị" }).GetByRole(AriaRole.Button, new() { Name = "Chuyển sang mục này" }).ClickAsync();
        await console.GetByRole(AriaRole.Button, new() { Name = "Mời phát biểu: Xã An Lạc" }).ClickAsync();
        await Assertions.Expect(console.Locator("#current-speech")).ToContainTextAsync("Xã An Lạc");
        await Assertions.Expect(commune.Locator("#my-request")).ToContainTextAsync("đang phát biểu");
        await Assertions.Expect(commune.Locator("#current-item")).ToContainTextAsync("2. Ý kiến các đơn vị");
        await Assertions.Expect(display.Locator("#current-unit")).ToHaveTextAsync("Xã An Lạc");
        await Assertions.Expect(display.Locator("#current-item")).ToContainTextAsync("Ý kiến các đơn vị");
        await Assertions.Expect(display.Locator("#speech-timer")).ToContainTextAsync("Còn 0");

        // Others are muted while one speaks: the other commune's room muted itself.
        await Assertions.Expect(other.Locator("#mute-btn")).ToHaveTextAsync("Bật micro");
        await Assertions.Expect(other.Locator("#current-speech")).ToContainTextAsync("Xã An Lạc");
        await Assertions.Expect(console.Locator("#endpoints li", new() { HasText = "Xã Bình Đông" })).ToContainTextAsync("Tắt micro");

        // The commune mutes itself; the console sees it.
        await commune.GetByRole(AriaRole.Button, new() { Name = "Tắt micro" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#mute-btn")).ToHaveTextAsync("Bật micro");
        await Assertions.Expect(console.Locator("#endpoints li", new() { HasText = "Xã An Lạc" })).ToContainTextAsync("Tắt micro");

        // Roll call and minutes.
        var anLac = console.Locator("#rollcall details", new() { HasText = "Xã An Lạc" });
        await anLac.Locator("summary").ClickAsync();
        var row = anLac.Locator("form.rc-row").First;
        await row.Locator("select").SelectOptionAsync("Online");
        await row.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(row.Locator(".rc-state")).ToHaveTextAsync("Dự trực tuyến");
        await console.SelectOptionAsync("#minutes-item", "2");
        await console.FillAsync("#minutes-text", "Đồng chí Bí thư Đảng ủy xã An Lạc phát biểu về kinh phí nhà văn hóa ấp.");
        await Assertions.Expect(console.Locator("#minutes-status")).ToContainTextAsync("Đã lưu lúc");

        await BrowserFixture.ScreenshotAsync(console, "room-console-desktop");
        await BrowserFixture.ScreenshotAsync(commune, "room-endpoint-phone");
        await BrowserFixture.ScreenshotAsync(display, "room-display-desktop");
        await NoSidewaysScrollAsync(commune, "the endpoint view");

        var phoneConsole = await browser.LoginAsync("vanphong", 360, 760);
        await phoneConsole.GotoAsync(url + "/console");
        await ConnectedAsync(phoneConsole);
        await Assertions.Expect(phoneConsole.Locator("#current-speech")).ToContainTextAsync("Xã An Lạc");
        await BrowserFixture.ScreenshotAsync(phoneConsole, "room-console-phone");
        await NoSidewaysScrollAsync(phoneConsole, "the console");
        await phoneConsole.Context.CloseAsync();
        var desktopRoom = await browser.LoginAsync("xa.anlac");
        await desktopRoom.GotoAsync(url + "/room");
        await ConnectedAsync(desktopRoom);
        await BrowserFixture.ScreenshotAsync(desktopRoom, "room-endpoint-desktop");
        await desktopRoom.Context.CloseAsync();
        var phoneDisplay = await browser.LoginAsync("vanphong", 360, 760);
        await phoneDisplay.GotoAsync(url + "/display");
        await ConnectedAsync(phoneDisplay);
        await BrowserFixture.ScreenshotAsync(phoneDisplay, "room-display-phone");
        await phoneDisplay.Context.CloseAsync();

        // The commune's connection drops: a clear state, then automatic reconnection with the current state.
        await commune.Context.SetOfflineAsync(true);
        await Assertions.Expect(commune.Locator("#conn-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-lost"), new() { Timeout = 45_000 });
        await Assertions.Expect(commune.GetByRole(AriaRole.Button, new() { Name = "Xin phát biểu" })).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(commune, "room-endpoint-offline-phone");
        await commune.Context.SetOfflineAsync(false);
        await ConnectedAsync(commune);
        await Assertions.Expect(commune.Locator("#current-speech")).ToContainTextAsync("Xã An Lạc");

        // The chair ends the speech: the display clears it.
        await console.GetByRole(AriaRole.Button, new() { Name = "Kết thúc phát biểu" }).ClickAsync();
        await Assertions.Expect(display.Locator("#current-speech")).ToContainTextAsync("Chưa có ai phát biểu");
    }
}
