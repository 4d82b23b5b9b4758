using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Bench;

/// <summary>
/// The live room across app instances (issue 14.4). deploy/topology.sh has started PostgreSQL, Redis, two app
/// instances and nginx; this driver talks only to nginx (WebSockets, no negotiation, so no stickiness): one chair
/// console and N listeners in one meeting (a generated district of --communes communes, each invited with its own
/// account; the listeners spread over --accounts of them), spread by nginx over the instances.
/// <list type="number">
/// <item>Baseline: the chair's actions timed to one listener.</item>
/// <item>N listeners connect; memory per connection = growth of the instances' summed resident sets / N.</item>
/// <item>Chair actions ("move to agenda item k") timed from just before the invocation to the arrival of the
/// resulting state at every listener (per action the slowest listener = "reached every client").</item>
/// <item>Failover: instance 1 is killed by its PID (SIGKILL, as a crash); right after, the chair moves the meeting on.
/// Every listener that lost its connection reconnects (through nginx, to the survivor), joins again and gets the
/// whole state; the driver checks that every listener, dropped or not, ends with the state of the chair's last
/// action, and times kill → rejoined per dropped listener.</item>
/// <item>After the failover one more action, timed to every listener on the survivor (nothing lost).</item>
/// </list>
/// </summary>
internal static class ScaleBench
{
    private sealed class Listener(int index)
    {
        public int Index { get; } = index;
        public LightHubConnection Connection { get; set; } = null!;
        public int Version { get; private set; } = -1;
        public int? Order { get; private set; }
        public string Digest { get; private set; } = "";
        public long DroppedAt { get; set; }
        public long RejoinedAt { get; set; }
        public long ReconnectedAt { get; set; }
        public int Rejoins { get; set; }

        /// <summary>Keeps the newest state: a Join reply and a broadcast may arrive in either order.</summary>
        public void Apply(JsonElement state)
        {
            var version = state.TryGetProperty("version", out var v) ? v.GetInt32() : 0;
            lock (this)
            {
                if (version >= Version)
                {
                    Version = version;
                    Order = state.TryGetProperty("currentOrder", out var o) && o.ValueKind == JsonValueKind.Number ? o.GetInt32() : null;
                    Digest = state.TryGetProperty("digest", out var d) ? d.GetString() ?? "" : "";
                }
            }
        }

        /// <summary>As live-room.js: a delta applies only onto the state it was made from; false = a gap (ask for the whole state).</summary>
        public bool ApplyDelta(JsonElement delta)
        {
            lock (this)
            {
                var digest = delta.GetProperty("digest").GetString() ?? "";
                if (digest == Digest)
                {
                    return true;
                }

                if (delta.GetProperty("from").GetString() != Digest)
                {
                    return false;
                }

                Digest = digest;
                var changes = delta.GetProperty("changes");
                if (changes.TryGetProperty("version", out var v))
                {
                    Version = v.GetInt32();
                }

                if (changes.TryGetProperty("currentOrder", out var o))
                {
                    Order = o.ValueKind == JsonValueKind.Number ? o.GetInt32() : null;
                }

                return true;
            }
        }
    }

