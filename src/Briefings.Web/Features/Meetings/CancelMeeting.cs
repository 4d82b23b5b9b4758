using Briefings.Core.Common;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>The office cancels a meeting not yet opened ("hủy cuộc họp"), with a reason. Once invitations went out,
/// every invited unit is told (notice and e-mail, with the reason); the meeting stays in the list as "Đã hủy" with its
/// reason on its page, out of home's coming meetings, the reminders, the room's bookings and the calendar feeds
/// (marked cancelled there, so calendar apps drop it); its units can no longer answer, propose or register to speak.
/// Audited as the meeting's change (status, time and reason).</summary>
public sealed class CancelMeeting(BriefingsDbContext db, MeetingAccess access, TimeProvider clock, TellInvitedUnits tell)
{
    public async Task<Error?> RunAsync(Guid meetingId, int expectedVersion, string? reason, UserContext user, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        // Cancelling is the office's decision (as planning and sending are), not the organizing unit's.
        if (!(await access.ForAsync(meeting, user, ct)).IsOffice)
        {
            return Error.Forbidden;
        }

        if (meeting.Version != expectedVersion)
        {
            return Error.Conflict;
        }

        var now = clock.GetUtcNow();
        var wasSent = meeting.InvitationsSentAt is not null;
        if (meeting.Cancel(now, reason) is { } error)
        {
            return error;
        }

        Func<CancellationToken, Task>? mails = null;
        if (wasSent)
        {
            var when = TellInvitedUnits.WhenAndWhere(meeting.StartsAt, meeting.Place);
            mails = await tell.AddAsync(meeting,
                $"Hủy cuộc họp: {meeting.Title} (dự kiến {when}) không tổ chức nữa. Lý do: {meeting.CancellationReason}",
                $"Thông báo hủy cuộc họp: {meeting.Title}",
                $"Cuộc họp {meeting.Title}, dự kiến {when}, đã được hủy; đồng chí không cần đến dự.\nLý do: {meeting.CancellationReason}",
                now, ct);
        }

        return await TellInvitedUnits.SaveThenSendAsync(db, mails, ct);
    }
}
