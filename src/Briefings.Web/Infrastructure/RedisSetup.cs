using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// Redis, when <c>Redis:Connection</c> is set: the SignalR backplane of the live room and the shared data-protection
/// key ring of several app instances. Redis is never needed to serve: while it is unreachable — at start or later —
/// sign-in reads the key ring from a local folder, the live room runs on this instance only (and says so), and
/// <c>/health</c> answers Degraded naming Redis; when it returns, everything goes back by itself.
/// </summary>
public static class RedisSetup
{
    public const string DataProtectionKey = "briefings:data-protection-keys";

    public static void AddRedisScaleOut(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<RedisConnection>();
        if (string.IsNullOrWhiteSpace(builder.Configuration["Redis:Connection"]))
        {
            return;
        }

        var folder = builder.Configuration["Redis:FallbackKeyFolder"] is { Length: > 0 } fallback
            ? KeyRingSetup.EnsureWritable(Path.GetFullPath(fallback), "Redis:FallbackKeyFolder")
            : KeyRingSetup.EnsureWritable(KeyRingSetup.Folder(builder.Configuration), KeyRingSetup.Setting);
        builder.Services.AddBriefingsDataProtection();
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FallbackKeyRepository(sp.GetRequiredService<RedisConnection>(), new DirectoryInfo(folder), sp.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddSingleton(typeof(HubLifetimeManager<>), typeof(ResilientHubLifetimeManager<>));
    }
}

/// <summary>The one connection to Redis of this instance (shared by the backplane and the key ring). It never
/// fails start-up: while Redis is unreachable it reconnects in the background and <see cref="Connected"/> is false.</summary>
public sealed class RedisConnection : IDisposable
{
    private readonly ILogger<RedisConnection> log;
    private readonly Lazy<IConnectionMultiplexer?> multiplexer;
    private readonly Lock changeGate = new();
    private bool lastConnected;

    public RedisConnection(IConfiguration configuration, ILogger<RedisConnection> log)
    {
        this.log = log;
        Configuration = configuration["Redis:Connection"] is { Length: > 0 } c ? c : null;
        Endpoint = Configuration is null ? null : string.Join(",", ConfigurationOptions.Parse(Configuration).EndPoints.Select(e => e.ToString()));
        multiplexer = new Lazy<IConnectionMultiplexer?>(Connect, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary><c>Redis:Connection</c> (it may hold a password: never logged), null without Redis.</summary>
    private string? Configuration { get; }

    /// <summary>Host and port only, for logs and <c>/health</c>.</summary>
    public string? Endpoint { get; }

    public bool Configured => Endpoint is not null;

    public IConnectionMultiplexer? Multiplexer => multiplexer.Value;

    public bool Connected => Multiplexer?.IsConnected == true;

    /// <summary>Redis configured but unreachable: the live room reaches only the clients of this instance.</summary>
    public bool SingleInstance => Configured && !Connected;

    /// <summary>Raised (with <see cref="Connected"/>) when Redis is lost or comes back.</summary>
    public event Action<bool>? Changed;

    private IConnectionMultiplexer? Connect()
    {
        if (Configuration is null)
        {
            return null;
        }

        var options = ConfigurationOptions.Parse(Configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 2000);
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5000);

        // Fail at once while disconnected instead of queueing: the callers have a local fallback.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ChannelPrefix = RedisChannel.Literal("briefings");
        var connection = ConnectionMultiplexer.Connect(options);
        lastConnected = connection.IsConnected;
        if (!lastConnected)
        {
            log.LogWarning("Redis at {Endpoint} is unreachable: sign-in uses the local key folder and the live room runs on this instance only until it returns.", Endpoint);
        }

        connection.ConnectionFailed += (_, _) => Raise();
        connection.ConnectionRestored += (_, _) => Raise();
        return connection;
    }

    private void Raise()
    {
        var now = Connected;
        lock (changeGate)
        {
            if (now == lastConnected)
            {
                return;
            }

            lastConnected = now;
        }

        if (now)
        {
            log.LogInformation("Redis at {Endpoint} is back: shared key ring and live-room backplane restored.", Endpoint);
        }
        else
        {
            log.LogWarning("Redis at {Endpoint} lost: sign-in uses the local key folder and the live room runs on this instance only until it returns.", Endpoint);
        }

        Changed?.Invoke(now);
    }

    public void Dispose()
    {
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value?.Dispose();
        }
    }
}

/// <summary>
/// The data-protection key ring in Redis, with a local folder as a copy and a fallback. Reading takes Redis's keys
/// when it answers (copying new ones into the folder) plus the folder's; a key made here is written to both, and
/// keys made here while Redis was away are copied to Redis when it answers again. So an instance that ever saw the
/// shared ring keeps reading everyone's cookies through an outage, and a cookie it makes during the outage is
/// signed with a shared key (the ring's default key is still valid) unless it never saw the ring (see
/// docs/decisions.md, "Faults").
/// </summary>
public sealed class FallbackKeyRepository : IXmlRepository
{
    private readonly RedisConnection redis;
    private readonly FileSystemXmlRepository local;
    private readonly ILogger log;

