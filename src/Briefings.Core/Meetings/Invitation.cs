using Briefings.Core.Common;

namespace Briefings.Core.Meetings;

public enum InvitationResponse
{
    Pending = 0,
    Confirmed = 1,
    Substitute = 2,
    Declined = 3,
}

/// <summary>One required attendee of a meeting and their answer: attend, send a substitute ("dự thay")
/// or decline with a reason.</summary>
public sealed class Invitation
{
    private Invitation()
    {
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid EndpointId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Title { get; private set; } = "";
    public string RuleLabel { get; private set; } = "";
    public InvitationResponse Response { get; private set; }
    public string? SubstituteName { get; private set; }
    public string? SubstitutePosition { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }

    /// <summary>Invited under an optional position, or one by one: never counted as a gap.</summary>
    public bool IsOptional { get; private set; }

    /// <summary>Why this person was invited one by one (null: by the composition rules).</summary>
    public string? AddedReason { get; private set; }

    public string? AddedBy { get; private set; }

    public string? RespondedBy { get; private set; }
    public int Version { get; private set; }

    public static Invitation Create(Guid meetingId, Guid endpointId, RequiredAttendee attendee) => new()
    {
        Id = Guid.CreateVersion7(),
        MeetingId = meetingId,
        EndpointId = endpointId,
        PersonId = attendee.PersonId,
        UnitId = attendee.UnitId,
        Title = attendee.Title,
        RuleLabel = attendee.RuleLabel,
        IsOptional = !attendee.Required,
    };

    /// <summary>A person of the directory invited one by one, outside the rules, with the reason.</summary>
    public static Invitation AddIndividually(Guid meetingId, Guid endpointId, Guid personId, Guid unitId, string title, string reason, string by) => new()
    {
        Id = Guid.CreateVersion7(),
        MeetingId = meetingId,
        EndpointId = endpointId,
        PersonId = personId,
        UnitId = unitId,
        Title = title,
        RuleLabel = CompositionGap.AddedLabel,
        IsOptional = true,
        AddedReason = reason.Trim(),
        AddedBy = by,
    };

    public bool IsAttending => Response is InvitationResponse.Confirmed or InvitationResponse.Substitute;

    public Error? Answer(InvitationResponse response, string? substituteName, string? substitutePosition, string? reason, string by, DateTimeOffset at)
    {
        switch (response)
        {
            case InvitationResponse.Substitute when string.IsNullOrWhiteSpace(substituteName):
                return new Error("Vui lòng nhập họ tên người dự thay.", "SubstituteName");
            case InvitationResponse.Substitute when string.IsNullOrWhiteSpace(substitutePosition):
                return new Error("Vui lòng nhập chức vụ của người dự thay.", "SubstitutePosition");
            case InvitationResponse.Declined when string.IsNullOrWhiteSpace(reason):
                return new Error("Vui lòng nêu lý do vắng mặt.", "Reason");
            case InvitationResponse.Pending:
                return new Error("Vui lòng chọn tham dự, cử người dự thay hoặc vắng mặt.", "Response");
            default:
                break;
        }

        Response = response;
        SubstituteName = response == InvitationResponse.Substitute ? substituteName!.Trim() : null;
        SubstitutePosition = response == InvitationResponse.Substitute ? substitutePosition!.Trim() : null;
        DeclineReason = response == InvitationResponse.Declined ? reason!.Trim() : null;
        RespondedAt = at;
        RespondedBy = by;
        Version++;
        return null;
    }

    public static string DisplayName(InvitationResponse response) => response switch
    {
        InvitationResponse.Pending => "Chưa trả lời",
        InvitationResponse.Confirmed => "Tham dự",
        InvitationResponse.Substitute => "Cử người dự thay",
        InvitationResponse.Declined => "Vắng mặt",
    };
}
