namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// The public state handed to listeners as they join, with concurrent joins of one meeting sharing one load. When an
/// app instance dies, its thousands of listeners join the survivors within a few seconds; building the state once per
/// join made those joins queue on the database (issue 14.4). Here a join waits for the next load that starts after
/// it asked: it has joined the meeting's group before asking, so any change committed after that load read the
/// database is also broadcast to it — exactly the guarantee of a load of its own. At most one load runs and one waits
/// per meeting; every join that arrives meanwhile takes the waiting one. The state is serialized once per load
/// (<see cref="SharedStateJson"/>), not once per join.
/// </summary>
public sealed class JoinStates(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.SignalR.JsonHubProtocolOptions> json)
{
    private sealed class Pending
    {
        public TaskCompletionSource<RoomState?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Slot
    {
        public Task? Running;
        public Pending? Waiting;
    }

    private readonly Dictionary<Guid, Slot> slots = [];

    public Task<RoomState?> LoadAsync(Guid meetingId)
    {
        Pending pending;
        Task? after;
        lock (slots)
        {
            if (!slots.TryGetValue(meetingId, out var slot))
            {
                slots[meetingId] = slot = new Slot();
            }

            if (slot.Waiting is { } waiting)
            {
                return waiting.Result.Task;
            }

            pending = new Pending();
            slot.Waiting = pending;
            after = slot.Running;
            slot.Running = RunAsync(meetingId, slot, pending, after);
        }

        return pending.Result.Task;
    }

    private async Task RunAsync(Guid meetingId, Slot slot, Pending pending, Task? after)
    {
        if (after is not null)
        {
            await after; // never throws: failures go to the joins' tasks
        }
        else
        {
            await Task.Yield(); // let the caller leave the lock first
        }

        lock (slots)
        {
            // From here on a new join needs a load of its own (this one may read the database before the join's group).
            slot.Waiting = null;
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var state = await scope.ServiceProvider.GetRequiredService<RoomStates>().LoadAsync(meetingId, forConsole: false);
            if (state is not null)
            {
                // Every join that shares this load writes these bytes, instead of serializing the state again.
                SharedStateJson.Share(state, json.Value.PayloadSerializerOptions);
            }

            RoomMetrics.StateLoad.Since(started);
            pending.Result.SetResult(state);
        }
        catch (Exception e)
        {
            pending.Result.SetException(e);
        }
        finally
        {
            lock (slots)
            {
                if (slot.Waiting is null && ReferenceEquals(slots.GetValueOrDefault(meetingId), slot))
                {
                    slots.Remove(meetingId);
                }
            }
        }
    }
}
