using Briefings.Core.Common;

namespace Briefings.Core.FollowUp;

/// <summary>What a report on a task is.</summary>
public enum TaskReportKind
{
    /// <summary>Progress of the lead unit: text and a percentage.</summary>
    Progress = 0,

    /// <summary>Input of a coordinating unit ("ý kiến phối hợp"): text, no percentage.</summary>
    CoordinatorInput = 1,

    /// <summary>The lead unit's request to close the task, with the result (and the written reply to a proposal).</summary>
    CompletionRequest = 2,
}

/// <summary>Whether a report still counts. Reports are never deleted: a wrong one is withdrawn (with a reason)
/// or superseded by a correction, and both stay readable with who did it and when.</summary>
public enum TaskReportState
{
    Active = 0,
    Superseded = 1,
    Withdrawn = 2,
}

/// <summary>The office's answer to a completion request.</summary>
public enum ReviewOutcome
{
    Pending = 0,
    Confirmed = 1,
    Returned = 2,
}

/// <summary>
/// A report on a task by the lead unit or a coordinating unit. Created only through <see cref="FollowUpTask"/>,
/// which checks who may report what and when an explanation ("giải trình") is needed.
/// </summary>
public sealed class TaskReport
{
    private TaskReport()
    {
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }

    /// <summary>The unit the report is from (the lead unit, or a coordinating unit for input).</summary>
    public Guid UnitId { get; private set; }

    public TaskReportKind Kind { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>Progress 0–100 claimed by the lead unit; null for a coordinating unit's input.</summary>
    public int? Percent { get; private set; }

    /// <summary>The explanation ("giải trình") of why the task is late; required while it is overdue.</summary>
    public string? Explanation { get; private set; }

    /// <summary>For a completion request answering a proposal: the written reply to the proposer.</summary>
    public string? ReplyText { get; private set; }

    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public TaskReportState State { get; private set; }

    /// <summary>The correction that replaced this report, when <see cref="TaskReportState.Superseded"/>.</summary>
    public Guid? SupersededById { get; private set; }

    /// <summary>Why it was withdrawn or superseded.</summary>
    public string? StateReason { get; private set; }
    public string? StateChangedBy { get; private set; }
    public DateTimeOffset? StateChangedAt { get; private set; }

    /// <summary>For a completion request: the office's answer; null for other kinds.</summary>
    public ReviewOutcome? Review { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }

    internal static TaskReport Create(Guid taskId, Guid unitId, TaskReportKind kind, string text, int? percent, string? explanation, string? reply, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        TaskId = taskId,
        UnitId = unitId,
        Kind = kind,
        Text = Clean(text),
        Percent = percent,
        Explanation = Optional(explanation),
        ReplyText = Optional(reply),
        By = by,
        At = at,
        Review = kind == TaskReportKind.CompletionRequest ? ReviewOutcome.Pending : null,
    };

    /// <summary>Takes the report back ("rút lại"): it stays visible, marked withdrawn with the reason. A completion
    /// request the office has not answered yet is withdrawn through <see cref="FollowUpTask.WithdrawReport"/>.</summary>
    internal Error? Withdraw(string reason, string by, DateTimeOffset at)
    {
        if (State != TaskReportState.Active)
        {
            return new Error("Báo cáo này đã được rút lại hoặc thay thế trước đó.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Error("Vui lòng nêu lý do rút lại báo cáo.", nameof(StateReason));
        }

        State = TaskReportState.Withdrawn;
        StateReason = Clean(reason);
        StateChangedBy = by;
        StateChangedAt = at;
        return null;
    }

    internal void SupersedeWith(TaskReport correction, string by, DateTimeOffset at)
    {
        State = TaskReportState.Superseded;
        SupersededById = correction.Id;
        StateReason = "Đã có báo cáo đính chính";
        StateChangedBy = by;
        StateChangedAt = at;
    }

    internal void Answer(ReviewOutcome outcome, string? note, string by, DateTimeOffset at)
    {
        Review = outcome;
        ReviewNote = Optional(note);
        ReviewedBy = by;
        ReviewedAt = at;
    }

    internal static string Clean(string? text) => CleanText.Clean(text ?? "").Trim();

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : Clean(text);
}

/// <summary>A file attached to a report: metadata only; the bytes are stored apart (see the data model) so lists
/// never load them. Never deleted: it lives and dies with the report's trace.</summary>
public sealed class TaskAttachment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid TaskId { get; init; }
    public required Guid ReportId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required long Size { get; init; }

    /// <summary>SHA-256 of the content, hex: proves the file served is the file uploaded.</summary>
    public required string Sha256 { get; init; }

    public required string UploadedBy { get; init; }
    public required DateTimeOffset UploadedAt { get; init; }
}
