using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>What every workflow step shares: the version check and the save.</summary>
internal static class ConclusionWorkflow
{
    public static async Task<Result<Conclusion>> SaveStepAsync(BriefingsDbContext db, Conclusion conclusion, int expectedVersion, Func<Error?> step, CancellationToken ct)
    {
        if (conclusion.Version != expectedVersion)
        {
            return Error.Conflict;
        }

        if (step() is { } error)
        {
            return error;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return Result<Conclusion>.Ok(conclusion);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed by someone else between our read and our write.
            return Error.Conflict;
        }
    }
}
