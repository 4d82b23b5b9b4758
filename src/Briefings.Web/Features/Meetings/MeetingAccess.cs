using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// The one gate of meetings — who may do what with a meeting:
/// <list type="bullet">
/// <item>manage (edit, invite, order the agenda, see every answer and proposal, drive the online room):
/// accounts whose scope manages meetings (<see cref="AccessScope.ManagesMeetings"/>) and covers the meeting's
/// body area — <see cref="MayManage"/> — and the organizing unit's own staff for that meeting only
/// (<see cref="IsOrganizerStaff"/>: the Ban Dân vận for the briefing, each đoàn thể for its thematic meetings),
/// the only places this is decided;</item>
/// <item>view: managers, leaders covering the body area, and — only once the invitations are sent — accounts
/// whose scope covers an invited unit or whose room (<see cref="RoomAreaIdAsync"/>) is an endpoint;</item>
/// <item>act for a unit (answer, propose, register): once invitations are sent, the invited units of the
/// caller's scope;</item>
/// <item>tick an endpoint's readiness and use its media: managers, and — once invitations are sent — the
/// accounts whose room that endpoint is.</item>
/// </list>
/// Before the invitations go out a meeting is the office's draft: invitees see no page, send no proposal and
/// register no speech, even though the composition already lists them.
/// </summary>
public sealed class MeetingAccess(BriefingsDbContext db)
{
    /// <param name="IsOffice">Manages as the office of the area (plans, composes, sends invitations), not only as
    /// the organizing unit of this one meeting.</param>
    public sealed record Grant(bool CanView, bool CanManage, IReadOnlyList<Guid> ActingUnitIds, IReadOnlyList<Guid> TickableEndpointIds, IReadOnlyList<Guid> OwnEndpointIds,
        bool IsOffice = false);

    public static Grant None { get; } = new(false, false, [], [], []);

    /// <summary>Whether <paramref name="scope"/> manages the meetings of the body area <paramref name="area"/>.</summary>
    public static bool MayManage(Unit area, AccessScope scope) => scope.ManagesMeetings && scope.Covers(area);

    /// <summary>Whether the caller works in the meeting's organizing unit <paramref name="organizer"/> (or a unit
    /// inside it) as its staff or office: they prepare and run that meeting — edit, upload, console — and no other
    /// unit's. An area (a whole commune) is never an organizing unit in this sense: its every account would manage.</summary>
    public static bool IsOrganizerStaff(Unit organizer, UserContext user) =>
        organizer.Kind != UnitKind.Area
        && (user.IsInRole(Roles.UnitStaff) || user.IsInRole(Roles.Clerk))
        && user.Unit.IsInSubtreeOf(organizer.Path);

    public async Task<Grant> ForAsync(Meeting meeting, UserContext? user, CancellationToken ct = default)
    {
        if (user is null)
        {
            return None;
        }

        var area = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.BodyAreaId, ct);
        var office = MayManage(area, user.Scope);
        var organizer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        var manage = Manages(area, organizer, user);
        var leader = user.IsInRole(Roles.Leader) && user.Scope.Covers(area);
        var sent = meeting.InvitationsSentAt is not null;

