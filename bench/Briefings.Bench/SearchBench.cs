using System.Diagnostics;
using System.Globalization;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Briefings.Bench;

/// <summary>
/// Latency of <see cref="SearchDirectory"/> over a generated directory, each search in a fresh
/// <see cref="BriefingsDbContext"/> (as one request would), interleaved with a primary-key lookup of one unit
/// timed the same way: the baseline shows what any query costs on this machine and provider.
/// </summary>
internal static class SearchBench
{
    /// <summary>What people type: no diacritics, a few words, names, titles, organizations, a code.</summary>
    public static readonly string[] Queries =
    [
        "hoi nong dan", "xa 4711", "chu tich", "nguyen van", "dang uy", "bi thu", "tran thi thu", "phu nu xa",
        "le van hung", "ubnd xa an", "chi hoi truong", "pho chu tich hoi", "huynh ngoc", "ap 3",
    ];

    private const int InsertBatch = 5_000;

    public static async Task<SearchFigures> RunAsync(string provider, string connectionString, int unitCount, int peopleCount, int iterations)
    {
        var options = Options(provider, connectionString);
        var isPostgres = DatabaseRegistration.Normalize(provider) == DatabaseOptions.Postgres;

        await using (var db = new BriefingsDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        var (generationSeconds, ids, commune) = await GenerateAsync(options, provider, unitCount, peopleCount);

        // The generated object graph is gone now: the timed loop runs with a small heap.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        if (isPostgres)
        {
            // Autovacuum would analyze the freshly loaded tables within a minute; do it now so plans are the steady-state ones.
            await using var db = new BriefingsDbContext(options);
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var size = await DatabaseSizeAsync(options, isPostgres, connectionString);
        string version;
        await using (var db = new BriefingsDbContext(options))
        {
            version = await db.Database.SqlQueryRaw<string>(isPostgres ? "SELECT 'PostgreSQL ' || current_setting('server_version') AS \"Value\"" : "SELECT 'SQLite ' || sqlite_version() AS \"Value\"").SingleAsync();
        }

        var scopes = new (string Name, AccessScope Scope)[]
        {
            ("admin: all units", new AccessScope(true, null, null, true, true)),
            ($"commune clerk: subtree of {commune.Name}", new AccessScope(false, commune.Path, null, true, true)),
        };

        var results = new List<ScopeFigures>();
        foreach (var (name, scope) in scopes)
        {
            results.Add(await MeasureScopeAsync(options, name, scope, ids, iterations));
        }

        return new SearchFigures(DatabaseRegistration.Normalize(provider), version, unitCount, peopleCount, generationSeconds, size, iterations, results);
    }

    /// <summary>Generates and inserts the directory unless the database already holds it; returns what the timed
    /// loop needs (unit ids for the baseline, the sample commune for the clerk scope) and the generation time.</summary>
    private static async Task<(double? Seconds, Guid[] UnitIds, (string Name, string Path) Commune)> GenerateAsync(
        DbContextOptions<BriefingsDbContext> options, string provider, int unitCount, int peopleCount)
    {
        var generation = Stopwatch.StartNew();
        var data = DirectoryGenerator.Build(unitCount, peopleCount);
        var ids = data.Units.Select(u => u.Id).ToArray();
        var commune = (data.SampleCommune.Name, data.SampleCommune.Path);
        int existing;
        await using (var db = new BriefingsDbContext(options))
        {
            existing = await db.Units.CountAsync();
        }

        if (existing == 0)
        {
            Log($"{provider}: generating {unitCount:N0} units and {peopleCount:N0} people");
            await InsertAsync(options, data.Units);
            Log($"{provider}: units inserted ({generation.Elapsed.TotalSeconds:F1} s)");
            await InsertAsync(options, data.People);
            Log($"{provider}: people inserted ({generation.Elapsed.TotalSeconds:F1} s)");
            return (generation.Elapsed.TotalSeconds, ids, commune);
        }

        if (existing != unitCount)
        {
            throw new InvalidOperationException($"The database already holds {existing} units; use an empty database.");
        }

        Log($"{provider}: reusing the generated data already in the database");
        return (null, ids, commune);
    }

    private static async Task<ScopeFigures> MeasureScopeAsync(DbContextOptions<BriefingsDbContext> options, string name, AccessScope scope, Guid[] ids, int iterations)
    {
        var rng = new Random(7);

        // Warm-up: JIT, EF query cache, connection pool, database page cache.
        for (var i = 0; i < Queries.Length * 2; i++)
        {
            await TimeSearchAsync(options, Queries[i % Queries.Length], scope);
            await TimeLookupAsync(options, ids[rng.Next(ids.Length)]);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var loadBefore = Machine.LoadAverage();

        var search = new List<double>(iterations);
        var lookup = new List<double>(iterations);
        var perQuery = Queries.ToDictionary(q => q, _ => new List<double>(), StringComparer.Ordinal);
        var shown = new Dictionary<string, (int Units, int People)>(StringComparer.Ordinal);
        for (var i = 0; i < iterations; i++)
        {
            var query = Queries[i % Queries.Length];
            var (ms, results) = await TimeSearchAsync(options, query, scope);
            search.Add(ms);
            perQuery[query].Add(ms);
            shown[query] = (results.Units.Count, results.People.Count);
            lookup.Add(await TimeLookupAsync(options, ids[rng.Next(ids.Length)]));
        }

        var loadAfter = Machine.LoadAverage();
        var queries = new List<QueryFigures>();
        foreach (var query in Queries)
        {
            var (units, people) = await CountMatchesAsync(options, query, scope);
            var (unitsShown, peopleShown) = shown.GetValueOrDefault(query);
            queries.Add(new QueryFigures(query, units, people, unitsShown, peopleShown, LatencySummary.Of(perQuery[query])));
        }

        var figures = new ScopeFigures(name, LatencySummary.Of(search), LatencySummary.Of(lookup), queries, loadBefore, loadAfter);
        var (s, b) = (figures.Search, figures.PrimaryKeyLookup);
        Log($"  {name}: search p50 {s.P50:F2} p95 {s.P95:F2} p99 {s.P99:F2} max {s.Max:F2} ms; PK lookup p50 {b.P50:F2} p95 {b.P95:F2} ms; load {loadBefore} → {loadAfter}");
        foreach (var q in queries)
        {
            Log($"    {q.Query,-18} units {q.UnitMatches,6} people {q.PeopleMatches,6}  p50 {q.Latency.P50,8:F2}  p95 {q.Latency.P95,8:F2}  max {q.Latency.Max,8:F2} ms");
        }

        return figures;
    }

    private static async Task<(double Ms, SearchDirectory.Results Results)> TimeSearchAsync(DbContextOptions<BriefingsDbContext> options, string query, AccessScope scope)
    {
        var start = Stopwatch.GetTimestamp();
        await using var db = new BriefingsDbContext(options);
        var results = await new SearchDirectory(db).RunAsync(query, scope);
        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, results);
    }

    private static async Task<double> TimeLookupAsync(DbContextOptions<BriefingsDbContext> options, Guid id)
    {
        var start = Stopwatch.GetTimestamp();
        await using var db = new BriefingsDbContext(options);
        _ = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id) ?? throw new InvalidOperationException("Unit " + id + " is missing.");
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>How many rows match each query in total (the search shows at most <see cref="SearchDirectory.Limit"/>).</summary>
    private static async Task<(int Units, int People)> CountMatchesAsync(DbContextOptions<BriefingsDbContext> options, string query, AccessScope scope)
    {
        await using var db = new BriefingsDbContext(options);
        var units = db.Units.AsNoTracking();
        var people = db.People.AsNoTracking();
        foreach (var token in TextFolding.QueryTokens(query))
        {
            var pattern = "%" + token + "%";
            units = units.Where(u => EF.Functions.Like(u.SearchText, pattern));
            people = people.Where(p => EF.Functions.Like(p.SearchText, pattern));
        }

        var visible = scope.All ? db.Units.AsNoTracking() : db.Units.AsNoTracking().Where(u => u.Path.StartsWith(scope.SubtreePath!));
        var peopleCount = await people.Join(visible, p => p.UnitId, u => u.Id, (p, _) => p).CountAsync();
        return (await units.CountAsync(), peopleCount);
    }

    internal static async Task InsertAsync<T>(DbContextOptions<BriefingsDbContext> options, IReadOnlyList<T> rows)
        where T : class
    {
        for (var offset = 0; offset < rows.Count; offset += InsertBatch)
        {
            await using var db = new BriefingsDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Set<T>().AddRange(rows.Skip(offset).Take(InsertBatch));
            await db.SaveChangesAsync();
        }
    }

    private static async Task<string> DatabaseSizeAsync(DbContextOptions<BriefingsDbContext> options, bool isPostgres, string connectionString)
    {
        if (isPostgres)
        {
            await using var db = new BriefingsDbContext(options);
            var bytes = await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
            return Mb(bytes);
        }

        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        return File.Exists(file) ? Mb(new FileInfo(file).Length) : "?";
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F0} MB");

    public static async Task PrintSqlAsync(string provider, string connectionString, string query, string? subtree)
    {
        var builder = new DbContextOptionsBuilder<BriefingsDbContext>(Options(provider, connectionString));
        builder.LogTo(Console.WriteLine, [RelationalEventId.CommandExecuted], LogLevel.Information).EnableSensitiveDataLogging();
        await using var db = new BriefingsDbContext(builder.Options);
        var scope = subtree is null ? new AccessScope(true, null, null, true, true) : new AccessScope(false, subtree, null, true, true);
        await new SearchDirectory(db).RunAsync(query, scope);
    }

    public static DbContextOptions<BriefingsDbContext> Options(string provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<BriefingsDbContext>();
        DatabaseRegistration.Configure(builder, new DatabaseOptions { Provider = DatabaseRegistration.Normalize(provider), ConnectionString = connectionString }, Directory.GetCurrentDirectory());
        return builder.Options;
    }

    private static void Log(FormattableString message) => Console.Error.WriteLine(FormattableString.Invariant(message));
}
