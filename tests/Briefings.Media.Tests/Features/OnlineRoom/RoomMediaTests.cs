using System.Text.Json.Nodes;
using Briefings.Web.Features.OnlineRoom.Media;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Briefings.Media.Tests.Features.OnlineRoom;

[Collection(MediaCollection.Name)]
public sealed class RoomMediaTests(MediaFixture media)
{
    private string MediaUrl(MediaFixture.OnlineMeeting m, Guid endpoint) => $"{media.BaseUrl}/meetings/{m.Id}/endpoints/{endpoint}/media";

    private static Task WaitForVideoFromAsync(IPage page, Guid endpoint, int timeoutMs = 30_000) =>
        page.WaitForFunctionAsync($"() => {{ const m = window.briefingsMedia; return !!m && (m.videoWidths()['{endpoint}'] || 0) > 0; }}", null, new() { Timeout = timeoutMs });

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
    public async Task Room_TwoEndpointsAndChair_EachEndpointReceivesChairsVideoAndAudio()
    {
        var meeting = await media.NewOnlineMeetingAsync("Giao ban hình ảnh hai xã", new DateOnly(2030, 6, 5));
        var chair = await media.LoginAsync("vanphong");
        await chair.GotoAsync(MediaUrl(meeting, meeting.Host));
        var anLac = await media.LoginAsync("xa.anlac", 360, 760);
        await anLac.GotoAsync(MediaUrl(meeting, meeting.AnLac));
        var binhDong = await media.LoginAsync("xa.binhdong");
        await binhDong.GotoAsync(MediaUrl(meeting, meeting.BinhDong));

        foreach (var endpoint in new[] { anLac, binhDong })
        {
            await WaitForVideoFromAsync(endpoint, meeting.Host);
            Assert.True(await AudioPacketsAsync(endpoint) > 0, "no audio packets from the chair");
            await Assertions.Expect(endpoint.Locator(".media-feed-host figcaption")).ToHaveTextAsync("Huyện Tân Phong");
            await Assertions.Expect(endpoint.Locator("[data-media-state]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("media-state-connected"));
        }

        // Janus's events tell the server each endpoint's media state (attributed by the signed token).
        var presence = media.App.Services.GetRequiredService<MediaPresence>();
        foreach (var endpoint in new[] { meeting.Host, meeting.AnLac, meeting.BinhDong })
        {
            Assert.True(await EventuallyAsync(() => Task.FromResult(presence.For(endpoint) is { Connected: true, AudioFlowing: true, VideoFlowing: true }), true),
                $"presence of {endpoint}: {presence.For(endpoint)}");
        }

        // The host room sees every endpoint; a commune sees only the chair (and, later, the current speaker).
        await WaitForVideoFromAsync(chair, meeting.AnLac);
        await WaitForVideoFromAsync(chair, meeting.BinhDong);
        Assert.Equal(1, await anLac.Locator(".media-feed").CountAsync());
        await MediaFixture.ScreenshotAsync(anLac, "endpoint-media-phone");

        // When Bình Đông becomes the current speaker, An Lạc also receives it (room-live's queue calls setSpeaker).
        await anLac.EvaluateAsync($"() => window.briefingsMedia.setSpeaker('{meeting.BinhDong}')");
        await WaitForVideoFromAsync(anLac, meeting.BinhDong);
        await Assertions.Expect(anLac.Locator(".media-feed-speaker figcaption")).ToHaveTextAsync("Xã Bình Đông");
        await anLac.EvaluateAsync("() => window.briefingsMedia.setSpeaker(null)");
        await Assertions.Expect(anLac.Locator(".media-feed")).ToHaveCountAsync(1);

        // Mute and unmute the commune's microphone.
        await anLac.ClickAsync("[data-media-mute]");
        Assert.True(await anLac.EvaluateAsync<bool>("() => window.briefingsMedia.muted"));
        await Assertions.Expect(anLac.Locator("[data-media-mute]")).ToHaveAttributeAsync("aria-pressed", "true");
        await anLac.ClickAsync("[data-media-mute]");
        Assert.False(await anLac.EvaluateAsync<bool>("() => window.briefingsMedia.muted"));

        await MediaFixture.ScreenshotAsync(binhDong, "endpoint-media-desktop");
        await MediaFixture.ScreenshotAsync(chair, "chair-media-desktop");
        Assert.False(await anLac.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the media view scrolls sideways on a phone");

        await binhDong.Context.CloseAsync();
        Assert.True(await EventuallyAsync(() => Task.FromResult(presence.For(meeting.BinhDong) is { Connected: false }), true), "a closed page still shows connected");
        await chair.Context.CloseAsync();
        await anLac.Context.CloseAsync();
    }

    [Fact]
    public async Task Room_JanusRestarts_RoomRecreatedAndPagesRejoin()
    {
        var meeting = await media.NewOnlineMeetingAsync("Giao ban máy chủ khởi động lại", new DateOnly(2030, 6, 6));
        var chair = await media.LoginAsync("vanphong");
        await chair.GotoAsync(MediaUrl(meeting, meeting.Host));
        var commune = await media.LoginAsync("xa.anlac");
        await commune.GotoAsync(MediaUrl(meeting, meeting.AnLac));
        await WaitForVideoFromAsync(commune, meeting.Host);

        await media.Janus.StopProcessAsync();
        await Assertions.Expect(commune.Locator("[data-media-state]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("media-state-(reconnecting|unavailable)"), new() { Timeout = 30_000 });
        await MediaFixture.ScreenshotAsync(commune, "endpoint-media-reconnecting-desktop");
        await media.Janus.StartProcessAsync();

        // The keeper (every 2 s in tests) re-creates the room, and both pages rejoin by themselves.
        var rooms = media.App.Services.GetRequiredService<MeetingRooms>();
        var janus = media.App.Services.GetRequiredService<JanusClient>();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until && !await janus.RoomExistsAsync(rooms.InstanceFor(meeting.Id), MeetingRooms.RoomIdFor(meeting.Id)))
        {
            await Task.Delay(500);
        }

        Assert.True(await janus.RoomExistsAsync(rooms.InstanceFor(meeting.Id), MeetingRooms.RoomIdFor(meeting.Id)), "the room was not re-created");
        await WaitForVideoFromAsync(commune, meeting.Host, 60_000);
        await WaitForVideoFromAsync(chair, meeting.AnLac, 60_000);
        await Assertions.Expect(commune.Locator("[data-media-state]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("media-state-connected"));

        await chair.Context.CloseAsync();
        await commune.Context.CloseAsync();
    }

    [Fact]
    public async Task RoomKeeper_MeetingWindowOpen_CreatesRoom_ClosesItAfterTheMeeting()
    {
        var meeting = await media.NewOnlineMeetingAsync("Giao ban đang diễn ra", new DateOnly(2030, 6, 9));
        var rooms = media.App.Services.GetRequiredService<MeetingRooms>();
        var janus = media.App.Services.GetRequiredService<JanusClient>();
        var instance = rooms.InstanceFor(meeting.Id);
        var room = MeetingRooms.RoomIdFor(meeting.Id);
        Assert.False(await janus.RoomExistsAsync(instance, room));

        // The meeting is moved to now: the keeper (every 2 s here) opens its room without anyone asking.
        await ScheduleAsync(meeting.Id, DateTimeOffset.UtcNow.AddMinutes(-10), DateTimeOffset.UtcNow.AddHours(1));
        Assert.True(await EventuallyAsync(() => janus.RoomExistsAsync(instance, room), true), "the keeper did not create the room");

        // Ended more than RoomClosesAfter (1 h) ago: the keeper destroys it.
        await ScheduleAsync(meeting.Id, DateTimeOffset.UtcNow.AddHours(-3), DateTimeOffset.UtcNow.AddHours(-2));
        Assert.True(await EventuallyAsync(() => janus.RoomExistsAsync(instance, room), false), "the keeper did not close the room");
    }

    private async Task ScheduleAsync(Guid meetingId, DateTimeOffset start, DateTimeOffset end) =>
        await media.App.WithDbAsync(async db =>
        {
            var tracked = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            Assert.Null(tracked.Schedule(start, end, tracked.Place));
            return await db.SaveChangesAsync();
        });

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> probe, bool expected)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (await probe() == expected)
            {
                return true;
            }

            await Task.Delay(300);
        }

        return false;
    }

    [Fact]
    public async Task Room_ServerCreatedRoom_IsPrivateAndSignedTokensOnly()
    {
        var meeting = await media.NewOnlineMeetingAsync("Giao ban phòng riêng", new DateOnly(2030, 6, 7));
        var rooms = media.App.Services.GetRequiredService<MeetingRooms>();
        await rooms.EnsureAsync(meeting.Id, DateTimeOffset.UtcNow.AddMinutes(5));
        var janus = media.App.Services.GetRequiredService<JanusClient>();
        var instance = rooms.InstanceFor(meeting.Id);

        // Listed to the admin only (is_private), and destroyed with the server's secret.
        var listed = await janus.PluginRequestAsync(instance, JanusTokens.VideoRoom, new JsonObject { ["request"] = "list" });
        Assert.DoesNotContain(((JsonArray)listed["list"]!).Select(r => (long?)r?["room"]), r => r == MeetingRooms.RoomIdFor(meeting.Id));
        var asAdmin = await janus.PluginRequestAsync(instance, JanusTokens.VideoRoom, new JsonObject { ["request"] = "list", ["admin_key"] = instance.RoomAdminKey });
        var room = ((JsonArray)asAdmin["list"]!).Single(r => (long?)r?["room"] == MeetingRooms.RoomIdFor(meeting.Id))!;
        Assert.True((bool?)room["is_private"]);
        Assert.True(await rooms.CloseAsync(meeting.Id));
        Assert.False(await janus.RoomExistsAsync(instance, MeetingRooms.RoomIdFor(meeting.Id)));
    }
}
