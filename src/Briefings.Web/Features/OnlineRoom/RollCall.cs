using Briefings.Core.Common;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>The secretary marks each required attendee: in the hall, online, absent (with a reason) or
/// replaced by a substitute (named).</summary>
public sealed class RollCall(BriefingsDbContext db, TimeProvider clock, RoomBroadcaster broadcaster)
{
    public async Task<Error?> MarkAsync(RoomAccess.Grant grant, Guid invitationId, AttendanceStatus status, string? reason, string? substituteName,
        CancellationToken ct = default)
    {
        if (!grant.CanDrive)
        {
            return Error.Forbidden;
        }

        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId && i.MeetingId == grant.MeetingId, ct);
        if (invitation is null)
        {
            return Error.NotFound;
        }

        db.ChangeTracker.Clear();
        var mark = await db.AttendanceMarks.FirstOrDefaultAsync(a => a.InvitationId == invitationId, ct);
        if (mark is null)
        {
            mark = AttendanceMark.Create(invitationId, grant.MeetingId, invitation.EndpointId, invitation.UnitId);
            db.AttendanceMarks.Add(mark);
        }

        if (mark.Mark(status, reason, substituteName, grant.UserName, clock.GetUtcNow()) is { } error)
        {
            db.ChangeTracker.Clear();
            return error;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict;
        }

        // The consoles get the marked row and its endpoint's "present / required"; the endpoint its own count.
        await broadcaster.SendConsoleAsync(grant.MeetingId, new ConsoleChange([invitation.EndpointId], [invitationId]), ct);
        return null;
    }
}
