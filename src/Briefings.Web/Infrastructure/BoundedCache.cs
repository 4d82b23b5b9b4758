using Microsoft.Extensions.Caching.Memory;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// A memory cache of at most <c>capacity</c> entries, the one bound every in-process cache of the app uses (opened
/// sign-in tickets, document names). When it is full a new entry is not kept and the cache compacts itself in the
/// background (the least recently used twentieth goes), so a burst of unusual keys neither grows memory without limit
/// nor freezes the cache with whatever came first. Expirations follow the app's <see cref="TimeProvider"/> (the tests'
/// fake clock included). Safe for concurrent use.
/// </summary>
public sealed class BoundedCache<TKey, TValue>(int capacity, TimeProvider? clock = null) : IDisposable
    where TKey : notnull
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions
    {
        SizeLimit = capacity,
        Clock = clock is null ? null : new ClockAdapter(clock),
    });

    /// <summary>How many entries are kept now.</summary>
    public int Count => cache.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (cache.TryGetValue(key, out var kept) && kept is TValue v)
        {
            value = v;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> (if there is room) until <paramref name="until"/>, or for as long as room
    /// allows when null.</summary>
    public void Set(TKey key, TValue value, DateTimeOffset? until = null)
    {
        var options = new MemoryCacheEntryOptions { Size = 1 };
        if (until is { } u)
        {
            options.AbsoluteExpiration = u;
        }

        cache.Set(key, value, options);
    }

    /// <summary>Forgets <paramref name="key"/>'s value, if kept.</summary>
    public void Remove(TKey key) => cache.Remove(key);

    /// <summary>The kept value, or <paramref name="make"/>'s (kept if there is room).</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }

        value = make(key);
        Set(key, value);
        return value;
    }

    public void Dispose() => cache.Dispose();

    private sealed class ClockAdapter(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
