using System.Net.Http.Json;
using Briefings.Core.OnlineRoom;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The day of the meeting as the communes live it on their phones (walk-meetday): a request the chair does not
/// take, and the meeting's closing.</summary>
[Collection(LiveRoomCollection.Name)]
public sealed class MeetingDayTests(LiveRoomFixture fixture)
{
    private LiveRoomApp App => fixture.App;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<RoomReply> JoinAsync(HubConnection connection, Guid meetingId, Guid? endpointId = null, bool console = false)
    {
        var reply = await connection.InvokeAsync<RoomReply>("Join", meetingId, endpointId, console);
        Assert.True(reply.Ok, reply.Error);
        return reply;
    }

    [Fact]
    public async Task ChairTakesOutACommunesRequest_CommuneToldItWasNotGivenTheFloor_AlsoAfterReconnecting_UntilItAsksAgain()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban xin phát biểu bị từ chối {Guid.NewGuid():N}", new DateOnly(2030, 10, 7));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var binhDongEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.BinhDong);
        await using var office = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        await using var binhDong = await App.SignInAsync("xa.binhdong");
        var chair = await office.ConnectAsync();
        await JoinAsync(chair, meeting.Id, console: true);
        var phone = await anLac.ConnectAsync();
        var told = new System.Collections.Concurrent.ConcurrentQueue<EndpointMessage>();
        phone.On<EndpointMessage>(RoomBroadcaster.EndpointMethod, told.Enqueue);
        await JoinAsync(phone, meeting.Id, anLacEndpoint);
        var other = await binhDong.ConnectAsync();
        var otherTold = new System.Collections.Concurrent.ConcurrentQueue<EndpointMessage>();
        other.On<EndpointMessage>(RoomBroadcaster.EndpointMethod, otherTold.Enqueue);
        await JoinAsync(other, meeting.Id, binhDongEndpoint);

