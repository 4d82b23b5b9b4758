using System.Globalization;
using System.Diagnostics;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Briefings.Bench;

internal sealed record FollowUpScopeFigures(string Query, string Scope, int Rows, LatencySummary Latency, LatencySummary PrimaryKeyLookup, string LoadBefore, string LoadAfter);

internal sealed record FollowUpFigures(string Provider, string ServerVersion, int Units, int Tasks, int Reports, double? GenerationSeconds, string DatabaseSize, int Iterations, List<FollowUpScopeFigures> Queries);

/// <summary>
/// National-scale follow-up: 10,000 units (the directory generator's province), 1,000,000 tasks spread over all
/// units (about 100 each, due days from 2025 to mid-2027, a tenth ongoing without a due day, most past ones done,
/// some late) and 3,000,000 reports. Rows are bulk-loaded — COPY (binary) on PostgreSQL, one prepared INSERT in a
/// transaction on SQLite — with the app's schema and indexes (migrations). Then it times, each in a fresh
/// DbContext like a request, interleaved with a primary-key lookup of a task: the inbox of one unit
/// (<see cref="BrowseTasks.MineAsync"/>) and of a commune with its subunits, and the dashboard
/// (<see cref="FollowUpDashboard.RunAsync"/>) of a commune and of a district for one quarter.
/// </summary>
internal static class FollowUpBench
{
    private static readonly string[] Verbs = ["Rà soát", "Tổng hợp", "Triển khai", "Kiểm tra", "Báo cáo", "Xây dựng kế hoạch", "Tuyên truyền", "Đôn đốc"];
    private static readonly string[] Objects = ["hộ nghèo, hộ cận nghèo", "công tác phát triển đảng viên", "chuyển đổi số cấp xã", "giải ngân vốn đầu tư công", "an ninh trật tự", "xây dựng nông thôn mới", "phòng chống thiên tai", "cải cách hành chính"];

