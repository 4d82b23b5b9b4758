using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Briefings.Bench;

/// <summary>
/// A live-room listener as a load generator needs it (issue 14.4): one WebSocket speaking SignalR's JSON protocol
/// directly — handshake, invocations with their completions, the server's messages, pings — instead of a full
/// <c>HubConnection</c> per listener. At 10,000 listeners on the machine that also runs the servers, the client
/// library's per-message work (pipelines, argument binding, handler dispatch) was the largest single CPU share of a
/// chair action (docs/benchmarks.md). Each message is still parsed whole (JsonDocument) and handed to the listener,
/// which checks its sequence and content as before. Reconnects as the browser's live-room.js does: after a drop it
/// retries after a random 0-2 s, then every 1-3 s, for at most 2 minutes, and raises <see cref="Reconnected"/>.
/// </summary>
internal sealed class LightHubConnection : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly Uri uri;
    private readonly string cookieHeader;
    private readonly Dictionary<string, Action<JsonElement, long>> handlers = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> pending = new();
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly CancellationTokenSource disposed = new();
    private ClientWebSocket? socket;
    private int nextInvocation;

    public LightHubConnection(string url, CookieContainer cookies)
    {
        var http = new Uri(url + "/hubs/room");
        uri = new UriBuilder(http) { Scheme = http.Scheme == "https" ? "wss" : "ws" }.Uri;
        cookieHeader = cookies.GetCookieHeader(http);
    }

    public bool Connected { get; private set; }

    /// <summary>Bytes of the server's messages received so far (records with their separators; not the WebSocket framing).</summary>
    public long BytesReceived => Interlocked.Read(ref bytesReceived);

    private long bytesReceived;

    /// <summary>The connection dropped (raised once per drop, before the retries).</summary>
    public event Action? Reconnecting;

    /// <summary>The connection is open again (after the handshake); the handler joins again.</summary>
    public event Func<Task>? Reconnected;

    /// <summary>A handler of the server's messages to <paramref name="target"/>: the message's first argument and the
    /// <see cref="Stopwatch"/> timestamp taken as soon as the read that completed the message returned (before parsing,
    /// and before the messages read before it in the same read were handled), so a listener's arrival time is its receipt,
    /// not the end of the driver's own processing.</summary>
    public void On(string target, Action<JsonElement, long> handler) => handlers[target] = handler;

    public async Task StartAsync()
    {
        await OpenAsync(disposed.Token);
        _ = ReceiveLoopAsync(socket!);
    }

    /// <summary>Invokes a hub method and returns its result (the method's return value as JSON).</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextInvocation).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        byte[] message = [.. JsonSerializer.SerializeToUtf8Bytes(new { type = 1, invocationId = id, target, arguments }, JsonSerializerOptions.Web), RecordSeparator];
        try
        {
            await SendAsync(message);
        }
        catch
        {
            pending.TryRemove(id, out _);
            throw;
        }

        return await completion.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    /// <summary>A ping, so that the server (30 s client timeout) keeps a connection that only listens.</summary>
    public async Task PingAsync()
    {
        if (Connected)
        {
            try
            {
                await SendAsync(Ping);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
            {
                // The receive loop notices the drop.
            }
        }
    }

    private async Task OpenAsync(CancellationToken ct)
    {
        var ws = new ClientWebSocket();
        ws.Options.SetRequestHeader("Cookie", cookieHeader);
        ws.Options.KeepAliveInterval = TimeSpan.Zero;
        await ws.ConnectAsync(uri, ct);
        await ws.SendAsync(Handshake, WebSocketMessageType.Text, true, ct);
        // The handshake reply: "{}" and a record separator (an error otherwise).
        var buffer = new byte[1024];
        var length = 0;
        while (Array.IndexOf(buffer, RecordSeparator, 0, length) < 0)
        {
            var read = await ws.ReceiveAsync(buffer.AsMemory(length), ct);
            if (read.MessageType == WebSocketMessageType.Close || length + read.Count >= buffer.Length)
            {
                throw new WebSocketException("The hub closed during the handshake.");
            }

            length += read.Count;
        }

        var reply = Encoding.UTF8.GetString(buffer, 0, Array.IndexOf(buffer, RecordSeparator, 0, length));
        if (reply != "{}")
        {
            throw new WebSocketException("Handshake refused: " + reply);
        }

        socket = ws;
        Connected = true;
    }

    private async Task SendAsync(byte[] message)
    {
        await sending.WaitAsync();
        try
        {
            var ws = socket ?? throw new InvalidOperationException("Not connected.");
            await ws.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket ws)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(8192);
        var length = 0;
        try
        {
            while (!disposed.IsCancellationRequested)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await ws.ReceiveAsync(buffer.AsMemory(length), disposed.Token);
                var receivedAt = Stopwatch.GetTimestamp();
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                length += read.Count;
                Interlocked.Add(ref bytesReceived, read.Count);
                var start = 0;
                int end;
                while ((end = Array.IndexOf(buffer, RecordSeparator, start, length - start)) >= 0)
                {
                    Dispatch(buffer.AsMemory(start, end - start), receivedAt);
                    start = end + 1;
                }

                if (start > 0)
                {
                    buffer.AsSpan(start, length - start).CopyTo(buffer);
                    length -= start;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Connected = false;
            ws.Dispose();
        }

        if (!disposed.IsCancellationRequested)
        {
            await ReconnectAsync();
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> record, long receivedAt)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 1 when handlers.TryGetValue(root.GetProperty("target").GetString() ?? "", out var handler):
                handler(root.GetProperty("arguments")[0], receivedAt);
                break;
            case 3 when pending.TryRemove(root.GetProperty("invocationId").GetString() ?? "", out var completion):
                if (root.TryGetProperty("error", out var error))
                {
                    completion.SetException(new InvalidOperationException(error.GetString()));
                }
                else
                {
                    completion.SetResult(root.GetProperty("result").Clone());
                }

                break;
            case 7:
                // The server closes this connection; the socket's close follows.
                break;
        }
    }

    private async Task ReconnectAsync()
    {
        foreach (var (id, completion) in pending)
        {
            if (pending.TryRemove(id, out _))
            {
                completion.TrySetException(new WebSocketException("The connection dropped."));
            }
        }

        Reconnecting?.Invoke();
        var started = DateTime.UtcNow;
        var attempt = 0;
        while (!disposed.IsCancellationRequested && DateTime.UtcNow - started < TimeSpan.FromMinutes(2))
        {
            await Task.Delay((attempt++ == 0 ? 0 : 1000) + Random.Shared.Next(2000));
            try
            {
                await OpenAsync(disposed.Token);
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or HttpRequestException)
            {
                continue;
            }

            _ = ReceiveLoopAsync(socket!);
            if (Reconnected is { } handler)
            {
                await handler();
            }

            return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync();
        if (socket is { } ws)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
            }

            ws.Dispose();
        }
    }
}
