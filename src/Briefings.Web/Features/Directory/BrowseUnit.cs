using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>One unit with its place in the tree: ancestors, children, vertical line, and — inside the
/// caller's scope only — its people.</summary>
public sealed class BrowseUnit(BriefingsDbContext db)
{
    public sealed record PersonRow(Guid Id, string FullName, string Title, string? Phone, bool Retired);

    public sealed record View(
        Unit Unit,
        IReadOnlyList<Unit> Ancestors,
        IReadOnlyList<Unit> Children,
        Unit? VerticalParent,
        IReadOnlyList<Unit> VerticalChildren,
        IReadOnlyList<PersonRow>? People,
        bool CanEditUnit,
        bool CanEditPeople);

    public async Task<View?> RunAsync(Guid id, AccessScope scope, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return null;
        }

        var ancestorIds = unit.AncestorIds();
        var ancestors = (await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync(ct)).OrderBy(u => u.Depth).ToList();
        var children = Sorted(await db.Units.AsNoTracking().Where(u => u.ParentId == id).ToListAsync(ct));
        var verticalParent = unit.VerticalParentId is { } vp ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == vp, ct) : null;
        var verticalChildren = Sorted(await db.Units.AsNoTracking().Where(u => u.VerticalParentId == id).ToListAsync(ct));

        List<PersonRow>? people = null;
        if (scope.Covers(unit))
        {
            // People whose home is this unit, and people of other units holding a position here.
            var rows = await db.People.AsNoTracking()
                .Where(p => p.UnitId == id || p.Positions.Any(pos => pos.UnitId == id))
                .ToListAsync(ct);
            people = rows
                .OrderBy(p => p.IsRetired)
                .ThenBy(p => p.Positions.Where(pos => pos.UnitId == id).Select(pos => pos.SortOrder).DefaultIfEmpty(99).Min())
                .ThenBy(p => p.FullName, VietnameseText.Order)
                .Select(p => new PersonRow(p.Id, p.FullName, p.Positions.FirstOrDefault(pos => pos.UnitId == id)?.Title ?? p.MainTitle, p.Phone, p.IsRetired))
                .ToList();
        }

        return new View(unit, ancestors, children, verticalParent, verticalChildren, people, scope.CanEditUnit(unit), scope.CanEditPeopleOf(unit));
    }

    /// <summary>The starting points of the tree for an account: the roots of its scope.</summary>
    public async Task<IReadOnlyList<Unit>> RootsAsync(UserContext user, CancellationToken ct = default)
    {
        if (user.Scope.All)
        {
            return Sorted(await db.Units.AsNoTracking().Where(u => u.ParentId == null).ToListAsync(ct));
        }

        var path = user.Scope.SubtreePath ?? user.Unit.Path;
        return await db.Units.AsNoTracking().Where(u => u.Path == path).ToListAsync(ct);
    }

    public static List<Unit> Sorted(IEnumerable<Unit> units) =>
        units.OrderBy(u => u.IsRetired).ThenBy(u => u.Kind == UnitKind.Area).ThenBy(u => u.SortOrder).ThenBy(u => u.Name, VietnameseText.Order).ToList();
}
