namespace Briefings.Core.FollowUp;

public enum ExtensionState
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

/// <summary>A request to move a task's due day ("đề nghị gia hạn"), and the office's decision. Created and
/// decided only through <see cref="FollowUpTask"/>, which keeps the limit per task.</summary>
public sealed class TaskExtension
{
    private TaskExtension()
    {
    }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }

    /// <summary>The due day when the request was made.</summary>
    public DateOnly PreviousDueOn { get; private set; }
    public DateOnly RequestedDueOn { get; private set; }
    public string Reason { get; private set; } = "";
    public string RequestedBy { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }

    public ExtensionState State { get; private set; }
    public string? DecisionNote { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    internal static TaskExtension Create(Guid taskId, DateOnly previous, DateOnly requested, string reason, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        TaskId = taskId,
        PreviousDueOn = previous,
        RequestedDueOn = requested,
        Reason = TaskReport.Clean(reason),
        RequestedBy = by,
        RequestedAt = at,
    };

    internal void Decide(bool approve, string? note, string by, DateTimeOffset at)
    {
        State = approve ? ExtensionState.Approved : ExtensionState.Refused;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : TaskReport.Clean(note);
        DecidedBy = by;
        DecidedAt = at;
    }
}
