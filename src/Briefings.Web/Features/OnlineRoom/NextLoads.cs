namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Loads by key that a caller shares with every caller asking at about the same time, without ever getting a result
/// read before it asked (issue 14.4: after an app instance dies, thousands of joins of one meeting arrive at the
/// survivor within seconds, and each ran the same queries). A caller gets the next load that *starts* after it asked:
/// if a load is waiting to start it takes that one, otherwise it starts one (which waits for the running one to end).
/// So its answer is as fresh as a query of its own — a change committed before it asked is always seen — while at most
/// one load runs and one waits per key. Loads run with no cancellation (many callers share them); a failed load fails
/// every caller that shared it.
/// </summary>
public sealed class NextLoads<TKey, TValue>(Func<TKey, Task<TValue>> load)
    where TKey : notnull
{
    private sealed class Slot
    {
        public Task? Running;
        public TaskCompletionSource<TValue>? Waiting;
    }

    private readonly Dictionary<TKey, Slot> slots = [];

    public Task<TValue> LoadAsync(TKey key)
    {
        TaskCompletionSource<TValue> pending;
        lock (slots)
        {
            if (!slots.TryGetValue(key, out var slot))
            {
                slots[key] = slot = new Slot();
            }

            if (slot.Waiting is { } waiting)
            {
                return waiting.Task;
            }

            pending = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
            slot.Waiting = pending;
            slot.Running = RunAsync(key, slot, pending, slot.Running);
        }

        return pending.Task;
    }

    private async Task RunAsync(TKey key, Slot slot, TaskCompletionSource<TValue> pending, Task? after)
    {
        if (after is not null)
        {
            await after; // never throws: failures go to the callers' tasks
        }
        else
        {
            await Task.Yield(); // let the caller leave the lock first
        }

        lock (slots)
        {
            // From here on a new caller needs a load of its own (this one may read the database before it asked).
            slot.Waiting = null;
        }

        try
        {
            pending.SetResult(await load(key));
        }
        catch (Exception e)
        {
            pending.SetException(e);
        }
        finally
        {
            lock (slots)
            {
                if (slot.Waiting is null && ReferenceEquals(slots.GetValueOrDefault(key), slot))
                {
                    slots.Remove(key);
                }
            }
        }
    }
}
