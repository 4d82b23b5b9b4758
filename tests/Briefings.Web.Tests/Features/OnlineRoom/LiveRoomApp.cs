using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The real app on Kestrel (127.0.0.1, a free port): SignalR clients connect over real WebSockets.</summary>
public sealed class LiveRoomApp(IDictionary<string, string?>? overrides = null) : KestrelAppFactory(overrides)
{
    public LiveRoomApp Start()
    {
        StartAndGetAddress();
        return this;
    }

    /// <summary>Signs in over HTTP and returns a client holding the account's cookies.</summary>
    public async Task<RoomUser> SignInAsync(string userName)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var client = new AppClient(http);
        var response = await client.LoginAsync(userName, DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode}");
        }

        return new RoomUser(this, client, cookies);
    }
}

/// <summary>Online meetings for the live-room tests.</summary>
public static class OnlineMeetings
{
    /// <summary>An online meeting of the demo district, composed and invited (every commune is an endpoint).</summary>
    public static async Task<Meeting> NewOnlineMeetingAsync(this AppFactory app, string title, DateOnly date)
    {
        var admin = new AccessScope(true, null, null, true, true);
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        await using var scope = app.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveMeeting>();
        var result = await save.RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.QuarterlyBriefing, MeetingMode.Online, date,
            new TimeOnly(8, 0), new TimeOnly(11, 0), "Hội trường " + title, "HU-TP-BDV", "MT-TP", null, null,
            "Thông qua dự thảo báo cáo | Ban Dân vận | 30\nÝ kiến các đơn vị | | 60\nKết luận | | 15", 0), admin);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(result.Value!.Id, admin)).Succeeded);
        Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(result.Value!.Id, admin)).Succeeded);
        return result.Value!;
    }

    public static Task<Guid> EndpointOfAsync(this AppFactory app, Guid meetingId, string areaCode) => app.WithDbAsync(async db =>
    {
        var area = db.Units.Single(u => u.Code == areaCode);
        return db.MeetingEndpoints.Single(e => e.MeetingId == meetingId && e.AreaUnitId == area.Id).Id;
    });
}

/// <summary>Console connections of one account to one meeting's room.</summary>
public static class RoomConsoles
{
    /// <summary><paramref name="count"/> connections joined as consoles, taken from <paramref name="users"/> in turn
    /// (one account signed in on several instances: its users there).</summary>
    public static async Task<List<HubConnection>> JoinAsync(Guid meetingId, int count, params RoomUser[] users)
    {
        var connections = new List<HubConnection>();
        for (var i = 0; i < count; i++)
        {
            var connection = await users[i % users.Length].ConnectAsync();
            Assert.True((await connection.InvokeAsync<RoomReply>("Join", meetingId, null, true)).Ok);
            connections.Add(connection);
        }

        return connections;
    }

    /// <summary>Sends <paramref name="perConnection"/> actions over each connection, the connections in turn, and asserts
    /// that what was accepted stays within one account's budget; returns how many were accepted.</summary>
    public static async Task<int> FloodWithinOneBudgetAsync(IReadOnlyList<HubConnection> connections, Guid meetingId, int perConnection)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var all = new List<RoomReply>();
        for (var i = 0; i < perConnection * connections.Count; i++)
        {
            all.Add(await connections[i % connections.Count].InvokeAsync<RoomReply>("SetCurrentItem", meetingId, i % 2 + 1));
        }

        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        var accepted = all.Count(r => r.Ok);
        Assert.All(all.Where(r => !r.Ok), r => Assert.Equal(ActionBudget.Refused, r.Error));
        Assert.True(accepted <= ActionBudget.AccountBurst + (seconds * ActionBudget.AccountPerSecond) + 1,
            $"{accepted} of {all.Count} actions accepted in {seconds:F1} s from one account");
        return accepted;
    }
}

/// <summary>A signed-in account with its HTTP client and a SignalR connection to the room hub.</summary>
public sealed class RoomUser(LiveRoomApp app, AppClient http, CookieContainer cookies) : IAsyncDisposable
{
    private readonly List<HubConnection> connections = [];

    public AppClient Http => http;

    public CookieContainer Cookies => cookies;

    public async Task<HubConnection> ConnectAsync()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(app.BaseUrl), OnlineRoomModule.HubPath), o => o.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }

        http.Dispose();
    }
}

