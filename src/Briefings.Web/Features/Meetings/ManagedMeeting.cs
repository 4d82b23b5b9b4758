using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>The meeting (tracked) with its body area, when the caller manages it (<see cref="MeetingAccess.MayManage(Briefings.Core.Meetings.Meeting, Unit, Unit, AccessScope)"/>)
/// and it is not cancelled: the gate of the invitation-list changes.</summary>
public static class ManagedMeeting
{
    public static async Task<Result<(Meeting Meeting, Unit Area)>> LoadAsync(BriefingsDbContext db, Guid meetingId, AccessScope scope, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        var area = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.BodyAreaId, ct);
        var organizer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        if (!MeetingAccess.MayManage(meeting, area, organizer, scope))
        {
            return Error.Forbidden;
        }

        return meeting.Status == MeetingStatus.Cancelled ? new Error("Cuộc họp đã hủy.") : Result<(Meeting, Unit)>.Ok((meeting, area));
    }

    /// <summary>A reason is required for every hand-made change of the list; it is kept and shown in the audit log.</summary>
    public static Error? CheckReason(string? reason, string field = "Reason") =>
        string.IsNullOrWhiteSpace(reason) ? new Error("Vui lòng ghi lý do.", field)
        : reason.Trim().Length > 500 ? new Error("Lý do tối đa 500 ký tự.", field)
        : null;
}
