using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>A person's record, only for accounts whose scope covers the person's home unit.</summary>
public sealed class GetPerson(BriefingsDbContext db)
{
    public sealed record PositionRow(Guid UnitId, string UnitCode, string UnitName, string Title);

    public sealed record View(Person Person, Unit Unit, IReadOnlyList<PositionRow> Positions, bool CanEdit);

    public async Task<Result<View>> RunAsync(Guid id, AccessScope scope, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return Error.NotFound;
        }

        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == person.UnitId, ct);
        if (!scope.Covers(unit))
        {
            return Error.Forbidden;
        }

        var unitIds = person.Positions.Select(p => p.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var positions = person.Positions.OrderBy(p => p.SortOrder)
            .Select(p => units.TryGetValue(p.UnitId, out var u) ? new PositionRow(u.Id, u.Code, u.Name, p.Title) : new PositionRow(p.UnitId, "", "", p.Title))
            .ToList();
        return Result<View>.Ok(new View(person, unit, positions, scope.CanEditPeopleOf(unit)));
    }
}
