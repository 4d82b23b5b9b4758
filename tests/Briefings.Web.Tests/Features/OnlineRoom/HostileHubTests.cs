using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Briefings.Core.OnlineRoom;
using Briefings.Web.Features.OnlineRoom;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The room hub from a client that does not behave: one that never reads what it is sent, one that asks about
/// thousands of meetings, one that sends arguments no page sends.</summary>
[Collection(LiveRoomCollection.Name)]
public sealed class HostileHubTests(LiveRoomFixture fixture)
{
    private const char Separator = '\u001e';

    private LiveRoomApp App => fixture.App;

    /// <summary>A raw WebSocket client speaking SignalR's JSON protocol, with a tiny socket receive buffer; after its join
    /// it reads nothing more (a phone whose tab froze, or a hostile script), so what the server sends piles up.</summary>
    private static async Task<ClientWebSocket> SlowListenerAsync(LiveRoomApp app, CookieContainer cookies, Guid meetingId)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048, NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var address = new Uri(new Uri(app.BaseUrl), OnlineRoomModule.HubPath);
        var ws = new ClientWebSocket();
        ws.Options.SetRequestHeader("Cookie", cookies.GetCookieHeader(address));
        ws.Options.SetBuffer(1024, 1024);
        var wsAddress = new UriBuilder(address) { Scheme = "ws" }.Uri;
        await ws.ConnectAsync(wsAddress, new HttpMessageInvoker(handler), CancellationToken.None);
        await SendAsync(ws, "{\"protocol\":\"json\",\"version\":1}");
        await SendAsync(ws, $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Join\",\"arguments\":[\"{meetingId}\",null,false]}}");
        // Reads until the join's completion, then never again.
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\"invocationId\":\"1\"", StringComparison.Ordinal))
        {
            var r = await ws.ReceiveAsync(buffer, CancellationToken.None);
            text.Append(Encoding.UTF8.GetString(buffer, 0, r.Count));
        }

        Assert.Contains("\"ok\":true", text.ToString(), StringComparison.Ordinal);
        return ws;
    }

    private static Task SendAsync(ClientWebSocket ws, string message) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(message + Separator), WebSocketMessageType.Text, true, CancellationToken.None);

    [Fact]
    public async Task ChairActions_AListenerThatNeverReads_NeitherHoldsTheChairNorTheOtherListeners()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban người nghe chậm {Guid.NewGuid():N}", new DateOnly(2030, 5, 4));
        await using var office = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        await using var binhDong = await App.SignInAsync("xa.binhdong");
        var chair = await office.ConnectAsync();
        Assert.True((await chair.InvokeAsync<RoomReply>("Join", meeting.Id, null, true)).Ok);
        var listener = await anLac.ConnectAsync();
        var joined = await listener.InvokeAsync<RoomReply>("Join", meeting.Id, null, false);
        var inbox = new StateInbox(listener, joined.State);
        using var slow = await SlowListenerAsync(App, binhDong.Cookies, meeting.Id);
        using var keepAlive = new CancellationTokenSource();
        var pings = Task.Run(async () =>
        {
            // Pings keep the silent client from timing out; the server may still give it up (then the send fails).
            try
            {
                while (!keepAlive.IsCancellationRequested)
                {
                    await SendAsync(slow, "{\"type\":6}");
                    await Task.Delay(2000, keepAlive.Token).ContinueWith(_ => { });
                }
            }
            catch (WebSocketException)
            {
            }
        });

        // The chair puts every endpoint in the queue with a 300-character topic, then reorders it again and again: each
        // change carries the whole queue (tens of KB of escaped JSON), many MB in all, far more than the socket buffers
        // between the server and a client that does not read.
        var endpoints = await App.WithDbAsync(db => Task.FromResult(db.MeetingEndpoints.Where(e => e.MeetingId == meeting.Id).Select(e => e.Id).ToList()));
        foreach (var endpoint in endpoints)
        {
            var added = await chair.InvokeAsync<RoomReply>("AddSpeech", meeting.Id, endpoint, new string('ê', 300), 3);
            Assert.True(added.Ok, added.Error);
        }

        var speeches = (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id))).Queue.Select(s => s.Id).ToList();
        const int Rotations = 400;
        // One connection may send ActionBudget.Burst actions at once: the flood goes over several chair connections
        // (the office's consoles), each within its budget.
        var chairs = new List<HubConnection> { chair };
        while (chairs.Count * (ActionBudget.Burst - speeches.Count) < Rotations + 1)
        {
            var another = await office.ConnectAsync();
            Assert.True((await another.InvokeAsync<RoomReply>("Join", meeting.Id, null, true)).Ok);
            chairs.Add(another);
        }

        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Rotations; i++)
        {
            // The head of the queue goes to its end: every change is a new order, so each delta carries the whole queue.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var reply = await chairs[i % chairs.Count].InvokeAsync<RoomReply>("MoveSpeech", meeting.Id, speeches[i % speeches.Count], speeches.Count - 1);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            slowest = took > slowest ? took : slowest;
            Assert.True(reply.Ok, reply.Error);
        }

        var last = await chairs[^1].InvokeAsync<RoomReply>("SetMediaUnavailable", meeting.Id, true, "Hết lượt");
        await keepAlive.CancelAsync();
        await pings;

        // Not a speed figure: a stalled send held the chair about 10 s, until the server gave the silent connection up.
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"A chair action waited {slowest.TotalSeconds:F1} s behind a listener that does not read.");
        Assert.True(last.Ok, last.Error);
        var seen = await inbox.WaitForAsync(s => s.MediaNote == "Hết lượt");
        Assert.Equal(speeches[Rotations % speeches.Count], seen.Queue[0].Id);
        }

    [Fact]
    public async Task Hub_OneConnectionAsksAboutThousandsOfMeetings_AllRefusedTheRoomStillServed()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban hỏi dồn {Guid.NewGuid():N}", new DateOnly(2030, 5, 5));
        await using var anLac = await App.SignInAsync("xa.anlac");
        var hub = await anLac.ConnectAsync();

        var replies = new List<RoomReply>();
        for (var i = 0; i < 300; i++)
        {
            replies.Add(await hub.InvokeAsync<RoomReply>("CurrentState", Guid.NewGuid()));
        }

        var join = await hub.InvokeAsync<RoomReply>("Join", meeting.Id, null, false);
        Assert.All(replies, r => Assert.False(r.Ok));
        Assert.All(replies, r => Assert.Null(r.State));
        Assert.True(join.Ok, join.Error);
        Assert.Equal(meeting.Id, join.State!.MeetingId);
    }

    [Fact]
    public void Grants_KeptForThousandsOfMeetings_NeverMoreThanTheCap()
    {
        var grants = new Dictionary<Guid, RoomAccess.Grant?>();
        var mine = new RoomAccess.Grant(Guid.NewGuid(), Guid.NewGuid(), true, false, [], "xa.anlac");
        RoomHub.Keep(grants, mine.MeetingId, mine);

        for (var i = 0; i < 10_000; i++)
        {
            RoomHub.Keep(grants, Guid.NewGuid(), null);
            Assert.True(grants.Count <= RoomHub.GrantsPerConnection);
        }

        RoomHub.Keep(grants, mine.MeetingId, mine);
        RoomHub.Keep(grants, mine.MeetingId, mine);
        Assert.Same(mine, grants[mine.MeetingId]);
    }

    [Fact]
    public async Task Hub_CommuneAsksAndWithdrawsInALoop_RefusedPastTheCapTheRoomRecordBounded()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban xin rút liên tục {Guid.NewGuid():N}", new DateOnly(2030, 5, 6));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var anLac = await App.SignInAsync("xa.anlac");
        var hub = await anLac.ConnectAsync();
        Assert.True((await hub.InvokeAsync<RoomReply>("Join", meeting.Id, anLacEndpoint, false)).Ok);

        RoomReply? refused = null;
        for (var i = 0; i < LiveRoom.MaxLiveRequestsPerEndpoint + 20 && refused is null; i++)
        {
            var asked = await hub.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Xin phát biểu " + i);
            if (!asked.Ok)
            {
                refused = asked;
                break;
            }

            var speech = (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id))).Queue.Single();
            Assert.True((await hub.InvokeAsync<RoomReply>("Withdraw", meeting.Id, speech.Id)).Ok);
        }

        Assert.NotNull(refused);
        Assert.Contains("Hãy báo thư ký cuộc họp", refused.Error, StringComparison.Ordinal);
        var room = await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id));
        Assert.Equal(LiveRoom.MaxLiveRequestsPerEndpoint, room.Speeches.Count);
        Assert.Empty(room.Queue);
    }

    /// <summary>A chair's script driving the console in a loop (walk-hostile2 left it: only the room's size bounded it):
    /// every action is sent to every connection of the meeting. One connection gets ActionBudget.Burst actions at once,
    /// then a few a second; past that the action is refused in Vietnamese and changes nothing, while the chair's other
    /// console and the listeners go on.</summary>
    [Fact]
    public async Task Hub_ChairFloodsActionsInALoop_RefusedPastItsBudgetNothingChangedOtherConsolesServed()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban thao tác dồn dập {Guid.NewGuid():N}", new DateOnly(2030, 5, 9));
        await using var office = await App.SignInAsync("vanphong");
        await using var anLac = await App.SignInAsync("xa.anlac");
        var flood = await office.ConnectAsync();
        var console = await office.ConnectAsync();
        Assert.True((await flood.InvokeAsync<RoomReply>("Join", meeting.Id, null, true)).Ok);
        Assert.True((await console.InvokeAsync<RoomReply>("Join", meeting.Id, null, true)).Ok);
        var listener = await anLac.ConnectAsync();
        var joined = await listener.InvokeAsync<RoomReply>("Join", meeting.Id, null, false);
        var inbox = new StateInbox(listener, joined.State);

        // The agenda's items 1 and 2 in turn, as fast as the connection answers.
        RoomReply? refused = null;
        var accepted = 0;
        for (var i = 0; i < 2_000 && refused is null; i++)
        {
            var reply = await flood.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, i % 2 + 1);
            if (reply.Ok)
            {
                accepted++;
            }
            else
            {
                refused = reply;
            }
        }

        Assert.NotNull(refused);
        Assert.Equal(ActionBudget.Refused, refused.Error);
        Assert.True(accepted >= ActionBudget.Burst, $"only {accepted} actions passed before the first refusal");
        // The refused action changed nothing: the item is the last accepted one.
        var current = (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id))).CurrentAgendaOrder;
        Assert.Equal((accepted - 1) % 2 + 1, current);
        // The same account's other console is served, and the listeners get its change.
        var other = await console.InvokeAsync<RoomReply>("SetMediaUnavailable", meeting.Id, true, "Mất tín hiệu cầu truyền hình");
        Assert.True(other.Ok, other.Error);
        await inbox.WaitForAsync(s => s.MediaNote == "Mất tín hiệu cầu truyền hình");
    }

    /// <summary>The connection's budget alone (walk-hostile5): one account opening twelve connections and spreading its
    /// flood over them, each under its own budget, sent twelve budgets to every listener of the meeting. The account now
    /// has one budget per meeting across its connections; past it every connection is refused, while another account's
    /// console in the same meeting is served.</summary>
    [Fact]
    public async Task Hub_OneAccountFloodsOverTwelveConnections_RefusedPastTheAccountsBudgetOthersServed()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban nhiều kết nối {Guid.NewGuid():N}", new DateOnly(2030, 5, 10));
        await using var office = await App.SignInAsync("vanphong");
        var connections = await RoomConsoles.JoinAsync(meeting.Id, 12, office);

        // Each connection stays under its own budget: 95 actions, fewer than ActionBudget.Burst.
        var accepted = await RoomConsoles.FloodWithinOneBudgetAsync(connections, meeting.Id, 95);

        Assert.True(accepted >= ActionBudget.AccountBurst, $"only {accepted} actions accepted before the account's budget was spent");
        // Another account acting in the same meeting is not held by the office's flood.
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var anLac = await App.SignInAsync("xa.anlac");
        var commune = await anLac.ConnectAsync();
        Assert.True((await commune.InvokeAsync<RoomReply>("Join", meeting.Id, anLacEndpoint, false)).Ok);
        var asked = await commune.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Xin phát biểu về kinh tế");
        Assert.True(asked.Ok, asked.Error);
    }

    [Fact]
    public async Task Hub_TwentyFourSpeechesAddedAtTheSameMomentOverTwelveConnections_EveryOneQueuedNoneRefused()
    {
        // The chair's office, at the moment the floor opens, puts every commune's request in the queue from several
        // consoles at once: each change of the room lost the race to the others until its retries ran out, and the
        // hub answered its English "unexpected error" (walk-hostile5's leftover).
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban cùng lúc {Guid.NewGuid():N}", new DateOnly(2030, 5, 11));
        var endpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var office = await App.SignInAsync("vanphong");
        var connections = await RoomConsoles.JoinAsync(meeting.Id, 12, office);

        var replies = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            connections[i % connections.Count].InvokeAsync<RoomReply>("AddSpeech", meeting.Id, endpoint, $"Ý kiến số {i}", 3)));

        Assert.All(replies, r => Assert.True(r.Ok, r.Error));
        var room = await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => $"Ý kiến số {i}").Order(), room.Queue.Select(s => s.Topic).Order());
    }

    [Fact]
    public async Task Hub_ArgumentsNoPageSends_RefusedNothingChangedTheConnectionGoesOn()
    {
        var meeting = await App.NewOnlineMeetingAsync($"Giao ban tham số lạ {Guid.NewGuid():N}", new DateOnly(2030, 5, 7));
        var other = await App.NewOnlineMeetingAsync($"Giao ban khác {Guid.NewGuid():N}", new DateOnly(2030, 5, 8));
        var anLacEndpoint = await App.EndpointOfAsync(meeting.Id, Demo.AnLac);
        var otherEndpoint = await App.EndpointOfAsync(other.Id, Demo.AnLac);
        await using var office = await App.SignInAsync("vanphong");
        var chair = await office.ConnectAsync();
        Assert.True((await chair.InvokeAsync<RoomReply>("Join", meeting.Id, null, true)).Ok);
        Assert.True((await chair.InvokeAsync<RoomReply>("Join", other.Id, null, true)).Ok);
        var otherInvitation = await App.WithDbAsync(db => db.Invitations.FirstAsync(i => i.MeetingId == other.Id));
        Assert.True((await chair.InvokeAsync<RoomReply>("AddSpeech", other.Id, otherEndpoint, "Ở cuộc họp khác", 3)).Ok);
        var otherSpeech = (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == other.Id))).Queue.Single();
        var before = await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id));

        var refused = new[]
        {
            await chair.InvokeAsync<RoomReply>("AddSpeech", meeting.Id, otherEndpoint, "Điểm cầu của cuộc họp khác", 3),
            await chair.InvokeAsync<RoomReply>("AddSpeech", meeting.Id, anLacEndpoint, "Âm phút", -5),
            await chair.InvokeAsync<RoomReply>("AddSpeech", meeting.Id, anLacEndpoint, "Quá dài", int.MaxValue),
            await chair.InvokeAsync<RoomReply>("AddSpeech", meeting.Id, anLacEndpoint, new string('x', 100_000), 3),
            await chair.InvokeAsync<RoomReply>("StartSpeech", meeting.Id, otherSpeech.Id),
            await chair.InvokeAsync<RoomReply>("Withdraw", meeting.Id, otherSpeech.Id),
            await chair.InvokeAsync<RoomReply>("MoveSpeech", meeting.Id, otherSpeech.Id, int.MinValue),
            await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, -1),
            await chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, int.MaxValue),
            await chair.InvokeAsync<RoomReply>("SaveMinutes", meeting.Id, int.MinValue, "Ghi", 0),
            await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, otherInvitation.Id, "Online", null, null),
            await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, otherInvitation.Id, "99", null, null),
            await chair.InvokeAsync<RoomReply>("MarkAttendance", meeting.Id, Guid.Empty, "Online, Absent", null, null),
            await chair.InvokeAsync<RoomReply>("RollCallRows", meeting.Id, Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid()).ToArray()),
        };
        // Arguments of the wrong type never reach the method: the call fails, the connection stays.
        var wrongType = await Record.ExceptionAsync(() => chair.InvokeAsync<RoomReply>("SetCurrentItem", meeting.Id, "một"));
        var nullId = await Record.ExceptionAsync(() => chair.InvokeAsync<RoomReply>("CurrentState", (object?)null));

        Assert.All(refused, r => Assert.False(r.Ok));
        Assert.All(refused, r => Assert.False(string.IsNullOrWhiteSpace(r.Error)));
        Assert.IsType<HubException>(wrongType);
        Assert.IsType<HubException>(nullId);
        var after = await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meeting.Id));
        Assert.Equal(before.Version, after.Version);
        Assert.Empty(after.Speeches);
        Assert.Equal(0, await App.WithDbAsync(db => db.AttendanceMarks.CountAsync(m => m.MeetingId == other.Id || m.MeetingId == meeting.Id)));
        Assert.Equal(SpeechStatus.Waiting, (await App.WithDbAsync(db => db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == other.Id))).Speeches.Single().Status);
        Assert.True((await chair.InvokeAsync<RoomReply>("CurrentConsoleState", meeting.Id)).Ok);
    }
}
