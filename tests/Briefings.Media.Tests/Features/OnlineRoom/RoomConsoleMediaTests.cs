using Microsoft.Playwright;

namespace Briefings.Media.Tests.Features.OnlineRoom;

/// <summary>The whole online room at once, inside the network namespace: the chair's room publishes through
/// Janus, the chair runs the console, two communes sit in their endpoint views (live state and media together).
/// Each commune receives the chair's video and audio; a commune's request to speak reaches the console; the chair
/// gives it the floor and both communes show it as the current speaker.</summary>
[Collection(MediaCollection.Name)]
public sealed class RoomConsoleMediaTests(MediaFixture media)
{
    private static async Task ConnectedAsync(IPage page) =>
        await Assertions.Expect(page.Locator("#conn-state")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("conn-ok"), new() { Timeout = 30_000 });

    private static Task WaitForVideoFromAsync(IPage page, Guid endpoint) =>
        page.WaitForFunctionAsync($"() => {{ const m = window.briefingsMedia; return !!m && (m.videoWidths()['{endpoint}'] || 0) > 0; }}", null, new() { Timeout = 30_000 });

    private static async Task<int> AudioPacketsAsync(IPage page)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        var packets = 0;
        while (DateTime.UtcNow < until && (packets = await page.EvaluateAsync<int>("() => window.briefingsMedia.inboundAudioPackets()")) == 0)
        {
            await Task.Delay(500);
        }

        return packets;
    }

    [Fact]
    public async Task ConsoleAndTwoEndpointViews_MediaFlows_RequestReachesConsole_ChairStartsIt_BothShowIt()
    {
        var meeting = await media.NewOnlineMeetingAsync("Giao ban trực tuyến bàn điều hành", new DateOnly(2030, 6, 7));
        var url = $"{media.BaseUrl}/meetings/{meeting.Id}";
        var chairRoom = await media.LoginAsync("vanphong");
        await chairRoom.GotoAsync($"{url}/endpoints/{meeting.Host}/media");
        var console = await media.LoginAsync("vanphong");
        await console.GotoAsync(url + "/console");
        await ConnectedAsync(console);
        var anLac = await media.LoginAsync("xa.anlac", 360, 760);
        await anLac.GotoAsync(url + "/room");
        await ConnectedAsync(anLac);
        var binhDong = await media.LoginAsync("xa.binhdong");
        await binhDong.GotoAsync(url + "/room");
        await ConnectedAsync(binhDong);

        foreach (var endpoint in new[] { anLac, binhDong })
        {
            await WaitForVideoFromAsync(endpoint, meeting.Host);
            Assert.True(await AudioPacketsAsync(endpoint) > 0, "no audio packets from the chair in the endpoint view");
        }

        await anLac.FillAsync("#request-topic", "Kiến nghị sửa chữa hội trường xã");
        await anLac.GetByRole(AriaRole.Button, new() { Name = "Xin phát biểu" }).ClickAsync();
        await Assertions.Expect(console.Locator("#queue")).ToContainTextAsync("Kiến nghị sửa chữa hội trường xã");

        await console.GetByRole(AriaRole.Button, new() { Name = "Mời phát biểu: Xã An Lạc" }).ClickAsync();
        await Assertions.Expect(console.Locator("#current-speech")).ToContainTextAsync("Xã An Lạc");
        await Assertions.Expect(anLac.Locator("#current-speech")).ToContainTextAsync("Xã An Lạc");
        await Assertions.Expect(binhDong.Locator("#current-speech")).ToContainTextAsync("Xã An Lạc");
        // Bình Đông now also receives the speaker's room through Janus.
        await WaitForVideoFromAsync(binhDong, meeting.AnLac);

        await MediaFixture.ScreenshotAsync(console, "room-console-with-media-desktop");
        await MediaFixture.ScreenshotAsync(binhDong, "room-endpoint-with-media-desktop");
        await MediaFixture.ScreenshotAsync(anLac, "room-endpoint-with-media-phone");
        foreach (var page in new[] { chairRoom, console, anLac, binhDong })
        {
            await page.Context.CloseAsync();
        }
    }
}
