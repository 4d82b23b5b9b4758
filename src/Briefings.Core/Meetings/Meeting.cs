using Briefings.Core.Common;

namespace Briefings.Core.Meetings;

public enum MeetingStatus
{
    Planned = 0,
    Invited = 1,
    Held = 2,
    Cancelled = 3,
}

/// <summary>A briefing of a body (its area), prepared by an organizing unit. Times are UTC.</summary>
public sealed class Meeting
{
    private readonly List<AgendaItem> agenda = [];

    private Meeting()
    {
    }

    public Guid Id { get; private set; }
    public required string Title { get; set; }
    public MeetingType Type { get; set; }
    public MeetingMode Mode { get; set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public string Place { get; set; } = "";

    /// <summary>Folded place name, to find two meetings booked in one room at once.</summary>
    public string PlaceKey { get; private set; } = "";

    /// <summary>The area whose briefing this is (e.g. Huyện Tân Phong); communes below it are endpoints.</summary>
    public Guid BodyAreaId { get; set; }

    public Guid OrganizerUnitId { get; set; }

    /// <summary>The organizing body's own briefing (the Front's or an organization's, with its branches down its
    /// vertical line), planned, composed and sent by that body's office; the area's party office neither manages it
    /// nor sees its drafts. False for the area's briefings, which the area's office plans (whoever organizes them).</summary>
    public bool OrganizerOwns { get; private set; }
    public List<Guid> CoordinatingUnitIds { get; set; } = [];
    public List<Guid> InvitedLeaderIds { get; set; } = [];
    public Guid? ChairPersonId { get; set; }
    public Guid? SecretaryPersonId { get; set; }
    public MeetingStatus Status { get; private set; }
    public DateTimeOffset? InvitationsSentAt { get; private set; }

    /// <summary>When the chair opened the meeting ("khai mạc"), or null: the planned start then counts.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the meeting was closed ("bế mạc"), or null: the planned end then counts.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When the conclusion of this meeting was issued, and which one; null before.</summary>
    public DateTimeOffset? ConcludedAt { get; private set; }

    public Guid? ConclusionId { get; private set; }

    /// <summary>When the office cancelled the meeting ("hủy"), and why (told to every invited unit); null otherwise.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }
    public int Quarter { get; set; }

    /// <summary>The invitation's number in the organizer's register ("12-GM/BDVHU"), given when it is sent.</summary>
    public string? InvitationNumber { get; private set; }

    /// <summary>The date printed on the invitation: the day it was numbered and sent (Vietnam date).</summary>
    public DateOnly? InvitationIssuedOn { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<AgendaItem> Agenda => agenda;

    public static Meeting Create(Guid id, string title, MeetingType type, MeetingMode mode, Guid bodyAreaId, Guid organizerUnitId)
    {
        var meeting = new Meeting { Id = id, Title = title.Trim(), Type = type, Mode = mode, BodyAreaId = bodyAreaId, OrganizerUnitId = organizerUnitId };
        meeting.Touch();
        return meeting;
    }

    public Error? Schedule(DateTimeOffset startsAt, DateTimeOffset endsAt, string place)
    {
        if (endsAt <= startsAt)
        {
            return new Error("Giờ kết thúc phải sau giờ bắt đầu.", "EndTime");
        }

        StartsAt = startsAt;
        EndsAt = endsAt;
        Place = place.Trim();
        PlaceKey = TextFolding.Fold(place);
        Touch();
        return null;
    }

    /// <summary>Marks the meeting as its organizing body's own (<see cref="OrganizerOwns"/>): set once, when the body's
    /// office plans it.</summary>
    public void OwnedByOrganizer()
    {
        OrganizerOwns = true;
        Touch();
    }

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartsAt < end && start < EndsAt;

    /// <summary>Sets the agenda, numbered in the given order. The same agenda again is no change: no new version, so no
    /// audit row saying only that the version moved (a second "order into agenda" from a double click or an old tab).</summary>
    public void SetAgenda(IEnumerable<AgendaItem> items)
    {
        var numbered = items.Select((item, i) => item with { Order = i + 1 }).ToList();
        if (numbered.SequenceEqual(agenda))
        {
            return;
        }

        agenda.Clear();
        agenda.AddRange(numbered);
        Touch();
    }

    public Error? MarkInvited(DateTimeOffset at)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            return new Error("Cuộc họp đã hủy; không gửi giấy mời.");
        }

        Status = MeetingStatus.Invited;
        InvitationsSentAt = at;
        Touch();
        return null;
    }

