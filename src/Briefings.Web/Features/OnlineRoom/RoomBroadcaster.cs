using Microsoft.AspNetCore.SignalR;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>What a change of a meeting touched: what its clients must be sent again.</summary>
[Flags]
public enum RoomParts
{
    /// <summary>What every listener sees: agenda item, speakers, media notice.</summary>
    Public = 1,

    /// <summary>What only the organizer's consoles hold: the roll call and the minutes.</summary>
    RollCallAndMinutes = 2,

    /// <summary>Endpoints' presence, mute and present counts: the consoles, and the endpoint's own view.</summary>
    Endpoints = 4,
}

/// <summary>Sends the fresh state of a meeting to its clients. The listeners (the room group) get the public state,
/// without the endpoint list (<see cref="RoomStateKind"/>), as changed parts (<see cref="RoomDeltas"/>) once this
/// instance has sent the meeting's state before; the organizer's consoles get the endpoints with it, and the roll
/// call and minutes only when those changed (live-room.js keeps the ones it holds); an endpoint whose presence or
/// mute changed gets its own flags in its own group. With Redis configured the hub context reaches clients connected
/// to every app instance. So a commune's presence costs a message to the consoles and to itself, not to every listener
/// of a national meeting, and a chair action does not read or send the roll call (issue 14.4).</summary>
public sealed class RoomBroadcaster(IHubContext<RoomHub> hub, RoomStates states, RoomDeltas deltas)
{
    public const string StateMethod = "state";

    /// <summary>An endpoint view's own flags (<see cref="EndpointMessage"/>).</summary>
    public const string EndpointMethod = "endpoint";

    public async Task SendAsync(Guid meetingId, RoomParts changed, CancellationToken ct = default, Guid? endpointId = null)
    {
        RoomState? state = null;
        if (changed.HasFlag(RoomParts.Public) && (state = await states.LoadAsync(meetingId, RoomStateKind.Listener, ct)) is not null)
        {
            var room = hub.Clients.Group(RoomHub.RoomGroup(meetingId));
            if (deltas.Next(state) is not { } delta)
            {
                await room.SendAsync(StateMethod, state, ct);
            }
            else if (delta.Changes.Count > 0)
            {
                await room.SendAsync(RoomDeltas.Method, delta, ct);
            }
        }

        var console = changed.HasFlag(RoomParts.RollCallAndMinutes) ? await states.LoadAsync(meetingId, RoomStateKind.Console, ct)
            : state is not null ? await states.ForConsolesAsync(state, ct)
            : await states.LoadAsync(meetingId, RoomStateKind.ConsoleWithoutRollCall, ct);
        if (console is not null)
        {
            await hub.Clients.Group(RoomHub.ConsoleGroup(meetingId)).SendAsync(StateMethod, console, ct);
        }

        if (endpointId is { } id && await states.EndpointAsync(meetingId, id, ct) is { } mine)
        {
            await hub.Clients.Group(RoomHub.EndpointGroup(meetingId, id)).SendAsync(EndpointMethod, mine, ct);
        }
    }
}