        // Managers act (answer, propose, register) for their own unit and those below it, not for every
        // unit of the area they manage: a clerk must not appear to speak for a commune.
        var actingScope = manage && !user.Scope.All ? new AccessScope(false, user.Unit.Path, null, false, false) : user.Scope;
        var invitedUnits = manage || sent
            ? await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id).Select(i => i.UnitId).Distinct()
                .Join(db.Units.AsNoTracking().Within(actingScope), id => id, u => u.Id, (id, _) => id)
                .ToListAsync(ct)
            : [];

        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meeting.Id)
            .Select(e => new { e.Id, e.AreaUnitId })
            .ToListAsync(ct);
        var roomArea = await RoomAreaIdAsync(area, user, ct);
        var own = endpoints.Where(e => e.AreaUnitId == roomArea).Select(e => e.Id).ToList();
        var tickable = manage ? endpoints.Select(e => e.Id).ToList() : sent ? own : [];

        var view = manage || leader || (sent && (invitedUnits.Count > 0 || own.Count > 0));
        return view ? new Grant(true, manage, invitedUnits, tickable, sent || manage ? own : [], office) : None;
    }

    /// <summary>Whether the caller manages the meeting of body area <paramref name="area"/> organized by
    /// <paramref name="organizer"/>: the area's office (<see cref="MayManage"/>) or the organizer's staff.</summary>
    public static bool Manages(Unit area, Unit organizer, UserContext user) => MayManage(area, user.Scope) || IsOrganizerStaff(organizer, user);

    /// <summary>What the online room needs of this gate, and only that (issue 14.4: thousands of listeners join at
    /// once after an instance dies, so a join must not read every invitation and endpoint of a national meeting):
    /// whether the caller manages the meeting, and the caller's own endpoints — exactly <see cref="ForAsync"/>'s
    /// <see cref="Grant.CanManage"/> and <see cref="Grant.OwnEndpointIds"/>, by the same rules, with one indexed
    /// query for the endpoints of the caller's room (none when the caller has no room in the body area).</summary>
    /// <param name="ownEndpoints">Reads the endpoints of (meeting, room area), when the caller shares that read among
    /// many requests (the online room's joins); by default this gate's own query.</param>
    public async Task<(bool CanManage, IReadOnlyList<Guid> OwnEndpointIds)> RoomPartAsync(Meeting meeting, Unit area, Unit organizer, UserContext user,
        CancellationToken ct = default, Func<Guid, Guid, Task<IReadOnlyList<Guid>>>? ownEndpoints = null)
    {
        var manage = Manages(area, organizer, user);
        if (!manage && meeting.InvitationsSentAt is null)
        {
            return (false, []);
        }

        var roomArea = await RoomAreaIdAsync(area, user, ct);
        var own = roomArea is { } room ? await (ownEndpoints?.Invoke(meeting.Id, room) ?? OwnEndpoints(db, meeting.Id, room, ct)) : [];
        return (manage, own);
    }

    private static readonly Func<BriefingsDbContext, Guid, Guid, IAsyncEnumerable<Guid>> OwnEndpointsQuery =
        EF.CompileAsyncQuery((BriefingsDbContext db, Guid meetingId, Guid areaId) =>
            db.MeetingEndpoints.Where(e => e.MeetingId == meetingId && e.AreaUnitId == areaId).Select(e => e.Id));

    /// <summary>The endpoints of a meeting whose area is <paramref name="areaId"/> (the room's endpoints).</summary>
    internal static async Task<IReadOnlyList<Guid>> OwnEndpoints(BriefingsDbContext db, Guid meetingId, Guid areaId, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await foreach (var id in OwnEndpointsQuery(db, meetingId, areaId).WithCancellation(ct))
        {
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>
    /// Which room (endpoint area) is the caller's in a meeting of <paramref name="bodyArea"/> — the one
    /// definition, used for readiness, media and the online room: the area directly below the body area that
    /// holds the caller's unit (a commune, for everyone inside it, hamlet branches included), or the body's own
    /// area when the caller's unit sits at the body's level (the district's offices). Null outside the area.
    /// </summary>
    public async Task<Guid?> RoomAreaIdAsync(Unit bodyArea, UserContext user, CancellationToken ct = default)
    {
        if (user.AreasOnChain is { } known)
        {
            return RoomArea(bodyArea.Id, bodyArea.Path, user.Unit, known);
        }

        var chain = user.Unit.AncestorIds().Append(user.Unit.Id).ToList();
        var areasOnChain = await db.Units.AsNoTracking()
            .Where(u => chain.Contains(u.Id) && u.Kind == UnitKind.Area)
            .Select(u => new { u.Id, u.Path })
            .ToListAsync(ct);
        return RoomArea(bodyArea.Id, bodyArea.Path, user.Unit, areasOnChain.Select(a => (a.Id, a.Path)).ToList());
    }

    private static Guid? RoomArea(Guid bodyId, string bodyPath, Unit unit, IReadOnlyList<(Guid Id, string Path)> areasOnChain)
    {
        var below = areasOnChain.Where(a => a.Id != bodyId && a.Path.StartsWith(bodyPath, StringComparison.Ordinal))
            .OrderBy(a => a.Path.Length).Select(a => (Guid?)a.Id).FirstOrDefault();
        return below ?? (unit.IsInSubtreeOf(bodyPath) ? bodyId : null);
    }

    /// <summary>The meeting, when the caller may act for <paramref name="unitId"/> in it (answer, propose,
    /// register to speak): an invited unit of their scope once invitations are sent, or any unit for the
    /// meeting's managers.</summary>
    public async Task<Result<Meeting>> ForUnitActionAsync(Guid meetingId, Guid unitId, UserContext user, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        var grant = await ForAsync(meeting, user, ct);
        return grant.CanManage || grant.ActingUnitIds.Contains(unitId) ? Result<Meeting>.Ok(meeting) : Error.Forbidden;
    }

    /// <summary>Meetings the caller may see, newest plan first (managers and leaders: their areas'; others:
    /// meetings whose invitations were sent to a unit of their scope or to their room).</summary>
    public async Task<IQueryable<Meeting>> VisibleAsync(UserContext user, CancellationToken ct = default)
    {
        var areas = db.Units.AsNoTracking().Within(user.Scope).Where(u => u.Kind == UnitKind.Area).Select(u => u.Id);
        var managed = user.Scope.ManagesMeetings || user.IsInRole(Roles.Leader)
            ? db.Meetings.Where(m => areas.Contains(m.BodyAreaId)).Select(m => m.Id)
            : db.Meetings.Where(_ => false).Select(m => m.Id);
        var invitedUnitIds = db.Units.AsNoTracking().Within(user.Scope).Select(u => u.Id);
        // The union is of ids only: a union of whole rows made SQLite prepare a statement of every column six times
        // on every page that lists meetings (home: issue 14.5, docs/benchmarks.md).
        var result = managed.Union(db.Meetings.Where(m => m.InvitationsSentAt != null &&
            db.Invitations.Any(i => i.MeetingId == m.Id && invitedUnitIds.Contains(i.UnitId))).Select(m => m.Id));
        if (user.IsInRole(Roles.UnitStaff) || user.IsInRole(Roles.Clerk))
        {
            // The organizing unit's staff see the meetings they prepare, drafts included (IsOrganizerStaff).
            var ownChain = user.Unit.AncestorIds().Append(user.Unit.Id).ToList();
            var organizers = db.Units.Where(u => ownChain.Contains(u.Id) && u.Kind != UnitKind.Area).Select(u => u.Id);
            result = result.Union(db.Meetings.Where(m => organizers.Contains(m.OrganizerUnitId)).Select(m => m.Id));
        }

        // The caller's room for each body area above it (the same rule as RoomAreaIdAsync, unrolled: a chain
        // holds a handful of areas).
        // The account's context carries them as loaded with it (CurrentUser): a query fewer on every page that lists
        // meetings, home included (issue 14.5, docs/benchmarks.md "Signed-in pages, round 5").
        IReadOnlyList<(Guid Id, string Path)> areasOnChain;
        if (user.AreasOnChain is { } known)
        {
            areasOnChain = known;
        }
        else
        {
            var chain = user.Unit.AncestorIds().Append(user.Unit.Id).ToList();
            areasOnChain = (await db.Units.AsNoTracking().Where(u => chain.Contains(u.Id) && u.Kind == UnitKind.Area)
                .Select(u => new { u.Id, u.Path }).ToListAsync(ct)).Select(a => (a.Id, a.Path)).ToList();
        }

        foreach (var body in areasOnChain)
        {
            if (RoomArea(body.Id, body.Path, user.Unit, areasOnChain) is not { } room)
            {
                continue;
            }

            var bodyId = body.Id;
            result = result.Union(db.Meetings.Where(m => m.BodyAreaId == bodyId && m.InvitationsSentAt != null &&
                db.MeetingEndpoints.Any(e => e.MeetingId == m.Id && e.AreaUnitId == room)).Select(m => m.Id));
        }

        return db.Meetings.Where(m => result.Contains(m.Id));
    }
}