    /// <summary>First retry after a random 0-2 s (thousands of listeners of a dead instance must not all arrive in
    /// the same millisecond: the browser's live-room.js spreads them the same way), then every 1-3 s.</summary>
    private sealed class SpreadRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime > TimeSpan.FromMinutes(2) ? null
            : TimeSpan.FromMilliseconds((retryContext.PreviousRetryCount == 0 ? 0 : 1000) + Random.Shared.Next(2000));
    }

    /// <summary>Per agenda order: how many listeners have received the current action (waiting without scanning 10,000 listeners).</summary>
    private static readonly int[] Received = new int[4];

    private static int wholeStateBytes;
    private static int deltaBytes;
    private static int refetches;

    private static void Arrived(System.Collections.Concurrent.ConcurrentDictionary<(int, int), long> arrivals, int index, int order, long at)
    {
        if (order is > 0 and < 4 && arrivals.TryAdd((index, order), at))
        {
            Interlocked.Increment(ref Received[order]);
        }
    }

    public static async Task<ScaleFigures> RunAsync(string url, string provider, string database, int[] appPids, int killPid, int clients, int actions, string password,
        IReadOnlyDictionary<string, int>? otherPids = null, int communes = 0, int accounts = 0)
    {
        var parts = new Dictionary<string, int>();
        for (var i = 0; i < appPids.Length; i++)
        {
            parts[$"app{i + 1}"] = appPids[i];
        }

        foreach (var (name, pid) in otherPids ?? new Dictionary<string, int>())
        {
            parts[name] = pid;
        }

        parts["driver"] = Environment.ProcessId;
        var cpu = new CpuShares(parts);
        Guid meetingId;
        CookieContainer[] accountCookies;
        var chairCookies = await RoomBench.SignInAsync(url, "vanphong", password);
        if (communes > 0)
        {
            // As a national meeting: every commune its own account, signed in once, its listeners spread over them.
            var (national, userNames) = await NewCommunesMeetingAsync(provider, database, communes, password);
            meetingId = national;
            var signIn = Stopwatch.GetTimestamp();
            var used = userNames.Take(Math.Clamp(accounts, 1, userNames.Count)).ToList();
            accountCookies = new CookieContainer[used.Count];
            using var gate = new SemaphoreSlim(4);
            await Task.WhenAll(used.Select(async (name, i) =>
            {
                await gate.WaitAsync();
                try
                {
                    accountCookies[i] = await RoomBench.SignInAsync(url, name, password);
                }
                finally
                {
                    gate.Release();
                }
            }));
            Console.Error.WriteLine($"[scale] {communes} communes invited, {used.Count} commune accounts signed in ({Stopwatch.GetElapsedTime(signIn).TotalSeconds:0} s)");
        }
        else
        {
            meetingId = await RoomBench.NewMeetingAsync(provider, database);
            accountCookies = [await RoomBench.SignInAsync(url, "xa.anlac", password)];
        }

        CookieContainer CookiesOf(int listener) => accountCookies[listener % accountCookies.Length];
        AccountsSignedIn = accountCookies.Length;
        var listeners = new List<Listener>();
        using var stopPings = new CancellationTokenSource();
        var pings = PingAsync(listeners, stopPings.Token);
        var arrivals = new System.Collections.Concurrent.ConcurrentDictionary<(int Listener, int Order), long>();
        var chair = await ConnectAsync(url, chairCookies);
        chair.Reconnected += async _ => await JoinAsync(chair, meetingId, console: true);
        try
        {
            await JoinAsync(chair, meetingId, console: true);
            var loadBefore = Machine.LoadAverage();

            var first = await AddListenerAsync(url, CookiesOf(0), meetingId, 0, arrivals);
            lock (listeners)
            {
                listeners.Add(first);
            }

            var baseline = await MeasureAsync(chair, meetingId, listeners, arrivals, actions);

            await Task.Delay(1000);
            var rssBefore = await SettledRssAsync(url, appPids);
            var connect = Stopwatch.GetTimestamp();
            for (var batch = 1; batch < clients; batch += 100)
            {
                var ids = Enumerable.Range(batch, Math.Min(100, clients - batch));
                var added = await Task.WhenAll(ids.Select(i => AddListenerAsync(url, CookiesOf(i), meetingId, i, arrivals)));
                lock (listeners)
                {
                    listeners.AddRange(added);
                }

                if (batch % 1000 == 1)
                {
                    Console.Error.WriteLine($"[scale] {listeners.Count} listeners connected ({Stopwatch.GetElapsedTime(connect).TotalSeconds:0} s)");
                }
            }

            var connectSeconds = Stopwatch.GetElapsedTime(connect).TotalSeconds;
            await Task.Delay(2000);
            var rssAfter = await SettledRssAsync(url, appPids);
            // The parts' CPU while no action runs (timers, pings, background services), to tell the actions' own share.
            var idleFrom = cpu.Sample();
            await Task.Delay(3000);
            var idle = CpuShares.PerAction(idleFrom, cpu.Sample(), 3);
            var cpuBefore = cpu.Sample();
            var actionsStarted = Stopwatch.GetTimestamp();
            var loaded = await MeasureAsync(chair, meetingId, listeners, arrivals, actions);
            var actionsSeconds = Stopwatch.GetElapsedTime(actionsStarted).TotalSeconds;
            // Per action: the timed ones and the warm-up (MeasureAsync runs actions + 1).
            var cpuPerAction = CpuShares.PerAction(cpuBefore, cpu.Sample(), actions + 1);
            var loadLoaded = Machine.LoadAverage();

            // --- failover -----------------------------------------------------------------------------------------
            Console.Error.WriteLine($"[scale] killing app instance PID {killPid}");
            var kill = Stopwatch.GetTimestamp();
            Process.GetProcessById(killPid).Kill();
            await Task.Delay(300);
            // The chair moves the meeting on while the dropped listeners are away (its own connection may have been
            // on the killed instance too: it retries until the survivor answers).
            var finalOrder = (listeners[0].Order ?? 1) % 3 + 1;
            var chairDeadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    if (chair.State == HubConnectionState.Connected
                        && (await chair.InvokeAsync<JsonElement>("SetCurrentItem", meetingId, finalOrder)).GetProperty("ok").GetBoolean())
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                }

                if (DateTime.UtcNow > chairDeadline)
                {
                    throw new TimeoutException("The chair could not act after the kill.");
                }

                await Task.Delay(100);
            }

            var chairActedMs = Stopwatch.GetElapsedTime(kill).TotalMilliseconds;
            var settleDeadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < settleDeadline && listeners.Any(l => l.Order != finalOrder || (l.DroppedAt != 0 && l.RejoinedAt == 0)))
            {
                await Task.Delay(100);
            }

            var dropped = listeners.Where(l => l.DroppedAt != 0).ToList();
            var rejoin = dropped.Where(l => l.RejoinedAt != 0).Select(l => Stopwatch.GetElapsedTime(kill, l.RejoinedAt).TotalMilliseconds).ToList();
            var wrongState = listeners.Count(l => l.Order != finalOrder);
            var failover = new FailoverFigures(
                dropped.Count,
                LatencySummary.Of(dropped.Select(l => Stopwatch.GetElapsedTime(kill, l.DroppedAt).TotalMilliseconds).ToList()),
                LatencySummary.Of(dropped.Where(l => l.ReconnectedAt != 0).Select(l => Stopwatch.GetElapsedTime(kill, l.ReconnectedAt).TotalMilliseconds).ToList()),
                rejoin.Count,
                rejoin.Count(ms => ms <= 10_000),
                LatencySummary.Of(rejoin),
                wrongState,
                chairActedMs,
                listeners.Count(l => !l.Connection.Connected));

            // One more action after the failover: every listener, all on the survivor now, must get it.
            await Task.Delay(1000);
            var after = await MeasureAsync(chair, meetingId, listeners, arrivals, Math.Max(3, actions / 3));
            var rssSurvivor = appPids.Where(p => p != killPid).Sum(p => StartBench.ReadStatusKb(p, "VmRSS:") / 1024.0);
            return new ScaleFigures(clients, actions, appPids.Length, baseline.EveryClient, baseline.Deliveries, loaded.EveryClient, loaded.Deliveries,
                loaded.Missing, rssBefore, rssAfter, (rssAfter - rssBefore) * 1024 / (clients - 1), connectSeconds, failover,
                after.EveryClient, after.Missing, rssSurvivor, loadBefore, loadLoaded, Machine.LoadAverage())
            {
                CpuMsPerAction = cpuPerAction,
                CpuMsPerIdleSecond = idle,
                ActionPhaseSeconds = actionsSeconds,
                WholeStateBytes = wholeStateBytes,
                DeltaBytes = deltaBytes,
                Refetches = refetches,
                Communes = communes,
                Accounts = AccountsSignedIn,
            };
        }
        finally
        {
            await stopPings.CancelAsync();
            await pings;
            // Bounded: connections are closed in batches so the run ends even with thousands open.
            foreach (var chunk in listeners.Chunk(500))
            {
                await Task.WhenAll(chunk.Select(l => l.Connection.DisposeAsync().AsTask()));
            }

            await chair.DisposeAsync();
        }
    }

    private sealed record Measured(LatencySummary EveryClient, LatencySummary Deliveries, int Missing);

    private static int AccountsSignedIn;

    /// <summary>A meeting of a generated district of <paramref name="communes"/> communes (under the demo's province),
    /// organized by the demo district's office (so the demo clerk drives it), composed and invited: every commune is
    /// an endpoint. Each commune gets its own account, as a commune's office has (unit staff of the commune, with its
    /// subunits, like the demo's xa.anlac); one password hash is reused (same password, hashed once).</summary>
    internal static async Task<(Guid Meeting, List<string> UserNames)> NewCommunesMeetingAsync(string provider, string connection, int communes, string password)
    {
        var options = SearchBench.Options(provider, connection);
        Guid districtId;
        var userNames = new List<string>();
        await using (var db = new BriefingsDbContext(options))
        {
            var province = await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).FirstAsync();
            var g = MeetingDistrictGenerator.Build(province, communes);
            await SearchBench.InsertAsync(options, g.Units);
            await SearchBench.InsertAsync(options, g.People);
            districtId = g.District.Id;
            var roleId = await db.Roles.Where(r => r.Name == Roles.UnitStaff).Select(r => r.Id).SingleAsync();
            var hasher = new PasswordHasher<ApplicationUser>();
            string? hash = null;
            var n = 0;
            foreach (var commune in g.Units.Where(u => u.Level == "Xã"))
            {
                n++;
                var name = string.Create(CultureInfo.InvariantCulture, $"bench.xa{n:0000}");
                var user = new ApplicationUser
                {
                    UserName = name,
                    NormalizedUserName = name.ToUpperInvariant(),
                    FullName = "Văn phòng " + commune.Name,
                    UnitId = commune.Id,
                    IncludeSubunits = true,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                };
                hash ??= hasher.HashPassword(user, password);
                user.PasswordHash = hash;
                db.Users.Add(user);
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
                userNames.Add(name);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = new BriefingsDbContext(options))
        {
            var (meetingId, counts) = await RoomBench.NewInvitedMeetingAsync(db, districtId, "Hội nghị trực tuyến toàn quốc — đo tải");
            Console.Error.WriteLine($"[scale] national meeting: {counts}");
            return (meetingId, userNames);
        }
    }

    private static async Task<Listener> AddListenerAsync(string url, CookieContainer cookies, Guid meetingId, int index,
        System.Collections.Concurrent.ConcurrentDictionary<(int, int), long> arrivals)
    {
        var listener = new Listener(index);
        var connection = new LightHubConnection(url, cookies);
        listener.Connection = connection;
        void Whole(JsonElement state, long now)
        {
            listener.Apply(state);
            if (state.TryGetProperty("currentOrder", out var order) && order.ValueKind == JsonValueKind.Number)
            {
                Arrived(arrivals, index, order.GetInt32(), now);
            }
        }

        connection.On("state", Whole);
        connection.On("delta", (delta, now) =>
        {
            if (deltaBytes == 0)
            {
                deltaBytes = delta.GetRawText().Length;
            }

            if (listener.ApplyDelta(delta))
            {
                if (delta.GetProperty("changes").TryGetProperty("currentOrder", out var order) && order.ValueKind == JsonValueKind.Number)
                {
                    Arrived(arrivals, index, order.GetInt32(), now);
                }

                return;
            }

            // A gap: the whole state, as live-room.js asks for it (not awaited inside the handler).
            Interlocked.Increment(ref refetches);
            _ = Task.Run(async () =>
            {
                try
                {
                    var reply = await connection.InvokeAsync("CurrentState", meetingId);
                    if (reply.GetProperty("ok").GetBoolean())
                    {
                        Whole(reply.GetProperty("state"), Stopwatch.GetTimestamp());
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"[scale] listener {index}: CurrentState failed: {e.Message}");
                }
            });
        });
        connection.Reconnecting += () =>
        {
            if (listener.DroppedAt == 0)
            {
                listener.DroppedAt = Stopwatch.GetTimestamp();
            }
        };
        connection.Reconnected += async () =>
        {
            // As live-room.js does: join again and take the whole current state from the reply.
            if (listener.ReconnectedAt == 0)
            {
                listener.ReconnectedAt = Stopwatch.GetTimestamp();
            }

            JsonElement state;
            try
            {
                state = await JoinAsync(connection, meetingId);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"[scale] listener {index}: join after reconnect failed: {e.Message}");
                return;
            }

            listener.Apply(state);
            listener.Rejoins++;
            if (listener.RejoinedAt == 0)
            {
                listener.RejoinedAt = Stopwatch.GetTimestamp();
            }
        };
        await connection.StartAsync();
        var joined = await JoinAsync(connection, meetingId);
        if (wholeStateBytes == 0)
        {
            wholeStateBytes = joined.GetRawText().Length;
        }

        listener.Apply(joined);
        return listener;
    }

    /// <summary>As the room bench: each action moves to the next agenda item (1, 2, 3, 1, ...); the first is a warm-up.</summary>
    private static async Task<Measured> MeasureAsync(HubConnection chair, Guid meetingId, IReadOnlyList<Listener> listeners,
        System.Collections.Concurrent.ConcurrentDictionary<(int, int), long> arrivals, int actions)
    {
        var everyClient = new List<double>();
        var deliveries = new List<double>();
        var missing = 0;
        var current = listeners[0].Order ?? 1;
        for (var a = 0; a < actions + 1; a++)
        {
            var order = (current + a) % 3 + 1;
            foreach (var l in listeners)
            {
                arrivals.TryRemove((l.Index, order), out _);
            }

            Volatile.Write(ref Received[order], 0);

            var start = Stopwatch.GetTimestamp();
            var reply = await chair.InvokeAsync<JsonElement>("SetCurrentItem", meetingId, order);
            if (!reply.GetProperty("ok").GetBoolean())
            {
                throw new InvalidOperationException("SetCurrentItem refused: " + reply);
            }

            // Bounded: a listener that never gets an action counts as missing after 10 s (the goal is 0.25 s).
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Volatile.Read(ref Received[order]) < listeners.Count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(2);
            }

            if (a == 0)
            {
                continue;
            }

            var times = listeners.Select(l => arrivals.TryGetValue((l.Index, order), out var t) ? Stopwatch.GetElapsedTime(start, t).TotalMilliseconds : double.NaN).ToList();
            missing += times.Count(double.IsNaN);
            var received = times.Where(t => !double.IsNaN(t)).ToList();
            deliveries.AddRange(received);
            everyClient.Add(received.Count == 0 ? double.NaN : received.Max());
            await Task.Delay(200);
        }

        return new Measured(LatencySummary.Of(everyClient), LatencySummary.Of(deliveries), missing);
    }

    private static async Task<JsonElement> JoinAsync(HubConnection connection, Guid meetingId, bool console)
    {
        var reply = await connection.InvokeAsync<JsonElement>("Join", meetingId, null, console);
        if (!reply.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException("Join refused: " + reply);
        }

        return reply.GetProperty("state");
    }

    private static async Task<JsonElement> JoinAsync(LightHubConnection connection, Guid meetingId)
    {
        var reply = await connection.InvokeAsync("Join", meetingId, null, false);
        if (!reply.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException("Join refused: " + reply);
        }

        return reply.GetProperty("state");
    }

    /// <summary>Every 10 s a ping on every listener (the server drops a client silent for 30 s).</summary>
    private static async Task PingAsync(List<Listener> listeners, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ct);
                Listener[] all;
                lock (listeners)
                {
                    all = [.. listeners];
                }

                foreach (var chunk in all.Chunk(500))
                {
                    await Task.WhenAll(chunk.Select(l => l.Connection.PingAsync()));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<HubConnection> ConnectAsync(string url, CookieContainer cookies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url + "/hubs/room", HttpTransportType.WebSockets, o =>
            {
                o.Cookies = cookies;
                o.SkipNegotiation = true;
            })
            .WithAutomaticReconnect(new SpreadRetry())
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The instances' summed resident sets after a few requests and a pause (their GCs settle).</summary>
    private static async Task<double> SettledRssAsync(string url, int[] pids)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 4; i++)
        {
            await http.GetAsync(url + "/health");
            await Task.Delay(750);
        }

        return pids.Sum(p => StartBench.ReadStatusKb(p, "VmRSS:") / 1024.0);
    }
}

