using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Starts the correction ("đính chính") of an issued conclusion: a new draft copying it, whose first
/// paragraph names the corrected document. The issued document itself never changes. Allowed to admins and to
/// clerks whose scope covers the issuing body.</summary>
public sealed class CorrectConclusion(BriefingsDbContext db, ConclusionAccess access, TimeProvider clock)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, UserContext user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(conclusionId, user, ConclusionAccess.Need.Manage, ct: ct);
        if (loaded.Value is not { Conclusion: var original })
        {
            return Result<Conclusion>.Fail(loaded.Errors);
        }

        var made = Conclusion.CreateCorrection(original);
        if (made.Value is not { } correction)
        {
            return made;
        }

        db.Conclusions.Add(correction);
        await ConclusionHistory.KeepAsync(db, correction, $"Tạo văn bản đính chính số {original.Number}", user.User.UserName!, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return Result<Conclusion>.Ok(correction);
    }
}
