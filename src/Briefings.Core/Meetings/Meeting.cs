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
    public List<Guid> CoordinatingUnitIds { get; set; } = [];
    public List<Guid> InvitedLeaderIds { get; set; } = [];
    public Guid? ChairPersonId { get; set; }
    public Guid? SecretaryPersonId { get; set; }
    public MeetingStatus Status { get; private set; }
    public DateTimeOffset? InvitationsSentAt { get; private set; }
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

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartsAt < end && start < EndsAt;

    public void SetAgenda(IEnumerable<AgendaItem> items)
    {
        agenda.Clear();
        var order = 1;
        foreach (var item in items)
        {
            agenda.Add(item with { Order = order++ });
        }

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

    public void Touch() => Version++;
}

/// <summary>An agenda item; a registered speech points back to its registration.</summary>
public sealed record AgendaItem(int Order, string Title, string? Presenter, int PlannedMinutes, Guid? RegistrationId = null);
