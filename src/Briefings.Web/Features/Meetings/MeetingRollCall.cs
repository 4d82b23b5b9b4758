using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>Loads a meeting's roll call result (<see cref="RollCallSummary"/>): its endpoints in order (the host room
/// first), its invitations and their marks. The meeting page and the conclusion's preamble both read it here.</summary>
public sealed class MeetingRollCall(BriefingsDbContext db)
{
    public async Task<RollCallSummary> LoadAsync(Guid meetingId, CancellationToken ct = default)
    {
        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId)
            .Select(e => new { e.Id, e.Name, e.IsHost }).ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .Select(i => new { i.Id, i.EndpointId, i.UnitId }).ToListAsync(ct);
        var marks = await db.AttendanceMarks.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .Select(a => new { a.InvitationId, a.Status }).ToListAsync(ct);
        return RollCallSummary.Of(
            endpoints.OrderByDescending(e => e.IsHost).ThenBy(e => e.Name, Core.Common.VietnameseText.Order).Select(e => (e.Id, e.Name)),
            invitations.Select(i => (i.Id, i.EndpointId, i.UnitId)),
            marks.Select(m => (m.InvitationId, m.Status)));
    }

    /// <summary>The bodies present, as a preamble names them: the units present in the host room by their directory
    /// names (in directory order), then each other endpoint present by its area ("xã An Lạc").</summary>
    public async Task<IReadOnlyList<string>> PresentBodiesAsync(Guid meetingId, RollCallSummary summary, CancellationToken ct = default)
    {
        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId).ToListAsync(ct);
        var host = endpoints.Where(e => e.IsHost).Select(e => e.Id).ToList();
        var present = summary.PresentUnitIds.ToList();
        var hostUnits = await db.Invitations.AsNoTracking()
            .Where(i => i.MeetingId == meetingId && host.Contains(i.EndpointId) && present.Contains(i.UnitId))
            .Join(db.Units.AsNoTracking(), i => i.UnitId, u => u.Id, (i, u) => new { u.Id, u.Name, u.Path })
            .Distinct().ToListAsync(ct);
        var others = summary.Endpoints.Where(e => e.IsPresent && !host.Contains(e.EndpointId))
            .Select(e => endpoints.First(x => x.Id == e.EndpointId).AreaName);
        return [.. hostUnits.OrderBy(u => u.Path, StringComparer.Ordinal).Select(u => u.Name), .. others];
    }
}
