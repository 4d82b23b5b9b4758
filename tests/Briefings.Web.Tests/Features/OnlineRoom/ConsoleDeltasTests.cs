using System.Collections.Concurrent;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The consoles' changed-row messages (issue 14.4 at national size): a roll-call mark, a presence change or a
/// minutes save sends the consoles the changed rows only, in a sequence; a console that misses one gets the whole
/// console state again; listeners and other communes get none of it.</summary>
[Collection(LiveRoomCollection.Name)]
public sealed class ConsoleDeltasTests(LiveRoomFixture fixture)
{
    private LiveRoomApp App => fixture.App;

    private static async Task<RoomState> JoinAsync(HubConnection connection, Guid meetingId, Guid? endpointId = null, bool console = false)
    {
        var reply = await connection.InvokeAsync<RoomReply>("Join", meetingId, endpointId, console);
        Assert.True(reply.Ok, reply.Error);
        return reply.State!;
    }

    /// <summary>Polls <paramref name="condition"/> for up to 10 s (messages arrive on the client's own threads).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    private Task<List<Guid>> InvitationsOfAsync(Guid endpointId) =>
        App.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == endpointId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());

    /// <summary>Every message a listener gets, by name.</summary>
    private static ConcurrentQueue<string> Record(HubConnection connection)
    {
        var heard = new ConcurrentQueue<string>();
        connection.On<RoomDelta>(RoomDeltas.Method, d => heard.Enqueue("delta " + string.Join(",", d.Changes.Keys)));
        connection.On<RoomState>(RoomBroadcaster.StateMethod, s => heard.Enqueue("state " + (s.Attendance is null ? "" : "attendance")));
        connection.On<ConsoleDelta>(ConsoleDeltas.Method, d => heard.Enqueue("console"));
        return heard;
    }

    [Fact]
    public async Task Mark_OneInvitation_ConsolesGetThatRowAndItsEndpointListenersNothing()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban điểm danh từng dòng {Guid.NewGuid():N}", new DateOnly(2030, 7, 1));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var invitation = (await InvitationsOfAsync(anLacEndpoint))[0];
        await using var clerk = await App.SignInAsync("vanphong");
        await using var binhDong = await App.SignInAsync("xa.binhdong");
        var chair = await clerk.ConnectAsync();
        var opened = await JoinAsync(chair, meeting.Id, console: true);
        var console = new StateInbox(chair, opened);
        var viewer = await binhDong.ConnectAsync();
        var heard = Record(viewer);
        await JoinAsync(viewer, meeting.Id);

        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitation, "Online", null, null)).Ok);
        var marked = await console.WaitForAsync(s => s.Attendance!.Any(a => a.InvitationId == invitation && a.Status == "Online"));

        // One message: the marked row and its endpoint's counts, next in the sequence the join started.
        var delta = Assert.Single(console.ConsoleDeltasReceived);
        Assert.Equal(opened.ConsoleSequence + 1, delta.Sequence);
        Assert.Equal((invitation, "Online", "vanphong"), (delta.Attendance.Single().InvitationId, delta.Attendance.Single().Status, delta.Attendance.Single().MarkedBy));
        Assert.Equal((anLacEndpoint, 1, 1), (delta.Endpoints.Single().Id, delta.Endpoints.Single().Present, delta.Endpoints.Single().Marked));
        Assert.Empty(delta.Minutes);
        Assert.Equal(0, console.Refetched);
        // The console holds the whole roll call with the mark, as a fresh join reads it.
        var fresh = await JoinAsync(chair, meeting.Id, console: true);
        Assert.Equal(fresh.Attendance!.Select(a => (a.InvitationId, a.Status)), marked.Attendance!.Select(a => (a.InvitationId, a.Status)));
        Assert.Equal(fresh.Endpoints.Select(e => (e.Id, e.Present, e.Required)), marked.Endpoints.Select(e => (e.Id, e.Present, e.Required)));
        // The totals the console keeps from the endpoints' counts are the ones a fresh join counts.
        Assert.Equal(new RoomState.RollCallTotals(1, 1, fresh.Attendance!.Count), marked.RollCall);

        // A chair action reaches the listener, and it is the first message it got: the mark went to the consoles only.
        Assert.True((await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, 2)).Ok);
        await WaitUntilAsync(() => !heard.IsEmpty);
        await Task.Delay(300);
        var only = Assert.Single(heard);
        // The first broadcast of a meeting on an instance is a whole state, later ones deltas: either way public parts only.
        Assert.True(only == "state " || only.StartsWith("delta ", StringComparison.Ordinal), only);
    }

    [Fact]
    public async Task Presence_RoomJoinsAndIsMuted_ConsolesGetTheOneEndpoint()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban hiện diện từng điểm cầu {Guid.NewGuid():N}", new DateOnly(2030, 7, 2));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var clerk = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var chair = await clerk.ConnectAsync();
        var opened = await JoinAsync(chair, meeting.Id, console: true);
        Assert.True(opened.Endpoints.Count > 2);
        var console = new StateInbox(chair, opened);

        var room = await anLac.ConnectAsync();
        await JoinAsync(room, meeting.Id, anLacEndpoint);
        await console.WaitForAsync(s => s.Endpoints.Any(e => e.Id == anLacEndpoint && e.Connected));
        Assert.True((await chair.InvokeAsync<RoomReply>("SetMuted", meeting.Id, anLacEndpoint, true)).Ok);
        var muted = await console.WaitForAsync(s => s.Endpoints.Any(e => e.Id == anLacEndpoint && e.Muted));

        Assert.Equal(2, console.ConsoleDeltasReceived.Count);
        Assert.All(console.ConsoleDeltasReceived, d => Assert.Equal(anLacEndpoint, Assert.Single(d.Endpoints).Id));
        Assert.All(console.ConsoleDeltasReceived, d => Assert.Empty(d.Attendance));
        Assert.Equal([opened.ConsoleSequence!.Value + 1, opened.ConsoleSequence.Value + 2], console.ConsoleDeltasReceived.Select(d => d.Sequence));
        Assert.Equal(opened.Endpoints.Count, muted.Endpoints.Count);
        Assert.Equal(opened.Attendance!.Count, muted.Attendance!.Count);
    }

    [Fact]
    public async Task Console_MissesADelta_AsksForTheWholeStateAndEndsCorrect()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban mất tin điểm danh {Guid.NewGuid():N}", new DateOnly(2030, 7, 3));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var invitations = await InvitationsOfAsync(anLacEndpoint);
        await using var clerk = await App.SignInAsync("vanphong");
        var chair = await clerk.ConnectAsync();
        var console = new StateInbox(chair, await JoinAsync(chair, meeting.Id, console: true)) { LoseConsoleDeltas = 1 };

        // The first mark's message is lost (a reconnect, a dropped frame): the second does not follow what is held.
        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[0], "Absent", "Ốm", null)).Ok);
        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[1], "InRoom", null, null)).Ok);
        var both = await console.WaitForAsync(s =>
            s.Attendance!.Any(a => a.InvitationId == invitations[0] && a.Status == "Absent") && s.Attendance!.Any(a => a.InvitationId == invitations[1] && a.Status == "InRoom"));

        Assert.Equal(1, console.Refetched);
        Assert.Equal(0, console.ConsoleApplied);
        var fresh = await JoinAsync(chair, meeting.Id, console: true);
        Assert.Equal(fresh.ConsoleSequence, both.ConsoleSequence);
        Assert.Equal(fresh.Attendance!.Select(a => (a.InvitationId, a.Status, a.Reason)), both.Attendance!.Select(a => (a.InvitationId, a.Status, a.Reason)));
        Assert.Equal(1, both.Endpoints.Single(e => e.Id == anLacEndpoint).Present);
        Assert.Equal(fresh.RollCall, both.RollCall);

        // Later marks apply onto the whole state again.
        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[2], "Online", null, null)).Ok);
        await console.WaitForAsync(s => s.Attendance!.Any(a => a.InvitationId == invitations[2] && a.Status == "Online"));
        Assert.Equal(1, console.ConsoleApplied);
    }

    [Fact]
    public async Task Mark_TwoCommunes_EachRoomToldOnlyOfItsOwnEndpoint()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban hai xã cạnh nhau {Guid.NewGuid():N}", new DateOnly(2030, 7, 6));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var binhDongEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.BinhDong);
        await using var clerk = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        await using var binhDong = await App.SignInAsync("xa.binhdong");
        var chair = await clerk.ConnectAsync();
        await JoinAsync(chair, meeting.Id, console: true);
        var rooms = new Dictionary<Guid, ConcurrentQueue<string>>();
        foreach (var (user, endpoint) in new[] { (anLac, anLacEndpoint), (binhDong, binhDongEndpoint) })
        {
            var room = await user.ConnectAsync();
            var heard = Record(room);
            room.On<EndpointMessage>(RoomBroadcaster.EndpointMethod, m => heard.Enqueue($"endpoint {m.Endpoint.Id} {m.Endpoint.Present}"));
            await JoinAsync(room, meeting.Id, endpoint);
            rooms[endpoint] = heard;
        }

        // Neither room may read the console's messages.
        var commune = await (await anLac.ConnectAsync()).InvokeAsync<RoomReply>("CurrentConsoleState", meeting.Id);
        Assert.False(commune.Ok);
        Assert.Null(commune.State);

        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, (await InvitationsOfAsync(anLacEndpoint))[0], "InRoom", null, null)).Ok);
        await WaitUntilAsync(() => rooms[anLacEndpoint].Contains($"endpoint {anLacEndpoint} 1"));
        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, (await InvitationsOfAsync(binhDongEndpoint))[0], "Online", null, null)).Ok);
        await WaitUntilAsync(() => rooms[binhDongEndpoint].Contains($"endpoint {binhDongEndpoint} 1"));
        await Task.Delay(300);

        // Each room heard of its own endpoint only (its count after its own mark), and nothing of the roll call.
        Assert.Equal([$"endpoint {anLacEndpoint} 1"], rooms[anLacEndpoint].Where(m => m.StartsWith("endpoint", StringComparison.Ordinal) && m.EndsWith(" 1", StringComparison.Ordinal)));
        Assert.All(rooms[anLacEndpoint], m => Assert.Contains(anLacEndpoint.ToString(), m, StringComparison.Ordinal));
        Assert.All(rooms[binhDongEndpoint], m => Assert.Contains(binhDongEndpoint.ToString(), m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Minutes_Saved_ConsolesGetThatItemOnly()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban biên bản từng mục {Guid.NewGuid():N}", new DateOnly(2030, 7, 7));
        await using var clerk = await App.SignInAsync("vanphong");
        await using var admin = await App.SignInAsync("admin");
        var writer = await clerk.ConnectAsync();
        await JoinAsync(writer, meeting.Id, console: true);
        var reader = await admin.ConnectAsync();
        var console = new StateInbox(reader, await JoinAsync(reader, meeting.Id, console: true));

        var saved = (await writer.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 2, "Các xã báo cáo tiến độ", 0)).Minutes!;
        var held = await console.WaitForAsync(s => s.Minutes!.Any(m => m.Order == 2 && m.Text == "Các xã báo cáo tiến độ"));

        var delta = Assert.Single(console.ConsoleDeltasReceived);
        Assert.Equal((2, saved.Revision, "vanphong"), (delta.Minutes.Single().Order, delta.Minutes.Single().Revision, delta.Minutes.Single().UpdatedBy));
        Assert.Empty(delta.Attendance);
        Assert.Empty(delta.Endpoints);
        Assert.Equal(3, held.Minutes!.Count);
    }
}
