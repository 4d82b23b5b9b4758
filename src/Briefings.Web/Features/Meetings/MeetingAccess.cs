using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// Who may do what with a meeting:
/// <list type="bullet">
/// <item>manage (edit, invite, order the agenda, see every answer and proposal): admins, and clerks whose
/// scope covers the meeting's body area;</item>
/// <item>view: managers, leaders covering the body area, and accounts whose scope covers a unit that is
/// invited (or whose own unit sits in an invited endpoint's area);</item>
/// <item>act for a unit (answer, propose, register): the units of the caller's scope that are invited;</item>
/// <item>tick an endpoint's readiness (and use its media): managers, and accounts of that endpoint's own area (the
/// nearest area at or above their unit).</item>
/// </list>
/// </summary>
public sealed class MeetingAccess(BriefingsDbContext db)
{
    public sealed record Grant(bool CanView, bool CanManage, IReadOnlyList<Guid> ActingUnitIds, IReadOnlyList<Guid> TickableEndpointIds);

    public static Grant None { get; } = new(false, false, [], []);

    public async Task<Grant> ForAsync(Meeting meeting, UserContext? user, CancellationToken ct = default)
    {
        if (user is null)
        {
            return None;
        }

        var area = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.BodyAreaId, ct);
        var manage = user.Scope.CanEditUnits && user.Scope.Covers(area);
        var leader = user.IsInRole(Roles.Leader) && user.Scope.Covers(area);

        // Managers act (answer, propose, register) for their own unit and those below it, not for every
        // unit of the area they manage: a clerk must not appear to speak for a commune.
        var actingScope = manage && !user.Scope.All ? new AccessScope(false, user.Unit.Path, null, false, false) : user.Scope;
        var invitedUnits = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id).Select(i => i.UnitId).Distinct()
            .Join(db.Units.AsNoTracking().Within(actingScope), id => id, u => u.Id, (id, _) => id)
            .ToListAsync(ct);

        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meeting.Id)
            .Select(e => new { e.Id, e.AreaUnitId })
            .ToListAsync(ct);
        // A unit's own room is the endpoint of its own area: a commune lies inside the district's area too, but
        // the district's host room is not its room (it must not tick it, join its media or see the meeting by it).
        var ownArea = manage ? null : await OwnAreaIdAsync(user, ct);
        var tickable = manage
            ? endpoints.Select(e => e.Id).ToList()
            : endpoints.Where(e => e.AreaUnitId == ownArea).Select(e => e.Id).ToList();

        var view = manage || leader || invitedUnits.Count > 0 || (tickable.Count > 0 && meeting.Status != MeetingStatus.Planned);
        return new Grant(view, manage, invitedUnits, view ? tickable : []);
    }

    /// <summary>The nearest area (district, commune, hamlet...) at or above the caller's unit.</summary>
    public async Task<Guid?> OwnAreaIdAsync(UserContext user, CancellationToken ct = default)
    {
        var lineage = user.Unit.AncestorIds().Append(user.Unit.Id).ToList();
        var areas = await db.Units.AsNoTracking().Where(u => lineage.Contains(u.Id) && u.Kind == UnitKind.Area)
            .Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        return areas.OrderByDescending(u => u.Path.Length).Select(u => (Guid?)u.Id).FirstOrDefault();
    }

    /// <summary>The meeting, when the caller may act for <paramref name="unitId"/> in it (answer, propose,
    /// register to speak): an invited unit of their scope, or any unit for the meeting's managers.</summary>
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

    /// <summary>Meetings the caller may see, newest plan first (managers: their area's; others: invited).</summary>
    public IQueryable<Meeting> Visible(UserContext user)
    {
        var areas = db.Units.AsNoTracking().Within(user.Scope).Where(u => u.Kind == UnitKind.Area).Select(u => u.Id);
        var managed = user.Scope.CanEditUnits || user.IsInRole(Roles.Leader)
            ? db.Meetings.Where(m => areas.Contains(m.BodyAreaId))
            : db.Meetings.Where(_ => false);
        var invitedUnitIds = db.Units.AsNoTracking().Within(user.Scope).Select(u => u.Id);
        var invited = db.Meetings.Where(m => m.Status != MeetingStatus.Planned &&
            db.Invitations.Any(i => i.MeetingId == m.Id && invitedUnitIds.Contains(i.UnitId)));
        // The caller's own area (the nearest area at or above its unit): an endpoint of that area is its room.
        var lineage = user.Unit.AncestorIds().Append(user.Unit.Id).ToList();
        var ownArea = db.Units.AsNoTracking().Where(u => lineage.Contains(u.Id) && u.Kind == UnitKind.Area)
            .OrderByDescending(u => u.Path.Length).Select(u => u.Id).Take(1);
        var asEndpoint = db.Meetings.Where(m => m.Status != MeetingStatus.Planned &&
            db.MeetingEndpoints.Any(e => e.MeetingId == m.Id && ownArea.Contains(e.AreaUnitId)));
        return managed.Union(invited).Union(asEndpoint);
    }
}
