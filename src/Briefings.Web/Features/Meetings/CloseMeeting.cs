using Briefings.Core.Common;
using Briefings.Data;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Meetings;

/// <summary>The chair's secretariat closes the meeting ("bế mạc"): it is held, its record (roll call, minutes,
/// speakers) shows on its page and the conclusion can be drafted from it. Allowed to those who manage it.</summary>
public sealed class CloseMeeting(BriefingsDbContext db, MeetingAccess access, TimeProvider clock)
{
    public async Task<Error?> RunAsync(Guid meetingId, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        await MeetingSteps.RunAsync(db, access, meetingId, expectedVersion, user, m => m.Close(clock.GetUtcNow()), ct);
}
