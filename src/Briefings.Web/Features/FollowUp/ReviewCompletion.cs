using Briefings.Core.Common;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.FollowUp;

/// <summary>The office of the issuing body confirms the pending completion request (the task is done as of the
/// request's day) or returns it with a reason; the lead unit is told either way.</summary>
public sealed class ReviewCompletion(TaskLoader loader, TimeProvider clock)
{
    public sealed record Input(Guid TaskId, int Version, bool Confirm, string? Note);

    public async Task<IReadOnlyList<Error>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var loaded = await loader.LoadAsync(input.TaskId, input.Version, user, ct, g => g.CanReview);
        if (!loaded.Succeeded)
        {
            return loaded.Errors;
        }

        var (task, _) = loaded.Value;

        var request = task.PendingCompletionId is { } id ? await loader.ReportAsync(task, id, ct) : null;
        if (request is null)
        {
            return [new Error("Nhiệm vụ không có đề nghị hoàn thành nào đang chờ xác nhận.")];
        }

        var now = clock.GetUtcNow();
        var error = input.Confirm
            ? task.Confirm(request, input.Note, user.User.UserName!, now)
            : task.Return(request, input.Note ?? "", user.User.UserName!, now);
        if (error is not null)
        {
            return [error];
        }

        loader.Notify(task.LeadUnitId, task, input.Confirm
            ? $"Văn phòng đã công nhận hoàn thành nhiệm vụ mục {FollowUpText.Item(task.SectionOrder, task.ItemNumber)} ({task.ConclusionNumber})."
            : $"Văn phòng trả lại đề nghị hoàn thành nhiệm vụ mục {FollowUpText.Item(task.SectionOrder, task.ItemNumber)} ({task.ConclusionNumber}): {input.Note?.Trim()}", now);
        if (input.Confirm)
        {
            await loader.NotifyProposerAsync(task, now, ct);
        }

        return await loader.SaveAsync(ct);
    }
}
