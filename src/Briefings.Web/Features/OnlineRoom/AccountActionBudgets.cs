using Briefings.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using StackExchange.Redis;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Whether a hub action may go: the connection's own <see cref="ActionBudget"/>, then the account's budget for the
/// meeting across all its connections — on this instance, and with Redis across every instance (a token bucket kept in
/// Redis by one script call, so two instances never both spend the last token). Without Redis, or while it is away, the
/// instance's own account budget still holds: a script's connections spread over N instances get N budgets then, never
/// an unlimited number. A Redis error lets the action go on the local budget rather than refuse a real chair.
/// </summary>
public sealed class AccountActionBudgets(IMemoryCache cache, RedisConnection redis, TimeProvider clock, ILogger<AccountActionBudgets> log)
{
    // KEYS[1] the account's bucket for the meeting; ARGV burst, tokens a second, now in ms. Returns 1 when a token was taken.
    private static readonly LuaScript Take = LuaScript.Prepare("""
        local tokens = tonumber(redis.call('HGET', @key, 't'))
        local last = tonumber(redis.call('HGET', @key, 'at'))
        local burst = tonumber(@burst)
        local now = tonumber(@now)
        if tokens == nil or last == nil then tokens = burst; last = now end
        tokens = math.min(burst, tokens + math.max(0, now - last) / 1000 * tonumber(@rate))
        local ok = 0
        if tokens >= 1 then tokens = tokens - 1; ok = 1 end
        redis.call('HSET', @key, 't', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', @key, 120000)
        return ok
        """);

    public async Task<bool> TryTakeAsync(IDictionary<object, object?> connectionItems, string account, Guid meetingId)
    {
        // The connection's budget first: a connection past its own does not spend the account's other consoles' share.
        if (!ActionBudget.Of(connectionItems, clock).TryTake() || !ActionBudget.ForAccountInMeeting(cache, account, meetingId, clock).TryTake())
        {
            return false;
        }

        if (!redis.Configured || !redis.Connected)
        {
            return true;
        }

        try
        {
            var taken = await redis.Multiplexer!.GetDatabase().ScriptEvaluateAsync(Take, new
            {
                key = (RedisKey)$"briefings:room-budget:{account}:{meetingId:N}",
                burst = ActionBudget.AccountBurst,
                rate = ActionBudget.AccountPerSecond,
                now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            });
            return (int)taken == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            log.LogWarning(ex, "The room's shared action budget could not be read from Redis; the instance's own budget applies.");
            return true;
        }
    }
}
