using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Changed-row messages for the organizer's consoles (issue 14.4 at national size). A national meeting's roll call is
/// 69,771 invitations over 3,322 endpoints: sending the consoles the whole roll call and endpoint list for every mark
/// or presence change cost megabytes each, gigabytes for a clerk marking every commune. A mark, a presence change or a
/// minutes save now sends the consoles the changed invitation rows, the changed endpoints (with their present / required
/// counts) and the changed minutes item only, numbered in one sequence per meeting kept in the database
/// (the <see cref="OnlineRoomModel.LiveRoomConsoleSequence"/> column of the meeting's room, so every app instance numbers
/// in the same sequence). A console's whole state carries the number it was read at (<see cref="RoomState.ConsoleSequence"/>,
/// read before the rows); the console applies the messages that follow it in order, and one that does not follow (a
/// missed message: a reconnect, another instance's message still on its way) makes it ask for the whole console state
/// again (<see cref="RoomHub.CurrentConsoleState"/>). Rows are read after their number is taken, so a message never
/// carries a row older than one of a lower number.
/// A national console holds no roll-call rows until the clerk opens an endpoint's group (<see cref="RoomHub.RollCallRows"/>):
/// a message's rows of groups not loaded are dropped by the console, and its endpoints' counts (present, marked,
/// required) keep the summary right — every change of a mark names its endpoint, so the totals move with it.
/// </summary>
public sealed class ConsoleDeltas(BriefingsDbContext db, RoomStates states, TimeProvider clock)
{
    public const string Method = "console";

    /// <summary>The number of the last message sent to the meeting's consoles (0 before the first, or without a room).</summary>
    public static Task<long> SequenceAsync(BriefingsDbContext db, Guid meetingId, CancellationToken ct = default) =>
        db.LiveRooms.AsNoTracking().Where(r => r.MeetingId == meetingId)
            .Select(r => EF.Property<long>(r, OnlineRoomModel.LiveRoomConsoleSequence)).FirstOrDefaultAsync(ct);

    /// <summary>The message for <paramref name="change"/> with the meeting's next number, or null when the meeting has no
    /// room yet (no console has joined: a console's join opens the room, and reads the whole state).</summary>
    public async Task<ConsoleDelta?> NextAsync(Guid meetingId, ConsoleChange change, CancellationToken ct = default)
    {
        // One transaction: the raise and the read of the number it gave are one step (the raise locks the row until the
        // end). Within the caller's transaction when there is one (the demo's history plays a day's work in one).
        long sequence;
        await using (var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            var raised = await db.LiveRooms.Where(r => r.MeetingId == meetingId).ExecuteUpdateAsync(s => s.SetProperty(
                r => EF.Property<long>(r, OnlineRoomModel.LiveRoomConsoleSequence),
                r => EF.Property<long>(r, OnlineRoomModel.LiveRoomConsoleSequence) + 1), ct);
            if (raised == 0)
            {
                return null;
            }

            sequence = await SequenceAsync(db, meetingId, ct);
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }

        var now = clock.GetUtcNow();
        var endpoints = change.Endpoints.Count == 0 ? [] : await states.EndpointsAsync(meetingId, change.Endpoints, ct);
        var attendance = change.Invitations.Count == 0 ? [] : await states.AttendanceAsync(meetingId, change.Invitations, null, ct);
        var minutes = change.MinutesOrder is { } order ? await states.MinutesAsync(meetingId, order, ct) : [];
        return new ConsoleDelta(meetingId, sequence, now, endpoints, attendance, minutes);
    }
}

/// <summary>What a change touched that the consoles hold: endpoints (presence, mute, present counts), invitations'
/// roll-call rows, a minutes item.</summary>
public sealed record ConsoleChange(IReadOnlyCollection<Guid> Endpoints, IReadOnlyCollection<Guid> Invitations, int? MinutesOrder = null)
{
    public static ConsoleChange Endpoint(Guid endpointId) => new([endpointId], []);

    public static ConsoleChange Minutes(int order) => new([], [], order);
}

/// <summary>The changed rows of a meeting's console state, number <see cref="Sequence"/> of its sequence; each list holds
/// whole rows (replacing the ones with the same id), possibly none.</summary>
public sealed record ConsoleDelta(Guid MeetingId, long Sequence, DateTimeOffset Now, IReadOnlyList<RoomState.EndpointView> Endpoints,
    IReadOnlyList<RoomState.AttendanceView> Attendance, IReadOnlyList<RoomState.MinutesView> Minutes);
