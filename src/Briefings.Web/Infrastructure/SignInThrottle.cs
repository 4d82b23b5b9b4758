using System.Net;
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
    private readonly BoundedCache<string, Counter> failures = new(100_000, clock);

    public int MaxFailures { get; } = configuration.GetValue("Accounts:MaxFailedSignInsPerAddress", 30);

    public TimeSpan Window { get; } = TimeSpan.FromMinutes(configuration.GetValue("Accounts:FailedSignInWindowMinutes", 15));

    /// <summary>Minutes until this address may try again, or null when it may try now.</summary>
    public int? RefusedForMinutes(HttpContext context) =>
        failures.TryGet(Key(context.Connection.RemoteIpAddress), out var counter) && counter.Count >= MaxFailures
            ? Math.Max(1, (int)Math.Ceiling((counter.Until - clock.GetUtcNow()).TotalMinutes))
            : null;

    public void Failed(HttpContext context)
    {
        var key = Key(context.Connection.RemoteIpAddress);
        if (!failures.TryGet(key, out var counter))
        {
            counter = new Counter(clock.GetUtcNow().Add(Window));
            failures.Set(key, counter, counter.Until);
        }

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
