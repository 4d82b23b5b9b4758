using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Components.Pages;

/// <summary>
/// The notices of the home page, the ones the account has not seen yet marked as new. Notices are addressed to units:
/// an account reads those of the units of its scope. One event notifies every unit it concerns (an invitation, each
/// invited unit of a commune): an account over those units reads it once, not once per unit, so ten copies of one
/// invitation do not push its new tasks off the list; the newest 200 rows are enough to find ten different notices
/// and keep the read bounded. Opening the home page is seeing its notices: the account's own mark
/// (<see cref="NoticeMark"/>) moves to the newest notice it was shown, so on the next visit only what came since is
/// new. Another account's mark — in the same unit or not — is never read or moved.
/// </summary>
public static class HomeNotices
{
    public sealed record Shown(Notification Notice, bool IsNew);

    /// <summary>How many of the newest rows are read to find the notices shown.</summary>
    public const int Window = 200;

    public static async Task<IReadOnlyList<Shown>> ReadAndMarkAsync(BriefingsDbContext db, UserContext user, int count = 10)
    {
        var latest = await LatestAsync(db, user);
        if (latest.Count == 0)
        {
            return [];
        }

        var userId = user.User.Id;
        var seenUpTo = await SeenUpTo(db, userId);
        var shown = latest.DistinctBy(n => (n.Text, n.Link)).Take(count).Select(n => new Shown(n, n.Id > (seenUpTo ?? 0))).ToList();
        var newest = latest[0].Id;
        if (newest > (seenUpTo ?? 0))
        {
            await MarkSeenAsync(db, userId, newest, seenUpTo is not null);
        }

        return shown;
    }

    /// <summary>The newest <see cref="Window"/> notices of the units of the account's scope, newest first: for a scope of a
    /// subtree or of one unit as compiled queries (the query built from LINQ and walked by EF on every home page was part
    /// of what home cost beyond the login page: issue 14.5, docs/benchmarks.md "Signed-in pages, round 6").</summary>
    internal static async Task<List<Notification>> LatestAsync(BriefingsDbContext db, UserContext user)
    {
        var scope = user.Scope;
        if (scope.All || (scope.SubtreePath is null && scope.SingleUnitId is null))
        {
            return await LatestByLinqAsync(db, user);
        }

        var rows = scope.SubtreePath is { } path ? LatestUnder(db, path) : LatestOf(db, scope.SingleUnitId!.Value);
        var list = new List<Notification>();
        await foreach (var n in rows)
        {
            list.Add(n);
        }

        return list;
    }

    /// <summary>The same rows from the LINQ form of the scope (<see cref="ScopeQueries.Within"/>): the whole province,
    /// and the reference the tests compare the compiled form with.</summary>
    internal static async Task<List<Notification>> LatestByLinqAsync(BriefingsDbContext db, UserContext user)
    {
        var scoped = db.Units.AsNoTracking().Within(user.Scope).Select(u => u.Id);
        return await db.Notifications.AsNoTracking()
            .Where(n => scoped.Contains(n.UnitId))
            .OrderByDescending(n => n.Id).Take(Window).ToListAsync();
    }

    // ScopeQueries.Within's two forms written in.
    private static readonly Func<BriefingsDbContext, string, IAsyncEnumerable<Notification>> LatestUnder = EF.CompileAsyncQuery(
        (BriefingsDbContext db, string path) => db.Notifications.AsNoTracking()
            .Where(n => db.Units.Where(u => u.Path.StartsWith(path)).Select(u => u.Id).Contains(n.UnitId))
            .OrderByDescending(n => n.Id).Take(Window));

    private static readonly Func<BriefingsDbContext, Guid, IAsyncEnumerable<Notification>> LatestOf = EF.CompileAsyncQuery(
        (BriefingsDbContext db, Guid id) => db.Notifications.AsNoTracking()
            .Where(n => db.Units.Where(u => u.Id == id).Select(u => u.Id).Contains(n.UnitId))
            .OrderByDescending(n => n.Id).Take(Window));

    private static readonly Func<BriefingsDbContext, string, Task<long?>> SeenUpTo = EF.CompileAsyncQuery(
        (BriefingsDbContext db, string userId) => db.NoticeMarks.AsNoTracking().Where(m => m.UserId == userId).Select(m => (long?)m.SeenUpTo).FirstOrDefault());

    /// <summary>Moves the account's mark forward to <paramref name="upTo"/>, never back (a tab showing older notices
    /// on another instance may finish later).</summary>
    private static async Task MarkSeenAsync(BriefingsDbContext db, string userId, long upTo, bool exists)
    {
        if (!exists)
        {
            var mark = new NoticeMark { UserId = userId, SeenUpTo = upTo };
            db.NoticeMarks.Add(mark);
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                // Another request of this account made the row meanwhile: move it forward below.
                db.Entry(mark).State = EntityState.Detached;
            }
        }

        await db.NoticeMarks.Where(m => m.UserId == userId && m.SeenUpTo < upTo).ExecuteUpdateAsync(s => s.SetProperty(m => m.SeenUpTo, upTo));
    }
}
