using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Sends a draft to the leaders for approval ("trình ký"). Allowed to admins and to clerks whose
/// scope covers the issuing body; <c>expectedVersion</c> is the version the clerk saw, so a draft
/// changed by someone else in between is not submitted unseen.</summary>
public sealed class SubmitConclusion(BriefingsDbContext db, ConclusionAccess access, TimeProvider clock)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(conclusionId, user, ConclusionAccess.Need.Manage, tracked: true, ct);
        if (loaded.Value is not { Conclusion: var conclusion })
        {
            return Result<Conclusion>.Fail(loaded.Errors);
        }

        return await ConclusionWorkflow.SaveStepAsync(db, conclusion, expectedVersion,
            () => conclusion.Submit(user.User.UserName!, clock.GetUtcNow()), ct);
    }
}
