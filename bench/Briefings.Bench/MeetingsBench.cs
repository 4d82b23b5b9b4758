using System.Data.Common;
using System.Diagnostics;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Briefings.Bench;

/// <summary>
/// Issue "Meetings": generating the invitations of a meeting of 1 district and 100 communes (about 2,000
/// people) with <see cref="ApplyComposition"/>. Each timed run is one fresh meeting and one fresh
/// <see cref="BriefingsDbContext"/> (as one request); between runs, the baseline (primary-key lookups of one
/// unit of the district, and a COUNT of the district's units by path prefix) is timed the same way.
/// </summary>
internal static class MeetingsBench
{
    private const int LookupsPerRun = 10;
    private const int CountsPerRun = 3;

    public static async Task<MeetingsFigures> RunAsync(string provider, string connectionString, string label, int directoryUnits, int runs)
    {
        var options = SearchBench.Options(provider, connectionString);
        var isPostgres = DatabaseRegistration.Normalize(provider) == DatabaseOptions.Postgres;
        await using (var db = new BriefingsDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        // 1. The 10,000-unit directory, unless the search benchmark already put it there (or none is wanted).
        double? directorySeconds = null;
        if (directoryUnits > 0)
        {
            int existing;
            await using (var db = new BriefingsDbContext(options))
            {
                existing = await db.Units.CountAsync();
            }

            if (existing == 0)
            {
                var sw = Stopwatch.StartNew();
                Log($"{provider}: generating the directory, {directoryUnits:N0} units and {directoryUnits * 10:N0} people");
                var data = DirectoryGenerator.Build(directoryUnits, directoryUnits * 10);
                await SearchBench.InsertAsync(options, data.Units);
                await SearchBench.InsertAsync(options, data.People);
                directorySeconds = sw.Elapsed.TotalSeconds;
                Log($"{provider}: directory inserted ({directorySeconds:F1} s)");
            }
            else
            {
                Log($"{provider}: reusing the {existing:N0} units already in the database");
            }
        }

        // 2. The meeting's district, unless an earlier run left it there.
        double? districtSeconds = null;
        Guid districtId, organizerId;
        await using (var db = new BriefingsDbContext(options))
        {
            var found = await db.Units.AsNoTracking().Where(u => u.Name == MeetingDistrictGenerator.DistrictName && u.Level == "Huyện").Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            if (found is { } id)
            {
                Log($"{provider}: reusing {MeetingDistrictGenerator.DistrictName} already in the database");
                districtId = id;
                organizerId = await db.Units.AsNoTracking().Where(u => u.ParentId == id && u.Kind == UnitKind.PartyCommittee).Select(u => u.Id).FirstAsync();
            }
            else
            {
                var sw = Stopwatch.StartNew();
                var province = await db.Units.AsNoTracking().Where(u => u.ParentId == null && u.Level == "Tỉnh").OrderBy(u => u.SortOrder).FirstOrDefaultAsync();
                var g = MeetingDistrictGenerator.Build(province);
                await SearchBench.InsertAsync(options, g.Units);
                await SearchBench.InsertAsync(options, g.People);
                districtSeconds = sw.Elapsed.TotalSeconds;
                districtId = g.District.Id;
                organizerId = g.PartyCommittee.Id;
                Log($"{provider}: {MeetingDistrictGenerator.DistrictName} inserted: {g.Communes} communes, {g.Units.Count:N0} units, {g.People.Count:N0} people ({districtSeconds:F1} s)");
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (isPostgres)
        {
            await using var db = new BriefingsDbContext(options);
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        // 3. What the database holds.
        string version, districtPath;
        int totalUnits, totalPeople, districtUnits, districtPeople, communes;
        Guid[] districtUnitIds;
        await using (var db = new BriefingsDbContext(options))
        {
            version = await db.Database.SqlQueryRaw<string>(isPostgres ? "SELECT 'PostgreSQL ' || current_setting('server_version') AS \"Value\"" : "SELECT 'SQLite ' || sqlite_version() AS \"Value\"").SingleAsync();
            districtPath = await db.Units.AsNoTracking().Where(u => u.Id == districtId).Select(u => u.Path).SingleAsync();
            totalUnits = await db.Units.CountAsync();
            totalPeople = await db.People.CountAsync();
            districtUnitIds = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(districtPath)).Select(u => u.Id).ToArrayAsync();
            districtUnits = districtUnitIds.Length;
            districtPeople = await db.People.CountAsync(p => districtUnitIds.Contains(p.UnitId));
            communes = await db.Units.CountAsync(u => u.ParentId == districtId && u.Kind == UnitKind.Area);
        }

        Log($"{provider} [{label}]: {totalUnits:N0} units / {totalPeople:N0} people in the database; the district: {districtUnits:N0} units, {districtPeople:N0} people, {communes} communes");

        // 4. Warm-up: JIT, EF query cache, connection pool, page cache.
        var rng = new Random(11);
        var warm = await ComposeFreshMeetingAsync(options, districtId, organizerId, 0);
        for (var i = 0; i < LookupsPerRun; i++)
        {
            await TimeLookupAsync(options, districtUnitIds[rng.Next(districtUnitIds.Length)]);
        }

        await TimeCountAsync(options, districtPath);
        Log($"  warm-up: composition {warm.Ms:F0} ms ({warm.Summary.Invitations} invitations, {warm.Summary.Endpoints} endpoints)");

        // 5. Timed runs.
        var loadBefore = Machine.LoadAverage();
        var compose = new List<double>(runs);
        var cpuMs = new List<double>(runs);
        var lookups = new List<double>(runs * LookupsPerRun);
        var counts = new List<double>(runs * CountsPerRun);
        var summaries = new List<ApplyComposition.Summary>(runs);
        var lastMeeting = Guid.Empty;
        for (var r = 1; r <= runs; r++)
        {
            var run = await ComposeFreshMeetingAsync(options, districtId, organizerId, r);
            compose.Add(run.Ms);
            cpuMs.Add(run.CpuMs);
            summaries.Add(run.Summary);
            lastMeeting = run.MeetingId;
            for (var i = 0; i < LookupsPerRun; i++)
            {
                lookups.Add(await TimeLookupAsync(options, districtUnitIds[rng.Next(districtUnitIds.Length)]));
            }

            for (var i = 0; i < CountsPerRun; i++)
            {
                counts.Add(await TimeCountAsync(options, districtPath));
            }

            Log($"  run {r}: composition {run.Ms:F0} ms, driver CPU {run.CpuMs:F0} ms ({run.Summary.Invitations} invitations, {run.Summary.Endpoints} endpoints); load {Machine.LoadAverage()}");
        }

        var loadAfter = Machine.LoadAverage();

        // What the last run wrote, read back.
        int storedInvitations, storedEndpoints;
        await using (var db = new BriefingsDbContext(options))
        {
            storedInvitations = await db.Invitations.CountAsync(i => i.MeetingId == lastMeeting);
            storedEndpoints = await db.MeetingEndpoints.CountAsync(e => e.MeetingId == lastMeeting);
        }

        // 6. Two more runs with a command interceptor, to see where the time goes (the second is kept).
        var diagnostic = await DiagnoseAsync(provider, connectionString, districtId, organizerId, runs);

        var figures = new MeetingsFigures(
            DatabaseRegistration.Normalize(provider), version, label, totalUnits, totalPeople, districtUnits, districtPeople, communes,
            directorySeconds, districtSeconds, runs, LatencySummary.Of(compose), compose, LatencySummary.Of(cpuMs), LatencySummary.Of(lookups), LatencySummary.Of(counts),
            warm.Ms, summaries.Select(s => s.Invitations).Distinct().ToList(), summaries.Select(s => s.Endpoints).Distinct().ToList(),
            storedInvitations, storedEndpoints, loadBefore, loadAfter, diagnostic);
        var c = figures.Composition;
        Log($"  {provider} [{label}]: composition p50 {c.P50:F0} p95 {c.P95:F0} max {c.Max:F0} ms, driver CPU p50 {figures.DriverCpu.P50:F0} ms; PK lookup p50 {figures.PrimaryKeyLookup.P50:F2} ms; COUNT p50 {figures.CountUnits.P50:F2} ms; load {loadBefore} → {loadAfter}");
        Log($"  diagnostic run: {diagnostic.TotalMs:F0} ms, {diagnostic.Commands} SQL commands, {diagnostic.SqlMs:F0} ms in SQL (until each reader was disposed); {diagnostic.Selects} SELECTs {diagnostic.SelectMs:F0} ms; SaveChanges (EF part) {diagnostic.SaveChangesMs:F0} ms");
        foreach (var cmd in diagnostic.Slowest)
        {
            Log($"    {cmd.Ms,8:F1} ms  {cmd.Rows,6} rows  {cmd.Sql}");
        }

        return figures;
    }

    private static async Task<(double Ms, ApplyComposition.Summary Summary, Guid MeetingId, double CpuMs)> ComposeFreshMeetingAsync(DbContextOptions<BriefingsDbContext> options, Guid districtId, Guid organizerId, int run)
    {
        var meetingId = Guid.CreateVersion7();
        await using (var db = new BriefingsDbContext(options))
        {
            var meeting = Meeting.Create(meetingId, $"Giao ban quý I năm 2027 — {MeetingDistrictGenerator.DistrictName} (lần {run:D3})", MeetingType.QuarterlyBriefing, MeetingMode.Both, districtId, organizerId);
            var start = new DateTimeOffset(2027, 1, 15, 1, 0, 0, TimeSpan.Zero).AddDays(run);
            if (meeting.Schedule(start, start.AddHours(3), "Hội trường Huyện ủy Tân Phong") is { } error)
            {
                throw new InvalidOperationException(error.Message);
            }

            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        }

        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var timer = Stopwatch.GetTimestamp();
        ApplyComposition.Summary summary;
        await using (var db = new BriefingsDbContext(options))
        {
            var result = await new ApplyComposition(db, new CompositionRules(db)).RunAsync(meetingId, Admin);
            summary = result.Succeeded ? result.Value! : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        var wall = Stopwatch.GetElapsedTime(timer).TotalMilliseconds;
        process.Refresh();
        return (wall, summary, meetingId, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static readonly AccessScope Admin = new(true, null, null, true, true);

    private static async Task<double> TimeLookupAsync(DbContextOptions<BriefingsDbContext> options, Guid id)
    {
        var start = Stopwatch.GetTimestamp();
        await using var db = new BriefingsDbContext(options);
        _ = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) ?? throw new InvalidOperationException("Unit " + id + " is missing.");
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task<double> TimeCountAsync(DbContextOptions<BriefingsDbContext> options, string path)
    {
        var start = Stopwatch.GetTimestamp();
        await using var db = new BriefingsDbContext(options);
        _ = await db.Units.CountAsync(u => u.Path.StartsWith(path));
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task<MeetingsDiagnostic> DiagnoseAsync(string provider, string connectionString, Guid districtId, Guid organizerId, int runs)
    {
        var timer = new CommandTimer();
        var save = new SaveTimer();
        var builder = new DbContextOptionsBuilder<BriefingsDbContext>(SearchBench.Options(provider, connectionString));
        builder.AddInterceptors(timer, save);
        var options = builder.Options;
        (double Ms, ApplyComposition.Summary Summary, Guid MeetingId, double CpuMs) run = default;
        for (var i = 1; i <= 2; i++)
        {
            timer.Reset();
            run = await ComposeFreshMeetingAsync(options, districtId, organizerId, runs + i);
        }

        // The composition's SaveChangesAsync is the last one: from base.SaveChangesAsync (after the audit entries
        // were collected) to its end.
        var saveMs = save.LastMs;

        // Meeting creation runs in the same options; keep only the commands of the composition (after the INSERT of the meeting).
        var commands = timer.Snapshot();
        var first = commands.FindLastIndex(c => c.Sql.Contains("INSERT INTO \"Meetings\"", StringComparison.Ordinal));
        commands = commands.Skip(first + 1).ToList();
        var slowest = commands.OrderByDescending(c => c.Ms).Take(6)
            .Select(c => new CommandFigure(c.Ms, c.Rows, Shorten(c.Sql), c.Sql.Length <= 4000 ? c.Sql : c.Sql[..4000] + " …"))
            .ToList();
        var reads = commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        return new MeetingsDiagnostic(run.Ms, commands.Count, commands.Sum(c => c.Ms), reads.Count, reads.Sum(c => c.Ms), saveMs, slowest);
    }

    private static string Shorten(string sql)
    {
        var flat = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 140 ? flat : flat[..140] + " …";
    }

    private static void Log(FormattableString message) => Console.Error.WriteLine(FormattableString.Invariant(message));

    /// <summary>The duration of the last SaveChanges (EF's part: from SavingChanges to SavedChanges).</summary>
    private sealed class SaveTimer : SaveChangesInterceptor
    {
        private long started;

        public double LastMs { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            started = Stopwatch.GetTimestamp();
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            LastMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return base.SavedChangesAsync(eventData, result, cancellationToken);
        }
    }

    /// <summary>Times every command from execution to the disposal of its reader (rows read, materialized by EF).</summary>
    private sealed class CommandTimer : DbCommandInterceptor
    {
        private readonly List<(double Ms, int Rows, string Sql)> done = [];
        private readonly Dictionary<DbCommand, long> started = [];

        public void Reset()
        {
            lock (done)
            {
                done.Clear();
                started.Clear();
            }
        }

        public List<(double Ms, int Rows, string Sql)> Snapshot()
        {
            lock (done)
            {
                return [.. done];
            }
        }

        private void Start(DbCommand command)
        {
            lock (done)
            {
                started[command] = Stopwatch.GetTimestamp();
            }
        }

        private void Stop(DbCommand command, int rows)
        {
            lock (done)
            {
                if (started.Remove(command, out var t))
                {
                    done.Add((Stopwatch.GetElapsedTime(t).TotalMilliseconds, rows, command.CommandText));
                }
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Start(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Stop(command, eventData.ReadCount);
            return base.DataReaderDisposing(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Start(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Stop(command, result);
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Start(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Stop(command, 1);
            return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
        }
    }
}

internal sealed record CommandFigure(double Ms, int Rows, string Sql, string FullSql);

/// <summary>One composition with interceptors: all commands; the SELECTs (loads); EF's SaveChanges (inserts of
/// endpoints, invitations and audit rows, plus change tracking), which starts after the audit entries are collected.</summary>
internal sealed record MeetingsDiagnostic(double TotalMs, int Commands, double SqlMs, int Selects, double SelectMs, double SaveChangesMs, List<CommandFigure> Slowest);

internal sealed record MeetingsFigures(
    string Provider,
    string ServerVersion,
    string Database,
    int TotalUnits,
    int TotalPeople,
    int DistrictUnits,
    int DistrictPeople,
    int Communes,
    double? DirectorySeconds,
    double? DistrictSeconds,
    int Runs,
    LatencySummary Composition,
    List<double> CompositionSamples,
    LatencySummary DriverCpu,
    LatencySummary PrimaryKeyLookup,
    LatencySummary CountUnits,
    double WarmupMs,
    List<int> Invitations,
    List<int> Endpoints,
    int StoredInvitations,
    int StoredEndpoints,
    string LoadBefore,
    string LoadAfter,
    MeetingsDiagnostic Diagnostic);
