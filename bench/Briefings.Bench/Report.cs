using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Briefings.Bench;

/// <summary>Turns the JSON figures of one run into the markdown tables of docs/benchmarks.md.</summary>
internal static class Report
{
    public const double GoalP95Ms = 50;

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string Markdown(IReadOnlyList<string> searchFiles, IReadOnlyList<string> startFiles)
    {
        var searches = searchFiles.Where(File.Exists).Select(f => JsonSerializer.Deserialize<SearchFigures>(File.ReadAllText(f), Json)!).ToList();
        var md = new StringBuilder();

        md.AppendLine("**Directory search** (`SearchDirectory.RunAsync`, fresh DbContext per call; baseline = primary-key lookup of one unit, interleaved in the same loop; milliseconds)");
        md.AppendLine();
        md.AppendLine("| Provider | Scope | Search p50 | p95 | p99 | max | PK lookup p50 | p95 | p99 | max | p95 ≤ 50 ms? | load avg before → after |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|---|");
        foreach (var s in searches)
        {
            foreach (var scope in s.Scopes)
            {
                var l = scope.Search;
                var b = scope.PrimaryKeyLookup;
                md.AppendLine(Inv($"| {Provider(s.Provider)} | {scope.Scope} | {l.P50:F1} | **{l.P95:F1}** | {l.P99:F1} | {l.Max:F1} | {b.P50:F2} | {b.P95:F2} | {b.P99:F2} | {b.Max:F2} | {(l.P95 <= GoalP95Ms ? "yes" : "**no**")} | {scope.LoadBefore} → {scope.LoadAfter} |"));
            }
        }

        foreach (var missing in searchFiles.Where(f => !File.Exists(f)))
        {
            md.AppendLine(Inv($"| {Path.GetFileNameWithoutExtension(missing)} | — | failed, no figures | | | | | | | | | |"));
        }

        md.AppendLine();
        foreach (var s in searches)
        {
            md.AppendLine(Inv($"- {Provider(s.Provider)} ({s.ServerVersion}): {s.Units:N0} units, {s.People:N0} people (one position each), {s.Iterations} timed searches per scope after warm-up; database {s.DatabaseSize}; generation + insert {(s.GenerationSeconds is { } g ? Inv($"{g:F0} s") : "reused")}."));
        }

        if (searches.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Per query, admin scope (matches = all matching rows; the page shows at most 50 of each), p50 / p95 ms:");
            md.AppendLine();
            md.Append("| Query | unit matches | people matches |");
            foreach (var s in searches)
            {
                md.Append(Inv($" {Provider(s.Provider)} p50 | p95 |"));
            }

            md.AppendLine();
            md.Append("|---|--:|--:|");
            foreach (var _ in searches)
            {
                md.Append("--:|--:|");
            }

            md.AppendLine();
            var first = searches[0].Scopes[0];
            for (var i = 0; i < first.Queries.Count; i++)
            {
                var q = first.Queries[i];
                md.Append(Inv($"| `{q.Query}` | {q.UnitMatches:N0} | {q.PeopleMatches:N0} |"));
                foreach (var s in searches)
                {
                    var l = s.Scopes[0].Queries[i].Latency;
                    md.Append(Inv($" {l.P50:F1} | {l.P95:F1} |"));
                }

                md.AppendLine();
            }
        }

        foreach (var startFile in startFiles)
        {
            md.AppendLine();
            if (!File.Exists(startFile))
            {
                md.AppendLine(Inv($"**Cold start and memory** ({Path.GetFileName(startFile)}): failed, no figures."));
                continue;
            }

            var start = JsonSerializer.Deserialize<StartFigures>(File.ReadAllText(startFile), Json)!;
            var empty = start.Runs.Where(r => r.Database == "empty").ToList();
            var warm = start.Runs.Where(r => r.Database == "warm").ToList();
            md.AppendLine(Inv($"**Cold start and memory** (`{start.Command}`, working directory `{start.WorkingDirectory}`, SQLite; median of {empty.Count} run(s), all runs listed; load avg {start.LoadBefore} → {start.LoadAfter})"));
            md.AppendLine();
            md.AppendLine("| Figure | Median | Runs |");
            md.AppendLine("|---|--:|---|");
            md.AppendLine(Row("Process start → first 200 of GET /Account/Login, empty database (migrations + demo seed)", empty, r => r.FirstPageMs, "ms"));
            md.AppendLine(Row("Process start → first 200 of GET /Account/Login, warm (database exists)", warm, r => r.FirstPageMs, "ms"));
            md.AppendLine(Row("RSS (VmRSS) 2 s after the first page, warm start", warm, r => r.RssAfterStartMb, "MB"));
            md.AppendLine(Row("RSS (VmRSS) 1 s after 50 more requests to the login page, warm start", warm, r => r.RssAfter50Mb, "MB"));
            md.AppendLine(Row("RSS 2 s after the first page, empty-database start", empty, r => r.RssAfterStartMb, "MB"));
            md.AppendLine(Row("RSS after 50 requests, empty-database start", empty, r => r.RssAfter50Mb, "MB"));
            md.AppendLine(Row("Peak RSS (VmHWM), empty-database start", empty, r => r.PeakRssMb, "MB"));
            md.AppendLine(Row("50 sequential login-page requests, total, warm start", warm, r => r.Requests50Ms, "ms"));
        }

        return md.ToString();
    }

