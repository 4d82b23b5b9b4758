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