    public static async Task<FollowUpFigures> RunAsync(string provider, string connectionString, int unitCount, int taskCount, int reportsPerTask, int iterations)
    {
        var options = SearchBench.Options(provider, connectionString);
        var isPostgres = DatabaseRegistration.Normalize(provider) == DatabaseOptions.Postgres;
        await using (var db = new BriefingsDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        var data = DirectoryGenerator.Build(unitCount, unitCount);
        double? seconds = null;
        int existing;
        await using (var db = new BriefingsDbContext(options))
        {
            existing = await db.FollowUpTasks.CountAsync();
        }

        if (existing == 0)
        {
            var sw = Stopwatch.StartNew();
            await using (var db = new BriefingsDbContext(options))
            {
                if (await db.Units.CountAsync() == 0)
                {
                    await SearchBench.InsertAsync(options, data.Units);
                }
            }

            Log($"{provider}: {unitCount:N0} units ready ({sw.Elapsed.TotalSeconds:F1} s)");
            var issuers = data.Units.Where(u => u.Kind == UnitKind.PartyCommittee).Take(200).ToList();
            var conclusions = Enumerable.Range(0, 1000).Select(i => Conclusion.Create(issuers[i % issuers.Count].Id, "KL", "KẾT LUẬN", $"Kết luận giao ban số {i + 1}").Value!).ToList();
            await SearchBench.InsertAsync(options, conclusions);
            var conclusionIds = conclusions.Select(c => (c.Id, c.IssuerUnitId)).ToArray();
            if (isPostgres)
            {
                await CopyPostgresAsync(connectionString, data.Units, conclusionIds, taskCount, reportsPerTask);
            }
            else
            {
                await InsertSqliteAsync(connectionString, data.Units, conclusionIds, taskCount, reportsPerTask);
            }

            seconds = sw.Elapsed.TotalSeconds;
            Log($"{provider}: generated in {seconds:F0} s");
        }

        await using (var db = new BriefingsDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        string version;
        string size;
        int tasks, reports;
        await using (var db = new BriefingsDbContext(options))
        {
            version = await db.Database.SqlQueryRaw<string>(isPostgres ? "SELECT 'PostgreSQL ' || current_setting('server_version') AS \"Value\"" : "SELECT 'SQLite ' || sqlite_version() AS \"Value\"").SingleAsync();
            tasks = await db.FollowUpTasks.CountAsync();
            reports = await db.TaskReports.CountAsync();
            size = isPostgres
                ? $"{await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync() / 1048576.0:F0} MB"
                : $"{new FileInfo(new SqliteConnectionStringBuilder(connectionString).DataSource).Length / 1048576.0:F0} MB";
        }

        var taskIds = await SampleTaskIdsAsync(options);
        var bodies = data.Units.Where(u => u.Kind != UnitKind.Area).ToArray();
        var commune = data.SampleCommune;
        var district = data.SampleDistrict;
        var quarter = $"{DateTime.UtcNow.Year}-Q{(DateTime.UtcNow.Month - 1) / 3 + 1}";
        var rng = new Random(11);

        var results = new List<FollowUpScopeFigures>
        {
            await MeasureAsync(options, "inbox (BrowseTasks.MineAsync, open tasks)", "one unit (unit staff), a random unit each time", iterations, taskIds,
                async db => (await new BrowseTasks(db, TimeProvider.System, new Briefings.Web.Features.Meetings.HolidayStore(db)).MineAsync(User(bodies[rng.Next(bodies.Length)], subtree: false), false)).Count),
            await MeasureAsync(options, "inbox (BrowseTasks.MineAsync, open tasks)", $"commune with its subunits ({commune.Name})", iterations, taskIds,
                async db => (await new BrowseTasks(db, TimeProvider.System, new Briefings.Web.Features.Meetings.HolidayStore(db)).MineAsync(User(commune, subtree: true), false)).Count),
            await MeasureAsync(options, $"dashboard (FollowUpDashboard.RunAsync, per unit, period {quarter})", $"commune with its subunits ({commune.Name})", iterations, taskIds,
                async db => (await new FollowUpDashboard(db, TimeProvider.System, new Briefings.Web.Features.Meetings.HolidayStore(db)).RunAsync(User(commune, subtree: true), new FollowUpDashboard.Filter(Period: quarter)))!.Total.Total),
            await MeasureAsync(options, $"dashboard (FollowUpDashboard.RunAsync, per unit, period {quarter})", $"district clerk ({district.Name}, ~400 units)", iterations, taskIds,
                async db => (await new FollowUpDashboard(db, TimeProvider.System, new Briefings.Web.Features.Meetings.HolidayStore(db)).RunAsync(Clerk(district), new FollowUpDashboard.Filter(Period: quarter)))!.Total.Total),
        };

        return new FollowUpFigures(DatabaseRegistration.Normalize(provider), version, unitCount, tasks, reports, seconds, size, iterations, results);
    }

    private static UserContext User(Unit unit, bool subtree) =>
        new(new ApplicationUser { UserName = "bench", UnitId = unit.Id, IncludeSubunits = subtree }, [Roles.UnitStaff], unit,
            subtree ? new AccessScope(false, unit.Path, null, false, true) : new AccessScope(false, null, unit.Id, false, true));

    private static UserContext Clerk(Unit area) =>
        new(new ApplicationUser { UserName = "bench-clerk", UnitId = area.Id }, [Roles.Clerk], area, new AccessScope(false, area.Path, null, true, true));

    private static async Task<FollowUpScopeFigures> MeasureAsync(DbContextOptions<BriefingsDbContext> options, string query, string scope, int iterations, Guid[] taskIds, Func<BriefingsDbContext, Task<int>> run)
    {
        var rng = new Random(5);
        int rows = 0;
        for (var i = 0; i < 20; i++)
        {
            await using var db = new BriefingsDbContext(options);
            rows = await run(db);
            await LookupAsync(options, taskIds[rng.Next(taskIds.Length)]);
        }

        GC.Collect();
        var loadBefore = Machine.LoadAverage();
        var times = new List<double>(iterations);
        var pk = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var db = new BriefingsDbContext(options))
            {
                rows = await run(db);
            }

            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            pk.Add(await LookupAsync(options, taskIds[rng.Next(taskIds.Length)]));
        }

        var figures = new FollowUpScopeFigures(query, scope, rows, LatencySummary.Of(times), LatencySummary.Of(pk), loadBefore, Machine.LoadAverage());
        Log($"  {query} — {scope}: rows {rows}; p50 {figures.Latency.P50:F2} p95 {figures.Latency.P95:F2} p99 {figures.Latency.P99:F2} max {figures.Latency.Max:F2} ms; PK p50 {figures.PrimaryKeyLookup.P50:F2} p95 {figures.PrimaryKeyLookup.P95:F2}; load {loadBefore} → {figures.LoadAfter}");
        return figures;
    }

