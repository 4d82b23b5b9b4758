using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Approves a submitted conclusion. Allowed to leaders whose scope covers the issuing body, and to
/// admins; not to the office that wrote it, so drafting and approving stay with different people.
/// <c>expectedVersion</c> is the version the leader read: a text changed since is not approved.</summary>
public sealed class ApproveConclusion(BriefingsDbContext db, TimeProvider clock)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var conclusion = await db.Conclusions.FirstOrDefaultAsync(c => c.Id == conclusionId, ct);
        if (conclusion is null)
        {
            return Error.NotFound;
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        var allowed = user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Leader) && user.Scope.Covers(issuer));
        if (!allowed)
        {
            return Error.Forbidden;
        }

        return await ConclusionWorkflow.SaveStepAsync(db, conclusion, expectedVersion,
            () => conclusion.Approve(user.User.UserName!, clock.GetUtcNow()), ct);
    }
}
