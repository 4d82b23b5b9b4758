using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>Records one readiness check of an endpoint (who and when). The online-room feature will fill
/// picture, sound and connection from its automatic check; until then they are ticked by hand.</summary>
public sealed class TickReadiness(BriefingsDbContext db, MeetingAccess access, TimeProvider clock)
{
    public async Task<Result<MeetingEndpoint>> RunAsync(Guid endpointId, ReadinessItem item, bool passed, UserContext user, CancellationToken ct = default)
    {
        var endpoint = await db.MeetingEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId, ct);
        if (endpoint is null || !Enum.IsDefined(item))
        {
            return Error.NotFound;
        }

        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == endpoint.MeetingId, ct);
        if (!(await access.ForAsync(meeting, user, ct)).TickableEndpointIds.Contains(endpointId))
        {
            return Error.Forbidden;
        }

        if (meeting.Status == MeetingStatus.Cancelled)
        {
            return new Error("Cuộc họp đã hủy: điểm cầu không cần kiểm tra sẵn sàng cho cuộc họp này.");
        }

        endpoint.Record(item, passed, user.User.UserName!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result<MeetingEndpoint>.Ok(endpoint);
    }
}
