using Briefings.Web.Tests.Features.OnlineRoom;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.OnlineRoom;

/// <summary>The consoles' changed-row messages in live-room.js (issue 14.4 at national size): marks and presence applied
/// in place on a second console (a phone), and a lost message made good from the whole console state.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConsoleDeltasBrowserTests(BrowserFixture browser)
{
    private static async Task ConnectedAsync(IPage page) =>
        await Assertions.Expect(page.Locator("#conn-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-ok"), new() { Timeout = 30_000 });

    private static async Task MarkAsync(ILocator group, int index, string status, string? reason = null)
    {
        var row = group.Locator("form.rc-row").Nth(index);
        await row.Locator("select").SelectOptionAsync(status);
        if (reason is not null)
        {
            await row.Locator(".rc-reason").FillAsync(reason);
        }

        await row.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
    }

    [Fact]
    public async Task Console_MarksAndPresenceFromAnother_AppliedInPlace_ALostMessageMadeGood()
    {
        var meeting = await browser.App.NewOnlineMeetingAsync($"Giao ban điểm danh hai bàn điều khiển {Guid.NewGuid():N}", new DateOnly(2030, 7, 8));
        var url = $"{browser.BaseUrl}/meetings/{meeting.Id}";
        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync(url + "/console");
        await ConnectedAsync(clerk);

        // The chair follows on a phone; the first changed-row message to it is lost on the way (as a dropped frame).
        var phone = await browser.LoginAsync("vanphong", 360, 760);
        var consoleMessages = 0; // "console" messages to the phone; the first is dropped
        await phone.RouteWebSocketAsync("**/hubs/room**", ws =>
        {
            var server = ws.ConnectToServer();
            ws.OnMessage(frame => { if (frame.Text is { } text) server.Send(text); else server.Send(frame.Binary!); });
            server.OnMessage(frame =>
            {
                if (frame.Text is not { } text)
                {
                    ws.Send(frame.Binary!);
                    return;
                }

                var records = text.Split('\u001e').Where(r => !(r.Contains("\"target\":\"console\"", StringComparison.Ordinal) && Interlocked.Increment(ref consoleMessages) == 1));
                var kept = string.Join('\u001e', records);
                if (kept.Length > 0)
                {
                    ws.Send(kept);
                }
            });
        });
        await phone.GotoAsync(url + "/console");
        await ConnectedAsync(phone);
        var total = await clerk.Locator("form.rc-row").CountAsync();

        // Two marks by the clerk: the phone lost the first message, so the second does not follow what it holds; it asks
        // for the whole console state and shows both.
        var anLac = clerk.Locator("#rollcall details", new() { HasText = "Xã An Lạc" });
        await anLac.Locator("summary").ClickAsync();
        await MarkAsync(anLac, 0, "Absent", "Đi công tác tỉnh");
        await Assertions.Expect(anLac.Locator("form.rc-row").Nth(0).Locator(".rc-state")).ToHaveTextAsync("Vắng mặt: Đi công tác tỉnh");
        await MarkAsync(anLac, 1, "InRoom");
        var phoneAnLac = phone.Locator("#rollcall details", new() { HasText = "Xã An Lạc" });
        await phoneAnLac.Locator("summary").ClickAsync();
        await Assertions.Expect(phoneAnLac.Locator("form.rc-row").Nth(0).Locator(".rc-state")).ToHaveTextAsync("Vắng mặt: Đi công tác tỉnh", new() { Timeout = 15_000 });
        await Assertions.Expect(phoneAnLac.Locator("form.rc-row").Nth(1).Locator(".rc-state")).ToHaveTextAsync("Có mặt tại hội trường");
        await Assertions.Expect(phone.Locator("#rollcall-summary")).ToHaveTextAsync($"Đã điểm danh 2/{total} người; có mặt 1.");
        // The first mark reached the phone only through the whole state it asked for: its own message was dropped.
        Assert.Equal(2, consoleMessages);

        // Later marks and a commune's presence arrive as changed rows, applied in place on both consoles.
        await MarkAsync(anLac, 2, "Online");
        var room = await browser.LoginAsync("xa.anlac", 360, 760);
        await room.GotoAsync(url + "/room");
        await ConnectedAsync(room);
        foreach (var console in new[] { clerk, phone })
        {
            await Assertions.Expect(console.Locator("#rollcall-summary")).ToHaveTextAsync($"Đã điểm danh 3/{total} người; có mặt 2.");
            await Assertions.Expect(console.Locator("#rollcall details summary", new() { HasText = "Xã An Lạc" })).ToContainTextAsync("có mặt 2/");
            await Assertions.Expect(console.Locator("#endpoints li.on", new() { HasText = "Xã An Lạc" })).ToContainTextAsync("Có mặt 2/");
        }

        await Assertions.Expect(phoneAnLac.Locator("form.rc-row").Nth(2).Locator(".rc-state")).ToHaveTextAsync("Dự trực tuyến");
        await room.GetByRole(AriaRole.Button, new() { Name = "Tắt micro" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#endpoints li", new() { HasText = "Xã An Lạc" })).ToContainTextAsync("Tắt micro");

        await BrowserFixture.ScreenshotAsync(clerk, "room-console-rollcall-desktop");
        await BrowserFixture.ScreenshotAsync(phone, "room-console-rollcall-phone");
        await phoneAnLac.Locator("summary").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "room-console-rollcall-phone-view.png") });
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the console scrolls sideways on a phone");
    }
}
