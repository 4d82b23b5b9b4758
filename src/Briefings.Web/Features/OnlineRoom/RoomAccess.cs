using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Who may be in a meeting's online room:
/// <list type="bullet">
/// <item>drive it (current item, queue, roll call, minutes, media flag) — the organizer: admins and clerks
/// who manage the meeting (<see cref="MeetingAccess"/>, the one gate), i.e. the chair's secretariat;</item>
/// <item>join it — the organizer, leaders covering the body area (read only) and accounts whose unit lies in
/// an invited endpoint's area, once invitations are sent;</item>
/// <item>act for an endpoint (ask to speak, withdraw, mute, report presence) — only for the endpoint(s) whose
/// area holds the caller's unit; the organizer acts for the queue through the console instead.</item>
/// </list>
/// </summary>
public sealed class RoomAccess(BriefingsDbContext db, MeetingAccess meetings)
{
    public sealed record Grant(Guid MeetingId, Guid BodyAreaId, bool CanJoin, bool CanDrive, IReadOnlyList<Guid> OwnEndpointIds, string UserName);

    public async Task<Result<Grant>> ForAsync(Guid meetingId, UserContext? user, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null || !meeting.Mode.HasOnlinePart())
        {
            return Error.NotFound;
        }

        if (user is null)
        {
            return Error.Forbidden;
        }

        var grant = await meetings.ForAsync(meeting, user, ct);
        var area = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.BodyAreaId, ct);
        var leader = user.IsInRole(Roles.Leader) && user.Scope.Covers(area);
        var open = meeting.Status is MeetingStatus.Invited or MeetingStatus.Held;

        // The caller's room is MeetingAccess's one definition (the commune's room for everyone inside the
        // commune, the host room for the body's own level); a commune that is not invited has no room here.
        var ownEndpoint = open ? grant.OwnEndpointIds : [];

        var canJoin = grant.CanManage || (open && (leader || ownEndpoint.Count > 0));
        return canJoin
            ? Result<Grant>.Ok(new Grant(meetingId, meeting.BodyAreaId, true, grant.CanManage, ownEndpoint, user.User.UserName ?? ""))
            : Error.Forbidden;
    }
}
