using Briefings.Core.Common;
using Briefings.Data;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Meetings;

/// <summary>Told when a meeting has been closed (the online room: its open views learn it at once).</summary>
public interface IMeetingClosedHandler
{
    Task ClosedAsync(Guid meetingId, CancellationToken ct = default);
}

/// <summary>The chair's secretariat closes the meeting ("bế mạc"): it is held, its record (roll call, minutes,
/// speakers) shows on its page and the conclusion can be drafted from it. Allowed to those who manage it.</summary>
public sealed class CloseMeeting(BriefingsDbContext db, MeetingAccess access, TimeProvider clock, IEnumerable<IMeetingClosedHandler> handlers)
{
    public async Task<Error?> RunAsync(Guid meetingId, int expectedVersion, UserContext user, CancellationToken ct = default)
    {
        var error = await MeetingSteps.RunAsync(db, access, meetingId, expectedVersion, user, m => m.Close(clock.GetUtcNow()), ct);
        if (error is null)
        {
            foreach (var handler in handlers)
            {
                await handler.ClosedAsync(meetingId, ct);
            }
        }

        return error;
    }
}
