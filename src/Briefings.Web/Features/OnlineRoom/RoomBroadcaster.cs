using Microsoft.AspNetCore.SignalR;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>Sends the fresh state of a meeting to its clients: the public state to everyone in the room,
/// the console state (roll call, minutes) to the organizer's consoles. With Redis configured the hub
/// context reaches clients connected to every app instance. The room group gets the changed parts
/// (<see cref="RoomDeltas"/>) once this instance has sent the meeting's state before.</summary>
public sealed class RoomBroadcaster(IHubContext<RoomHub> hub, RoomStates states, RoomDeltas deltas)
{
    public const string StateMethod = "state";

    public async Task SendAsync(Guid meetingId, bool publicChanged, CancellationToken ct = default)
    {
        if (publicChanged && await states.LoadAsync(meetingId, forConsole: false, ct) is { } state)
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

        if (await states.LoadAsync(meetingId, forConsole: true, ct) is { } full)
        {
            await hub.Clients.Group(RoomHub.ConsoleGroup(meetingId)).SendAsync(StateMethod, full, ct);
        }
    }
}
