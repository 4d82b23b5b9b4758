using Briefings.Core.Common;
using Briefings.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.FollowUp;

/// <summary>The office approves (the due day moves) or refuses, with a reason, the waiting extension request.</summary>
public sealed class DecideExtension(TaskLoader loader, TimeProvider clock, IOptions<FollowUpOptions> options)
{
    /// <param name="Approve">True approves, false refuses; null (a post without its decision) is refused, never
    /// read as a refusal.</param>
    public sealed record Input(Guid TaskId, int Version, bool? Approve, string? Note);

    public static Error NoDecision { get; } = new("Vui lòng chọn «Đồng ý gia hạn» hoặc «Không đồng ý». Chưa có gì thay đổi.");

    public async Task<IReadOnlyList<Error>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var loaded = await loader.LoadAsync(input.TaskId, input.Version, user, ct, g => g.CanReview);
        if (!loaded.Succeeded)
        {
            return loaded.Errors;
        }

        if (input.Approve is not { } approve)
        {
            return [NoDecision];
        }

        var (task, _) = loaded.Value;

        var extension = task.PendingExtensionId is { } id ? await loader.ExtensionAsync(task, id, ct) : null;
        if (extension is null)
        {
            return [new Error("Nhiệm vụ không có đề nghị gia hạn nào đang chờ.")];
        }

        var now = clock.GetUtcNow();
        if (task.DecideExtension(extension, approve, input.Note, options.Value.MaxExtensions, user.User.UserName!, now) is { } error)
        {
            return [error];
        }

        loader.Notify(task.LeadUnitId, task, approve
            ? $"Văn phòng đồng ý gia hạn nhiệm vụ mục {FollowUpText.Item(task.SectionOrder, task.ItemNumber)} ({task.ConclusionNumber}) đến {extension.RequestedDueOn:dd/MM/yyyy}."
            : $"Văn phòng không đồng ý gia hạn nhiệm vụ mục {FollowUpText.Item(task.SectionOrder, task.ItemNumber)} ({task.ConclusionNumber}): {input.Note?.Trim()}", now);
        return await loader.SaveAsync(ct);
    }
}
