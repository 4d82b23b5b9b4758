using System.Net;
using System.Net.Http.Json;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.OnlineRoom;

[Collection(LiveRoomCollection.Name)]
public sealed class LiveRoomTests(LiveRoomFixture fixture)
{
    private LiveRoomApp App => fixture.App;

    /// <summary>The commune's room leaves the meeting: its endpoint and invitations are removed.</summary>
    private Task<int> RemoveRoomAsync(Guid meetingId, string areaCode) =>
        App.WithDbAsync(async db =>
        {
            var area = await db.Units.SingleAsync(u => u.Code == areaCode);
            var endpoint = await db.MeetingEndpoints.SingleAsync(e => e.MeetingId == meetingId && e.AreaUnitId == area.Id);
            db.Invitations.RemoveRange(db.Invitations.Where(i => i.EndpointId == endpoint.Id));
            db.MeetingEndpoints.Remove(endpoint);
            return await db.SaveChangesAsync();
        });

    /// <summary>Polls <paramref name="condition"/> for up to 10 s (messages arrive on the client's own threads).</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<RoomState> JoinAsync(HubConnection connection, Guid meetingId, Guid? endpointId = null, bool console = false)
    {
        var reply = await connection.InvokeAsync<RoomReply>("Join", meetingId, endpointId, console);
        Assert.True(reply.Ok, reply.Error);
        return reply.State!;
    }

