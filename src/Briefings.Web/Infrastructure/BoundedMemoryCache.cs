using Microsoft.Extensions.Caching.Memory;

namespace Briefings.Web.Infrastructure;

/// <summary>A memory cache of at most <c>capacity</c> entries (each of size 1) whose expirations follow the app's
/// <see cref="TimeProvider"/> (the tests' fake clock included).</summary>
internal static class BoundedMemoryCache
{
    public static MemoryCache Create(TimeProvider clock, int capacity) =>
        new(new MemoryCacheOptions { SizeLimit = capacity, Clock = new ClockAdapter(clock) });

    private sealed class ClockAdapter(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
