using System.Globalization;

namespace Briefings.Bench;

/// <summary>
/// CPU time of the parts of a topology over a phase, from /proc/PID/stat (utime + stime, in clock ticks), each part
/// with all its descendant processes (nginx's workers, PostgreSQL's backends) — issue 14.4: where a chair action's
/// time goes on a machine whose parts share the same cores.
/// </summary>
internal sealed class CpuShares(IReadOnlyDictionary<string, int> roots)
{
    /// <summary>Clock ticks per second of /proc's times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100.0;

    /// <summary>CPU seconds used so far by each part (its processes alive now; a part that died counts 0).</summary>
    public Dictionary<string, double> Sample()
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command (which may hold spaces) in parentheses: state ppid ... utime(14) stime(15).
                var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(rest[1], CultureInfo.InvariantCulture);
                ticks[pid] = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process ended while being read.
            }
        }

        var result = new Dictionary<string, double>();
        foreach (var (name, root) in roots)
        {
            long sum = 0;
            foreach (var (pid, t) in ticks)
            {
                for (var p = pid; p > 1; p = parents.GetValueOrDefault(p))
                {
                    if (p == root)
                    {
                        sum += t;
                        break;
                    }
                }
            }

            result[name] = sum / TicksPerSecond;
        }

        return result;
    }

    /// <summary>CPU milliseconds per action of each part between two samples.</summary>
    public static Dictionary<string, double> PerAction(Dictionary<string, double> before, Dictionary<string, double> after, int actions) =>
        after.ToDictionary(kv => kv.Key, kv => (kv.Value - before.GetValueOrDefault(kv.Key)) * 1000 / Math.Max(1, actions));
}
