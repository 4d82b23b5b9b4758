using Microsoft.Extensions.Caching.Memory;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// How many room actions one hub connection may send: a token bucket of <see cref="Burst"/> actions, refilled at
/// <see cref="PerSecond"/> a second. Every action changes the room record and is sent to every connection of the
/// meeting; a script driving the console in a loop (walk-hostile2: 1,000 AddSpeech calls, only bounded by the room's
/// size) made every listener of the meeting read its flood. A real console never comes near: a chair or secretary
/// clicks at most a few times a second for a few seconds (moving speeches, marking the roll call), the minutes save
/// at most once every 1.2 s while typing; 100 at once and 3 a second after that (180 a minute) leave them untouched.
/// One per connection (in <c>Context.Items</c>), and one per account and meeting across the account's connections
/// (<see cref="ForAccountInMeeting"/>): per connection alone, a script opening ten connections sent ten budgets
/// (walk-hostile5). The account's is larger — a district office's one account drives the console from the chair's and
/// the secretary's machines at once — kept per instance and, with Redis, across instances (<see cref="AccountActionBudgets"/>).
/// </summary>
public sealed class ActionBudget(TimeProvider clock, int burst = ActionBudget.Burst, double perSecond = ActionBudget.PerSecond)
{
    public const int Burst = 100;
    public const double PerSecond = 3;

    /// <summary>An account's actions in one meeting across all its connections: five consoles' bursts at once, then ten a
    /// second (three consoles working flat out).</summary>
    public const int AccountBurst = 500;
    public const double AccountPerSecond = 10;

    public const string Refused = "Thao tác gửi quá nhanh: vui lòng đợi vài giây rồi thử lại.";

    private readonly Lock gate = new();
    private double tokens = burst;
    private long last = clock.GetTimestamp();

    /// <summary>Takes one action from the budget; false (and nothing taken) when it is spent.</summary>
    public bool TryTake()
    {
        lock (gate)
        {
            var now = clock.GetTimestamp();
            tokens = Math.Min(burst, tokens + (clock.GetElapsedTime(last, now).TotalSeconds * perSecond));
            last = now;
            if (tokens < 1)
            {
                return false;
            }

            tokens--;
            return true;
        }
    }

    /// <summary>An account's budget for the room's plain HTTP posts (presence from the media module), kept in this
    /// instance's cache while the account keeps posting: a request has no connection to hold one.</summary>
    internal static ActionBudget ForAccount(IMemoryCache cache, string account, TimeProvider clock) =>
        Kept(cache, ("room-budget", account), () => new ActionBudget(clock));

    /// <summary>An account's budget for one meeting's hub actions, shared by all the account's connections to this
    /// instance, kept while it keeps acting.</summary>
    internal static ActionBudget ForAccountInMeeting(IMemoryCache cache, string account, Guid meetingId, TimeProvider clock) =>
        Kept(cache, ("room-account-budget", account, meetingId), () => new ActionBudget(clock, AccountBurst, AccountPerSecond));

    // A budget kept in this instance's cache while its owner keeps acting.
    private static ActionBudget Kept(IMemoryCache cache, object key, Func<ActionBudget> make) =>
        cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(2);
            entry.Size = 1;
            return make();
        })!;

    /// <summary>The connection's budget, made on its first action.</summary>
    internal static ActionBudget Of(IDictionary<object, object?> items, TimeProvider clock)
    {
        if (items.TryGetValue("budget", out var value) && value is ActionBudget budget)
        {
            return budget;
        }

        var fresh = new ActionBudget(clock);
        items["budget"] = fresh;
        return fresh;
    }
}
