using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>Marks a person as no longer serving (or back); records are kept for history.</summary>
public sealed class RetirePerson(BriefingsDbContext db, TimeProvider clock)
{
    public sealed record Input(Guid Id, bool Retire, int Version);

    public async Task<Result<Person>> RunAsync(Input input, AccessScope scope, CancellationToken ct = default)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == input.Id, ct);
        if (person is null)
        {
            return Error.NotFound;
        }

        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == person.UnitId, ct);
        if (!scope.CanEditPeopleOf(unit))
        {
            return Error.Forbidden;
        }

        if (person.Version != input.Version)
        {
            return Error.Conflict;
        }

        if (input.Retire)
        {
            if (person.Retire(clock.GetUtcNow()) is { } error)
            {
                return error;
            }
        }
        else
        {
            person.Reinstate();
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }

        return Result<Person>.Ok(person);
    }
}
