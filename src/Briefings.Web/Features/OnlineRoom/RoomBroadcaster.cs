using Microsoft.AspNetCore.SignalR;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>Sends the fresh state of a meeting to its clients: the public state to everyone in the room,
/// the console state (roll call, minutes) to the organizer's consoles. With Redis configured the hub
/// context reaches clients connected to every app instance.</summary>
public sealed class RoomBroadcaster(IHubContext<RoomHub> hub, RoomStates states)
{
    public const string StateMethod = "state";

    public async Task SendAsync(Guid meetingId, bool publicChanged, CancellationToken ct = default)
    {
        if (publicChanged && await states.LoadAsync(meetingId, forConsole: false, ct) is { } state)
        {
            await hub.Clients.Group(RoomHub.RoomGroup(meetingId)).SendAsync(StateMethod, state, ct);
        }

        if (await states.LoadAsync(meetingId, forConsole: true, ct) is { } full)
        {
            await hub.Clients.Group(RoomHub.ConsoleGroup(meetingId)).SendAsync(StateMethod, full, ct);
        }
    }
}
