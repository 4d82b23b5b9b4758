using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>What every step of a meeting's life shares: the gate, the version the caller saw, the save.</summary>
internal static class MeetingSteps
{
    public static async Task<Error?> RunAsync(BriefingsDbContext db, MeetingAccess access, Guid meetingId, int expectedVersion, UserContext user,
        Func<Meeting, Error?> step, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        if (!(await access.ForAsync(meeting, user, ct)).CanManage)
        {
            return Error.Forbidden;
        }

        if (meeting.Version != expectedVersion)
        {
            return Error.Conflict;
        }

        if (step(meeting) is { } error)
        {
            return error;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }
    }
}
