using Microsoft.AspNetCore.SignalR;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>Sends what changed in a meeting to its clients. A chair action (<see cref="SendPublicAsync"/>): the listeners
/// (the room group) get the public state, without the endpoint list (<see cref="RoomStateKind"/>), as changed parts
/// (<see cref="RoomDeltas"/>) once this instance has sent the meeting's state before, and the organizer's consoles the
/// same public state (live-room.js keeps the endpoints, roll call and minutes it holds). A roll-call mark, a presence
/// change or a minutes save (<see cref="SendConsoleAsync"/>): the consoles get the changed rows only, numbered
/// (<see cref="ConsoleDeltas"/>), and an endpoint whose presence, mute or present count changed gets its own flags in its
/// own group. With Redis configured the hub context reaches clients connected to every app instance. So a commune's
/// presence or a mark costs a message of a few hundred bytes to the consoles and to that commune, not the roll call or
/// the endpoint list, and nothing to the listeners of a national meeting (issue 14.4).</summary>
public sealed class RoomBroadcaster(IHubContext<RoomHub> hub, RoomStates states, RoomDeltas deltas, ConsoleDeltas consoleDeltas)
{
    public const string StateMethod = "state";

    /// <summary>An endpoint view's own flags (<see cref="EndpointMessage"/>).</summary>
    public const string EndpointMethod = "endpoint";

    /// <summary>After a chair action (agenda item, speakers, media notice): the public state to listeners and consoles.</summary>
    public async Task SendPublicAsync(Guid meetingId, CancellationToken ct = default)
    {
        if (await states.LoadAsync(meetingId, RoomStateKind.Listener, ct) is not { } state)
        {
            return;
        }

        var room = hub.Clients.Group(RoomHub.RoomGroup(meetingId));
        if (deltas.Next(state) is not { } delta)
        {
            await room.SendAsync(StateMethod, state, ct);
        }
        else if (delta.Changes.Count > 0)
        {
            await room.SendAsync(RoomDeltas.Method, delta, ct);
        }

        await hub.Clients.Group(RoomHub.ConsoleGroup(meetingId)).SendAsync(StateMethod, state, ct);
    }

    /// <summary>After a change of what the consoles hold: its rows to the consoles, and to each endpoint of
    /// <see cref="ConsoleChange.Endpoints"/> its own flags.</summary>
    public async Task SendConsoleAsync(Guid meetingId, ConsoleChange change, CancellationToken ct = default)
    {
        if (await consoleDeltas.NextAsync(meetingId, change, ct) is { } delta)
        {
            await hub.Clients.Group(RoomHub.ConsoleGroup(meetingId)).SendAsync(ConsoleDeltas.Method, delta, ct);
            foreach (var endpoint in delta.Endpoints)
            {
                await hub.Clients.Group(RoomHub.EndpointGroup(meetingId, endpoint.Id)).SendAsync(EndpointMethod, new EndpointMessage(delta.Now, endpoint), ct);
            }

            return;
        }

        // No room yet (no console has joined): an endpoint view is still told of its own flags.
        foreach (var id in change.Endpoints)
        {
            if (await states.EndpointAsync(meetingId, id, ct) is { } mine)
            {
                await hub.Clients.Group(RoomHub.EndpointGroup(meetingId, id)).SendAsync(EndpointMethod, mine, ct);
            }
        }
    }
}
