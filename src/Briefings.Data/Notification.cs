namespace Briefings.Data;

/// <summary>An in-app notice to a unit ("Giấy mời họp ...", "Nhắc lịch họp ...").</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public Guid UnitId { get; set; }
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A reminder that was sent. The unique key (meeting, offset) is the lease: of several app
/// instances only the one whose insert succeeds sends it, so each reminder goes out once.</summary>
public sealed class SentReminder
{
    public Guid MeetingId { get; set; }
    public int OffsetMinutes { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>How far an account has seen the notices of its home page: every notice whose id is at most
/// <see cref="SeenUpTo"/> was on its home page when it last opened it; newer ones are shown as new. One row per
/// account (its own, never another's), moved only forward by a single UPDATE, so two instances or two tabs cannot
/// move it back. Not audited: reading is not a change of anything the office decides.</summary>
public sealed class NoticeMark
{
    public required string UserId { get; init; }
    public long SeenUpTo { get; set; }
}
