using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>The meeting was closed: a speech still in progress ends, and every open view of the room gets the state that
/// says so (a commune's phone kept offering "Xin phát biểu" in a meeting that had ended, until it was reloaded).</summary>
public sealed class RoomClosing(BriefingsDbContext db, LiveRooms rooms, RoomBroadcaster broadcaster) : IMeetingClosedHandler
{
    public async Task ClosedAsync(Guid meetingId, CancellationToken ct = default)
    {
        if (!await db.LiveRooms.AnyAsync(r => r.MeetingId == meetingId, ct))
        {
            return; // never opened online: nobody to tell
        }

        await rooms.ChangeAsync(meetingId, r =>
        {
            r.Stop(rooms.Now); // nothing to end is no error here: the room is saved as it is
            return null;
        }, ct);
        await broadcaster.SendPublicAsync(meetingId, ct);
    }
}