internal static class ScaleReport
{
    public static string Markdown(ScaleFigures f)
    {
        static string Ms(double v) => v.ToString("0", CultureInfo.InvariantCulture);
        var o = f.Failover;
        var b = new System.Text.StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"Meeting: {(f.Communes > 0 ? $"a generated district of {f.Communes} communes, each an invited endpoint" : "the demo district's")}; listeners spread over {f.Accounts} commune account(s), each signed in once.");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"{f.Instances} app instances behind nginx, Redis backplane, PostgreSQL. Load average before / loaded / after: {f.LoadBefore} / {f.LoadLoaded} / {f.LoadAfter}; {f.Clients - 1} listeners connected in {f.ConnectSeconds:0.0} s; {f.Missing} deliveries missing.");
        b.AppendLine();
        b.AppendLine("| Listeners | Actions | Reached every client p50 | **p99** | max | Per delivery p50 / p99 |");
        b.AppendLine("|---|---|---|---|---|---|");
        b.AppendLine(CultureInfo.InvariantCulture, $"| 1 (baseline) | {f.BaselineEveryClient.Count} | {Ms(f.BaselineEveryClient.P50)} ms | **{Ms(f.BaselineEveryClient.P99)} ms** | {Ms(f.BaselineEveryClient.Max)} ms | {Ms(f.BaselineDeliveries.P50)} / {Ms(f.BaselineDeliveries.P99)} ms |");
        b.AppendLine(CultureInfo.InvariantCulture, $"| {f.Clients} | {f.EveryClient.Count} | {Ms(f.EveryClient.P50)} ms | **{Ms(f.EveryClient.P99)} ms** | {Ms(f.EveryClient.Max)} ms | {Ms(f.Deliveries.P50)} / {Ms(f.Deliveries.P99)} ms |");
        b.AppendLine(CultureInfo.InvariantCulture, $"| {f.Clients}, after failover (one instance) | {f.AfterFailover.Count} | {Ms(f.AfterFailover.P50)} ms | **{Ms(f.AfterFailover.P99)} ms** | {Ms(f.AfterFailover.Max)} ms | {f.AfterFailoverMissing} missing |");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Message per listener per action: a delta of {f.DeltaBytes} bytes (JSON) instead of the whole state's {f.WholeStateBytes} bytes; {f.Refetches} deltas did not fit a listener's state (whole state fetched again).");
        b.AppendLine();
        if (f.CpuMsPerAction.Count > 0)
        {
            var shares = string.Join(", ", f.CpuMsPerAction.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0}")));
            var total = f.CpuMsPerAction.Values.Sum();
            b.AppendLine(CultureInfo.InvariantCulture, $"CPU per chair action with {f.Clients} listeners (ms of one core, /proc over the {f.ActionPhaseSeconds:0.0} s action phase, each part with its child processes): {shares}; total {total:0} ms = {total / Environment.ProcessorCount:0} ms of wall time on {Environment.ProcessorCount} cores.");
            var idle = string.Join(", ", f.CpuMsPerIdleSecond.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value:0}")));
            b.AppendLine();
            // Not subtracted from the above: right after 10,000 connections the apps are still settling (GC), so this
            // "idle" is an upper bound of their background work, not a clean baseline.
            b.AppendLine(CultureInfo.InvariantCulture, $"For comparison, CPU ms per second over the 3 s before the actions (listeners connected, no action): {idle}; the action phase lasted {f.ActionPhaseSeconds / (f.EveryClient.Count + 1) * 1000:0} ms per action (the action, its deliveries and a 200 ms pause).");
            b.AppendLine();
        }

        b.AppendLine(CultureInfo.InvariantCulture, $"Instances' RSS: {f.RssBeforeMb:0} MB with 2 connections → {f.RssAfterMb:0} MB with {f.Clients + 1}: **{f.KbPerConnection:0} KB per connection**; the survivor after failover: {f.RssSurvivorMb:0} MB.");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Failover (instance 1 killed with SIGKILL): {o.Dropped} listeners dropped (noticed p50 {Ms(o.Noticed.P50)} ms, max {Ms(o.Noticed.Max)} ms after the kill; connection open again p50 {Ms(o.Reconnected.P50)} ms, max {Ms(o.Reconnected.Max)} ms), {o.Rejoined} rejoined ({o.RejoinedWithin10s} within 10 s); kill → rejoined p50 {Ms(o.Rejoin.P50)} ms, **p99 {Ms(o.Rejoin.P99)} ms**, max {Ms(o.Rejoin.Max)} ms; the chair acted {Ms(o.ChairActedMs)} ms after the kill; **{o.WrongState} listeners without the chair's last state**, {o.NotConnected} not connected at the end.");
        return b.ToString();
    }
}

