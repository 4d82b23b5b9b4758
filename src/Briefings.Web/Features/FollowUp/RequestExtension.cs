using Briefings.Core.Common;
using Briefings.Core.FollowUp;
using Briefings.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.FollowUp;

/// <summary>The lead unit asks for a later due day with a reason; at most <see cref="FollowUpOptions.MaxExtensions"/> are granted per task.</summary>
public sealed class RequestExtension(TaskLoader loader, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    public sealed record Input(Guid TaskId, int Version, DateOnly? NewDueOn, string? Reason);

    public async Task<Result<TaskExtension>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var loaded = await loader.LoadAsync(input.TaskId, input.Version, user, ct, g => g.ActsForLead);
        if (!loaded.Succeeded)
        {
            return Result<TaskExtension>.Fail(loaded.Errors);
        }

        var (task, _) = loaded.Value;

        if (input.NewDueOn is not { } newDue)
        {
            Error missing = new("Vui lòng chọn thời hạn mới đề nghị.", nameof(Input.NewDueOn));
            return Result<TaskExtension>.Fail(string.IsNullOrWhiteSpace(input.Reason) ? [missing, FollowUpTask.MissingExtensionReason] : [missing]);
        }

        var made = task.RequestExtension(task.LeadUnitId, newDue, input.Reason ?? "", options.Value.MaxExtensions, user.User.UserName!, clock.GetUtcNow());
        if (made.Value is not { } extension)
        {
            return made;
        }

        loader.Add(extension);
        var saved = await loader.SaveAsync(ct);
        return saved.Count > 0 ? Result<TaskExtension>.Fail(saved) : made;
    }
}
