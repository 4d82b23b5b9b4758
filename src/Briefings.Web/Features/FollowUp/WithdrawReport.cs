using Briefings.Core.Common;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.FollowUp;

/// <summary>A unit takes back one of its own reports ("rút lại") with a reason; the report and its files stay,
/// marked withdrawn, and a pending completion request withdrawn reopens the task.</summary>
public sealed class WithdrawReport(TaskLoader loader, TimeProvider clock)
{
    public sealed record Input(Guid TaskId, int Version, Guid ReportId, string? Reason);

    public async Task<IReadOnlyList<Error>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var loaded = await loader.LoadAsync(input.TaskId, input.Version, user, ct);
        if (!loaded.Succeeded)
        {
            return loaded.Errors;
        }

        var (task, grant) = loaded.Value;
        var report = await loader.ReportAsync(task, input.ReportId, ct);
        if (report is null)
        {
            return [Error.NotFound];
        }

        var mine = (grant.ActsForLead && report.UnitId == task.LeadUnitId) || grant.CoordinatorUnitIds.Contains(report.UnitId);
        if (!mine)
        {
            return [Error.Forbidden];
        }

        if (task.WithdrawReport(report, report.UnitId, input.Reason ?? "", user.User.UserName!, clock.GetUtcNow()) is { } error)
        {
            return [error];
        }

        return await loader.SaveAsync(ct);
    }
}
