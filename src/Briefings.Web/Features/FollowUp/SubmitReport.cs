using Briefings.Core.Common;
using Briefings.Core.FollowUp;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.FollowUp;

/// <summary>A progress report of the lead unit (text, %, files, and "giải trình" when overdue), or the input of a
/// coordinating unit (text, files). Files are checked before anything is saved.</summary>
public sealed class SubmitReport(TaskLoader loader, Attachments attachments, TimeProvider clock)
{
    public sealed record Input(Guid TaskId, int Version, string? Text, int? Percent, string? Explanation, IReadOnlyList<IFormFile> Files);

    public async Task<Result<TaskReport>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        // The page's version is checked for the lead unit only: its report moves the task (percent, version). A
        // coordinating unit's input depends on nothing the lead changes, so a lead's report sent meanwhile (or another
        // partner's input) never refuses it; a second send of the same input is refused by its text instead.
        var loaded = await loader.LoadAsync(input.TaskId, null, user, ct);
        if (!loaded.Succeeded)
        {
            return Result<TaskReport>.Fail(loaded.Errors);
        }

        var (task, grant) = loaded.Value;
        var now = clock.GetUtcNow();
        Result<TaskReport> made;
        if (grant.ActsForLead)
        {
            if (input.Version != task.Version)
            {
                return Error.Conflict;
            }

            if (input.Percent is null)
            {
                return new Error("Vui lòng nhập tỷ lệ hoàn thành (0–100).", nameof(Input.Percent));
            }

            made = task.ReportProgress(task.LeadUnitId, input.Text ?? "", input.Percent.Value, input.Explanation, user.User.UserName!, now);
        }
        else if (grant.ActsForCoordinator)
        {
            var unitId = grant.CoordinatorUnitIds[0];
            if (await loader.SameInputSentAtAsync(task, unitId, input.Text ?? "", ct) is { } sentAt)
            {
                return new Error($"Ý kiến này đã được gửi lúc {VietnameseText.DateTime(sentAt)}; không gửi lại lần nữa.", nameof(Input.Text));
            }

            made = task.AddInput(unitId, input.Text ?? "", user.User.UserName!, now);
        }
        else
        {
            return Error.Forbidden;
        }

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
