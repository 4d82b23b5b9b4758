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
public sealed class RoomAccess(MeetingAccess meetings, RoomAccess.SharedReads reads)
{
    public sealed record Grant(Guid MeetingId, Guid BodyAreaId, bool CanJoin, bool CanDrive, IReadOnlyList<Guid> OwnEndpointIds, string UserName);

    internal sealed record MeetingRow(Meeting Meeting, Unit Area, Unit Organizer);

    /// <summary>
    /// The grant's two reads — the meeting with its area and organizer, and the endpoints of a room — shared among the
    /// grants asked at about the same time (<see cref="NextLoads{TKey, TValue}"/>: each gets a read that started after it
    /// asked, so nothing is cached: a commune removed from the meeting is refused at its next join on every instance).
    /// When an instance dies, its thousands of listeners' joins ran two queries each at the survivor within seconds and
    /// queued there for the database (issue 14.4, docs/benchmarks.md).
    /// </summary>
    public sealed class SharedReads
    {
        private readonly NextLoads<Guid, MeetingRow?> meetingRows;
        private readonly NextLoads<(Guid MeetingId, Guid AreaId), IReadOnlyList<Guid>> roomEndpoints;

        public SharedReads(IServiceScopeFactory scopes)
        {
            meetingRows = new(id => ReadAsync(scopes, db => LoadMeeting(db, id, CancellationToken.None)));
            roomEndpoints = new(k => ReadAsync(scopes, db => MeetingAccess.OwnEndpoints(db, k.MeetingId, k.AreaId, CancellationToken.None)));
        }

        internal Task<MeetingRow?> MeetingAsync(Guid meetingId, CancellationToken ct) => meetingRows.LoadAsync(meetingId).WaitAsync(ct);

        internal Task<IReadOnlyList<Guid>> RoomEndpointsAsync(Guid meetingId, Guid areaId, CancellationToken ct) =>
            roomEndpoints.LoadAsync((meetingId, areaId)).WaitAsync(ct);

        private static async Task<T> ReadAsync<T>(IServiceScopeFactory scopes, Func<BriefingsDbContext, Task<T>> read)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>());
        }
    }

    // One round trip for the meeting and the two units its rules depend on, compiled once: a join runs it (issue 14.4:
    // after an instance dies thousands of joins arrive at once; each read the meeting, its area twice, the organizer,
    // every invitation and every endpoint of the meeting before).
    private static readonly Func<BriefingsDbContext, Guid, CancellationToken, Task<MeetingRow?>> LoadMeeting =
        EF.CompileAsyncQuery((BriefingsDbContext db, Guid meetingId, CancellationToken ct) =>
            (from m in db.Meetings.AsNoTracking()
             where m.Id == meetingId
             join a in db.Units.AsNoTracking() on m.BodyAreaId equals a.Id
             join o in db.Units.AsNoTracking() on m.OrganizerUnitId equals o.Id
             select new MeetingRow(m, a, o))
            .FirstOrDefault());

    public async Task<Result<Grant>> ForAsync(Guid meetingId, UserContext? user, CancellationToken ct = default)
    {
        var row = await reads.MeetingAsync(meetingId, ct);
        if (row is null || !row.Meeting.Mode.HasOnlinePart())
        {
            return Error.NotFound;
        }

        if (user is null)
        {
            return Error.Forbidden;
        }

        var (meeting, area) = (row.Meeting, row.Area);
        var (manage, own) = await meetings.RoomPartAsync(meeting, area, row.Organizer, user, ct, (m, a) => reads.RoomEndpointsAsync(m, a, ct));
        var leader = user.IsInRole(Roles.Leader) && user.Scope.Covers(area);
        var open = meeting.Status is MeetingStatus.Invited or MeetingStatus.Held;

        // The caller's room is MeetingAccess's one definition (the commune's room for everyone inside the
        // commune, the host room for the body's own level); a commune that is not invited has no room here.
        var ownEndpoint = open ? own : [];

        var canJoin = manage || (open && (leader || ownEndpoint.Count > 0));
        return canJoin
            ? Result<Grant>.Ok(new Grant(meetingId, meeting.BodyAreaId, true, manage, ownEndpoint, user.User.UserName ?? ""))
            : Error.Forbidden;
    }
}
