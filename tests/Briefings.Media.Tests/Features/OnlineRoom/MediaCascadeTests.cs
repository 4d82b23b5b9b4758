using System.Diagnostics;
using System.Text.RegularExpressions;
using Briefings.Web.Features.OnlineRoom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Briefings.Media.Tests.Features.OnlineRoom;

/// <summary>Media in tiers for real: a centre Janus and two relays (three processes in the test's network
/// namespace); the chair on the centre, An Lạc on relay 1, Bình Đông on relay 2.</summary>
[Collection(CascadeCollection.Name)]
public sealed class MediaCascadeTests(CascadeFixture media, Xunit.Abstractions.ITestOutputHelper output)
{
    private string MediaUrl(MediaFixture.OnlineMeeting m, Guid endpoint) => $"{media.BaseUrl}/meetings/{m.Id}/endpoints/{endpoint}/media";

    private static Task WaitForVideoFromAsync(IPage page, Guid endpoint, int timeoutMs = 30_000) =>
        page.WaitForFunctionAsync($"() => {{ const m = window.briefingsMedia; return !!m && m.state === 'connected' && (m.videoWidths()['{endpoint}'] || 0) > 0; }}", null, new() { Timeout = timeoutMs });

    private static async Task<int> AudioPacketsAsync(IPage page)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        var packets = 0;
        while (DateTime.UtcNow < until && (packets = await page.EvaluateAsync<int>("() => window.briefingsMedia.inboundAudioPackets()")) == 0)
        {
            await Task.Delay(250);
        }

