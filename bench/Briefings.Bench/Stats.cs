namespace Briefings.Bench;

/// <summary>Latency figures in milliseconds; percentiles by the nearest-rank method.</summary>
internal sealed record LatencySummary(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = samples.Order().ToArray();
        return new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal sealed record QueryFigures(string Query, int UnitMatches, int PeopleMatches, int UnitHitsShown, int PeopleHitsShown, LatencySummary Latency);

internal sealed record ScopeFigures(string Scope, LatencySummary Search, LatencySummary PrimaryKeyLookup, List<QueryFigures> Queries, string LoadBefore, string LoadAfter);

internal sealed record SearchFigures(
    string Provider,
    string ServerVersion,
    int Units,
    int People,
    double? GenerationSeconds,
    string DatabaseSize,
    int Iterations,
    List<ScopeFigures> Scopes);

internal sealed record StartRun(string Database, double FirstPageMs, double RssAfterStartMb, double RssAfter50Mb, double PeakRssMb, double Requests50Ms);

internal sealed record StartFigures(string Command, string WorkingDirectory, List<StartRun> Runs, string LoadBefore, string LoadAfter);

internal static class Machine
{
    /// <summary>The 1-, 5- and 15-minute load averages: on a 2-core machine anything above ~1 means the timings shared the CPU.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
