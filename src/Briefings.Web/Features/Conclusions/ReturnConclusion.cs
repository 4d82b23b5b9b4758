using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Conclusions;

/// <summary>The leader returns a submitted draft to the office with comments ("trả lại, có ý kiến"): the draft goes
/// back to "đang soạn", the comments show on its page for the drafter, and the return is kept in its history.
/// Allowed to those who may approve (<see cref="ConclusionAccess.Need.Approve"/>).</summary>
public sealed class ReturnConclusion(BriefingsDbContext db, ConclusionAccess access, TimeProvider clock)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, int expectedVersion, string? comment, UserContext user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(conclusionId, user, ConclusionAccess.Need.Approve, tracked: true, ct);
        if (loaded.Value is not { Conclusion: var conclusion })
        {
            return Result<Conclusion>.Fail(loaded.Errors);
        }

        var by = user.User.UserName!;
        var now = clock.GetUtcNow();
        return await ConclusionWorkflow.SaveStepAsync(db, conclusion, expectedVersion, () => conclusion.Return(by, now, comment), ct,
            () => ConclusionHistory.KeepAsync(db, conclusion, $"Trả lại, ý kiến: {conclusion.ReturnComment}", by, now, ct));
    }
}
