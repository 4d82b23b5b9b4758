using System.Security.Claims;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Infrastructure;

/// <summary>The signed-in account with its unit and access scope, loaded once per request.</summary>
public sealed record UserContext(ApplicationUser User, IReadOnlyList<string> Roles, Unit Unit, AccessScope Scope)
{
    public bool IsInRole(string role) => Roles.Contains(role);
}

public sealed class CurrentUser(IHttpContextAccessor http, BriefingsDbContext db)
{
    private UserContext? loaded;

    public async Task<UserContext?> GetAsync(CancellationToken ct = default)
    {
        if (loaded is not null)
        {
            return loaded;
        }

        var principal = http.HttpContext?.User;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }

        loaded = await LoadAsync(db, id, ct);
        return loaded;
    }

    /// <summary>Loads an account's context by its id, for callers without a request (SignalR hub methods).</summary>
    public static async Task<UserContext?> LoadAsync(BriefingsDbContext db, string id, CancellationToken ct = default)
    {
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
        return new UserContext(user, roles, unit, AccessScope.For(roles, unit, ancestors, user.IncludeSubunits));
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
