using System.Net;
using Microsoft.Extensions.Caching.Memory;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// Failed sign-ins counted per client address (the proxy's forwarded address when one is configured). Identity's
/// lockout counts per account, so from outside one address could try 200 user names in 0.4 s, or four passwords on
/// every account, without meeting any limit (and lock out every account it names). After
/// <c>Accounts:MaxFailedSignInsPerAddress</c> (30) failures within <c>Accounts:FailedSignInWindowMinutes</c> (15) of the
/// first, the address may not try again until the window ends; a commune office behind one address with a dozen
/// clerks stays far below it. Counted in this instance's memory (a second instance counts its own): a brake on guessing,
/// not an accounting.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache failures = BoundedMemoryCache.Create(clock, 100_000);

    public int MaxFailures { get; } = configuration.GetValue("Accounts:MaxFailedSignInsPerAddress", 30);

    public TimeSpan Window { get; } = TimeSpan.FromMinutes(configuration.GetValue("Accounts:FailedSignInWindowMinutes", 15));

    /// <summary>Minutes until this address may try again, or null when it may try now.</summary>
    public int? RefusedForMinutes(HttpContext context) =>
        failures.TryGetValue(Key(context.Connection.RemoteIpAddress), out Counter? counter) && counter!.Count >= MaxFailures
            ? Math.Max(1, (int)Math.Ceiling((counter.Until - clock.GetUtcNow()).TotalMinutes))
            : null;

    public void Failed(HttpContext context)
    {
        var key = Key(context.Connection.RemoteIpAddress);
        var counter = failures.GetOrCreate(key, entry =>
        {
            var until = clock.GetUtcNow().Add(Window);
            entry.AbsoluteExpiration = until;
            entry.Size = 1;
            return new Counter(until);
        })!;
        Interlocked.Increment(ref counter.Count);
    }

    public void Dispose() => failures.Dispose();

    private static string Key(IPAddress? address) => address?.ToString() ?? "";

    private sealed class Counter(DateTimeOffset until)
    {
        public int Count;

        public DateTimeOffset Until { get; } = until;
    }
}