        return packets;
    }

    private static Task<string> ServerOfAsync(IPage page) => page.EvaluateAsync<string>("() => window.briefingsMedia.server");

    [Fact]
    public async Task Cascade_EndpointsOnTwoRelays_SeeChairAndSpeakerOfTheOtherRelay_RelayKilledEndpointsBackWithin10s()
    {
        var meeting = await media.NewOnlineMeetingAsync("Giao ban hình ảnh nhiều tầng", new DateOnly(2030, 7, 1));
        var chair = await media.LoginAsync("vanphong");
        await chair.GotoAsync(MediaUrl(meeting, meeting.Host));
        var anLac = await media.LoginAsync("xa.anlac");
        await anLac.GotoAsync(MediaUrl(meeting, meeting.AnLac));
        var binhDong = await media.LoginAsync("xa.binhdong", 360, 760);
        await binhDong.GotoAsync(MediaUrl(meeting, meeting.BinhDong));

        // Each endpoint joined its own instance (the credential's first server, signed for it).
        // Each page is waited for: the three join at their own pace (the server is null until the page has joined).
        foreach (var page in new[] { chair, anLac, binhDong })
        {
            await page.WaitForFunctionAsync("() => window.briefingsMedia && window.briefingsMedia.state === 'connected'", null, new() { Timeout = 30_000 });
        }

        Assert.Equal("centre", await ServerOfAsync(chair));
        Assert.Equal("relay-1", await ServerOfAsync(anLac));
        Assert.Equal("relay-2", await ServerOfAsync(binhDong));

        // The chair reaches both relays as a remote publisher: video and sound.
        foreach (var commune in new[] { anLac, binhDong })
        {
            await WaitForVideoFromAsync(commune, meeting.Host);
            Assert.True(await AudioPacketsAsync(commune) > 0, "no audio from the chair through the relay");
        }

        // Bình Đông (relay 2) gets the floor: its feed goes up to the centre and down to relay 1.
        await GiveFloorAsync(meeting, meeting.BinhDong);
        await anLac.EvaluateAsync($"() => window.briefingsMedia.setSpeaker('{meeting.BinhDong}')");
        await WaitForVideoFromAsync(anLac, meeting.BinhDong);
        await WaitForVideoFromAsync(chair, meeting.BinhDong);
        await Assertions.Expect(anLac.Locator(".media-feed-speaker figcaption")).ToHaveTextAsync("Xã Bình Đông");
        var before = await AudioPacketsAsync(anLac);
        await Task.Delay(1000);
        Assert.True(await AudioPacketsAsync(anLac) > before, "no sound flowing from the chair and the speaker on the other relay");
        await MediaFixture.ScreenshotAsync(anLac, "cascade-endpoint-relay-desktop");

        // The console shows the media servers and who is on each.
        var console = await chair.Context.NewPageAsync();
        await console.GotoAsync($"{media.BaseUrl}/meetings/{meeting.Id}/console");
        var relay1 = console.Locator("#media-servers [data-server='relay-1']");
        await Assertions.Expect(relay1).ToHaveClassAsync(new Regex("media-server-up"), new() { Timeout = 15_000 });
        await Assertions.Expect(relay1.Locator(".media-server-endpoints")).ToContainTextAsync("Xã An Lạc", new() { Timeout = 15_000 });

        // Relay 1 dies (killed by its PID): An Lạc moves to another instance by itself and has media again.
        var clock = Stopwatch.StartNew();
        media.RelayServers[0].Kill();
        await anLac.WaitForFunctionAsync($"() => {{ const m = window.briefingsMedia; return m.server !== 'relay-1' && m.state === 'connected' && (m.videoWidths()['{meeting.Host}'] || 0) > 0; }}", null, new() { Timeout = 20_000 });
        Assert.True(await AudioPacketsAsync(anLac) > 0, "no sound after the move");
        var back = clock.Elapsed;
        output.WriteLine($"relay killed → An Lạc back with the chair's video and sound on {await ServerOfAsync(anLac)} after {back.TotalSeconds:F1} s");
        Assert.True(back <= TimeSpan.FromSeconds(10), $"An Lạc back with media after {back.TotalSeconds:F1} s (on {await ServerOfAsync(anLac)})");
        await Assertions.Expect(anLac.Locator("[data-media-state]")).ToContainTextAsync("máy chủ dự phòng");

        // The console shows the dead relay, and where An Lạc went.
        await Assertions.Expect(relay1).ToHaveClassAsync(new Regex("media-server-down"), new() { Timeout = 10_000 });
        await Assertions.Expect(relay1).ToContainTextAsync("không phản hồi");
        var moved = console.Locator($"#media-servers [data-server='{await ServerOfAsync(anLac)}'] .media-server-endpoints");
        await Assertions.Expect(moved).ToContainTextAsync("Xã An Lạc", new() { Timeout = 15_000 });
        await MediaFixture.ScreenshotAsync(console, "cascade-console-relay-down-desktop");
        await console.SetViewportSizeAsync(360, 760);
        await MediaFixture.ScreenshotAsync(console, "cascade-console-relay-down-phone");

        // Bình Đông, on the surviving relay, still has the chair.
        await WaitForVideoFromAsync(binhDong, meeting.Host, 5_000);

        // The relay comes back: the console shows it answering again (and the keeper re-creates its room).
        await media.RelayServers[0].StartProcessAsync();
        await Assertions.Expect(relay1).ToHaveClassAsync(new Regex("media-server-up"), new() { Timeout = 15_000 });
        await chair.Context.CloseAsync();
        await anLac.Context.CloseAsync();
        await binhDong.Context.CloseAsync();
    }

    private async Task GiveFloorAsync(MediaFixture.OnlineMeeting meeting, Guid endpoint)
    {
        await using var scope = media.App.Scope();
        var queue = scope.ServiceProvider.GetRequiredService<SpeakerQueue>();
        var grant = new RoomAccess.Grant(meeting.Id, Guid.Empty, true, true, [], "vanphong");
        Assert.Null(await queue.AddAsync(grant, endpoint, "Ý kiến của xã", 5));
        var db = scope.ServiceProvider.GetRequiredService<Briefings.Data.BriefingsDbContext>();
        var room = await db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id);
        var speech = room.Queue.Single(s => s.EndpointId == endpoint);
        Assert.Null(await queue.StartAsync(grant, speech.Id));
    }
}
