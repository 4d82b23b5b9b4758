using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// Builds the invitation list from the body's composition rules (<see cref="CompositionRules"/>: the reference's
/// until its office edits them): one endpoint for the body's own room and one per commune below it, and an
/// invitation for every person the rules name. Running it again adds what is missing, keeps every answer already
/// given and leaves out the people taken off the list by hand (<see cref="MeetingExclusion"/>).
/// </summary>
public sealed class ApplyComposition(BriefingsDbContext db, CompositionRules store)
{
    public sealed record Summary(int Endpoints, int Invitations, int Added);

    public async Task<Result<Summary>> RunAsync(Guid meetingId, AccessScope scope, IReadOnlyList<CompositionRule>? rules = null, CancellationToken ct = default)
    {
        // One composition of a meeting at a time: a second one (a double click, two clerks) reads what the first added
        // and adds nothing. Before, four posts at once each added the same endpoints and invitations, and all but
        // one met the meeting's version or the unique indexes as a 500.
        await using var serialized = await db.BeginSerializedAsync($"compose:{meetingId}", ct);
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

        if (meeting.Status == MeetingStatus.Cancelled)
        {
            return new Error("Cuộc họp đã hủy.");
        }

        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(area.Path))
            .Select(u => new { u.Id, u.ParentId, u.Kind, u.Path, Retired = u.RetiredAt != null, u.Name, u.VerticalParentId })
            .ToListAsync(ct);
        var planned = units;
        if (meeting.OrganizerOwns)
        {
            // A body's own briefing invites its own vertical line: the body, its commune branches (which sit under their
            // communes, not under it) and their hamlet branches — not the party's, the government's nor another
            // organization's units of the same communes. The areas stay: they are the endpoints.
            var line = new HashSet<Guid> { organizer.Id };
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var u in units.Where(u => u.VerticalParentId is { } v && line.Contains(v) && !line.Contains(u.Id)))
                {
                    grew |= line.Add(u.Id);
                }
            }

            var linePaths = units.Where(u => line.Contains(u.Id)).Select(u => u.Path).ToList();
            planned = units.Where(u => u.Kind == UnitKind.Area || linePaths.Any(p => u.Path.StartsWith(p, StringComparison.Ordinal))).ToList();
        }

        // People whose record belongs to a unit of the area: a path-prefix join the index serves. (Asking
        // for "any position inside the area" made SQLite scan every person of a province.)
        var areaPath = area.Path;
        var people = await db.People.AsNoTracking()
            .Where(p => p.RetiredAt == null && db.Units.Any(u => u.Id == p.UnitId && u.Path.StartsWith(areaPath)))
            .ToListAsync(ct);
        var paths = units.ToDictionary(u => u.Id, u => u.Path);
        var excluded = (await db.MeetingExclusions.AsNoTracking().Where(x => x.MeetingId == meeting.Id).Select(x => x.PersonId).ToListAsync(ct)).ToHashSet();
        var attendees = InvitationPlanner.Plan(
            area,
            rules ?? (await store.ForMeetingAsync(meeting, organizer, ct)).Rules,
            planned.Select(u => new InvitationPlanner.UnitInfo(u.Id, u.ParentId, u.Kind, u.Path, u.Retired)).ToList(),
            people.Select(p => new InvitationPlanner.PersonInfo(p.Id, p.IsRetired, p.Positions.OrderBy(x => x.SortOrder).Select(x => (x.UnitId, x.Title)).ToList(), paths[p.UnitId])).ToList());

        var endpoints = await db.MeetingEndpoints.Where(e => e.MeetingId == meeting.Id).ToDictionaryAsync(e => e.AreaUnitId, ct);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        foreach (var areaId in attendees.Where(a => !excluded.Contains(a.PersonId)).Select(a => a.EndpointAreaId).Append(area.Id).Distinct())
        {
            if (!endpoints.ContainsKey(areaId))
            {
                var endpoint = MeetingEndpoint.Create(meeting.Id, areaId, areaId == area.Id ? $"Điểm cầu chính — {area.Name}" : $"Điểm cầu {names[areaId]}", areaId == area.Id);
                db.MeetingEndpoints.Add(endpoint);
                endpoints[areaId] = endpoint;
            }
        }

        var invited = (await db.Invitations.Where(i => i.MeetingId == meeting.Id).Select(i => i.PersonId).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var attendee in attendees.Where(a => !invited.Contains(a.PersonId) && !excluded.Contains(a.PersonId)))
        {
            db.Invitations.Add(Invitation.Create(meeting.Id, endpoints[attendee.EndpointAreaId].Id, attendee));
            added++;
        }

        meeting.Touch();
        await db.SaveChangesAsync(ct);
        await serialized.CommitAsync(ct);
        return Result<Summary>.Ok(new Summary(endpoints.Count, invited.Count + added, added));
    }
}
