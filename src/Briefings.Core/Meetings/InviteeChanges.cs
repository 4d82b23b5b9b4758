namespace Briefings.Core.Meetings;

/// <summary>A person taken off a meeting's invitation list by hand, with the reason: applying the composition
/// again does not bring them back (inviting them one by one does).</summary>
public sealed class MeetingExclusion
{
    private MeetingExclusion()
    {
    }

    public Guid MeetingId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Reason { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static MeetingExclusion Create(Guid meetingId, Guid personId, Guid unitId, string reason, string by, DateTimeOffset at) =>
        new() { MeetingId = meetingId, PersonId = personId, UnitId = unitId, Reason = reason.Trim(), By = by, At = at };
}

/// <summary>A guest ("khách mời") who is not in the directory: a name, a position and an organisation, seated at
/// one endpoint. Removing a guest keeps the row with the reason (the record of who was invited and why not).</summary>
public sealed class MeetingGuest
{
    private MeetingGuest()
    {
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid EndpointId { get; private set; }
    public string FullName { get; private set; } = "";
    public string Position { get; private set; } = "";
    public string? Organization { get; private set; }
    public string Reason { get; private set; } = "";
    public string AddedBy { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }
    public string? RemovedReason { get; private set; }
    public string? RemovedBy { get; private set; }
    public DateTimeOffset? RemovedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsRemoved => RemovedAt is not null;

    public static MeetingGuest Create(Guid meetingId, Guid endpointId, string fullName, string position, string? organization, string reason, string by, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(),
        MeetingId = meetingId,
        EndpointId = endpointId,
        FullName = fullName.Trim(),
        Position = position.Trim(),
        Organization = string.IsNullOrWhiteSpace(organization) ? null : organization.Trim(),
        Reason = reason.Trim(),
        AddedBy = by,
        AddedAt = at,
    };

    public Common.Error? Remove(string reason, string by, DateTimeOffset at)
    {
        if (IsRemoved)
        {
            return new Common.Error("Khách mời này đã được bỏ khỏi danh sách.");
        }

        RemovedReason = reason.Trim();
        RemovedBy = by;
        RemovedAt = at;
        Version++;
        return null;
    }
}
