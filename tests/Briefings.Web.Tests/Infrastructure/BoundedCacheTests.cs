using Briefings.Web.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The one bound of the app's in-process caches (<see cref="BoundedCache{TKey, TValue}"/>): opened sign-in
/// tickets and document names.</summary>
public sealed class BoundedCacheTests
{
    [Fact]
    public void GetOrAdd_MoreKeysThanTheCapacity_KeepsAtMostTheCapacityAndAnswersEveryKey()
    {
        using var cache = new BoundedCache<string, string>(3);
        var made = 0;
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal($"v{i}", cache.GetOrAdd($"k{i}", k => { made++; return "v" + k[1..]; }));
        }

        Assert.Equal(20, made);
        Assert.InRange(cache.Count, 1, 3);
    }

    [Fact]
    public void GetOrAdd_SameKeyTwice_MadeOnceSameValue()
    {
        using var cache = new BoundedCache<string, object>(3);
        var first = cache.GetOrAdd("a", _ => new object());
        Assert.Same(first, cache.GetOrAdd("a", _ => new object()));
    }

    [Fact]
    public void Set_WithAnExpiry_ForgottenWhenTheAppsClockPassesIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        using var cache = new BoundedCache<string, string>(3, clock);
        cache.Set("a", "1", clock.GetUtcNow().AddMinutes(5));
        Assert.True(cache.TryGet("a", out var kept));
        Assert.Equal("1", kept);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.False(cache.TryGet("a", out _));
    }
}
