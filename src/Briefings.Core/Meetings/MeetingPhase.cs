namespace Briefings.Core.Meetings;

/// <summary>Where a meeting is in its life: planned → invited → in session → held → concluded (or cancelled).</summary>
public enum MeetingPhase
{
    Planned = 0,
    Invited = 1,
    InSession = 2,
    Held = 3,
    Concluded = 4,
    Cancelled = 5,
}

/// <summary>
/// The one rule of a meeting's life. What people did is stored (invitations sent, opened, closed, conclusion
/// issued, cancelled); what the clock says fills the rest: a meeting nobody opened is in session between its
/// planned start and end, and held after its end; one opened but never closed stays in session until
/// <see cref="OverrunLimit"/> after its planned end (a briefing runs over, never for half a day).
/// </summary>
public static class MeetingPhases
{
    public static readonly TimeSpan OverrunLimit = TimeSpan.FromHours(6);

    public static MeetingPhase Of(MeetingStatus status, DateTimeOffset? invitationsSentAt, DateTimeOffset startsAt, DateTimeOffset endsAt,
        DateTimeOffset? startedAt, DateTimeOffset? endedAt, DateTimeOffset? concludedAt, DateTimeOffset now)
    {
        if (status == MeetingStatus.Cancelled)
        {
            return MeetingPhase.Cancelled;
        }

        if (concludedAt is not null)
        {
            return MeetingPhase.Concluded;
        }

        if (endedAt is not null || status == MeetingStatus.Held)
        {
            return MeetingPhase.Held;
        }

        if (startedAt is not null)
        {
            return now < endsAt + OverrunLimit ? MeetingPhase.InSession : MeetingPhase.Held;
        }

        if (now >= endsAt)
        {
            return MeetingPhase.Held;
        }

        if (now >= startsAt)
        {
            return MeetingPhase.InSession;
        }

        return invitationsSentAt is not null ? MeetingPhase.Invited : MeetingPhase.Planned;
    }

    /// <summary>The phase in words, as every page shows it.</summary>
    public static string DisplayName(this MeetingPhase phase) => phase switch
    {
        MeetingPhase.Planned => "Kế hoạch",
        MeetingPhase.Invited => "Đã gửi giấy mời",
        MeetingPhase.InSession => "Đang họp",
        MeetingPhase.Held => "Đã họp",
        MeetingPhase.Concluded => "Đã có kết luận",
        MeetingPhase.Cancelled => "Đã hủy",
    };

    /// <summary>Whether the meeting is over (its record — roll call, minutes, speakers — is final enough to show).</summary>
    public static bool IsOver(this MeetingPhase phase) => phase is MeetingPhase.Held or MeetingPhase.Concluded;
}
