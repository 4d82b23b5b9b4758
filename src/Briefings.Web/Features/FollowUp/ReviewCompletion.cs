using Briefings.Core.Common;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.FollowUp;

/// <summary>The office of the issuing body confirms the pending completion request (the task is done as of the
/// request's day) or returns it with a reason; the lead unit is told either way.</summary>
public sealed class ReviewCompletion(TaskLoader loader, TimeProvider clock)
{
    /// <param name="Confirm">True confirms, false returns; null (a post without its decision — no browser sends
    /// it) is refused, never read as either.</param>
    public sealed record Input(Guid TaskId, int Version, bool? Confirm, string? Note);

    public static Error NoDecision { get; } = new("Vui lòng chọn «Công nhận hoàn thành» hoặc «Trả lại». Chưa có gì thay đổi.");

    public async Task<IReadOnlyList<Error>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var loaded = await loader.LoadAsync(input.TaskId, input.Version, user, ct, g => g.CanReview);
        if (!loaded.Succeeded)
        {
            return loaded.Errors;
        }

        if (input.Confirm is not { } confirm)
        {
            return [NoDecision];
        }

        var (task, _) = loaded.Value;

        var request = task.PendingCompletionId is { } id ? await loader.ReportAsync(task, id, ct) : null;
        if (request is null)
        {
            return [new Error("Nhiệm vụ không có đề nghị hoàn thành nào đang chờ xác nhận.")];
        }

        var now = clock.GetUtcNow();
        var error = confirm
            ? task.Confirm(request, input.Note, user.User.UserName!, now)
            : task.Return(request, input.Note ?? "", user.User.UserName!, now);
        if (error is not null)
        {
            return [error];
        }

        loader.Notify(task.LeadUnitId, task, confirm
            ? $"Văn phòng đã công nhận hoàn thành nhiệm vụ mục {FollowUpText.Item(task.SectionOrder, task.ItemNumber)} ({task.ConclusionNumber})."
            : $"Văn phòng trả lại đề nghị hoàn thành nhiệm vụ mục {FollowUpText.Item(task.SectionOrder, task.ItemNumber)} ({task.ConclusionNumber}): {input.Note?.Trim()}", now);
        if (confirm)
        {
            await loader.NotifyProposerAsync(task, now, ct);
        }

        return await loader.SaveAsync(ct);
    }
}
