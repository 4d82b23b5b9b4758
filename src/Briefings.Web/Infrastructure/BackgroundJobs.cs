using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Briefings.Web.Infrastructure;

/// <summary>One pass of a recurring background job (reminders, periods, room keeper, mail). The pass does the work;
/// <see cref="BackgroundJobs"/> does the hosting: when to run, logging, back-off after a failure. A pass must be safe
/// to run again after it failed halfway and on several app instances at once (each job says how: unique keys,
/// claims).</summary>
public interface IBackgroundJob
{
    /// <summary>A short name for logs and <c>/health</c>.</summary>
    string Name { get; }

    /// <summary>Time between two passes that succeeded.</summary>
    TimeSpan Interval { get; }

    /// <summary>False when this instance should not run the job (not configured, switched off).</summary>
    bool Enabled => true;

    /// <summary>The longest back-off this job accepts (e.g. the room keeper must re-create rooms soon after Janus
    /// returns); <c>Jobs:RetryMaxSeconds</c> caps it further.</summary>
    TimeSpan MaxBackOff => TimeSpan.MaxValue;

    Task RunPassAsync(CancellationToken ct);
}

/// <summary>The <c>Jobs</c> configuration section: the back-off after a failed pass.</summary>
public sealed class BackgroundJobOptions
{
    public const string Section = "Jobs";

    /// <summary>Wait after the first failure; doubled after each further failure in a row.</summary>
    public double RetryBaseSeconds { get; set; } = 10;

    /// <summary>The longest wait between two failing passes (a six-hourly job is retried sooner than its interval).</summary>
    public double RetryMaxSeconds { get; set; } = 900;
}

/// <summary>What the runner knows about a job, for <c>/health</c> and tests.</summary>
public sealed record BackgroundJobStatus(string Name, int Passes, int Failures, int FailuresInARow, DateTimeOffset? LastSuccessAt,
    string? LastError, DateTimeOffset? NextRunAt);

/// <summary>
/// The one loop every background job runs on. Each enabled <see cref="IBackgroundJob"/> gets its own timer (a slow
/// pass of one job never delays another), and every exception a pass throws — a database that is gone, a lost
/// connection, a bug — is logged with the job's name and retried after a back-off (<see cref="BackgroundJobOptions"/>:
/// 10 s, 20 s, 40 s … at most 15 min), never escaping into the host: an unhandled exception in a hosted service
/// stops the whole app. Only the host's own shutdown ends a loop.
/// </summary>
public sealed class BackgroundJobs(IEnumerable<IBackgroundJob> jobs, TimeProvider clock, Microsoft.Extensions.Options.IOptions<BackgroundJobOptions> options,
    ILogger<BackgroundJobs> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, BackgroundJobStatus> statuses = new(StringComparer.Ordinal);

    public IReadOnlyCollection<BackgroundJobStatus> Statuses => [.. statuses.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public BackgroundJobStatus? StatusOf(string name) => statuses.GetValueOrDefault(name);

    /// <summary>The wait before the next pass: the interval after a success, an exponential back-off after failures.</summary>
    public static TimeSpan Delay(TimeSpan interval, int failuresInARow, BackgroundJobOptions o, TimeSpan? maxBackOff = null)
    {
        if (failuresInARow == 0)
        {
            return interval;
        }

        var seconds = Math.Min(o.RetryBaseSeconds * Math.Pow(2, Math.Min(failuresInARow - 1, 30)), o.RetryMaxSeconds);
        return maxBackOff is { } max && max.TotalSeconds < seconds ? max : TimeSpan.FromSeconds(seconds);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Where(j => j.Enabled).Select(j => Task.Run(() => LoopAsync(j, stoppingToken), CancellationToken.None)));

    private async Task LoopAsync(IBackgroundJob job, CancellationToken stoppingToken)
    {
        var status = new BackgroundJobStatus(job.Name, 0, 0, 0, null, null, clock.GetUtcNow());
        statuses[job.Name] = status;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await job.RunPassAsync(stoppingToken);
                if (status.FailuresInARow > 0)
                {
                    logger.LogInformation("Background job {Job} recovered after {Failures} failed passes.", job.Name, status.FailuresInARow);
                }

                status = status with { Passes = status.Passes + 1, FailuresInARow = 0, LastSuccessAt = clock.GetUtcNow(), LastError = null };
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                status = status with { Passes = status.Passes + 1, Failures = status.Failures + 1, FailuresInARow = status.FailuresInARow + 1, LastError = ex.GetBaseException().Message };
                logger.LogError(ex, "Background job {Job} failed ({FailuresInARow} in a row); next try in {Delay}.", job.Name, status.FailuresInARow,
                    Delay(job.Interval, status.FailuresInARow, options.Value, job.MaxBackOff));
            }

            var delay = Delay(job.Interval, status.FailuresInARow, options.Value, job.MaxBackOff);
            status = status with { NextRunAt = clock.GetUtcNow() + delay };
            statuses[job.Name] = status;
            try
            {
                await Task.Delay(delay, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary><c>/health</c> entry "jobs": Degraded, naming the jobs whose last passes failed.</summary>
public sealed class BackgroundJobsHealthCheck(BackgroundJobs runner) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = runner.Statuses.Where(s => s.FailuresInARow > 0).ToList();
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy($"{runner.Statuses.Count} background jobs running")
            : HealthCheckResult.Degraded("Failing background jobs: " + string.Join(", ", failing.Select(f => $"{f.Name} ({f.FailuresInARow}× : {f.LastError})"))));
    }
}

public static class BackgroundJobsSetup
{
    /// <summary>Registers <typeparamref name="TJob"/> as a singleton (so tests and pages can reach it) and as a job
    /// of the shared loop; the loop itself is registered once.</summary>
    public static IServiceCollection AddBackgroundJob<TJob>(this IServiceCollection services)
        where TJob : class, IBackgroundJob
    {
        services.TryAddSingleton<TJob>();
        services.AddSingleton<IBackgroundJob>(sp => sp.GetRequiredService<TJob>());
        return services.AddBackgroundJobRunner();
    }

    /// <summary>The shared loop (once, however often called).</summary>
    public static IServiceCollection AddBackgroundJobRunner(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(BackgroundJobs)))
        {
            services.AddOptions<BackgroundJobOptions>().BindConfiguration(BackgroundJobOptions.Section);
            services.AddSingleton<BackgroundJobs>();
            services.AddHostedService(sp => sp.GetRequiredService<BackgroundJobs>());
        }

        return services;
    }
}
