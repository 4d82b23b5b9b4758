using System.Collections.Concurrent;
using System.Net;
using Briefings.Core.Meetings;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The shared background-job loop: a pass that throws is logged and retried with back-off, and the host
/// keeps serving. The failing job is the real media room keeper whose database table has gone (before the shared
/// loop its database error escaped and stopped the host).</summary>
public sealed class BackgroundJobsTests
{
    private const string Keeper = "media-room-keeper";

    [Fact]
    public async Task RoomKeeper_DatabaseFails_HostKeepsRunning_RetriedWithBackOff_RecoversWhenTheDatabaseReturns()
    {
        using var app = new LoggedAppFactory(new Dictionary<string, string?>
        {
            // A complete Janus configuration turns the keeper on; nothing listens there and no meeting needs a room.
            ["Media:Janus:0:Name"] = "test",
            ["Media:Janus:0:ApiUrl"] = "http://127.0.0.1:9/janus",
            ["Media:Janus:0:ApiSecret"] = "s",
            ["Media:Janus:0:TokenAuthSecret"] = "t",
            ["Media:Janus:0:RoomAdminKey"] = "k",
            ["Media:ReconcileInterval"] = "00:00:00.250",
            ["Jobs:RetryBaseSeconds"] = "0.2",
            ["Jobs:RetryMaxSeconds"] = "0.8",
            ["Logging:LogLevel:Briefings.Web.Infrastructure.BackgroundJobs"] = "Information",
        });
        using var client = app.Client();
        await app.WithDbAsync(db => db.Meetings.ExecuteUpdateAsync(s => s.SetProperty(m => m.Mode, MeetingMode.InPerson)));
        var runner = app.Services.GetRequiredService<BackgroundJobs>();
        await WaitUntilAsync(() => runner.StatusOf(Keeper) is { Passes: > 2, FailuresInARow: 0 });

        // The table the keeper reads disappears: every pass fails with a database error.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Meetings\" RENAME TO \"Meetings_gone\""));
        await WaitUntilAsync(() => runner.StatusOf(Keeper) is { FailuresInARow: >= 4 });
        var firstFailures = runner.StatusOf(Keeper)!.Failures;
        await Task.Delay(TimeSpan.FromSeconds(2));

        // Backed off: one try per 0.8 s now (the 0.25 s interval alone would have made 8 in 2 s).
        var failing = runner.StatusOf(Keeper)!;
        Assert.InRange(failing.Failures - firstFailures, 1, 4);
        Assert.Contains("Meetings", failing.LastError, StringComparison.Ordinal);
        Assert.False(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        var errors = app.Log.Where(l => l.Level == LogLevel.Error && l.Category.EndsWith(nameof(BackgroundJobs), StringComparison.Ordinal)).ToList();
        Assert.Contains(errors, l => l.Message.Contains(Keeper, StringComparison.Ordinal) && l.Message.Contains("next try in", StringComparison.Ordinal) && l.Exception is not null);

        // Still serving: /health answers (the job failing makes it Degraded and names it; the database itself answers).
        var health = await client.Http.GetAsync("/health");
        var text = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.StartsWith("Degraded", text, StringComparison.Ordinal);
        Assert.Contains($"jobs: Degraded — Failing background jobs: {Keeper}", text, StringComparison.Ordinal);

        // The table comes back: the next pass succeeds without anyone restarting anything.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Meetings_gone\" RENAME TO \"Meetings\""));
        await WaitUntilAsync(() => runner.StatusOf(Keeper) is { FailuresInARow: 0 });
        Assert.Contains(app.Log, l => l.Level == LogLevel.Information && l.Message.Contains($"{Keeper} recovered", StringComparison.Ordinal));
        // The jobs are healthy again; only the Janus configured on purpose where nothing listens is still named.
        var recovered = await (await client.Http.GetAsync("/health")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("jobs:", recovered, StringComparison.Ordinal);
        Assert.Contains("janus: Degraded", recovered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 15)]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(4, 80)]
    [InlineData(7, 640)]
    [InlineData(8, 900)]
    [InlineData(40, 900)]
    public void Delay_FailuresInARow_DoublesFromBaseUpToMax(int failures, double seconds)
    {
        var delay = BackgroundJobs.Delay(TimeSpan.FromSeconds(15), failures, new BackgroundJobOptions { RetryBaseSeconds = 10, RetryMaxSeconds = 900 });

        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Fact]
    public void Delay_JobAcceptsLessThanTheConfiguredMaximum_CappedAtTheJobsMaximum()
    {
        var o = new BackgroundJobOptions { RetryBaseSeconds = 10, RetryMaxSeconds = 900 };

        Assert.Equal(TimeSpan.FromSeconds(40), BackgroundJobs.Delay(TimeSpan.FromSeconds(15), 3, o, TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromMinutes(1), BackgroundJobs.Delay(TimeSpan.FromSeconds(15), 5, o, TimeSpan.FromMinutes(1)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The background job did not reach the expected state.");
            }

            await Task.Delay(50);
        }
    }
}

/// <summary>A log line; <paramref name="Scope"/> holds the values of the scopes it was written in (request id,
/// trace id, user), as the JSON console writes them.</summary>
public sealed record LogLine(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Scope);

/// <summary>The app with every log line it writes kept in memory.</summary>
public sealed class LoggedAppFactory(IDictionary<string, string?> overrides) : AppFactory(overrides)
{
    public ConcurrentQueue<LogLine> Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new MemoryLoggerProvider(Log)));
    }
}

/// <summary>Keeps log lines in memory for assertions.</summary>
public sealed class MemoryLoggerProvider(ConcurrentQueue<LogLine> lines) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? scopes;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines, () => scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogLine> lines, Func<IExternalScopeProvider?> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes()?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>();
            scopes()?.ForEachScope(
                (scope, into) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            into[key] = value;
                        }
                    }
                },
                values);
            lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception), exception, values));
        }
    }
}
