using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>Retires a unit (it stays in the tree and in history, but takes no new work) or reinstates it.
/// Units are never deleted: conclusions and tasks refer to them.</summary>
public sealed class RetireUnit(BriefingsDbContext db, TimeProvider clock)
{
    public sealed record Input(Guid Id, bool Retire, int Version);

    public async Task<Result<Unit>> RunAsync(Input input, AccessScope scope, CancellationToken ct = default)
    {
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == input.Id, ct);
        if (unit is null)
        {
            return Error.NotFound;
        }

        if (!scope.CanEditUnit(unit))
        {
            return Error.Forbidden;
        }

        if (unit.Version != input.Version)
        {
            return Error.Conflict;
        }

        if (input.Retire)
        {
            if (await db.Units.AnyAsync(u => u.ParentId == unit.Id && u.RetiredAt == null, ct))
            {
                return new Error(DirectoryText.HasActiveChildren);
            }

            if (unit.Retire(clock.GetUtcNow()) is { } error)
            {
                return error;
            }
        }
        else
        {
            unit.Reinstate();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }

        return Result<Unit>.Ok(unit);
    }
}
