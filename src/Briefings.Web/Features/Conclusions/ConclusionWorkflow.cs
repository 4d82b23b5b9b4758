using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>What every workflow step shares: the version check and the save.</summary>
internal static class ConclusionWorkflow
{
    /// <param name="keep">Runs after the step succeeded, before the save (e.g. keeps a version in the history).</param>
    public static async Task<Result<Conclusion>> SaveStepAsync(BriefingsDbContext db, Conclusion conclusion, int expectedVersion, Func<Error?> step, CancellationToken ct,
        Func<Task>? keep = null)
    {
        if (conclusion.Version != expectedVersion)
        {
            return Error.Conflict;
        }

        if (step() is { } error)
        {
            return error;
        }

        if (keep is not null)
        {
            await keep();
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
        catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // The same, seen first on the history: two approvals at once both numbered their history row after the
            // last one, and the later met the index (ConclusionId, Number) before the document's version. It was
            // answered as a duplicate record; it is the same "changed meanwhile" (walk-hostile3 left it, walk-hostile4).
            return Error.Conflict;
        }
    }
}
