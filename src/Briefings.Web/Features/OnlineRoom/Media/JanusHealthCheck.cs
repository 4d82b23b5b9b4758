using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// <c>/health</c>'s "janus" part: every configured Janus instance is asked <c>{"janus":"info"}</c> (no authentication,
/// 2 s each, all at once). One that does not answer makes the app Degraded — it still serves pages and the live room,
/// but meetings placed on that Janus have no media — and is named with its API address (never a secret). Without
/// media configured the part is Healthy ("not configured").
/// </summary>
public sealed class JanusHealthCheck(JanusClient janus, IOptions<MediaOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var instances = options.Value.Janus.Where(j => j.ApiUrl.Length > 0).ToList();
        if (instances.Count == 0)
        {
            return HealthCheckResult.Healthy("Janus not configured (no media)");
        }

        var failures = await Task.WhenAll(instances.Select(async j =>
            await janus.ProbeAsync(j, TimeSpan.FromSeconds(2), cancellationToken) is { } error ? $"{j.Name} ({j.ApiUrl}) unreachable: {error}" : null));
        var down = failures.OfType<string>().ToList();
        return down.Count == 0
            ? HealthCheckResult.Healthy($"{instances.Count} Janus instance(s) answer")
            : HealthCheckResult.Degraded($"{down.Count} of {instances.Count} Janus instance(s) down, no media on their meetings: " + string.Join("; ", down));
    }
}
