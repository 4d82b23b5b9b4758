using System.Collections.Concurrent;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>Whether each Janus instance answers, as last probed by <see cref="MediaCascade"/> (every
/// <see cref="MediaOptions.ReconcileInterval"/>). In memory, per app instance; an instance never probed counts as up.
/// Credentials list the instances that answer first, and the console shows the ones that do not.</summary>
public sealed class MediaHealth(TimeProvider clock)
{
    public sealed record Status(string Name, bool Up, DateTimeOffset Since, string? Error);

    private readonly ConcurrentDictionary<string, Status> statuses = new(StringComparer.Ordinal);

    public bool IsUp(string name) => !statuses.TryGetValue(name, out var s) || s.Up;

    public Status? For(string name) => statuses.GetValueOrDefault(name);

    /// <summary>Records a probe; true when the instance changed between up and down.</summary>
    public bool Report(string name, bool up, string? error = null)
    {
        var now = clock.GetUtcNow();
        var changed = false;
        statuses.AddOrUpdate(name, _ =>
        {
            changed = !up;
            return new Status(name, up, now, error);
        }, (_, old) =>
        {
            changed = old.Up != up;
            return changed ? new Status(name, up, now, error) : old with { Error = error };
        });
        return changed;
    }
}
