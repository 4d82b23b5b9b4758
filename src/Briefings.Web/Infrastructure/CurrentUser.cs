using System.Security.Claims;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Briefings.Web.Infrastructure;

/// <summary>The signed-in account with its unit and access scope, loaded once per request.</summary>
public sealed record UserContext(ApplicationUser User, IReadOnlyList<string> Roles, Unit Unit, AccessScope Scope)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The areas (units of kind Area) among the unit and its ancestors, as loaded with the context; null when
    /// not loaded (then <see cref="Features.Meetings.MeetingAccess.RoomAreaIdAsync"/> reads them).</summary>
    public IReadOnlyList<(Guid Id, string Path)>? AreasOnChain { get; init; }
}

/// <summary>
/// The signed-in account's context for this request. Building it costs four queries (account, roles, unit, the
/// unit's ancestors), which were a third of what a signed-in page cost (issue 14.5, docs/benchmarks.md); so it is
/// kept in memory for <see cref="CacheLifetime"/>, keyed by everything it depends on as the request's session check
/// read it from the database a moment before (<see cref="AccountSessions"/>): the account, its security stamp, its
/// concurrency stamp (Identity renews it on every change of the account — roles, unit, lock, disable, password),
/// its unit, the unit's path (a move in the directory) and kind. Any change of these is a new key, on every
/// instance at once, since each request reads them fresh; the lifetime only bounds how long a renamed unit or an
/// ancestor whose kind changed is shown with its old name or area. The session check itself (stamp, disabled)
/// stays on every request.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, BriefingsDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    /// <summary>Context loads under way, by key: concurrent misses of one account wait for the first.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ContextKey, Task<UserContext?>> Loading = new();

    private static readonly System.Diagnostics.Metrics.Counter<long> Loads =
        new System.Diagnostics.Metrics.Meter("Briefings.Accounts").CreateCounter<long>("briefings.account.context.loads");

    private UserContext? loaded;

    public async Task<UserContext?> GetAsync(CancellationToken ct = default)
    {
        if (loaded is not null)
        {
            return loaded;
        }

        loaded = http.HttpContext is { } context ? await ForRequestAsync(context, db, cache, ct) : null;
        return loaded;
    }

    /// <summary>The context of the account signed in on <paramref name="context"/> (a page's request, or a hub's
    /// WebSocket request, whose session check ran at the handshake), from the cache when the session row matches.</summary>
    public static async Task<UserContext?> ForRequestAsync(HttpContext context, BriefingsDbContext db, IMemoryCache cache, CancellationToken ct = default)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }

        if (context.Items.TryGetValue(AccountSessions.SessionKey, out var value) && value is AccountSessions.SessionRow session && session.Id == id)
        {
            var key = new ContextKey(session with { PageVersion = null });
            if (cache.TryGetValue(key, out UserContext? cached) && cached is not null)
            {
                return cached;
            }

            // Requests of one account that miss together share one load (issue 14.4: after an app instance dies, each
            // commune's listeners rejoin the survivor in the same second, and each of them loaded the context).
            // The key holds what the session check read, so a load started for the same key reads the same account.
            var loading = new TaskCompletionSource<UserContext?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Loading.TryAdd(key, loading.Task))
            {
                try
                {
                    cached = await LoadAsync(db, id, ct);
                    // Only a context that matches what the session check read is kept (a change between the two reads
                    // makes the next request load again).
                    if (cached is not null && cached.User.ConcurrencyStamp == session.ConcurrencyStamp && cached.User.SecurityStamp == session.SecurityStamp
                        && cached.Unit.Id == session.UnitId && cached.Unit.Path == session.UnitPath)
                    {
                        cache.Set(key, cached, CacheLifetime);
                        loading.SetResult(cached);
                    }
                    else
                    {
                        loading.SetResult(null); // the others load their own
                    }
                }
                catch (Exception e)
                {
                    loading.SetException(e);
                    throw;
                }
                finally
                {
                    Loading.TryRemove(key, out _);
                }

                return cached;
            }

            if (Loading.TryGetValue(key, out var shared))
            {
                try
                {
                    if (await shared.WaitAsync(ct) is { } theirs)
                    {
                        return theirs;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // The sharing load failed (e.g. its own request was cancelled): load this request's own.
                }
            }

            return cache.TryGetValue(key, out cached) && cached is not null ? cached : await LoadAsync(db, id, ct);
        }

        return await LoadAsync(db, id, ct);
    }

    private sealed record ContextKey(AccountSessions.SessionRow Session);

    /// <summary>Loads an account's context by its id, for callers without a request (SignalR hub methods).</summary>
    public static async Task<UserContext?> LoadAsync(BriefingsDbContext db, string id, CancellationToken ct = default)
    {
        Loads.Add(1);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(ur => ur.UserId == id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == user.UnitId, ct);
        var ancestorIds = unit.AncestorIds();
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync(ct);
        return new UserContext(user, roles, unit, AccessScope.For(roles, unit, ancestors, user.IncludeSubunits))
        {
            AreasOnChain = ancestors.Append(unit).Where(u => u.Kind == UnitKind.Area).Select(u => (u.Id, u.Path)).ToList(),
        };
    }

    /// <summary>The scope, or <see cref="AccessScope.None"/> when nobody is signed in.</summary>
    public async Task<AccessScope> ScopeAsync(CancellationToken ct = default) =>
        (await GetAsync(ct))?.Scope ?? AccessScope.None;
}

public static class ScopeQueries
{
    /// <summary>Filters units to those an <see cref="AccessScope"/> covers, in SQL.</summary>
    public static IQueryable<Unit> Within(this IQueryable<Unit> units, AccessScope scope) =>
        scope.All ? units
        : scope.SubtreePath is { } path ? units.Where(u => u.Path.StartsWith(path))
        : scope.SingleUnitId is { } id ? units.Where(u => u.Id == id)
        : units.Where(_ => false);
}
