using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Bench;

/// <summary>
/// What the organizer's console receives per roll-call mark and per presence change, and what its join costs, at a
/// district's and at the national size (issue 14.4, the consoles' half). The built web app runs as its own process on
/// SQLite; a meeting of a generated district of --communes communes (each an invited endpoint with its own account) is
/// created; the chair's console joins (timed, bytes of the reply), then the clerk marks --marks people one by one and one
/// commune's room toggles its microphone --marks times. Per change: the bytes of every message the console received
/// for it (SignalR JSON records, until 300 ms passed without one). Then, when the join brought no roll-call rows (a
/// build that loads them per endpoint group, console-rollcall), the clerk opens one commune's group (<c>RollCallRows</c>):
/// the reply's bytes and its time, 5 times (the first cold). The same driver runs against any build of the app (--app),
/// so a build before the change is the same run's baseline.
/// </summary>
internal static class ConsolesBench
{
    public sealed record Figures(string Build, int Communes, int Endpoints, int Invitations, int JoinBytes, List<double> JoinMs,
        List<long> MarkBytes, List<long> PresenceBytes, string Load)
    {
        /// <summary>Opening one commune's group: the reply's bytes and rows, and the times (null: the join held every row).</summary>
        public int? GroupBytes { get; init; }

        public int? GroupRows { get; init; }

        public List<double>? GroupMs { get; init; }
    }

