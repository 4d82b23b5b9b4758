using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Marks a draft for publishing or not. Allowed to managers of the issuing body (admins, clerks
/// covering it); the choice can also be made when issuing (<see cref="IssueConclusion"/>).</summary>
public sealed class SetConclusionPublic(BriefingsDbContext db, ConclusionAccess access)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, int expectedVersion, bool isPublic, UserContext? user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(conclusionId, user, ConclusionAccess.Need.Manage, tracked: true, ct);
        if (loaded.Value is not { Conclusion: var conclusion })
        {
            return Result<Conclusion>.Fail(loaded.Errors);
        }

        return await ConclusionWorkflow.SaveStepAsync(db, conclusion, expectedVersion, () => conclusion.SetPublic(isPublic), ct);
    }
}