internal sealed record FailoverFigures(int Dropped, LatencySummary Noticed, LatencySummary Reconnected, int Rejoined, int RejoinedWithin10s, LatencySummary Rejoin, int WrongState, double ChairActedMs, int NotConnected);

internal sealed record ScaleFigures(
    int Clients,
    int Actions,
    int Instances,
    LatencySummary BaselineEveryClient,
    LatencySummary BaselineDeliveries,
    LatencySummary EveryClient,
    LatencySummary Deliveries,
    int Missing,
    double RssBeforeMb,
    double RssAfterMb,
    double KbPerConnection,
    double ConnectSeconds,
    FailoverFigures Failover,
    LatencySummary AfterFailover,
    int AfterFailoverMissing,
    double RssSurvivorMb,
    string LoadBefore,
    string LoadLoaded,
    string LoadAfter)
{
    /// <summary>The whole public state as JSON (a join's reply) and the first delta a listener got, in bytes.</summary>
    public int WholeStateBytes { get; init; }

    public int DeltaBytes { get; init; }

    /// <summary>Deltas that did not fit a listener's state, so it asked for the whole state.</summary>
    public int Refetches { get; init; }

    /// <summary>Communes of the generated meeting (0: the demo district's meeting) and the accounts the listeners were spread over.</summary>
    public int Communes { get; init; }

    public int Accounts { get; init; }

    /// <summary>CPU milliseconds per chair action of each part (apps, nginx, Redis, PostgreSQL, the driver) over the
    /// loaded action phase, which lasted <see cref="ActionPhaseSeconds"/> (actions + warm-up, with a 200 ms pause after each).</summary>
    public IReadOnlyDictionary<string, double> CpuMsPerAction { get; init; } = new Dictionary<string, double>();

    public double ActionPhaseSeconds { get; init; }

    /// <summary>CPU milliseconds per second of each part with the listeners connected and no action running.</summary>
    public IReadOnlyDictionary<string, double> CpuMsPerIdleSecond { get; init; } = new Dictionary<string, double>();
}