    public static async Task<Figures> RunAsync(string build, string appDll, string work, int communes, int marks, string password, string? pidFile)
    {
        Directory.CreateDirectory(work);
        var port = StartBench.FreePort();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var file = Path.Combine(work, "consoles.db");
        var database = "Data Source=" + file;
        using var process = await RoomBench.StartDemoAppAsync(appDll, work, url, database, password, pidFile);

        try
        {
            await RoomBench.WaitForAsync(url);
            var (meetingId, userNames) = await ScaleBench.NewCommunesMeetingAsync("Sqlite", database, communes, password);
            var options = SearchBench.Options("Sqlite", database);
            Guid endpointId;
            List<Guid> attendance;
            await using (var db = new BriefingsDbContext(options))
            {
                var unitId = await db.Users.Where(u => u.UserName == userNames[0]).Select(u => u.UnitId).SingleAsync();
                endpointId = await db.MeetingEndpoints.Where(e => e.MeetingId == meetingId && e.AreaUnitId == unitId).Select(e => e.Id).SingleAsync();
                // The invitations to mark, from the database: a console's join no longer carries them at national size.
                attendance = await db.Invitations.Where(i => i.MeetingId == meetingId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync();
            }

            var chair = new LightHubConnection(url, await RoomBench.SignInAsync(url, "vanphong", password));
            var room = new LightHubConnection(url, await RoomBench.SignInAsync(url, userNames[0], password));
            var arrived = new SemaphoreSlim(0);
            foreach (var target in new[] { "state", "delta", "console", "endpoint" })
            {
                chair.On(target, (_, _) => arrived.Release());
            }

            await chair.StartAsync();
            await room.StartAsync();
            var load = Machine.LoadAverage();

            // The console's join: the first is cold (the app's first read of this meeting), then warm ones.
            var joinMs = new List<double>();
            JsonElement state = default;
            var joinBytes = 0;
            for (var i = 0; i < 4; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var reply = await chair.InvokeAsync("Join", meetingId, null, true);
                joinMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!reply.GetProperty("ok").GetBoolean())
                {
                    throw new InvalidOperationException("Join refused: " + reply);
                }

                state = reply.GetProperty("state");
                joinBytes = Encoding.UTF8.GetByteCount(reply.GetRawText());
            }

            var wholeRows = state.TryGetProperty("attendance", out var rows) && rows.ValueKind == JsonValueKind.Array;
            var endpoints = state.GetProperty("endpoints").GetArrayLength();
            Console.Error.WriteLine($"[consoles] {build}: {communes} communes, {endpoints} endpoints, {attendance.Count} invitations; join {joinBytes:N0} bytes");
            await Task.Delay(500);
            while (arrived.CurrentCount > 0)
            {
                await arrived.WaitAsync();
            }

            // Marks spread over the roll call (every k-th invitation), each "present online".
            var markBytes = new List<long>();
            for (var i = 0; i < marks; i++)
            {
                var invitation = attendance[(int)((long)i * attendance.Count / marks)];
                markBytes.Add(await BytesOfAsync(chair, arrived, () => chair.InvokeAsync("MarkAttendance", meetingId, invitation, "Online", null, null)));
            }

            // The commune's room joins (its presence: connected), then toggles its microphone.
            var presenceBytes = new List<long> { await BytesOfAsync(chair, arrived, () => room.InvokeAsync("Join", meetingId, endpointId, false)) };
            for (var i = 1; i < marks; i++)
            {
                var muted = i % 2 == 1;
                presenceBytes.Add(await BytesOfAsync(chair, arrived, () => room.InvokeAsync("SetMuted", meetingId, endpointId, muted)));
            }

            // The clerk opens one commune's group: its rows (none to ask for when the join brought them all).
            int? groupBytes = null, groupRows = null;
            List<double>? groupMs = null;
            if (!wholeRows)
            {
                groupMs = [];
                for (var i = 0; i < 5; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var reply = await chair.InvokeAsync("RollCallRows", meetingId, new[] { endpointId });
                    groupMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!reply.GetProperty("ok").GetBoolean())
                    {
                        throw new InvalidOperationException("RollCallRows refused: " + reply);
                    }

                    groupBytes = Encoding.UTF8.GetByteCount(reply.GetRawText());
                    groupRows = reply.GetProperty("rows").GetProperty("attendance").GetArrayLength();
                }
            }

            Console.Error.WriteLine($"[consoles] {build}: one group {groupRows} rows, {groupBytes:N0} bytes");
            await chair.DisposeAsync();
            await room.DisposeAsync();
            return new Figures(build, communes, endpoints, attendance.Count, joinBytes, joinMs, markBytes, presenceBytes, load)
            {
                GroupBytes = groupBytes, GroupRows = groupRows, GroupMs = groupMs,
            };
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>Bytes the console received for one change: from just before the action until 300 ms without a message
    /// after the first one arrived (5 s at most for the first).</summary>
    private static async Task<long> BytesOfAsync(LightHubConnection console, SemaphoreSlim arrived, Func<Task<JsonElement>> action)
    {
        var before = console.BytesReceived;
        var reply = await action();
        if (!reply.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException("Refused: " + reply);
        }

        if (!await arrived.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            return 0;
        }

        while (await arrived.WaitAsync(TimeSpan.FromMilliseconds(300)))
        {
        }

        return console.BytesReceived - before;
    }

    public static string Markdown(IReadOnlyList<Figures> runs)
    {
        var b = new StringBuilder();
        b.AppendLine("| build | communes | endpoints | invitations | console join: reply bytes | join ms (cold; warm median) | open one group: rows, reply bytes | group ms (cold; warm median) | bytes to the console per mark (median; max) | per presence change (median; max) | load average |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var f in runs)
        {
            var warm = f.JoinMs.Skip(1).Order().ToList();
            var group = f.GroupBytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $"{f.GroupRows:N0}, {bytes:N0}") : "— (in the join)";
            var groupWarm = f.GroupMs?.Skip(1).Order().ToList();
            var groupMs = f.GroupMs is { Count: > 1 } ms ? string.Create(CultureInfo.InvariantCulture, $"{ms[0]:0.0}; {groupWarm![groupWarm.Count / 2]:0.0}") : "—";
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Build} | {f.Communes:N0} | {f.Endpoints:N0} | {f.Invitations:N0} | {f.JoinBytes:N0} | {f.JoinMs[0]:0}; {warm[warm.Count / 2]:0} | {group} | {groupMs} | {Median(f.MarkBytes):N0}; {f.MarkBytes.Max():N0} | {Median(f.PresenceBytes):N0}; {f.PresenceBytes.Max():N0} | {f.Load} |");
        }

        return b.ToString();

        static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);
    }
}
