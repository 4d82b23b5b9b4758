using Briefings.Web.Tests.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.OnlineRoom;

/// <summary>The app with every meeting's roll call loaded per endpoint group, as a national meeting's is
/// (<c>OnlineRoom:WholeRollCallUpTo</c> = 0; the demo district's meetings are far below the default 500).</summary>
public sealed class GroupedRollCallBrowserFixture() : BrowserFixture(new Dictionary<string, string?> { ["OnlineRoom:WholeRollCallUpTo"] = "0" });

/// <summary>The consoles' roll call at national size in live-room.js (issue 14.4): no rows on join, an endpoint's rows
/// loaded when its group is opened, marks applied in place to loaded groups and as counts to the others, and a lost
/// message made good from the whole console state with the loaded groups asked for again.</summary>
public sealed class ConsoleDeltasBrowserTests(GroupedRollCallBrowserFixture browser) : IClassFixture<GroupedRollCallBrowserFixture>
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

    private static ILocator Group(IPage page, string name) => page.Locator("#rollcall details", new() { HasText = name });

    private static ILocator State(ILocator group, int index) => group.Locator("form.rc-row").Nth(index).Locator(".rc-state");

    [Fact]
    public async Task Console_GroupsOpenedOnDemand_MarksAppliedInPlaceOrAsCounts_ALostMessageRefetchesTheOpenGroup()
    {
        var meeting = await browser.App.NewOnlineMeetingAsync($"Giao ban điểm danh hai bàn điều khiển {Guid.NewGuid():N}", new DateOnly(2030, 7, 8));
        var total = await browser.App.WithDbAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meeting.Id));
        var url = $"{browser.BaseUrl}/meetings/{meeting.Id}";
        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync(url + "/console");
        await ConnectedAsync(clerk);

        // The join brought the groups and the totals, no rows.
        await Assertions.Expect(clerk.Locator("#rollcall-summary")).ToHaveTextAsync($"Đã điểm danh 0/{total} người; có mặt 0.");
        Assert.True(await clerk.Locator("#rollcall details").CountAsync() > 2);
        Assert.Equal(0, await clerk.Locator("form.rc-row").CountAsync());

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
        var phoneAnLac = Group(phone, "Xã An Lạc");
        await phoneAnLac.Locator("summary").ClickAsync();
        await Assertions.Expect(State(phoneAnLac, 0)).ToHaveTextAsync("Chưa điểm danh");
        var anLacRows = await phoneAnLac.Locator("form.rc-row").CountAsync();
        Assert.True(anLacRows >= 3, $"An Lạc has {anLacRows} people invited");

        // The clerk opens An Lạc and marks two people. The phone lost the first message, so the second does not follow
        // what it holds: it asks for the whole console state and then for its open group's rows again.
        var anLac = Group(clerk, "Xã An Lạc");
        await anLac.Locator("summary").ClickAsync();
        await Assertions.Expect(anLac.Locator("form.rc-row")).ToHaveCountAsync(anLacRows);
        await MarkAsync(anLac, 0, "Absent", "Đi công tác tỉnh");
        await Assertions.Expect(State(anLac, 0)).ToHaveTextAsync("Vắng mặt: Đi công tác tỉnh");
        await Assertions.Expect(clerk.Locator("#rollcall-summary")).ToHaveTextAsync($"Đã điểm danh 1/{total} người; có mặt 0.");
        await MarkAsync(anLac, 1, "InRoom");
        await Assertions.Expect(State(phoneAnLac, 0)).ToHaveTextAsync("Vắng mặt: Đi công tác tỉnh", new() { Timeout = 15_000 });
        await Assertions.Expect(State(phoneAnLac, 1)).ToHaveTextAsync("Có mặt tại hội trường");
        await Assertions.Expect(phone.Locator("#rollcall-summary")).ToHaveTextAsync($"Đã điểm danh 2/{total} người; có mặt 1.");
        // The first mark reached the phone only through the whole state and the group asked for again.
        Assert.Equal(2, consoleMessages);

        // The phone marks someone in Bình Đông, a group the clerk has not opened: the clerk's summary and that group's
        // count follow, with no row loaded; opening it then shows the mark.
        var phoneBinhDong = Group(phone, "Xã Bình Đông");
        await phoneBinhDong.Locator("summary").ClickAsync();
        await MarkAsync(phoneBinhDong, 0, "Online");
        await Assertions.Expect(State(phoneBinhDong, 0)).ToHaveTextAsync("Dự trực tuyến");
        var binhDong = Group(clerk, "Xã Bình Đông");
        await Assertions.Expect(clerk.Locator("#rollcall-summary")).ToHaveTextAsync($"Đã điểm danh 3/{total} người; có mặt 2.");
        await Assertions.Expect(binhDong.Locator("summary")).ToContainTextAsync("có mặt 1/");
        Assert.Equal(0, await binhDong.Locator("form.rc-row").CountAsync());
        await binhDong.Locator("summary").ClickAsync();
        await Assertions.Expect(State(binhDong, 0)).ToHaveTextAsync("Dự trực tuyến");

        // Later marks and a commune's presence arrive as changed rows, applied in place on both consoles.
        await MarkAsync(anLac, 2, "Online");
        var room = await browser.LoginAsync("xa.anlac", 360, 760);
        await room.GotoAsync(url + "/room");
        await ConnectedAsync(room);
        foreach (var console in new[] { clerk, phone })
        {
            await Assertions.Expect(console.Locator("#rollcall-summary")).ToHaveTextAsync($"Đã điểm danh 4/{total} người; có mặt 3.");
            await Assertions.Expect(Group(console, "Xã An Lạc").Locator("summary")).ToContainTextAsync("có mặt 2/");
            await Assertions.Expect(console.Locator("#endpoints li.on", new() { HasText = "Xã An Lạc" })).ToContainTextAsync("Có mặt 2/");
        }

        await Assertions.Expect(State(phoneAnLac, 2)).ToHaveTextAsync("Dự trực tuyến");
        await room.GetByRole(AriaRole.Button, new() { Name = "Tắt micro" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#endpoints li", new() { HasText = "Xã An Lạc" })).ToContainTextAsync("Tắt micro");

        await BrowserFixture.ScreenshotAsync(clerk, "room-console-rollcall-desktop");
        await BrowserFixture.ScreenshotAsync(phone, "room-console-rollcall-phone");
        // The roll call with groups open, alone (the full pages are long: thousands of groups in a national meeting).
        await clerk.Locator("section[aria-labelledby=h-rollcall]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "room-console-rollcall-groups-desktop.png") });
        await phone.Locator("section[aria-labelledby=h-rollcall]").ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "room-console-rollcall-groups-phone.png") });
        await phoneAnLac.Locator("summary").ScrollIntoViewIfNeededAsync();
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "room-console-rollcall-phone-view.png") });
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the console scrolls sideways on a phone");
    }
}
