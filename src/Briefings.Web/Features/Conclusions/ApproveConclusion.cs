using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Approves a submitted conclusion. Allowed to leaders whose scope covers the issuing body, and to
/// admins; not to the office that wrote it, so drafting and approving stay with different people.
/// <c>expectedVersion</c> is the version the leader read: a text changed since is not approved.</summary>
public sealed class ApproveConclusion(BriefingsDbContext db, ConclusionAccess access, TimeProvider clock)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(conclusionId, user, ConclusionAccess.Need.Approve, tracked: true, ct);
        if (loaded.Value is not { Conclusion: var conclusion })
        {
            return Result<Conclusion>.Fail(loaded.Errors);
        }

        return await ConclusionWorkflow.SaveStepAsync(db, conclusion, expectedVersion,
            () => conclusion.Approve(user.User.UserName!, clock.GetUtcNow()), ct);
    }
}
