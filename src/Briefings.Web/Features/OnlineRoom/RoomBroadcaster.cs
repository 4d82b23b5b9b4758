using Microsoft.AspNetCore.SignalR;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>What a change of a meeting touched: what its clients must be sent again.</summary>
[Flags]
public enum RoomParts
{
    /// <summary>The public state: agenda item, speakers, media notice, endpoints' presence and present counts.</summary>
    Public = 1,

    /// <summary>What only the organizer's consoles hold: the roll call and the minutes.</summary>
    RollCallAndMinutes = 2,
}

/// <summary>Sends the fresh state of a meeting to its clients: the public state to everyone in the room,
/// the console state (roll call, minutes) to the organizer's consoles. With Redis configured the hub
/// context reaches clients connected to every app instance. The room group gets the changed parts
/// (<see cref="RoomDeltas"/>) once this instance has sent the meeting's state before. A change of the public
/// parts only (the chair moving the agenda, the speaker queue, presence) sends the consoles that same public state
/// with no roll call and no minutes — live-room.js keeps the ones it holds — instead of reading and writing the
/// whole roll call (thousands of invitations in a district meeting) on every chair action (issue 14.4).</summary>
public sealed class RoomBroadcaster(IHubContext<RoomHub> hub, RoomStates states, RoomDeltas deltas)
{
    public const string StateMethod = "state";

    public async Task SendAsync(Guid meetingId, RoomParts changed, CancellationToken ct = default)
    {
        RoomState? state = null;
        if (changed.HasFlag(RoomParts.Public) && (state = await states.LoadAsync(meetingId, forConsole: false, ct)) is not null)
        {
            var room = hub.Clients.Group(RoomHub.RoomGroup(meetingId));
            if (deltas.Next(state) is { } delta)
            {
                await room.SendAsync(RoomDeltas.Method, delta, ct);
            }
            else
            {
                await room.SendAsync(StateMethod, state, ct);
            }
        }

        var consoles = hub.Clients.Group(RoomHub.ConsoleGroup(meetingId));
        if (changed.HasFlag(RoomParts.RollCallAndMinutes))
        {
            if (await states.LoadAsync(meetingId, forConsole: true, ct) is { } full)
            {
                await consoles.SendAsync(StateMethod, full, ct);
            }
        }
        else if (state is not null)
        {
            await consoles.SendAsync(StateMethod, state, ct);
        }
    }
}