        // Bình Đông withdraws its own request: that is not a refusal.
        Assert.True((await other.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, binhDongEndpoint, "Ý kiến rút lại")).Ok);
        var own = (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id))).Queue.Single();
        Assert.True((await other.InvokeAsync<RoomReply>("Withdraw", meeting.Id, own.Id)).Ok);

        // An Lạc asks; the chair takes the request out.
        Assert.True((await phone.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Kiến nghị kinh phí trường mầm non")).Ok);
        var asked = (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id))).Queue.Single();
        Assert.True((await chair.InvokeAsync<RoomReply>("Withdraw", meeting.Id, asked.Id)).Ok);
        await WaitUntilAsync(() => told.Any(m => m.Declined is not null));

        Assert.Equal("Kiến nghị kinh phí trường mầm non", Assert.Single(told, m => m.Declined is not null).Declined!.Topic);
        Assert.DoesNotContain(otherTold, m => m.Declined is not null);
        var statuses = (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id))).Speeches
            .ToDictionary(s => s.Id, s => s.Status);
        Assert.Equal(SpeechStatus.Declined, statuses[asked.Id]);
        Assert.Equal(SpeechStatus.Withdrawn, statuses[own.Id]);

        // The phone reconnects: the join says so again; Bình Đông's own withdrawal is no refusal.
        var again = await anLac.ConnectAsync();
        Assert.Equal(asked.Id, (await JoinAsync(again, meeting.Id, anLacEndpoint)).Endpoint!.Declined?.Id);
        Assert.Null((await JoinAsync(await binhDong.ConnectAsync(), meeting.Id, binhDongEndpoint)).Endpoint!.Declined);

        // It asks again: the refusal is past.
        Assert.True((await again.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Xin phát biểu lần hai")).Ok);
        Assert.Null((await JoinAsync(await anLac.ConnectAsync(), meeting.Id, anLacEndpoint)).Endpoint!.Declined);
    }

    [Fact]
    public async Task MeetingClosed_OpenViewsToldAtOnce_AskingAddingAndGivingTheFloorRefused_MinutesAndRollCallGoOn()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban bế mạc {Guid.NewGuid():N}", new DateOnly(2030, 10, 8));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var office = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var chair = await office.ConnectAsync();
        await JoinAsync(chair, meeting.Id, console: true);
        var phone = await anLac.ConnectAsync();
        var joined = await JoinAsync(phone, meeting.Id, anLacEndpoint);
        var inbox = new StateInbox(phone, joined.State);
        Assert.Null(joined.State!.EndedAt);
        Assert.True((await phone.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Ý kiến trước khi bế mạc")).Ok);
        var waiting = (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id))).Queue.Single();
        Assert.True((await chair.InvokeAsync<RoomReply>("StartSpeech", meeting.Id, waiting.Id)).Ok);

        await using (var scope = App.Scope())
        {
            var version = (await App.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id))).Version;
            Assert.Null(await scope.ServiceProvider.GetRequiredService<CloseMeeting>().RunAsync(meeting.Id, version, await App.UserContextAsync("vanphong")));
        }

        // The phone learns it without reloading; the speech in progress ended with the meeting.
        var closed = await inbox.WaitForAsync(s => s.EndedAt is not null);
        Assert.Null(closed.Current);
        var ask = await phone.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Sau bế mạc");
        var add = await chair.InvokeAsync<RoomReply>("AddSpeech", meeting.Id, anLacEndpoint, "Mời sau bế mạc", 5);
        var start = await chair.InvokeAsync<RoomReply>("StartSpeech", meeting.Id, waiting.Id);
        Assert.All(new[] { ask, add, start }, r => Assert.False(r.Ok));
        Assert.StartsWith("Cuộc họp đã bế mạc lúc ", ask.Error);
        var room = await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id));
        Assert.Single(room.Speeches);
        Assert.Equal(SpeechStatus.Done, room.Speeches.Single().Status);

        // The secretary completes the record after the closing.
        Assert.True((await chair.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 1, "Bổ sung biên bản sau bế mạc.", 0)).Ok);
        var invitation = await App.WithDbAsync(db => db.Invitations.FirstAsync(i => i.MeetingId == meeting.Id && i.EndpointId == anLacEndpoint));
        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitation.Id, "Online", null, null)).Ok);
    }

    [Fact]
    public async Task CommuneScriptFlipsItsAudioInALoop_ByTheHubAndByThePost_RefusedPastTheBudget()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban lật âm thanh {Guid.NewGuid():N}", new DateOnly(2030, 10, 9));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var anLac = await App.SignInAsync("xa.anlac");
        var script = await anLac.ConnectAsync();
        await JoinAsync(script, meeting.Id, anLacEndpoint);

        var replies = new List<RoomReply>();
        for (var i = 0; i < 300; i++)
        {
            replies.Add(await script.InvokeAsync<RoomReply>("ReportMedia", meeting.Id, anLacEndpoint, i % 2 == 0, true));
        }

        var refused = replies.Where(r => !r.Ok).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal(ActionBudget.Refused, r.Error));
        var changes = await App.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(EndpointPresence) && e.EntityId == anLacEndpoint.ToString()));
        Assert.True(changes < 300, $"{changes} presence changes written for 300 calls");

        // The same loop through the media module's plain post.
        var statuses = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < 300; i++)
        {
            using var posted = await anLac.Http.Http.PostAsJsonAsync($"/meetings/{meeting.Id}/room/presence", new { EndpointId = anLacEndpoint, Audio = i % 2 == 0, Video = true });
            statuses.Add(posted.StatusCode);
        }

        Assert.Contains(System.Net.HttpStatusCode.TooManyRequests, statuses);
        Assert.All(statuses, s => Assert.True(s is System.Net.HttpStatusCode.NoContent or System.Net.HttpStatusCode.TooManyRequests, s.ToString()));
    }

    [Fact]
    public async Task PhoneReconnectsMidMeeting_StateResumed_OnePresenceRowNoRollCallMarkAdded()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban kết nối lại {Guid.NewGuid():N}", new DateOnly(2030, 10, 10));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var office = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var chair = await office.ConnectAsync();
        await JoinAsync(chair, meeting.Id, console: true);
        var invitation = await App.WithDbAsync(db => db.Invitations.FirstAsync(i => i.MeetingId == meeting.Id && i.EndpointId == anLacEndpoint));
        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitation.Id, "Online", null, null)).Ok);
        var phone = await anLac.ConnectAsync();
        await JoinAsync(phone, meeting.Id, anLacEndpoint);
        Assert.True((await phone.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Ý kiến trước khi mất sóng")).Ok);
        Assert.True((await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, 2)).Ok);

        await phone.StopAsync();
        for (var i = 0; i < 3; i++)
        {
            var again = await anLac.ConnectAsync();
            var state = (await JoinAsync(again, meeting.Id, anLacEndpoint)).State!;
            Assert.Equal(2, state.CurrentOrder);
            Assert.Equal("Ý kiến trước khi mất sóng", Assert.Single(state.Queue).Topic);
            await again.StopAsync();
        }

        Assert.Equal(1, await App.WithDbAsync(db => db.EndpointPresences.CountAsync(p => p.EndpointId == anLacEndpoint)));
        Assert.Equal(1, await App.WithDbAsync(db => db.AttendanceMarks.CountAsync(m => m.MeetingId == meeting.Id)));
    }
}
