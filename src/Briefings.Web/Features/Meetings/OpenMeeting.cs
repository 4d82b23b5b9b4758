using Briefings.Core.Common;
using Briefings.Data;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Meetings;

/// <summary>The chair's secretariat opens the meeting ("khai mạc"): from now on it is in session, whatever the
/// planned start said. Allowed to those who manage the meeting (<see cref="MeetingAccess"/>).</summary>
public sealed class OpenMeeting(BriefingsDbContext db, MeetingAccess access, TimeProvider clock)
{
    public async Task<Error?> RunAsync(Guid meetingId, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        await MeetingSteps.RunAsync(db, access, meetingId, expectedVersion, user, m => m.Open(clock.GetUtcNow()), ct);
}
