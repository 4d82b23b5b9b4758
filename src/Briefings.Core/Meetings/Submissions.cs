namespace Briefings.Core.Meetings;

/// <summary>A difficulty or proposal ("khó khăn, vướng mắc, kiến nghị, đề xuất") a unit sends before a meeting.
/// Only the sending unit and the meeting's managers read it.</summary>
public sealed class Proposal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; init; }
    public Guid UnitId { get; init; }
    public required string Title { get; init; }
    public required string Content { get; init; }
    public Guid? AddressedToUnitId { get; init; }
    public required string SubmittedBy { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>A registration to speak at a meeting; the secretary orders registrations into the agenda.</summary>
public sealed class SpeakingRegistration
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; init; }
    public Guid UnitId { get; init; }
    public required string Topic { get; init; }
    public string? Summary { get; init; }
    public int Minutes { get; init; }
    public required string SubmittedBy { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>A document of a meeting (the draft report, an attachment of an agenda item), visible to invitees.</summary>
public sealed class MeetingDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MeetingId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public long Size { get; init; }
    public required byte[] Content { get; init; }
    public string Description { get; init; } = "";

    /// <summary>The agenda item (its order) the document belongs to; null for the meeting as a whole (the draft report).</summary>
    public int? AgendaOrder { get; init; }

    public required string UploadedBy { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}
