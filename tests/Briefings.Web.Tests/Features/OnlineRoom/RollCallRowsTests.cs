using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The console of a meeting above the whole-roll-call size (a national one; here the demo district's meeting with
/// <c>OnlineRoom:WholeRollCallUpTo</c> = 0): the join carries the endpoints' counts and the totals, no rows; an endpoint's
/// rows come when the clerk opens its group (<c>RollCallRows</c>, drivers only), and the changed-row messages keep both
/// the loaded groups and the totals right.</summary>
[Collection(GroupedRollCallCollection.Name)]
public sealed class RollCallRowsTests(GroupedRollCallFixture fixture)
{
    private LiveRoomApp App => fixture.App;

    private static async Task<RoomState> JoinAsync(HubConnection connection, Guid meetingId, Guid? endpointId = null, bool console = false)
    {
        var reply = await connection.InvokeAsync<RoomReply>("Join", meetingId, endpointId, console);
        Assert.True(reply.Ok, reply.Error);
        return reply.State!;
    }

    private static async Task<RoomState.GroupRows> RowsAsync(HubConnection connection, Guid meetingId, params Guid[] endpoints)
    {
        var reply = await connection.InvokeAsync<RoomReply>("RollCallRows", meetingId, endpoints);
        Assert.True(reply.Ok, reply.Error);
        return reply.Rows!;
    }

    private Task<List<Guid>> InvitationsOfAsync(Guid endpointId) =>
        App.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == endpointId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());

    [Fact]
    public async Task Join_AboveTheWholeRollCallSize_EndpointCountsAndTotalsWithoutRows()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban toàn quốc thử {Guid.NewGuid():N}", new DateOnly(2030, 8, 1));
        var invited = await App.WithDbAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meeting.Id));
        await using var clerk = await App.SignInAsync("vanphong");
        var chair = await clerk.ConnectAsync();

        var state = await JoinAsync(chair, meeting.Id, console: true);

        Assert.Null(state.Attendance);
        Assert.Equal(new RoomState.RollCallTotals(0, 0, invited), state.RollCall);
        Assert.Equal(invited, state.Endpoints.Sum(e => e.Required));
        Assert.True(state.Endpoints.Count > 2);
    }

    [Fact]
    public async Task RollCallRows_OneGroupOpened_ItsRowsInRollCallOrderWithTheNumberTheyInclude()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban mở nhóm điểm danh {Guid.NewGuid():N}", new DateOnly(2030, 8, 2));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var invitations = await InvitationsOfAsync(anLacEndpoint);
        await using var clerk = await App.SignInAsync("vanphong");
        var chair = await clerk.ConnectAsync();
        var opened = await JoinAsync(chair, meeting.Id, console: true);
        var console = new StateInbox(chair, opened);
        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[0], "Absent", "Ốm", null)).Ok);
        await console.WaitForAsync(s => s.ConsoleSequence == opened.ConsoleSequence + 1);

        var rows = await RowsAsync(chair, meeting.Id, anLacEndpoint);

        // That endpoint's rows only, the mark among them, and a number that includes the mark's message.
        Assert.Equal([anLacEndpoint], rows.Endpoints);
        Assert.Equal(invitations.Order(), rows.Attendance.Select(a => a.InvitationId).Order());
        Assert.All(rows.Attendance, a => Assert.Equal(anLacEndpoint, a.EndpointId));
        Assert.Equal(("Absent", "Ốm", "vanphong"), rows.Attendance.Where(a => a.InvitationId == invitations[0]).Select(a => (a.Status, a.Reason, a.MarkedBy)).Single());
        Assert.Equal(opened.ConsoleSequence + 1, rows.Sequence);
        // In the order of the whole roll call (by rule, then by name), as a small meeting's state has it.
        await using var scope = App.Scope();
        var whole = await scope.ServiceProvider.GetRequiredService<RoomStates>().AttendanceAsync(meeting.Id, null, null);
        Assert.Equal(whole.Where(a => a.EndpointId == anLacEndpoint).Select(a => a.InvitationId), rows.Attendance.Select(a => a.InvitationId));
    }

    [Fact]
    public async Task Mark_OneGroupLoadedOneNot_LoadedRowsUpdatedTotalsAndCountsRightForBoth()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban tổng số điểm danh {Guid.NewGuid():N}", new DateOnly(2030, 8, 3));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var binhDongEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.BinhDong);
        var anLac = await InvitationsOfAsync(anLacEndpoint);
        var binhDong = await InvitationsOfAsync(binhDongEndpoint);
        await using var clerk = await App.SignInAsync("vanphong");
        await using var admin = await App.SignInAsync("admin");
        var marker = await clerk.ConnectAsync();
        await JoinAsync(marker, meeting.Id, console: true);
        // The chair's console opened An Lạc's group only.
        var chair = await admin.ConnectAsync();
        var console = new StateInbox(chair, await JoinAsync(chair, meeting.Id, console: true));
        console.HoldGroups(await RowsAsync(chair, meeting.Id, anLacEndpoint));

        Assert.True((await marker.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, anLac[0], "InRoom", null, null)).Ok);
        Assert.True((await marker.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, binhDong[0], "Online", null, null)).Ok);
        Assert.True((await marker.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, binhDong[1], "Absent", "Đi họp tỉnh", null)).Ok);
        var held = await console.WaitForAsync(s => s.RollCall!.Marked == 3);

        Assert.Equal(0, console.Refetched);
        Assert.Equal(3, console.ConsoleDeltasReceived.Count);
        // The totals followed the endpoints' counts: the same as a fresh join counts them.
        var fresh = await JoinAsync(marker, meeting.Id, console: true);
        Assert.Equal(new RoomState.RollCallTotals(3, 2, fresh.RollCall!.Total), held.RollCall);
        Assert.Equal(fresh.RollCall, held.RollCall);
        Assert.Equal((1, 2), held.Endpoints.Where(e => e.Id == binhDongEndpoint).Select(e => (e.Present, e.Marked)).Single());
        Assert.Equal(fresh.Endpoints.Select(e => (e.Id, e.Present, e.Marked, e.Required)), held.Endpoints.Select(e => (e.Id, e.Present, e.Marked, e.Required)));
        // The loaded group's row was updated in place; opening Bình Đông's group now reads its marks.
        Assert.Equal((await RowsAsync(marker, meeting.Id, anLacEndpoint)).Attendance, console.GroupOf(anLacEndpoint));
        Assert.Equal("InRoom", console.GroupOf(anLacEndpoint).Single(a => a.InvitationId == anLac[0]).Status);
        var opened = await RowsAsync(chair, meeting.Id, binhDongEndpoint);
        Assert.Equal(["Online", "Absent"], binhDong.Take(2).Select(id => opened.Attendance.Single(a => a.InvitationId == id).Status));
    }

    [Fact]
    public async Task RollCallRows_CommuneListenerLeaderOrAnotherMeetingsEndpoint_RefusedOrEmpty()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban quyền xem điểm danh {Guid.NewGuid():N}", new DateOnly(2030, 8, 4));
        var other = await App.NewOnlineMeetingAsync($"Giao ban khác {Guid.NewGuid():N}", new DateOnly(2030, 8, 5));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var otherEndpoint = await App.EndpointOfAsync(other.Id, Demo.AnLac);
        await using var anLac = await App.SignInAsync("xa.anlac");
        await using var leader = await App.SignInAsync("bithu");
        await using var clerk = await App.SignInAsync("vanphong");

        // The commune's own room, joined as it is in the meeting: it may not read even its own endpoint's roll call.
        var room = await anLac.ConnectAsync();
        await JoinAsync(room, meeting.Id, anLacEndpoint);
        var commune = await room.InvokeAsync<RoomReply>("RollCallRows", meeting.Id, new[] { anLacEndpoint });
        // A leader follows the meeting but does not drive it.
        var follower = await leader.ConnectAsync();
        await JoinAsync(follower, meeting.Id);
        var led = await follower.InvokeAsync<RoomReply>("RollCallRows", meeting.Id, new[] { anLacEndpoint });

        Assert.False(commune.Ok);
        Assert.Null(commune.Rows);
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", commune.Error);
        Assert.False(led.Ok);
        Assert.Null(led.Rows);
        // The organizer asking for another meeting's endpoint through this meeting gets no row of it.
        var chair = await clerk.ConnectAsync();
        var mixed = await RowsAsync(chair, meeting.Id, otherEndpoint, anLacEndpoint);
        Assert.NotEmpty(mixed.Attendance);
        Assert.All(mixed.Attendance, a => Assert.Equal(anLacEndpoint, a.EndpointId));
    }

    [Fact]
    public async Task RollCallRows_MoreEndpointsThanTheCap_RefusedInVietnameseUpToTheCapAnswered()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban giới hạn nhóm điểm danh {Guid.NewGuid():N}", new DateOnly(2030, 8, 6));
        var endpoints = await App.WithDbAsync(db => db.MeetingEndpoints.Where(e => e.MeetingId == meeting.Id).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync());
        Assert.True(endpoints.Count > GroupedRollCallFixture.RowsUpTo);
        await using var clerk = await App.SignInAsync("vanphong");
        var chair = await clerk.ConnectAsync();
        await JoinAsync(chair, meeting.Id, console: true);
        var over = endpoints.Take(GroupedRollCallFixture.RowsUpTo + 1).ToArray();
        var within = endpoints.Take(GroupedRollCallFixture.RowsUpTo).ToArray();

        var refused = await chair.InvokeAsync<RoomReply>("RollCallRows", meeting.Id, over);
        // The same endpoint named twice counts once.
        var answered = await RowsAsync(chair, meeting.Id, [.. within, .. within]);

        Assert.False(refused.Ok);
        Assert.Null(refused.Rows);
        Assert.Equal($"Mỗi lần chỉ tải được danh sách điểm danh của tối đa {GroupedRollCallFixture.RowsUpTo} điểm cầu (yêu cầu {over.Length}). Hãy đóng bớt các nhóm đang mở rồi mở lại nhóm cần xem.", refused.Error);
        Assert.Equal(within.Order(), answered.Endpoints.Order());
        Assert.Equal(await App.WithDbAsync(db => db.Invitations.CountAsync(i => within.Contains(i.EndpointId))), answered.Attendance.Count);
    }
}

[CollectionDefinition(Name)]
public sealed class GroupedRollCallCollection : ICollectionFixture<GroupedRollCallFixture>
{
    public const string Name = "live-room-grouped-roll-call";
}

/// <summary>The app with every meeting's roll call loaded per group (as a national meeting's is).</summary>
public sealed class GroupedRollCallFixture : IDisposable
{
    /// <summary>At most this many endpoints' rows per <c>RollCallRows</c> call here (<c>OnlineRoom:RollCallRowsUpTo</c>).</summary>
    public const int RowsUpTo = 3;

    public LiveRoomApp App { get; } = new LiveRoomApp(new Dictionary<string, string?>
    {
        ["OnlineRoom:WholeRollCallUpTo"] = "0",
        ["OnlineRoom:RollCallRowsUpTo"] = RowsUpTo.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }).Start();

    public void Dispose() => App.Dispose();
}