    private static async Task<double> LookupAsync(DbContextOptions<BriefingsDbContext> options, Guid id)
    {
        var start = Stopwatch.GetTimestamp();
        await using var db = new BriefingsDbContext(options);
        _ = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id) ?? throw new InvalidOperationException("Task " + id + " is missing.");
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static async Task<Guid[]> SampleTaskIdsAsync(DbContextOptions<BriefingsDbContext> options)
    {
        await using var db = new BriefingsDbContext(options);
        return [.. await db.FollowUpTasks.AsNoTracking().OrderBy(t => t.Id).Take(2000).Select(t => t.Id).ToListAsync()];
    }

    /// <summary>One generated task: the same for both providers (fixed seed).</summary>
    private sealed record Row(Guid Id, Guid ConclusionId, Guid IssuerId, int Order, string Text, Guid LeadId, string LeadPath, DateOnly? Due, DateOnly? Done,
        string PeriodKey, DateOnly? PeriodStart, DateOnly? PeriodEnd, string? PeriodLabel, int State, int Percent, DateTimeOffset Created);

    private static IEnumerable<Row> Tasks(IReadOnlyList<Unit> units, (Guid Id, Guid Issuer)[] conclusions, int count)
    {
        var rng = new Random(20261125);
        var first = new DateOnly(2025, 1, 1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < count; i++)
        {
            var unit = units[i % units.Count];
            var (conclusionId, issuer) = conclusions[rng.Next(conclusions.Length)];
            var created = new DateTimeOffset(first.AddDays(rng.Next(0, 600)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var text = $"Nhiệm vụ {i + 1}: {Verbs[rng.Next(Verbs.Length)]} {Objects[rng.Next(Objects.Length)]} trên địa bàn, báo cáo kết quả về Ban Thường vụ.";
            if (rng.Next(10) == 0)
            {
                // Ongoing: a quarter's task without a due day.
                var year = 2025 + rng.Next(2);
                var q = rng.Next(1, 5);
                var start = new DateOnly(year, (q - 1) * 3 + 1, 1);
                yield return new Row(Guid.CreateVersion7(created), conclusionId, issuer, i, text, unit.Id, unit.Path, null, null, $"{year}-Q{q}", start, start.AddMonths(3).AddDays(-1), $"Quý {q}/{year}", 0, rng.Next(0, 90), created);
                continue;
            }

            var due = first.AddDays(rng.Next(0, 910));
            DateOnly? done = null;
            if (due < today && rng.Next(100) < 75)
            {
                done = due.AddDays(rng.Next(-40, rng.Next(10) == 0 ? 60 : 5));
            }
            else if (due >= today && rng.Next(100) < 20)
            {
                done = today.AddDays(-rng.Next(0, 30));
            }

            yield return new Row(Guid.CreateVersion7(created), conclusionId, issuer, i, text, unit.Id, unit.Path, due, done, "", null, null, null, done is null ? 0 : 2, done is null ? rng.Next(0, 90) : 100, created);
        }
    }

    private static string ReportText(Random rng) =>
        $"Đơn vị đã {Verbs[rng.Next(Verbs.Length)].ToLowerInvariant()} {Objects[rng.Next(Objects.Length)]}; kết quả đạt khoảng {rng.Next(10, 100)} % kế hoạch.";

    private static async Task CopyPostgresAsync(string connectionString, IReadOnlyList<Unit> units, (Guid, Guid)[] conclusions, int count, int reportsPerTask)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var sw = Stopwatch.StartNew();
        var rng = new Random(3);
        var taskRows = new List<(Guid Id, Guid Unit, DateTimeOffset Created)>(count);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"FollowUpTasks\" (\"Id\", \"ConclusionId\", \"IssuerUnitId\", \"ConclusionNumber\", \"DirectiveOrder\", \"SectionOrder\", \"ItemNumber\", \"ItemText\", \"LeadUnitId\", \"LeadUnitPath\", \"DeadlineText\", \"PeriodKey\", \"PeriodStart\", \"PeriodEnd\", \"PeriodLabel\", \"OriginalDueOn\", \"DueOn\", \"ExpectedOutput\", \"State\", \"Percent\", \"CompletedOn\", \"ExtensionsGranted\", \"CreatedAt\", \"Version\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var t in Tasks(units, conclusions, count))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(t.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(t.ConclusionId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(t.IssuerId, NpgsqlDbType.Uuid);
                await writer.WriteAsync("01-KL/TU", NpgsqlDbType.Varchar);
                await writer.WriteAsync(t.Order, NpgsqlDbType.Integer);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(t.Order % 30 + 1, NpgsqlDbType.Integer);
                await writer.WriteAsync(t.Text, NpgsqlDbType.Varchar);
                await writer.WriteAsync(t.LeadId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(t.LeadPath, NpgsqlDbType.Varchar);
                await writer.WriteAsync(t.Due is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "thường xuyên", NpgsqlDbType.Varchar);
                await writer.WriteAsync(t.PeriodKey, NpgsqlDbType.Varchar);
                await WriteDateAsync(writer, t.PeriodStart);
                await WriteDateAsync(writer, t.PeriodEnd);
                if (t.PeriodLabel is null) { await writer.WriteNullAsync(); } else { await writer.WriteAsync(t.PeriodLabel, NpgsqlDbType.Varchar); }
                await WriteDateAsync(writer, t.Due);
                await WriteDateAsync(writer, t.Due);
                await writer.WriteAsync(2, NpgsqlDbType.Integer);
                await writer.WriteAsync(t.State, NpgsqlDbType.Integer);
                await writer.WriteAsync(t.Percent, NpgsqlDbType.Integer);
                await WriteDateAsync(writer, t.Done);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
                await writer.WriteAsync(t.Created, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                taskRows.Add((t.Id, t.LeadId, t.Created));
            }

            await writer.CompleteAsync();
        }

        Log($"Postgres: {count:N0} tasks copied ({sw.Elapsed.TotalSeconds:F0} s)");
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY \"TaskReports\" (\"Id\", \"TaskId\", \"UnitId\", \"Kind\", \"Text\", \"Percent\", \"By\", \"At\", \"State\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, unit, created) in taskRows)
            {
                for (var r = 0; r < reportsPerTask; r++)
                {
                    var at = created.AddDays(7 * (r + 1));
                    await writer.StartRowAsync();
                    await writer.WriteAsync(Guid.CreateVersion7(at), NpgsqlDbType.Uuid);
                    await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(unit, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer);
                    await writer.WriteAsync(ReportText(rng), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(30 * (r + 1) % 100, NpgsqlDbType.Integer);
                    await writer.WriteAsync("bench", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer);
                }
            }

            await writer.CompleteAsync();
        }

        Log($"Postgres: {count * reportsPerTask:N0} reports copied ({sw.Elapsed.TotalSeconds:F0} s)");
    }

    private static async Task WriteDateAsync(NpgsqlBinaryImporter writer, DateOnly? date)
    {
        if (date is { } d)
        {
            await writer.WriteAsync(d, NpgsqlDbType.Date);
        }
        else
        {
            await writer.WriteNullAsync();
        }
    }

    private static async Task InsertSqliteAsync(string connectionString, IReadOnlyList<Unit> units, (Guid, Guid)[] conclusions, int count, int reportsPerTask)
    {
        var toBinary = new DateTimeOffsetToBinaryConverter();
        static string G(Guid g) => g.ToString().ToUpperInvariant();
        static object D(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
            await pragma.ExecuteNonQueryAsync();
        }

        // Secondary indexes are dropped for the load and rebuilt after it, and rows go in primary-key order: random
        // B-tree inserts into seven indexes made the first attempt take 11 minutes for the tasks alone.
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('FollowUpTasks', 'TaskReports') AND sql IS NOT NULL";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP INDEX \"{name}\"";
            await drop.ExecuteNonQueryAsync();
        }

        var sw = Stopwatch.StartNew();
        var rng = new Random(3);
        var taskRows = new List<(Guid Id, Guid Unit, DateTimeOffset Created)>(count);
        const int Chunk = 100_000;
        using (var enumerator = Tasks(units, conclusions, count).OrderBy(t => G(t.Id), StringComparer.Ordinal).ToList().GetEnumerator())
        {
            var more = true;
            while (more)
            {
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO \"FollowUpTasks\" (\"Id\", \"ConclusionId\", \"IssuerUnitId\", \"ConclusionNumber\", \"DirectiveOrder\", \"SectionOrder\", \"ItemNumber\", \"ItemText\", \"LeadUnitId\", \"LeadUnitPath\", \"DeadlineText\", \"PeriodKey\", \"PeriodStart\", \"PeriodEnd\", \"PeriodLabel\", \"OriginalDueOn\", \"DueOn\", \"ExpectedOutput\", \"State\", \"Percent\", \"CompletedOn\", \"ExtensionsGranted\", \"CreatedAt\", \"Version\") VALUES ($1, $2, $3, '01-KL/TU', $4, 1, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, 2, $15, $16, $17, 0, $18, 1)";
                var p = Enumerable.Range(1, 18).Select(n => cmd.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
                cmd.Prepare();
                var n = 0;
                while (n < Chunk && (more = enumerator.MoveNext()))
                {
                    var t = enumerator.Current;
                    p[0].Value = G(t.Id); p[1].Value = G(t.ConclusionId); p[2].Value = G(t.IssuerId); p[3].Value = t.Order; p[4].Value = t.Order % 30 + 1;
                    p[5].Value = t.Text; p[6].Value = G(t.LeadId); p[7].Value = t.LeadPath; p[8].Value = t.Due is { } d ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "thường xuyên";
                    p[9].Value = t.PeriodKey; p[10].Value = D(t.PeriodStart); p[11].Value = D(t.PeriodEnd); p[12].Value = (object?)t.PeriodLabel ?? DBNull.Value;
                    p[13].Value = D(t.Due); p[14].Value = t.State; p[15].Value = t.Percent; p[16].Value = D(t.Done); p[17].Value = toBinary.ConvertToProvider(t.Created);
                    await cmd.ExecuteNonQueryAsync();
                    taskRows.Add((t.Id, t.LeadId, t.Created));
                    n++;
                }

                await tx.CommitAsync();
            }
        }

        Log($"Sqlite: {count:N0} tasks inserted ({sw.Elapsed.TotalSeconds:F0} s)");
        var reportRows = taskRows.SelectMany(x => Enumerable.Range(0, reportsPerTask).Select(r => (Id: G(Guid.CreateVersion7(x.Created.AddDays(7 * (r + 1)))), Task: G(x.Id), Unit: G(x.Unit), At: x.Created.AddDays(7 * (r + 1)), Percent: 30 * (r + 1) % 100)))
            .OrderBy(x => x.Id, StringComparer.Ordinal).ToList();
        for (var offset = 0; offset < reportRows.Count; offset += Chunk)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO \"TaskReports\" (\"Id\", \"TaskId\", \"UnitId\", \"Kind\", \"Text\", \"Percent\", \"By\", \"At\", \"State\") VALUES ($1, $2, $3, 0, $4, $5, 'bench', $6, 0)";
            var p = Enumerable.Range(1, 6).Select(n => cmd.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
            cmd.Prepare();
            foreach (var x in reportRows.Skip(offset).Take(Chunk))
            {
                p[0].Value = x.Id; p[1].Value = x.Task; p[2].Value = x.Unit; p[3].Value = ReportText(rng); p[4].Value = x.Percent;
                p[5].Value = toBinary.ConvertToProvider(x.At);
                await cmd.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        Log($"Sqlite: {count * reportsPerTask:N0} reports inserted ({sw.Elapsed.TotalSeconds:F0} s)");
        foreach (var (_, sql) in indexes)
        {
            await using var create = connection.CreateCommand();
            create.CommandText = sql;
            create.CommandTimeout = 0;
            await create.ExecuteNonQueryAsync();
        }

        Log($"Sqlite: {indexes.Count} indexes rebuilt ({sw.Elapsed.TotalSeconds:F0} s)");
    }

    private static void Log(FormattableString message) => Console.Error.WriteLine(FormattableString.Invariant(message));
}