    public const double GoalCompositionMs = 1000;

    /// <summary>Issue "Meetings": <c>ApplyComposition</c> for a fresh meeting of the generated district, beside the baselines of the same run.</summary>
    public static string Meetings(IReadOnlyList<string> files)
    {
        var md = new StringBuilder();
        var runs = files.Where(File.Exists).Select(f => JsonSerializer.Deserialize<MeetingsFigures>(File.ReadAllText(f), Json)!).ToList();
        md.AppendLine("**Meeting invitations** (`ApplyComposition.RunAsync` on a fresh meeting, fresh DbContext per run; driver CPU = CPU time of the benchmark process during the run, all its threads (the PostgreSQL server's CPU is not in it); baselines of the same run: PK lookup of one unit of the district, COUNT of the district's units by path prefix; milliseconds)");
        md.AppendLine();
        md.AppendLine("| Provider | Database | Runs | Composition p50 | p95 | max | driver CPU p50 | invitations | endpoints | PK lookup p50 | p95 | COUNT units p50 | p95 | < 1 s? | load avg before → after |");
        md.AppendLine("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|---|");
        foreach (var m in runs)
        {
            var c = m.Composition;
            md.AppendLine(Inv($"| {Provider(m.Provider)} | {m.Database} | {m.Runs} | {c.P50:F0} | **{c.P95:F0}** | {c.Max:F0} | {m.DriverCpu.P50:F0} | {string.Join("/", m.Invitations)} | {string.Join("/", m.Endpoints)} | {m.PrimaryKeyLookup.P50:F2} | {m.PrimaryKeyLookup.P95:F2} | {m.CountUnits.P50:F2} | {m.CountUnits.P95:F2} | {(c.Max < GoalCompositionMs ? "yes" : c.P95 < GoalCompositionMs ? "p95 yes, max no" : "**no**")} | {m.LoadBefore} → {m.LoadAfter} |"));
        }

        foreach (var missing in files.Where(f => !File.Exists(f)))
        {
            md.AppendLine(Inv($"| {Path.GetFileNameWithoutExtension(missing)} | failed, no figures | | | | | | | | | | | | | |"));
        }

        md.AppendLine();
        foreach (var m in runs)
        {
            var d = m.Diagnostic;
            md.AppendLine(Inv($"- {Provider(m.Provider)} ({m.ServerVersion}), {m.Database}: {m.TotalUnits:N0} units / {m.TotalPeople:N0} people in the database; the district {m.DistrictUnits:N0} units, {m.DistrictPeople:N0} people, {m.Communes} communes; warm-up {m.WarmupMs:F0} ms; runs {string.Join(", ", m.CompositionSamples.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} ms; read back: {m.StoredInvitations:N0} invitations, {m.StoredEndpoints} endpoints. Diagnostic run (with interceptors): {d.TotalMs:F0} ms in all; {d.Selects} SELECTs {d.SelectMs:F0} ms (execution to reader disposal); EF SaveChanges {d.SaveChangesMs:F0} ms ({d.Commands - d.Selects} write commands, {d.SqlMs - d.SelectMs:F0} ms of them in SQL); the rest ({d.TotalMs - d.SelectMs - d.SaveChangesMs:F0} ms) is planning, audit collection, change tracking; slowest: {string.Join("; ", d.Slowest.Take(3).Select(x => Inv($"{x.Ms:F0} ms / {x.Rows} rows `{x.Sql}`")))}."));
        }

        return md.ToString();
    }

    private static string Row(string label, List<StartRun> runs, Func<StartRun, double> value, string unit)
    {
        if (runs.Count == 0)
        {
            return Inv($"| {label} | — | |");
        }

        var values = runs.Select(value).ToList();
        var median = values.Order().ElementAt(values.Count / 2);
        return Inv($"| {label} | **{median:F0} {unit}** | {string.Join(", ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))} |");
    }

    private static string Provider(string provider) => provider switch
    {
        "Postgres" => "PostgreSQL",
        "Sqlite" => "SQLite",
        _ => provider,
    };

    private static string Inv(FormattableString s) => FormattableString.Invariant(s);
}