    public FallbackKeyRepository(RedisConnection redis, DirectoryInfo folder, ILoggerFactory loggers)
    {
        this.redis = redis;
        local = new FileSystemXmlRepository(folder, loggers);
        log = loggers.CreateLogger<FallbackKeyRepository>();

        // Redis is back: hand it the keys made here meanwhile, so the other instances can read this one's cookies
        // as soon as they look at the ring again (and any instance started from now on reads them at once).
        redis.Changed += connected =>
        {
            if (connected)
            {
                _ = Task.Run(GetAllElements);
            }
        };
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var mine = local.GetAllElements().ToList();
        if (Shared() is not { } shared)
        {
            return mine;
        }

        try
        {
            var theirs = shared.GetAllElements().ToList();
            var mineKeys = mine.Select(Identity).ToHashSet(StringComparer.Ordinal);
            var theirKeys = theirs.Select(Identity).ToHashSet(StringComparer.Ordinal);
            foreach (var element in theirs.Where(e => !mineKeys.Contains(Identity(e))))
            {
                local.StoreElement(element, FriendlyName(element));
            }

            foreach (var element in mine.Where(e => !theirKeys.Contains(Identity(e))))
            {
                shared.StoreElement(element, FriendlyName(element));
            }

            return [.. theirs, .. mine.Where(e => !theirKeys.Contains(Identity(e)))];
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            log.LogWarning("Key ring read from the local folder only: {Message}", e.Message);
            return mine;
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        local.StoreElement(element, friendlyName);
        if (Shared() is not { } shared)
        {
            return;
        }

        try
        {
            shared.StoreElement(element, friendlyName);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Copied to Redis at the next read once it answers.
            log.LogWarning("New data-protection key kept in the local folder only for now: {Message}", e.Message);
        }
    }

    private RedisXmlRepository? Shared() =>
        redis.Connected ? new RedisXmlRepository(() => redis.Multiplexer!.GetDatabase(), RedisSetup.DataProtectionKey) : null;

    private static string Identity(XElement e) => e.ToString(SaveOptions.DisableFormatting);

    private static string FriendlyName(XElement e) =>
        e.Attribute("id")?.Value is { Length: > 0 } id ? "key-" + id : "element-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Identity(e))))[..16];
}

/// <summary><c>/health</c> entry "redis": Degraded while a configured Redis is unreachable.</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => Task.FromResult(
        !redis.Configured ? HealthCheckResult.Healthy("Redis not configured (one instance)")
        : redis.Connected ? HealthCheckResult.Healthy($"Redis at {redis.Endpoint} connected")
        : HealthCheckResult.Degraded($"Redis at {redis.Endpoint} unreachable: sign-in uses the local key folder, the live room runs on this instance only"));
}
