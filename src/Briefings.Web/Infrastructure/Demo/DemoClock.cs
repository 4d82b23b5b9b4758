namespace Briefings.Web.Infrastructure.Demo;

/// <summary>
/// The app's clock when the demo history is loaded (development only): the system clock, except inside
/// <see cref="At"/>, where everything awaited from there — use cases, the audit recorder — reads the given
/// moment. The override lives in an <see cref="AsyncLocal{T}"/>, so requests and background jobs, which never
/// run inside the seeder's flow, always see the real time.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private static readonly AsyncLocal<DateTimeOffset?> Override = new();

    public override DateTimeOffset GetUtcNow() => Override.Value ?? System.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>Sets the moment for the calling flow (a synchronous method, so the value stays with the caller)
    /// until the returned handle is disposed.</summary>
    public static IDisposable At(DateTimeOffset moment)
    {
        var previous = Override.Value;
        Override.Value = moment.ToUniversalTime();
        return new Restore(previous);
    }

    private sealed class Restore(DateTimeOffset? previous) : IDisposable
    {
        public void Dispose() => Override.Value = previous;
    }
}
