namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// The public state handed to listeners as they join, with concurrent joins of one meeting sharing one load. When an
/// app instance dies, its thousands of listeners join the survivors within a few seconds; building the state once per
/// join made those joins queue on the database (issue 14.4). Here a join waits for the next load that starts after
/// it asked: it has joined the meeting's group before asking, so any change committed after that load read the
/// database is also broadcast to it — exactly the guarantee of a load of its own (<see cref="NextLoads{TKey, TValue}"/>).
/// At most one load runs and one waits per meeting; every join that arrives meanwhile takes the waiting one. The state is serialized once per load
/// (<see cref="SharedStateJson"/>), not once per join.
/// </summary>
public sealed class JoinStates
{
    private readonly NextLoads<Guid, RoomState?> loads;
    private readonly NextLoads<Guid, RoomState?> consoleLoads;

    public JoinStates(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.SignalR.JsonHubProtocolOptions> json)
    {
        Func<Guid, Task<RoomState?>> Loader(RoomStateKind kind) => async meetingId =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var state = await scope.ServiceProvider.GetRequiredService<RoomStates>().LoadAsync(meetingId, kind);
            if (state is not null)
            {
                // Every join that shares this load writes these bytes, instead of serializing the state again.
                SharedStateJson.Share(state, json.Value.PayloadSerializerOptions);
            }

            RoomMetrics.StateLoad.Since(started);
            return state;
        };

        loads = new(Loader(RoomStateKind.Listener));
        consoleLoads = new(Loader(RoomStateKind.Console));
    }

    /// <summary>The public state, from a load that started after this call (shared with the joins asking meanwhile).</summary>
    public Task<RoomState?> LoadAsync(Guid meetingId) => loads.LoadAsync(meetingId);

    /// <summary>The whole console state (endpoints, roll call, minutes: megabytes in a national meeting), from a load that
    /// started after this call: the consoles of one meeting (the chair, the clerks) rejoining together after an instance
    /// died share one read and one serialization. The caller must be allowed the console state.</summary>
    public Task<RoomState?> LoadConsoleAsync(Guid meetingId) => consoleLoads.LoadAsync(meetingId);
}
