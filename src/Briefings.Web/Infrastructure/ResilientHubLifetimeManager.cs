using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// SignalR's Redis backplane that survives Redis: every connection and group is kept by the in-process manager too,
/// and a message goes through Redis (to the clients of every instance) while it is connected, otherwise straight to
/// this instance's clients. Connections made or regrouped while Redis was away are not known to the backplane, so
/// when Redis returns they are closed: the room's script reconnects at once and joins again (getting the whole
/// state), this time through Redis. A registration that fails while Redis stays connected (a command timed out: Redis
/// too busy during a rejoin storm) closes the connection at once for the same reason: kept on this instance only, it
/// would be joined yet deaf to everything sent through Redis. Clients are told <c>"scale"</c> (<c>{ singleInstance }</c>) on every change, so
/// the console shows whether it reaches the other instances. The Redis manager is created on the first connection
/// to Redis, so its own subscriptions never start half-made.
/// </summary>
public sealed class ResilientHubLifetimeManager<THub> : HubLifetimeManager<THub>, IDisposable
    where THub : Hub
{
    public const string ScaleMethod = "scale";

    private readonly DefaultHubLifetimeManager<THub> local;
    private readonly RedisConnection redis;
    private readonly ILoggerFactory loggers;
    private readonly IHubProtocolResolver protocols;
    private readonly IOptions<HubOptions> globalOptions;
    private readonly IOptions<HubOptions<THub>> hubOptions;
    private readonly ILogger log;
    private readonly ConcurrentDictionary<string, HubConnectionContext> connections = new(StringComparer.Ordinal);
    // Connections the backplane does not know, each with whether a registration with it was begun (and failed): those
    // are removed from it again when they close.
    private readonly ConcurrentDictionary<string, bool> localOnly = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private RedisHubLifetimeManager<THub>? shared;

    public ResilientHubLifetimeManager(RedisConnection redis, ILoggerFactory loggers, IHubProtocolResolver protocols, IOptions<HubOptions> globalOptions,
        IOptions<HubOptions<THub>> hubOptions)
    {
        this.redis = redis;
        this.loggers = loggers;
        this.protocols = protocols;
        this.globalOptions = globalOptions;
        this.hubOptions = hubOptions;
        log = loggers.CreateLogger<ResilientHubLifetimeManager<THub>>();
        local = new DefaultHubLifetimeManager<THub>(loggers.CreateLogger<DefaultHubLifetimeManager<THub>>());
        redis.Changed += OnRedisChanged;
    }

    /// <summary>The backplane while Redis is connected; null while it is not.</summary>
    private RedisHubLifetimeManager<THub>? Shared()
    {
        if (!redis.Connected)
        {
            return null;
        }

        lock (gate)
        {
            return shared ??= new RedisHubLifetimeManager<THub>(loggers.CreateLogger<RedisHubLifetimeManager<THub>>(),
                Options.Create(new RedisOptions { ConnectionFactory = _ => Task.FromResult(redis.Multiplexer!) }), protocols, globalOptions, hubOptions);
        }
    }

    private void OnRedisChanged(bool connected) => _ = Task.Run(async () =>
    {
        try
        {
            if (connected)
            {
                foreach (var id in localOnly.Keys)
                {
                    if (connections.TryGetValue(id, out var connection))
                    {
                        connection.Abort();
                    }
                }
            }

            await local.SendAllAsync(ScaleMethod, [new { singleInstance = !connected }]);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Live room: telling clients about the Redis change failed.");
        }
    });

    private async Task<bool> TryShared(Func<RedisHubLifetimeManager<THub>, Task> action)
    {
        if (Shared() is not { } s)
        {
            return false;
        }

        try
        {
            await action(s);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
        {
            log.LogWarning("Live room: Redis backplane unavailable, this instance's clients only: {Message}", e.Message);
            return false;
        }
    }

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await local.OnConnectedAsync(connection);
        connections[connection.ConnectionId] = connection;
        if (Shared() is null)
        {
            KeepLocal(connection.ConnectionId, begun: false);
        }
        else if (!await TryShared(s => s.OnConnectedAsync(connection)))
        {
            KeepLocal(connection.ConnectionId, begun: true);
        }
    }

    /// <summary>The backplane could not take a connection (or its group): it is served by this instance alone. While
    /// Redis is away that is the fallback (closed when Redis returns); while Redis is connected it is a failed command,
    /// and the connection is closed now so that the client joins again through Redis.</summary>
    private void KeepLocal(string connectionId, bool begun)
    {
        localOnly.AddOrUpdate(connectionId, begun, (_, before) => before || begun);
        if (redis.Connected && connections.TryGetValue(connectionId, out var connection))
        {
            log.LogWarning("Live room: the backplane could not register connection {ConnectionId} while Redis is connected; it is closed so that its client joins again.", connectionId);
            connection.Abort();
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await local.OnDisconnectedAsync(connection);
        connections.TryRemove(connection.ConnectionId, out _);
        var known = !localOnly.TryRemove(connection.ConnectionId, out var begun) || begun;
        if (known && shared is { } s)
        {
            try
            {
                await s.OnDisconnectedAsync(connection);
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException or InvalidOperationException)
            {
                // Its subscriptions end with the Redis connection anyway.
            }
            catch (NullReferenceException)
            {
                // A registration that failed before the backplane set up its part of the connection: nothing to remove.
            }
        }
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (!localOnly.ContainsKey(connectionId) && !await TryShared(s => s.AddToGroupAsync(connectionId, groupName, cancellationToken)))
        {
            KeepLocal(connectionId, begun: true);
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (!localOnly.ContainsKey(connectionId) && !await TryShared(s => s.RemoveFromGroupAsync(connectionId, groupName, cancellationToken)))
        {
            KeepLocal(connectionId, begun: true);
        }
    }

    private async Task SendAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        if (!await TryShared(send))
        {
            await send(local);
        }
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        connections.ContainsKey(connectionId)
            ? local.SendConnectionAsync(connectionId, methodName, args, cancellationToken)
            : SendAsync(m => m.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken));

    public void Dispose()
    {
        redis.Changed -= OnRedisChanged;
        shared?.Dispose();
    }
}