    private Task<LiveRoom?> RoomAsync(Guid meetingId) =>
        App.WithDbAsync(db => db.LiveRooms.AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == meetingId));

    [Fact]
    public async Task Hub_CommuneNotInvited_CannotJoinNorOpenTheRoom()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử 1", new DateOnly(2030, 4, 1));
        // Bình Đông's room leaves this meeting: the commune is no longer invited.
        await RemoveRoomAsync(meeting.Id, Demo.BinhDong);
        await using var binhDong = await App.SignInAsync("xa.binhdong");
        var hub = await binhDong.ConnectAsync();

        var join = await hub.InvokeAsync<RoomReply>("Join", meeting.Id, null, false);
        var current = await hub.InvokeAsync<RoomReply>("CurrentState", meeting.Id);
        var request = await hub.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, await App.EndpointOfAsync(meeting.Id, Demo.AnLac), "Xin phát biểu");
        var room = await binhDong.Http.Http.GetAsync($"/meetings/{meeting.Id}/room");
        var display = await binhDong.Http.Http.GetAsync($"/meetings/{meeting.Id}/display");

        Assert.False(join.Ok);
        Assert.Null(join.State);
        Assert.False(current.Ok);
        Assert.Null(current.State);
        Assert.False(request.Ok);
        Assert.Empty((await RoomAsync(meeting.Id))?.Speeches ?? []);
        Assert.Equal(HttpStatusCode.Forbidden, room.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, display.StatusCode);
    }

    [Fact]
    public async Task Hub_CommuneRemovedAfterJoining_RefusedAtItsNextJoin()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban trực tuyến rút xã {Guid.NewGuid():N}", new DateOnly(2030, 4, 9));
        await using var binhDong = await App.SignInAsync("xa.binhdong");
        var before = await binhDong.ConnectAsync();
        var joined = await before.InvokeAsync<RoomReply>("Join", meeting.Id, null, false);
        await RemoveRoomAsync(meeting.Id, Demo.BinhDong);
        // As after a reconnect: a new connection of the same signed-in browser joins again.
        var after = await binhDong.ConnectAsync();

        var rejoin = await after.InvokeAsync<RoomReply>("Join", meeting.Id, null, false);

        Assert.True(joined.Ok, joined.Error);
        Assert.False(rejoin.Ok);
        Assert.Null(rejoin.State);
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", rejoin.Error);
    }

    [Fact]
    public async Task Hub_CommuneActsForAnotherEndpointOrDrivesConsole_RefusedStateUnchanged()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử 2", new DateOnly(2030, 4, 2));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var binhDongEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.BinhDong);
        await using var anLac = await App.SignInAsync("xa.anlac");
        await using var binhDong = await App.SignInAsync("xa.binhdong");
        var a = await anLac.ConnectAsync();
        var b = await binhDong.ConnectAsync();
        await JoinAsync(a, meeting.Id, anLacEndpoint);
        await JoinAsync(b, meeting.Id, binhDongEndpoint);
        Assert.True((await a.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Ý kiến của xã An Lạc")).Ok);
        var before = (await RoomAsync(meeting.Id))!;
        var speech = before.Queue.Single(s => s.EndpointId == anLacEndpoint);

        var joinAsOther = await b.InvokeAsync<RoomReply>("Join", meeting.Id, anLacEndpoint, false);
        var requestForOther = await b.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Giả danh An Lạc");
        var withdrawOther = await b.InvokeAsync<RoomReply>("Withdraw", meeting.Id, speech.Id);
        var muteOther = await b.InvokeAsync<RoomReply>("SetMuted", meeting.Id, anLacEndpoint, true);
        var start = await b.InvokeAsync<RoomReply>("StartSpeech", meeting.Id, speech.Id);
        var item = await b.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, 2);
        var console = await b.InvokeAsync<RoomReply>("Join", meeting.Id, null, true);
        var minutes = await b.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 1, "Ghi thử", 0);
        var invitation = await App.WithDbAsync(db => db.Invitations.FirstAsync(i => i.MeetingId == meeting.Id && i.EndpointId == binhDongEndpoint));
        var mark = await b.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitation.Id, "Online", null, null);
        var presence = await binhDong.Http.Http.PostAsJsonAsync($"/meetings/{meeting.Id}/room/presence", new { EndpointId = anLacEndpoint, Connected = false });
        var ownPresence = await binhDong.Http.Http.PostAsJsonAsync($"/meetings/{meeting.Id}/room/presence", new { EndpointId = binhDongEndpoint, Audio = true, Video = true });
        var consolePage = await binhDong.Http.Http.GetAsync($"/meetings/{meeting.Id}/console");
        Assert.True(ownPresence.StatusCode == HttpStatusCode.NoContent, ownPresence.StatusCode + await ownPresence.Content.ReadAsStringAsync());
        Assert.True(presence.StatusCode == HttpStatusCode.Forbidden, presence.StatusCode + await presence.Content.ReadAsStringAsync());

        Assert.All(new[] { joinAsOther, requestForOther, withdrawOther, muteOther, start, item, console, minutes, mark }, r => Assert.False(r.Ok));
        Assert.Equal("Bạn không có quyền thực hiện thao tác này.", start.Error);
        var after = (await RoomAsync(meeting.Id))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(SpeechStatus.Waiting, after.Speeches.Single().Status);
        Assert.Null(after.CurrentAgendaOrder);
        Assert.Equal(0, await App.WithDbAsync(db => db.MinutesEntries.CountAsync(m => m.MeetingId == meeting.Id)));
        Assert.Equal(0, await App.WithDbAsync(db => db.AttendanceMarks.CountAsync(m => m.MeetingId == meeting.Id)));
        var anLacPresence = await App.WithDbAsync(db => db.EndpointPresences.AsNoTracking().SingleAsync(p => p.EndpointId == anLacEndpoint));
        Assert.True(anLacPresence.Connected);
        Assert.False(anLacPresence.Muted);
        Assert.Equal(HttpStatusCode.Forbidden, presence.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ownPresence.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, consolePage.StatusCode);
    }

    [Fact]
    public async Task Queue_RequestAppearsOnConsole_ChairStartsIt_ReconnectingClientGetsCurrentState()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử 3", new DateOnly(2030, 4, 3));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var binhDongEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.BinhDong);
        // A registration made before the meeting comes first in the queue.
        await App.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong + "-DU");
            db.SpeakingRegistrations.Add(new SpeakingRegistration
            {
                MeetingId = meeting.Id, UnitId = unit.Id, Topic = "Báo cáo kết quả quý", Minutes = 7, SubmittedBy = "xa.binhdong", SubmittedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await using var clerk = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var chair = await clerk.ConnectAsync();
        var consoleInbox = new StateInbox(chair);
        var opened = await JoinAsync(chair, meeting.Id, console: true);
        // As live-room.js: the join's whole state is what the console's changed rows apply onto.
        consoleInbox.Receive(opened);
        Assert.Equal(["Báo cáo kết quả quý"], opened.Queue.Select(s => s.Topic));
        Assert.Equal(binhDongEndpoint, opened.Queue[0].EndpointId);
        Assert.NotNull(opened.Attendance);
        var endpoint = await anLac.ConnectAsync();
        var endpointInbox = new StateInbox(endpoint);
        var first = await JoinAsync(endpoint, meeting.Id, anLacEndpoint);
        Assert.Null(first.Attendance);
        Assert.Null(first.Minutes);

        Assert.True((await endpoint.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Kiến nghị về kinh phí")).Ok);
        var seen = await consoleInbox.WaitForAsync(s => s.Queue.Any(q => q.Topic == "Kiến nghị về kinh phí"));
        Assert.Equal(["Báo cáo kết quả quý", "Kiến nghị về kinh phí"], seen.Queue.Select(s => s.Topic));
        Assert.Contains(seen.Endpoints, e => e.Id == anLacEndpoint && e.Connected);
        var again = await endpoint.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Lần nữa");
        Assert.False(again.Ok);

        // The chair moves the live request up and gives it the floor; the endpoint sees it as current.
        var request = seen.Queue[1];
        Assert.True((await chair.InvokeAsync<RoomReply>("MoveSpeech", meeting.Id, request.Id, 0)).Ok);
        Assert.True((await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, 2)).Ok);
        Assert.True((await chair.InvokeAsync<RoomReply>("StartSpeech", meeting.Id, request.Id)).Ok);
        var live = await endpointInbox.WaitForAsync(s => s.Current?.Id == request.Id);
        Assert.Equal(2, live.CurrentOrder);
        Assert.NotNull(live.Current!.StartedAt);
        Assert.Equal("Xã An Lạc", live.Current.UnitName);

        // The endpoint drops; meanwhile the chair ends the speech and starts the registered one.
        await endpoint.StopAsync();
        Assert.True((await chair.InvokeAsync<RoomReply>("StartSpeech", meeting.Id, seen.Queue[0].Id)).Ok);
        // The server notices the drop in its own disconnect handler, which may run after StopAsync returns.
        var dropped = await App.WithDbAsync(db => db.EndpointPresences.AsNoTracking().SingleAsync(p => p.EndpointId == anLacEndpoint));
        for (var i = 0; dropped.Connected && i < 100; i++)
        {
            await Task.Delay(100);
            dropped = await App.WithDbAsync(db => db.EndpointPresences.AsNoTracking().SingleAsync(p => p.EndpointId == anLacEndpoint));
        }

        Assert.False(dropped.Connected);

        var back = await anLac.ConnectAsync();
        var state = await JoinAsync(back, meeting.Id, anLacEndpoint);
        Assert.Equal("Báo cáo kết quả quý", state.Current!.Topic);
        Assert.Equal([request.Id], state.Done.Select(d => d.Id));
        Assert.Empty(state.Queue);
        Assert.Equal(2, state.CurrentOrder);

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(Speech) && e.EntityId == request.Id.ToString()).ToListAsync());
        Assert.True(audit.Any(e => e.UserName == "vanphong" && e.After!.Contains("StartedAt", StringComparison.Ordinal)), string.Join(" | ", audit.Select(e => e.UserName + " " + e.After)));
        Assert.Contains(audit, e => e.UserName == "xa.anlac" && e.Action == "Tạo mới");
    }

    [Fact]
    public async Task Console_ChairMovesTheAgenda_SentThePublicPartsOnlyAndKeepsItsRollCall()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử bàn điều khiển", new DateOnly(2030, 4, 9));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var invitation = (await App.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == anLacEndpoint).ToListAsync()))[0];
        await using var clerk = await App.SignInAsync("vanphong");
        var chair = await clerk.ConnectAsync();
        var opened = await JoinAsync(chair, meeting.Id, console: true);
        var console = new StateInbox(chair, opened);
        Assert.NotEmpty(opened.Attendance!);

        // A chair action that touches no roll call and no minutes: the console gets the public state without them.
        Assert.True((await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, 2)).Ok);
        var moved = await console.WaitForAsync(s => s.CurrentOrder == 2);
        Assert.Equal(1, console.PublicOnly);
        Assert.Equal(opened.Attendance!.Select(a => a.InvitationId), moved.Attendance!.Select(a => a.InvitationId));
        Assert.Equal(opened.Minutes!.Count, moved.Minutes!.Count);

        // A roll-call mark sends the console the marked row and its endpoint (ConsoleDeltasTests); the public parts stay.
        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitation.Id, "Online", null, null)).Ok);
        var marked = await console.WaitForAsync(s => s.Attendance!.Any(a => a.InvitationId == invitation.Id && a.Status == "Online"));
        Assert.Equal(2, marked.CurrentOrder);
        Assert.Equal(1, marked.Endpoints.Single(e => e.Id == anLacEndpoint).Present);
        Assert.Equal(1, console.PublicOnly);
    }

    [Fact]
    public async Task Presence_EndpointJoinsAndChairMutesIt_ListenersSentNothingConsoleAndTheEndpointTold()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử hiện diện", new DateOnly(2030, 4, 10));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var clerk = await App.SignInAsync("vanphong");
        await using var binhDong = await App.SignInAsync("xa.binhdong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var chair = await clerk.ConnectAsync();
        var console = new StateInbox(chair, await JoinAsync(chair, meeting.Id, console: true));

        // A listener (the hall's display, a phone following the meeting): its state has no endpoint list.
        var viewer = await binhDong.ConnectAsync();
        var heard = new System.Collections.Concurrent.ConcurrentQueue<string>();
        viewer.On<RoomDelta>(RoomDeltas.Method, d => heard.Enqueue("delta " + d.Changes.ContainsKey("currentOrder")));
        viewer.On<RoomState>(RoomBroadcaster.StateMethod, s => heard.Enqueue("state " + (s.CurrentOrder == 2)));
        Assert.Empty((await JoinAsync(viewer, meeting.Id)).Endpoints);

        // The commune's room opens: its own flags come with the join, the console sees it connected.
        var room = await anLac.ConnectAsync();
        var mine = new System.Collections.Concurrent.ConcurrentQueue<EndpointMessage>();
        room.On<EndpointMessage>(RoomBroadcaster.EndpointMethod, mine.Enqueue);
        var joined = await room.InvokeAsync<RoomReply>("Join", meeting.Id, anLacEndpoint, false);
        Assert.True(joined.Ok);
        Assert.Empty(joined.State!.Endpoints);
        Assert.Equal((anLacEndpoint, true, false), (joined.Endpoint!.Endpoint.Id, joined.Endpoint.Endpoint.Connected, joined.Endpoint.Endpoint.Muted));
        await console.WaitForAsync(s => s.Endpoints.Any(e => e.Id == anLacEndpoint && e.Connected));

        // The chair mutes it: the room is told, and the console.
        Assert.True((await chair.InvokeAsync<RoomReply>("SetMuted", meeting.Id, anLacEndpoint, true)).Ok);
        await console.WaitForAsync(s => s.Endpoints.Any(e => e.Id == anLacEndpoint && e.Muted));
        await WaitUntilAsync(() => mine.Any(m => m.Endpoint.Muted));

        Assert.Contains(mine, m => m.Endpoint.Id == anLacEndpoint && m.Endpoint.Muted);

        // A chair action reaches the listener, and it is the first message the listener got: the presence changes
        // above (sent before it, in order, on this one instance) went to the console and the room only.
        Assert.True((await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, 2)).Ok);
        await WaitUntilAsync(() => !heard.IsEmpty);

        await Task.Delay(300);
        Assert.Single(heard);
        Assert.EndsWith("True", heard.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollCall_AbsentNeedsReason_MarksCountedAndAudited()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử 4", new DateOnly(2030, 4, 4));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var invitations = await App.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == anLacEndpoint).ToListAsync());
        await using var clerk = await App.SignInAsync("vanphong");
        var chair = await clerk.ConnectAsync();
        await JoinAsync(chair, meeting.Id, console: true);

        var noReason = await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[0].Id, "Absent", " ", null);
        var absent = await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[0].Id, "Absent", "Đi công tác tỉnh", null);
        var substitute = await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[1].Id, "Substitute", null, "Trần Thị Thay");
        var online = await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[2].Id, "Online", null, null);
        var bogus = await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitations[2].Id, "Flying", null, null);

        Assert.False(noReason.Ok);
        Assert.Equal("Vui lòng ghi lý do vắng mặt.", noReason.Error);
        Assert.True(absent.Ok && substitute.Ok && online.Ok);
        Assert.False(bogus.Ok);
        var state = (await chair.InvokeAsync<RoomReply>("Join", meeting.Id, null, true)).State!;
        var row = state.Attendance!.Single(a => a.InvitationId == invitations[0].Id);
        Assert.Equal(("Absent", "Đi công tác tỉnh", "vanphong"), (row.Status, row.Reason, row.MarkedBy));
        Assert.Equal("Trần Thị Thay", state.Attendance!.Single(a => a.InvitationId == invitations[1].Id).SubstituteName);
        Assert.Equal(2, state.Endpoints.Single(e => e.Id == anLacEndpoint).Present);
        Assert.Equal(invitations.Count, state.Endpoints.Single(e => e.Id == anLacEndpoint).Required);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(AttendanceMark) && e.EntityId == invitations[0].Id.ToString()).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("vanphong", entry.UserName);
        Assert.Contains("Đi công tác tỉnh", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minutes_AutosaveKeepsVersions_StaleSaveKeptAsConflictNothingLost()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử 5", new DateOnly(2030, 4, 5));
        await using var clerk = await App.SignInAsync("vanphong");
        await using var admin = await App.SignInAsync("admin");
        var a = await clerk.ConnectAsync();
        var b = await admin.ConnectAsync();
        await JoinAsync(a, meeting.Id, console: true);
        await JoinAsync(b, meeting.Id, console: true);

        var s1 = (await a.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 1, "Đồng chí Bí thư", 0)).Minutes!;
        var s2 = (await a.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 1, "Đồng chí Bí thư khai mạc", s1.Revision)).Minutes!;
        var other = (await b.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 1, "Bản của quản trị", s2.Revision)).Minutes!;
        var stale = (await a.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 1, "Đồng chí Bí thư khai mạc hội nghị", s2.Revision)).Minutes!;
        var wrongItem = await a.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 9, "x", 0);

        Assert.Equal((1, 2, 3), (s1.Revision, s2.Revision, other.Revision));
        Assert.True(stale.Conflict);
        Assert.Equal("Bản của quản trị", stale.Text);
        Assert.Equal(3, stale.Revision);
        Assert.False(wrongItem.Ok);
        var versions = await App.WithDbAsync(db => db.MinutesRevisions.Where(r => r.MeetingId == meeting.Id).OrderBy(r => r.SavedAt).ToListAsync());
        // vanphong's two quick saves fold into one version; admin's is another; the refused text is kept.
        Assert.Equal(["Đồng chí Bí thư khai mạc", "Bản của quản trị", "Đồng chí Bí thư khai mạc hội nghị"], versions.Select(v => v.Text));
        Assert.True(versions[2].Conflicted);
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == nameof(MinutesEntry)).OrderBy(e => e.Id).ToListAsync());
        Assert.Contains(audit, e => e.UserName == "admin" && e.After!.Contains("\"TextLength\":16", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MediaUnavailable_ConsoleKeepsRecordingAttendanceQueueAndMinutes()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử 6", new DateOnly(2030, 4, 6));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var invitation = await App.WithDbAsync(db => db.Invitations.FirstAsync(i => i.EndpointId == anLacEndpoint));
        await using var clerk = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var chair = await clerk.ConnectAsync();
        var endpoint = await anLac.ConnectAsync();
        var inbox = new StateInbox(endpoint);
        await JoinAsync(chair, meeting.Id, console: true);
        await JoinAsync(endpoint, meeting.Id, anLacEndpoint);

        Assert.True((await chair.InvokeAsync<RoomReply>("SetMediaUnavailable", meeting.Id, true, "Máy chủ Janus không phản hồi")).Ok);
        await inbox.WaitForAsync(s => s.MediaUnavailable && s.MediaNote == "Máy chủ Janus không phản hồi");

        Assert.True((await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, invitation.Id, "Online", null, null)).Ok);
        Assert.True((await endpoint.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Ý kiến qua điện thoại")).Ok);
        var queued = await inbox.WaitForAsync(s => s.Queue.Count == 1);
        Assert.True((await chair.InvokeAsync<RoomReply>("StartSpeech", meeting.Id, queued.Queue[0].Id)).Ok);
        Assert.True((await chair.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, 2, "Xã An Lạc phát biểu qua điện thoại.", 0)).Ok);
        await inbox.WaitForAsync(s => s.Current?.Topic == "Ý kiến qua điện thoại" && s.MediaUnavailable);

        var room = (await RoomAsync(meeting.Id))!;
        Assert.True(room.MediaUnavailable);
        Assert.Equal(AttendanceStatus.Online, (await App.WithDbAsync(db => db.AttendanceMarks.SingleAsync(m => m.InvitationId == invitation.Id))).Status);
        Assert.Equal("Xã An Lạc phát biểu qua điện thoại.", (await App.WithDbAsync(db => db.MinutesEntries.SingleAsync(m => m.MeetingId == meeting.Id))).Text);
    }

    [Fact]
    public async Task Pages_OrganizerOpensConsoleAndDisplay_CommuneOpensItsRoom()
    {
        var meeting = await App.NewOnlineMeetingAsync("Giao ban trực tuyến thử 7", new DateOnly(2030, 4, 7));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var clerk = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");

        var (consoleStatus, console) = await clerk.Http.GetPageAsync($"/meetings/{meeting.Id}/console");
        var (displayStatus, _) = await clerk.Http.GetPageAsync($"/meetings/{meeting.Id}/display");
        var (roomStatus, room) = await anLac.Http.GetPageAsync($"/meetings/{meeting.Id}/room");
        var missing = await clerk.Http.Http.GetAsync($"/meetings/{Guid.NewGuid()}/console");

        Assert.Equal(HttpStatusCode.OK, consoleStatus);
        Assert.NotNull(console.QuerySelector("#live-room[data-view=console]"));
        Assert.Equal(HttpStatusCode.OK, displayStatus);
        Assert.Equal(HttpStatusCode.OK, roomStatus);
        var stage = room.QuerySelector("#media-stage")!;
        Assert.Equal(anLacEndpoint.ToString(), stage.GetAttribute("data-endpoint"));
        Assert.Equal(meeting.Id.ToString(), stage.GetAttribute("data-meeting"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // No media server configured here: the room says so once and loads nothing that would ask for a credential.
        Assert.NotNull(room.QuerySelector("#media-off"));
        Assert.Null(room.QuerySelector("[data-credential-url]"));
        Assert.DoesNotContain(room.QuerySelectorAll("script"), s => s.GetAttribute("src")?.Contains("media-room", StringComparison.Ordinal) == true);
    }
}
