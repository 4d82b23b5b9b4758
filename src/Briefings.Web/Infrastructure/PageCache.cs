using System.Security.Claims;
using Briefings.Core.FollowUp;
using Briefings.Data;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// What a signed-in page read from the database (or the HTML it made of it), kept per app instance for the account
/// that read it, under the database's page version (<see cref="BriefingsDbContext.PageVersionKey"/>) as the session
/// check of the same request read it. Every saved change a page may show gives that version a new value in its own
/// transaction, so a kept page is never shown once the change is visible — on this instance or any other, with no
/// message between instances — and the next request reads the page anew. The version is read before the page's own
/// queries: what is kept is at least as new as its version (a change committed in between only makes the next
/// request read again). Keyed also by the account (never shared between two accounts, so never between two units)
/// and the app's day (statuses like "overdue" turn at midnight). Issue 14.5: the commune's inbox and the dashboard
/// under load were their queries and their rows, read anew on every request although they change a few times a day.
/// </summary>
public sealed class PageCache(TimeProvider clock)
{
    public const int Capacity = 2000;

    /// <summary>The longest a page is kept. The version decides freshness, with one exception: the day-off hint next to
    /// a due day comes from this instance's copy of the holiday list (HolidayCache, at most its lifetime old when the
    /// office saved on another instance), so a page is kept no longer than that copy: the hint then lags a save made on
    /// another instance by at most twice that lifetime, the rows themselves never.</summary>
    public static readonly TimeSpan Lifetime = Features.Meetings.HolidayCache.Lifetime;

    private readonly BoundedCache<Key, object> kept = new(Capacity, clock);

    private static readonly System.Diagnostics.Metrics.Counter<long> Reads =
        new System.Diagnostics.Metrics.Meter("Briefings.Pages").CreateCounter<long>("briefings.page.cache.reads");

    private sealed record Key(string Page, string Account, string Version, DateOnly Day);

    /// <summary>How many pages are kept now.</summary>
    public int Count => kept.Count;

    /// <summary><paramref name="make"/>'s value for <paramref name="page"/> (a name and the page's own parameters) as
    /// this request's account sees it: kept from an earlier request of the same account under the same page version and
    /// day, or made now and kept. Made and not kept when the request has no session check (no version read), or when it is null.</summary>
    public async Task<T?> GetOrMakeAsync<T>(HttpContext? http, string page, Func<Task<T?>> make) where T : class
    {
        if (http?.Items.TryGetValue(AccountSessions.SessionKey, out var value) is not true || value is not AccountSessions.SessionRow session
            || http.User.FindFirstValue(ClaimTypes.NameIdentifier) != session.Id)
        {
            return await make();
        }

        var key = new Key(page, session.Id, session.PageVersion ?? "", clock.Today());
        if (kept.TryGet(key, out var hit) && hit is T found)
        {
            Reads.Add(1, new KeyValuePair<string, object?>("hit", true));
            return found;
        }

        Reads.Add(1, new KeyValuePair<string, object?>("hit", false));
        var made = await make();
        if (made is not null)
        {
            kept.Set(key, made, clock.GetUtcNow() + Lifetime);
        }

        return made;
    }
}
