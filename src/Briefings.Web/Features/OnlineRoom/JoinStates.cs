namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// The public state handed to listeners as they join, with concurrent joins of one meeting sharing one load. When an
/// app instance dies, its thousands of listeners join the survivors within a few seconds; building the state once per
/// join made those joins queue on the database (issue 14.4). Here a join waits for the next load that starts after
/// it asked: it has joined the meeting's group before asking, so any change committed after that load read the
/// database is also broadcast to it — exactly the guarantee of a load of its own. At most one load runs and one waits
/// per meeting; every join that arrives meanwhile takes the waiting one.
/// </summary>
public sealed class JoinStates(IServiceScopeFactory scopes)
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
            await using var scope = scopes.CreateAsyncScope();
            pending.Result.SetResult(await scope.ServiceProvider.GetRequiredService<RoomStates>().LoadAsync(meetingId, forConsole: false));
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
