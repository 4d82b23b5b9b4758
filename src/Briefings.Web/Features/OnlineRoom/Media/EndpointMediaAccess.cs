using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Who may use an endpoint's media (join its room, run and record its technical check): the accounts whose unit
/// sits in the endpoint's area, and the meeting's managers (the organizer) — exactly those who may tick the
/// endpoint's readiness (<see cref="MeetingAccess"/>). Anyone else, invited elsewhere or not at all, gets nothing.
/// </summary>
public sealed class EndpointMediaAccess(BriefingsDbContext db, MeetingAccess access)
{
    public sealed record Allowed(Meeting Meeting, MeetingEndpoint Endpoint, MeetingAccess.Grant Grant);

    public async Task<Result<Allowed>> ForAsync(Guid meetingId, Guid endpointId, UserContext? user, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var endpoint = meeting is null ? null : await db.MeetingEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId && e.MeetingId == meetingId, ct);
        if (meeting is null || endpoint is null)
        {
            return Error.NotFound;
        }

        var grant = await access.ForAsync(meeting, user, ct);
        return grant.TickableEndpointIds.Contains(endpointId) ? Result<Allowed>.Ok(new Allowed(meeting, endpoint, grant)) : Error.Forbidden;
    }
}