/// <summary>Collects the states a connection receives, as live-room.js holds them: a "state" message is a whole state;
/// a "delta" (listeners) is applied onto the last state held when its base digest matches, and otherwise the whole
/// state is asked for again with <c>CurrentState</c>. A console's "console" deltas (roll-call rows, endpoints, minutes)
/// apply in their sequence onto the console state held; a gap asks for the whole console state (<c>CurrentConsoleState</c>).</summary>
public sealed class StateInbox
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;
    private readonly List<RoomState> received = [];
    private readonly SemaphoreSlim signal = new(0);
    private readonly SortedDictionary<long, ConsoleDelta> pending = [];
    private readonly HubConnection connection;
    private RoomState? held;

    public StateInbox(HubConnection connection, RoomState? joined = null)
    {
        held = joined;
        this.connection = connection;
        connection.On<RoomState>(RoomBroadcaster.StateMethod, Receive);
        connection.On<ConsoleDelta>(ConsoleDeltas.Method, ReceiveConsole);
        connection.On<RoomDelta>(RoomDeltas.Method, d =>
        {
            RoomState? merged = null;
            lock (received)
            {
                if (held is not null && (d.Now < held.Now || d.Digest == held.Digest))
                {
                    return;
                }

                if (held is not null && d.From == held.Digest)
                {
                    var node = JsonSerializer.SerializeToNode(held, Json)!.AsObject();
                    foreach (var (name, value) in d.Changes)
                    {
                        node[name] = JsonNode.Parse(value.GetRawText());
                    }

                    node["now"] = JsonValue.Create(d.Now);
                    node["digest"] = d.Digest;
                    merged = node.Deserialize<RoomState>(Json)!;
                    Applied++;
                }
            }

            if (merged is not null)
            {
                Receive(merged);
                return;
            }

            // A missed change: the whole state again (not awaited here: a handler must not wait for an invocation).
            Refetched++;
            _ = Task.Run(async () =>
            {
                var reply = await connection.InvokeAsync<RoomReply>("CurrentState", d.MeetingId);
                if (reply.State is { } whole)
                {
                    Receive(whole);
                }
            });
        });
    }

    /// <summary>Deltas applied onto the state held.</summary>
    public int Applied { get; private set; }

    /// <summary>Deltas that did not fit the state held, so the whole state was asked for.</summary>
    public int Refetched { get; private set; }

    /// <summary>The newest state held (the join reply, a whole state or a delta applied).</summary>
    public RoomState? Held
    {
        get
        {
            lock (received)
            {
                return held;
            }
        }
    }

    /// <summary>Replaces the state held, e.g. by an older one: a listener that missed a change.</summary>
    public void Hold(RoomState state)
    {
        lock (received)
        {
            held = state;
        }
    }

    /// <summary>States without a roll call received while one was held: a console sent the public parts alone.</summary>
    public int PublicOnly { get; private set; }

    /// <summary>A whole state (a broadcast, or a join's reply); the newest by its time is held. A console keeps the roll
    /// call and minutes it holds when a state comes without them, as live-room.js does.</summary>
    public void Receive(RoomState s)
    {
        lock (received)
        {
            if (s.ConsoleSequence is null && held?.ConsoleSequence is not null)
            {
                PublicOnly++;
                s = s with { Attendance = held.Attendance, Minutes = held.Minutes, Endpoints = held.Endpoints, ConsoleSequence = held.ConsoleSequence, RollCall = held.RollCall };
            }
            else if (s.ConsoleSequence is not null && held is not null && s.Now < held.Now)
            {
                // A whole console state read before the public parts held: its console parts, the newer public ones.
                s = held with { Attendance = s.Attendance, Minutes = s.Minutes, Endpoints = s.Endpoints, ConsoleSequence = s.ConsoleSequence, RollCall = s.RollCall };
            }

            received.Add(s);
            if (held is null || s.Now >= held.Now)
            {
                held = s;
            }

            DrainConsole();
        }

        signal.Release();
    }

    /// <summary>"console" deltas received (whether applied, dropped or waiting).</summary>
    public List<ConsoleDelta> ConsoleDeltasReceived { get; } = [];

    /// <summary>How many of the next console deltas to lose, as if they never arrived (a gap).</summary>
    public int LoseConsoleDeltas { get; set; }

    /// <summary>Console deltas applied onto the state held.</summary>
    public int ConsoleApplied { get; private set; }

    private void ReceiveConsole(ConsoleDelta d)
    {
        lock (received)
        {
            ConsoleDeltasReceived.Add(d);
            if (LoseConsoleDeltas > 0)
            {
                LoseConsoleDeltas--;
                return;
            }

            pending[d.Sequence] = d;
            DrainConsole();
        }

        signal.Release();
    }

    /// <summary>Applies the deltas that follow the console state held, in order; a delta after a gap asks for the whole
    /// console state (live-room.js waits 2 s for a late one first).</summary>
    private void DrainConsole()
    {
        if (held?.ConsoleSequence is not { } sequence)
        {
            return;
        }

        foreach (var old in pending.Keys.Where(k => k <= sequence).ToList())
        {
            pending.Remove(old);
        }

        while (pending.Remove(sequence + 1, out var next))
        {
            // An endpoint's new counts move the totals by their difference, as live-room.js keeps its summary line.
            var endpoints = held.Endpoints.ToList();
            var totals = held.RollCall;
            foreach (var e in next.Endpoints)
            {
                var i = endpoints.FindIndex(x => x.Id == e.Id);
                if (i >= 0)
                {
                    totals = totals is null ? null : new RoomState.RollCallTotals(totals.Marked + e.Marked - endpoints[i].Marked,
                        totals.Present + e.Present - endpoints[i].Present, totals.Total + e.Required - endpoints[i].Required);
                    endpoints[i] = e;
                }
            }

            // Rows apply onto the whole roll call of a small meeting, or onto the groups held; others are dropped.
            var attendance = held.Attendance?.ToList();
            foreach (var a in next.Attendance)
            {
                var i = attendance?.FindIndex(x => x.InvitationId == a.InvitationId) ?? -1;
                if (i >= 0)
                {
                    attendance![i] = a;
                }

                if (groups.TryGetValue(a.EndpointId, out var group) && group.FindIndex(x => x.InvitationId == a.InvitationId) is var j and >= 0)
                {
                    group[j] = a;
                }
            }

            var minutes = held.Minutes!.ToList();
            foreach (var m in next.Minutes)
            {
                var i = minutes.FindIndex(x => x.Order == m.Order);
                if (i >= 0)
                {
                    minutes[i] = m;
                }
            }

            held = held with { Endpoints = endpoints, Attendance = attendance, Minutes = minutes, ConsoleSequence = next.Sequence, RollCall = totals };
            received.Add(held);
            sequence = next.Sequence;
            ConsoleApplied++;
        }

        if (pending.Count > 0)
        {
            var meetingId = pending.Values.First().MeetingId;
            pending.Clear();
            Refetched++;
            _ = Task.Run(async () =>
            {
                var reply = await connection.InvokeAsync<RoomReply>("CurrentConsoleState", meetingId);
                if (reply.State is { } whole)
                {
                    Receive(whole);
                }
            });
        }
    }

    private readonly Dictionary<Guid, List<RoomState.AttendanceView>> groups = [];

    /// <summary>Holds the rows of the groups a console loaded (<c>RollCallRows</c>, read when no change is in flight): later
    /// console deltas apply onto them.</summary>
    public void HoldGroups(RoomState.GroupRows rows)
    {
        lock (received)
        {
            foreach (var id in rows.Endpoints)
            {
                groups[id] = rows.Attendance.Where(a => a.EndpointId == id).ToList();
            }
        }
    }

    /// <summary>The rows held of a group loaded with <see cref="HoldGroups"/>.</summary>
    public IReadOnlyList<RoomState.AttendanceView> GroupOf(Guid endpointId)
    {
        lock (received)
        {
            return groups[endpointId].ToList();
        }
    }

    /// <summary>Waits for a state that satisfies <paramref name="condition"/> (10 s at most).</summary>
    public async Task<RoomState> WaitForAsync(Func<RoomState, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            lock (received)
            {
                if (received.FirstOrDefault(condition) is { } hit)
                {
                    return hit;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await signal.WaitAsync(left))
            {
                throw new TimeoutException("The expected room state did not arrive.");
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LiveRoomCollection : ICollectionFixture<LiveRoomFixture>
{
    public const string Name = "live-room";
}

public sealed class LiveRoomFixture : IDisposable
{
    public LiveRoomApp App { get; } = new LiveRoomApp().Start();

    public void Dispose() => App.Dispose();
}
