using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Who may use an endpoint's media (join its room as that endpoint, run and record its technical check): the
/// meeting's managers (the organizer), and the accounts whose own room it is — the endpoint of the account's own
/// area (the nearest area at or above its unit; <see cref="MeetingAccess"/>'s tickable endpoints). A commune's
/// account is inside the district's area too, but may not appear in the meeting as the district. Anyone else
/// gets nothing.
/// </summary>
public sealed class EndpointMediaAccess(BriefingsDbContext db, MeetingAccess access)
{
    public sealed record Allowed(Meeting Meeting, MeetingEndpoint Endpoint, MeetingAccess.Grant Grant);

    public async Task<Result<Allowed>> ForAsync(Guid meetingId, Guid endpointId, UserContext? user, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var endpoint = meeting is null ? null : await db.MeetingEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId && e.MeetingId == meetingId, ct);
        if (meeting is null || endpoint is null || user is null)
        {
            return meeting is null || endpoint is null ? Error.NotFound : Error.Forbidden;
        }

        var grant = await access.ForAsync(meeting, user, ct);
        if (!grant.TickableEndpointIds.Contains(endpointId))
        {
            return Error.Forbidden;
        }

        return Result<Allowed>.Ok(new Allowed(meeting, endpoint, grant));
    }
}
