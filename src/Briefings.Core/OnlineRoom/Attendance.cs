using Briefings.Core.Common;

namespace Briefings.Core.OnlineRoom;

/// <summary>The roll call answer for one required attendee ("điểm danh").</summary>
public enum AttendanceStatus
{
    Unmarked = 0,

    /// <summary>Present in the host meeting room.</summary>
    InRoom = 1,

    /// <summary>Present at their own endpoint, online.</summary>
    Online = 2,

    Absent = 3,

    /// <summary>Someone else attends in their place ("dự thay").</summary>
    Substitute = 4,
}

/// <summary>The roll call of one invitation (one person of an endpoint's required composition).</summary>
public sealed class AttendanceMark
{
    private AttendanceMark()
    {
    }

    public Guid InvitationId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid EndpointId { get; private set; }
    public Guid UnitId { get; private set; }
    public AttendanceStatus Status { get; private set; }
    public string? Reason { get; private set; }
    public string? SubstituteName { get; private set; }
    public string MarkedBy { get; private set; } = "";
    public DateTimeOffset MarkedAt { get; private set; }
    public int Version { get; private set; }

    public static AttendanceMark Create(Guid invitationId, Guid meetingId, Guid endpointId, Guid unitId) =>
        new() { InvitationId = invitationId, MeetingId = meetingId, EndpointId = endpointId, UnitId = unitId };

    public Error? Mark(AttendanceStatus status, string? reason, string? substituteName, string by, DateTimeOffset at)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        substituteName = string.IsNullOrWhiteSpace(substituteName) ? null : substituteName.Trim();
        switch (status)
        {
            case AttendanceStatus.Absent when reason is null:
                return new Error("Vui lòng ghi lý do vắng mặt.", "Reason");
            case AttendanceStatus.Substitute when substituteName is null:
                return new Error("Vui lòng ghi họ tên người dự thay.", "SubstituteName");
            case AttendanceStatus.Unmarked:
                return new Error("Vui lòng chọn có mặt, trực tuyến, vắng hoặc dự thay.", "Status");
            default:
                break;
        }

        if (!Enum.IsDefined(status))
        {
            return new Error("Trạng thái điểm danh không hợp lệ.", "Status");
        }

        if ((reason?.Length ?? 0) > 500 || (substituteName?.Length ?? 0) > 200)
        {
            return new Error("Lý do tối đa 500 ký tự, họ tên tối đa 200 ký tự.");
        }

        Status = status;
        Reason = status == AttendanceStatus.Absent ? reason : null;
        SubstituteName = status == AttendanceStatus.Substitute ? substituteName : null;
        MarkedBy = by;
        MarkedAt = at;
        Version++;
        return null;
    }

    public static string DisplayName(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Unmarked => "Chưa điểm danh",
        AttendanceStatus.InRoom => "Có mặt tại hội trường",
        AttendanceStatus.Online => "Dự trực tuyến",
        AttendanceStatus.Absent => "Vắng mặt",
        AttendanceStatus.Substitute => "Dự thay",
    };
}
