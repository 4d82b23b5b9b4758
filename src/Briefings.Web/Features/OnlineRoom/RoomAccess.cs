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
/// who manage the meeting (<see cref="MeetingAccess"/>), i.e. the chair's secretariat;</item>
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

        // The caller sits in one room: their commune's (the area directly below the body area that holds their
        // unit), or the host room when their unit belongs to the body's own level (the district's offices).
        // A commune that is not invited has no room here, and does not fall back to the host room.
        var ownEndpoint = new List<Guid>();
        if (open)
        {
            var chain = user.Unit.AncestorIds().Append(user.Unit.Id).ToList();
            var areasBelow = await db.Units.AsNoTracking()
                .Where(u => chain.Contains(u.Id) && u.Kind == UnitKind.Area && u.Id != area.Id && u.Path.StartsWith(area.Path))
                .Select(u => new { u.Id, u.Path })
                .ToListAsync(ct);
            var roomArea = areasBelow.Count > 0 ? areasBelow.OrderBy(u => u.Path.Length).First().Id
                : user.Unit.IsInSubtreeOf(area.Path) ? area.Id
                : Guid.Empty;
            ownEndpoint = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId && e.AreaUnitId == roomArea)
                .Select(e => e.Id).ToListAsync(ct);
        }

        var canJoin = grant.CanManage || (open && (leader || ownEndpoint.Count > 0));
        return canJoin
            ? Result<Grant>.Ok(new Grant(meetingId, meeting.BodyAreaId, true, grant.CanManage, ownEndpoint, user.User.UserName ?? ""))
            : Error.Forbidden;
    }
}
