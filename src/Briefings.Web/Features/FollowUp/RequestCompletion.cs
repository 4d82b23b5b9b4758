using Briefings.Core.Common;
using Briefings.Core.FollowUp;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.FollowUp;

/// <summary>The lead unit asks the office to close the task: the result, the written reply when the directive
/// answers a proposal, "giải trình" when late, and files.</summary>
public sealed class RequestCompletion(TaskLoader loader, Attachments attachments, TimeProvider clock)
{
    public sealed record Input(Guid TaskId, int Version, string? Result, string? Reply, string? Explanation, IReadOnlyList<IFormFile> Files);

    public async Task<Result<TaskReport>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var loaded = await loader.LoadAsync(input.TaskId, input.Version, user, ct, g => g.ActsForLead);
        if (!loaded.Succeeded)
        {
            return Result<TaskReport>.Fail(loaded.Errors);
        }

        var (task, _) = loaded.Value;

        var now = clock.GetUtcNow();
        var made = task.RequestCompletion(task.LeadUnitId, input.Result ?? "", input.Reply, input.Explanation, user.User.UserName!, now);
        var errors = made.Errors.Concat(await attachments.CheckAsync(input.Files, ct)).ToList();
        if (errors.Count > 0 || made.Value is not { } report)
        {
            return Result<TaskReport>.Fail(errors);
        }

        loader.Add(report);
        await attachments.AddAsync(report, input.Files, user.User.UserName!, now, ct);
        var saved = await loader.SaveAsync(ct);
        return saved.Count > 0 ? Result<TaskReport>.Fail(saved) : Result<TaskReport>.Ok(report);
    }
}
