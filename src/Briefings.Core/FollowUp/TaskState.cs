namespace Briefings.Core.FollowUp;

/// <summary>Where a task is in its workflow. The four-way status (<see cref="FollowUpStatus"/>) is computed
/// from dates; this is who has to act next.</summary>
public enum TaskState
{
    /// <summary>The unit is working on it (also after the office returned a completion request).</summary>
    Open = 0,

    /// <summary>The unit asked to close it ("đề nghị công nhận hoàn thành"); the office has to confirm or return.</summary>
    AwaitingConfirmation = 1,

    /// <summary>The office confirmed it done. Final.</summary>
    Done = 2,
}
