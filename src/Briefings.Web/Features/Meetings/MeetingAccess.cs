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
/// body area — <see cref="MayManage(Unit, AccessScope)"/>; for a Front's or an organization's own briefing that body's
/// office instead (<see cref="MayManage(Meeting, Unit, Unit, AccessScope)"/>) — and the organizing unit's own staff for that meeting only
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

    /// <summary>Whether <paramref name="scope"/> manages the meetings of the body area <paramref name="area"/>: plans
    /// them, edits its composition rules, plans its year. The area's office (and admins), never a body's office.</summary>
    public static bool MayManage(Unit area, AccessScope scope) => scope.ManagesMeetings && scope.Covers(area);

    /// <summary>Whether <paramref name="scope"/> manages <paramref name="meeting"/> as its office (plans, composes, sends the
    /// invitations): for the area's briefings the area's office (<see cref="MayManage(Unit, AccessScope)"/>); for a body's
    /// own briefing (<see cref="Meeting.OrganizerOwns"/>) that body's office — a scope of the body, not of the area
    /// (<see cref="IsBodyOffice"/>) — and admins, never the area's party office.</summary>
    public static bool MayManage(Meeting meeting, Unit area, Unit organizer, AccessScope scope) =>
        meeting.OrganizerOwns ? scope.All || (IsBodyOffice(scope) && scope.Covers(organizer)) : MayManage(area, scope);

    /// <summary>Whether the scope is the office of a Front or an organization (its clerk: a scope of the body's subtree
    /// inside its area, <see cref="AccessScope.For"/>), which plans that body's own briefings with its branches.</summary>
    public static bool IsBodyOffice(AccessScope scope) =>
        !scope.All && scope.ManagesMeetings && scope.SubtreePath is not null && scope.AreaPath is not null && scope.SubtreePath != scope.AreaPath;

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
        var organizer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        var office = MayManage(meeting, area, organizer, user.Scope);
        var manage = Manages(meeting, area, organizer, user);
        // Leaders of the area, and the Front's (an organization's) own leaders for the meetings their body organizes.
        var leader = user.IsInRole(Roles.Leader) && (user.Scope.Covers(area) || user.Scope.Covers(organizer));
        var sent = meeting.InvitationsSentAt is not null;

        // Managers act (answer, propose, register) for their own unit and those below it, not for every
        // unit of the area they manage: a clerk must not appear to speak for a commune. Nor does the area's office
        // speak for the commune Fronts invited to the Front's own briefing.
        var actingScope = (manage || meeting.OrganizerOwns) && !user.Scope.All ? new AccessScope(false, user.Unit.Path, null, false, false) : user.Scope;
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
    /// <paramref name="organizer"/>: the meeting's office (<see cref="MayManage(Meeting, Unit, Unit, AccessScope)"/>) or the organizer's staff.</summary>
    public static bool Manages(Meeting meeting, Unit area, Unit organizer, UserContext user) =>
        MayManage(meeting, area, organizer, user.Scope) || IsOrganizerStaff(organizer, user);

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
        var manage = Manages(meeting, area, organizer, user);
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

    /// <summary>Told to a unit answering, proposing or registering for a cancelled meeting.</summary>
    public static Error Cancelled { get; } = new("Cuộc họp đã hủy: không cần trả lời giấy mời, gửi kiến nghị hay đăng ký phát biểu cho cuộc họp này.");

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
        if (!grant.CanManage && !grant.ActingUnitIds.Contains(unitId))
        {
            return Error.Forbidden;
        }

        return meeting.Status == MeetingStatus.Cancelled ? Cancelled : Result<Meeting>.Ok(meeting);
    }

    /// <summary>A meeting as home's "Cuộc họp sắp tới" lists it.</summary>
    public sealed record Upcoming(Guid Id, string Title, DateTimeOffset StartsAt, string Place);

    /// <summary>How many meetings home lists.</summary>
    public const int UpcomingCount = 5;

    /// <summary>
    /// Home's next meetings: those of <see cref="VisibleAsync"/> not over by <paramref name="now"/> and not cancelled, by
    /// start, at most <see cref="UpcomingCount"/>. For the usual accounts — a scope of a subtree or of one unit, at most
    /// <see cref="RoomSlots"/> rooms on the chain — a compiled query: building <see cref="VisibleAsync"/>'s union as a
    /// LINQ tree and EF's walk over it on every request were ~110 KB, the largest share of home (issue 14.5,
    /// docs/benchmarks.md "Signed-in pages, round 6"). The same rule, as one predicate of ORs instead of a union of ids:
    /// <see cref="VisibleQuery"/> below states it term by term; MeetingVisibilityTests keeps the two equal.
    /// </summary>
    public async Task<IReadOnlyList<Upcoming>> UpcomingAsync(UserContext user, DateTimeOffset now, CancellationToken ct = default) =>
        await UpcomingAsync(user, now, UpcomingCount, ct);

    /// <summary><see cref="UpcomingAsync(UserContext, DateTimeOffset, CancellationToken)"/> with another count (the tests
    /// compare every visible meeting).</summary>
    internal async Task<IReadOnlyList<Upcoming>> UpcomingAsync(UserContext user, DateTimeOffset now, int count, CancellationToken ct = default)
    {
        if (Slots(user) is not { } s)
        {
            return await UpcomingByLinqAsync(user, now, count, ct);
        }

        var rows = s.Path is { } path
            ? UpcomingUnder(db, path, s.Manages, s.Oversees, s.Staff, user.Unit.Path, s.B1, s.R1, s.B2, s.R2, s.B3, s.R3, now, count)
            : UpcomingOf(db, s.UnitId, s.Manages, s.Oversees, s.Staff, user.Unit.Path, s.B1, s.R1, s.B2, s.R2, s.B3, s.R3, now, count);
        var list = new List<Upcoming>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }

        return list;
    }

    /// <summary>The same list from <see cref="VisibleAsync"/>'s LINQ union (the accounts the compiled form has no slots
    /// for; and the reference the tests compare the compiled form with).</summary>
    internal async Task<IReadOnlyList<Upcoming>> UpcomingByLinqAsync(UserContext user, DateTimeOffset now, int count = UpcomingCount, CancellationToken ct = default) =>
        await (await VisibleAsync(user, ct)).AsNoTracking()
            .Where(m => m.EndsAt > now && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(count)
            .Select(m => new Upcoming(m.Id, m.Title, m.StartsAt, m.Place))
            .ToListAsync(ct);

    /// <summary>How many (body area, room) pairs the compiled form has slots for: a chain holds a handful of areas
    /// (province, district, commune); an account with more takes the LINQ form.</summary>
    public const int RoomSlots = 3;

    /// <param name="Path">The scope's subtree, or null for a scope of one unit (<paramref name="UnitId"/>).</param>
    /// <param name="Manages">Sees every meeting of the areas of its scope (<see cref="VisibleAsync"/>'s "managed").</param>
    /// <param name="Staff">Sees the meetings its own unit or a unit above it organizes (<see cref="IsOrganizerStaff"/>).</param>
    /// <param name="B1">The body areas on the chain with the caller's room in each (R1...), padded with <see cref="Guid.Empty"/>.</param>
    /// <param name="Oversees">Sees, among them, the Front's and the organizations' own briefings too (leaders).</param>
    private sealed record Slot(string? Path, Guid UnitId, bool Manages, bool Oversees, bool Staff, Guid B1, Guid R1, Guid B2, Guid R2, Guid B3, Guid R3);

    // Who sees the meetings organized by a unit on its chain (VisibleQuery's term 3): its staff and office, who prepare
    // them, and its leaders, who read them.
    private static bool OrganizerSide(UserContext user) =>
        user.IsInRole(Roles.UnitStaff) || user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Leader);

    // The account's parameters for the compiled form; null for the shapes it does not cover (the whole province, no
    // scope, a context without its areas, more rooms than slots).
    internal static bool HasSlots(UserContext user) => Slots(user) is not null;

    private static Slot? Slots(UserContext user)
    {
        if (user.Scope.All || (user.Scope.SubtreePath is null && user.Scope.SingleUnitId is null) || user.AreasOnChain is not { } areas)
        {
            return null;
        }

        var rooms = new List<(Guid Body, Guid Room)>();
        foreach (var body in areas)
        {
            if (RoomArea(body.Id, body.Path, user.Unit, areas) is { } room)
            {
                rooms.Add((body.Id, room));
            }
        }

        if (rooms.Count > RoomSlots)
        {
            return null;
        }

        while (rooms.Count < RoomSlots)
        {
            rooms.Add((Guid.Empty, Guid.Empty)); // no meeting has an empty body area
        }

        return new Slot(user.Scope.SubtreePath, user.Scope.SingleUnitId ?? Guid.Empty,
            user.Scope.ManagesMeetings || user.IsInRole(Roles.Leader), user.IsInRole(Roles.Leader), OrganizerSide(user),
            rooms[0].Body, rooms[0].Room, rooms[1].Body, rooms[1].Room, rooms[2].Body, rooms[2].Room);
    }

    // VisibleAsync's rule with the scope's units as a parameter (the subtree's or the one unit's): a meeting is visible
    // when (1) the caller manages or leads and its body area is an area of the scope (a body's own briefing: leaders only); (2) its invitations were sent to a
    // unit of the scope; (3) the caller is staff and its organizer is a unit on the caller's chain other than an area
    // (the chain: the units whose path is a prefix of the caller's unit's path, i.e. the unit and its ancestors); (4) its
    // invitations were sent and one of its endpoints is the caller's room for its body area.
    private static System.Linq.Expressions.Expression<Func<BriefingsDbContext, IQueryable<Unit>, bool, bool, bool, string, Guid, Guid, Guid, Guid, Guid, Guid, IQueryable<Meeting>>> VisibleQuery =
        (db, scopeUnits, manages, oversees, staff, unitPath, b1, r1, b2, r2, b3, r3) => db.Meetings.AsNoTracking().Where(m =>
            (manages && (!m.OrganizerOwns || oversees) && scopeUnits.Where(u => u.Kind == UnitKind.Area).Select(u => u.Id).Contains(m.BodyAreaId))
            || (m.InvitationsSentAt != null && db.Invitations.Any(i => i.MeetingId == m.Id && scopeUnits.Select(u => u.Id).Contains(i.UnitId)))
            || (staff && db.Units.Any(u => u.Id == m.OrganizerUnitId && u.Kind != UnitKind.Area && unitPath.StartsWith(u.Path)))
            || (m.InvitationsSentAt != null && (
                (m.BodyAreaId == b1 && db.MeetingEndpoints.Any(e => e.MeetingId == m.Id && e.AreaUnitId == r1))
                || (m.BodyAreaId == b2 && db.MeetingEndpoints.Any(e => e.MeetingId == m.Id && e.AreaUnitId == r2))
                || (m.BodyAreaId == b3 && db.MeetingEndpoints.Any(e => e.MeetingId == m.Id && e.AreaUnitId == r3)))));

    private static readonly Func<BriefingsDbContext, string, bool, bool, bool, string, Guid, Guid, Guid, Guid, Guid, Guid, DateTimeOffset, int, IAsyncEnumerable<Upcoming>> UpcomingUnder =
        EF.CompileAsyncQuery(UpcomingQuery<string>((db, path) => db.Units.Where(u => u.Path.StartsWith(path))));

    private static readonly Func<BriefingsDbContext, Guid, bool, bool, bool, string, Guid, Guid, Guid, Guid, Guid, Guid, DateTimeOffset, int, IAsyncEnumerable<Upcoming>> UpcomingOf =
        EF.CompileAsyncQuery(UpcomingQuery<Guid>((db, id) => db.Units.Where(u => u.Id == id)));

    // Home's query over VisibleQuery with the scope's units written in by shape (ScopeQueries.Within's two forms).
    private static System.Linq.Expressions.Expression<Func<BriefingsDbContext, TScope, bool, bool, bool, string, Guid, Guid, Guid, Guid, Guid, Guid, DateTimeOffset, int, IQueryable<Upcoming>>> UpcomingQuery<TScope>(
        System.Linq.Expressions.Expression<Func<BriefingsDbContext, TScope, IQueryable<Unit>>> scopeUnits)
    {
        System.Linq.Expressions.Expression<Func<IQueryable<Meeting>, DateTimeOffset, int, IQueryable<Upcoming>>> upcoming = (visible, now, count) => visible
            .Where(m => m.EndsAt > now && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(count)
            .Select(m => new Upcoming(m.Id, m.Title, m.StartsAt, m.Place));
        var p = VisibleQuery.Parameters;
        var scope = System.Linq.Expressions.Expression.Parameter(typeof(TScope), "scope");
        var now = System.Linq.Expressions.Expression.Parameter(typeof(DateTimeOffset), "now");
        var count = System.Linq.Expressions.Expression.Parameter(typeof(int), "count");
        var units = Inline(scopeUnits, p[0], scope);
        var visible = Inline(VisibleQuery, [p[0], units, .. p.Skip(2)]);
        var body = Inline(upcoming, visible, now, count);
        return System.Linq.Expressions.Expression.Lambda<Func<BriefingsDbContext, TScope, bool, bool, bool, string, Guid, Guid, Guid, Guid, Guid, Guid, DateTimeOffset, int, IQueryable<Upcoming>>>(
            body, [p[0], scope, .. p.Skip(2), now, count]);
    }

    // The lambda's body with its parameters replaced by the given expressions (a call of the lambda, inlined).
    private static System.Linq.Expressions.Expression Inline(System.Linq.Expressions.LambdaExpression lambda, params System.Linq.Expressions.Expression[] args) =>
        new Replace(lambda.Parameters.Zip(args).ToDictionary(a => a.First, a => a.Second)).Visit(lambda.Body);

    private sealed class Replace(Dictionary<System.Linq.Expressions.ParameterExpression, System.Linq.Expressions.Expression> map) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) =>
            map.TryGetValue(node, out var to) ? to : node;
    }

    /// <summary>Meetings the caller may see, newest plan first (managers and leaders: their areas'; others:
    /// meetings whose invitations were sent to a unit of their scope or to their room).</summary>
    public async Task<IQueryable<Meeting>> VisibleAsync(UserContext user, CancellationToken ct = default)
    {
        var areas = db.Units.AsNoTracking().Within(user.Scope).Where(u => u.Kind == UnitKind.Area).Select(u => u.Id);
        // The area's office manages its area's briefings, not the Front's and the organizations' own ones: their drafts
        // are theirs (the leaders, who oversee them, and admins still see them).
        var oversees = user.Scope.All || user.IsInRole(Roles.Leader);
        var managed = user.Scope.ManagesMeetings || user.IsInRole(Roles.Leader)
            ? db.Meetings.Where(m => areas.Contains(m.BodyAreaId) && (!m.OrganizerOwns || oversees)).Select(m => m.Id)
            : db.Meetings.Where(_ => false).Select(m => m.Id);
        var invitedUnitIds = db.Units.AsNoTracking().Within(user.Scope).Select(u => u.Id);
        // The union is of ids only: a union of whole rows made SQLite prepare a statement of every column six times
        // on every page that lists meetings (home: issue 14.5, docs/benchmarks.md).
        var result = managed.Union(db.Meetings.Where(m => m.InvitationsSentAt != null &&
            db.Invitations.Any(i => i.MeetingId == m.Id && invitedUnitIds.Contains(i.UnitId))).Select(m => m.Id));
        if (OrganizerSide(user))
        {
            // The organizing unit's staff see the meetings they prepare, drafts included (IsOrganizerStaff); its leaders
            // read them (the Front's chair, the Front's own briefing).
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
