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
            Deliver(room.SendAsync(StateMethod, state, CancellationToken.None));
        }
        else if (delta.Changes.Count > 0)
        {
            Deliver(room.SendAsync(RoomDeltas.Method, delta, CancellationToken.None));
        }

        Deliver(hub.Clients.Group(RoomHub.ConsoleGroup(meetingId)).SendAsync(StateMethod, state, CancellationToken.None));
    }

    /// <summary>After a change of what the consoles hold: its rows to the consoles, and to each endpoint of
    /// <see cref="ConsoleChange.Endpoints"/> its own flags.</summary>
    public async Task SendConsoleAsync(Guid meetingId, ConsoleChange change, CancellationToken ct = default)
    {
        if (await consoleDeltas.NextAsync(meetingId, change, ct) is { } delta)
        {
            Deliver(hub.Clients.Group(RoomHub.ConsoleGroup(meetingId)).SendAsync(ConsoleDeltas.Method, delta, CancellationToken.None));
            foreach (var endpoint in delta.Endpoints)
            {
                Deliver(hub.Clients.Group(RoomHub.EndpointGroup(meetingId, endpoint.Id)).SendAsync(EndpointMethod, new EndpointMessage(delta.Now, endpoint), CancellationToken.None));
            }

            return;
        }

        // No room yet (no console has joined): an endpoint view is still told of its own flags.
        foreach (var id in change.Endpoints)
        {
            if (await states.EndpointAsync(meetingId, id, ct) is { } mine)
            {
                Deliver(hub.Clients.Group(RoomHub.EndpointGroup(meetingId, id)).SendAsync(EndpointMethod, mine, CancellationToken.None));
            }
        }
    }

    /// <summary>One endpoint's own flags (and a request of it the chair declined) to its endpoint views.</summary>
    public async Task SendEndpointAsync(Guid meetingId, Guid endpointId, CancellationToken ct = default)
    {
        if (await states.EndpointAsync(meetingId, endpointId, ct) is { } mine)
        {
            Deliver(hub.Clients.Group(RoomHub.EndpointGroup(meetingId, endpointId)).SendAsync(EndpointMethod, mine, CancellationToken.None));
        }
    }

    /// <summary>Lets a group send finish on its own. A group send completes when every connection of the group has taken
    /// the message; one that stops reading (a frozen tab, a hostile script) fills its socket and pipe, and awaiting the send
    /// held the chair's action — and, one call at a time per connection, the chair's whole console — until the server gave
    /// that connection up (about 10 s here; walk-hostile2). The message is written into every other connection's pipe
    /// before the send first waits, so the others get it at once; what the slow one has not taken stays queued for it
    /// alone. Failures are the connection's own (SignalR logs them and drops it), observed here so none goes unobserved.</summary>
    private static void Deliver(Task send)
    {
        if (!send.IsCompletedSuccessfully)
        {
            _ = send.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }
}