    /// <summary>Records the invitation's register number; a number once given stays (a resend keeps it).</summary>
    public void NumberInvitation(string number, DateOnly issuedOn)
    {
        if (InvitationNumber is not null)
        {
            return;
        }

        InvitationNumber = number;
        InvitationIssuedOn = issuedOn;
        Touch();
    }

    /// <summary>Opens the meeting ("khai mạc") before, at or after its planned start.</summary>
    public Error? Open(DateTimeOffset at)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            return new Error("Cuộc họp đã hủy; không khai mạc được.");
        }

        if (EndedAt is not null || ConcludedAt is not null)
        {
            return new Error("Cuộc họp đã kết thúc.");
        }

        if (StartedAt is not null)
        {
            return new Error("Cuộc họp đã khai mạc.");
        }

        StartedAt = at;
        Touch();
        return null;
    }

    /// <summary>Closes the meeting ("bế mạc"): from now on it is held, whatever the planned end said.</summary>
    public Error? Close(DateTimeOffset at)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            return new Error("Cuộc họp đã hủy; không kết thúc được.");
        }

        if (EndedAt is not null || ConcludedAt is not null)
        {
            return new Error("Cuộc họp đã kết thúc.");
        }

        StartedAt ??= at < StartsAt ? at : StartsAt;
        EndedAt = at;
        Status = MeetingStatus.Held;
        Touch();
        return null;
    }

    /// <summary>Records that <paramref name="conclusionId"/>, concluding this meeting, was issued.</summary>
    public void MarkConcluded(Guid conclusionId, DateTimeOffset at)
    {
        if (ConcludedAt is not null)
        {
            return;
        }

        EndedAt ??= at < EndsAt ? at : EndsAt;
        StartedAt ??= StartsAt;
        ConclusionId = conclusionId;
        ConcludedAt = at;
        if (Status != MeetingStatus.Cancelled)
        {
            Status = MeetingStatus.Held;
        }

        Touch();
    }

    /// <summary>Cancels the meeting before it is opened, with the reason every invited unit is told. A meeting already
    /// opened, held or concluded is not cancelled: it happened.</summary>
    public Error? Cancel(DateTimeOffset at, string? reason)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            return new Error("Cuộc họp đã hủy trước đó.");
        }

        if (StartedAt is not null || EndedAt is not null || ConcludedAt is not null)
        {
            return new Error("Cuộc họp đã khai mạc hoặc đã họp; không hủy được.");
        }

        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            return new Error("Vui lòng nhập lý do hủy cuộc họp (các đơn vị được mời sẽ nhận được lý do này).", "CancelReason");
        }

        if (why.Length > 500)
        {
            return new Error("Lý do hủy tối đa 500 ký tự.", "CancelReason");
        }

        Status = MeetingStatus.Cancelled;
        CancelledAt = at;
        CancellationReason = why;
        Touch();
        return null;
    }

    /// <summary>Where the meeting is in its life at <paramref name="now"/>: the one rule (see <see cref="MeetingPhases.Of"/>).</summary>
    public MeetingPhase PhaseAt(DateTimeOffset now) =>
        MeetingPhases.Of(Status, InvitationsSentAt, StartsAt, EndsAt, StartedAt, EndedAt, ConcludedAt, now);

    public void Touch() => Version++;
}

/// <summary>An agenda item; a registered speech points back to its registration.</summary>
public sealed record AgendaItem(int Order, string Title, string? Presenter, int PlannedMinutes, Guid? RegistrationId = null);
