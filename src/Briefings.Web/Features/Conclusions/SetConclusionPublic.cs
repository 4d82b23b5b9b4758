using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Marks a draft for publishing or not. Allowed to managers of the issuing body (admins, clerks
/// covering it); the choice can also be made when issuing (<see cref="IssueConclusion"/>).</summary>
public sealed class SetConclusionPublic(BriefingsDbContext db, ConclusionAccess access)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, int expectedVersion, bool isPublic, UserContext? user, CancellationToken ct = default)
    {
        var conclusion = await db.Conclusions.FirstOrDefaultAsync(c => c.Id == conclusionId, ct);
        if (conclusion is null)
        {
            return Error.NotFound;
        }

        if (!(await access.ForAsync(conclusion, user, ct)).CanManage)
        {
            return Error.Forbidden;
        }

        return await ConclusionWorkflow.SaveStepAsync(db, conclusion, expectedVersion, () => conclusion.SetPublic(isPublic), ct);
    }
}
