using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Sends a draft to the leaders for approval ("trình ký"). Allowed to admins and to clerks whose
/// scope covers the issuing body; <c>expectedVersion</c> is the version the clerk saw, so a draft
/// changed by someone else in between is not submitted unseen.</summary>
public sealed class SubmitConclusion(BriefingsDbContext db, TimeProvider clock)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var conclusion = await db.Conclusions.FirstOrDefaultAsync(c => c.Id == conclusionId, ct);
        if (conclusion is null)
        {
            return Error.NotFound;
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        if (!user.Scope.CanEditUnit(issuer))
        {
            return Error.Forbidden;
        }

        return await ConclusionWorkflow.SaveStepAsync(db, conclusion, expectedVersion,
            () => conclusion.Submit(user.User.UserName!, clock.GetUtcNow()), ct);
    }
}
