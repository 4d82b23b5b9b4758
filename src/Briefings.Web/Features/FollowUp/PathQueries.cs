using Briefings.Core.FollowUp;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// "Lead unit in this subtree" as an index range. <c>StartsWith</c> becomes LIKE 'prefix%': PostgreSQL serves it from
/// the text_pattern_ops index, SQLite never (its LIKE is case-insensitive, so no range) and scanned a million tasks.
/// The two comparisons add the range [prefix, prefix with its last character + 1) that SQLite's index serves; paths
/// are ASCII (ids and '/'), so both forms select the same rows.
/// </summary>
public static class PathQueries
{
    public static IQueryable<FollowUpTask> LeadUnder(this IQueryable<FollowUpTask> tasks, string path)
    {
        var end = Successor(path);
        return tasks.Where(t => t.LeadUnitPath.StartsWith(path) && string.Compare(t.LeadUnitPath, path) >= 0 && string.Compare(t.LeadUnitPath, end) < 0);
    }

    public static IQueryable<TaskCoordinator> Under(this IQueryable<TaskCoordinator> coordinators, string path)
    {
        var end = Successor(path);
        return coordinators.Where(c => c.UnitPath.StartsWith(path) && string.Compare(c.UnitPath, path) >= 0 && string.Compare(c.UnitPath, end) < 0);
    }

    /// <summary>The end of the path's range: the path with its last character + 1 (the compiled inbox queries of
    /// <see cref="BrowseTasks"/> take it as a parameter).</summary>
    public static string Successor(string path) => path.Length == 0 ? "\uffff" : string.Concat(path.AsSpan(0, path.Length - 1), ((char)(path[^1] + 1)).ToString());
}
