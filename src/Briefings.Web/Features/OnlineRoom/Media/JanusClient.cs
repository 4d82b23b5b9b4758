using System.Text.Json.Nodes;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>A failed Janus request: the gateway's own error code (e.g. 403 unauthorized, 458 no such session)
/// or a VideoRoom error code (426 no such room, 427 room exists).</summary>
public sealed class JanusException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>
/// The server's side of the Janus HTTP API (https://janus.conf.meetecho.com/docs/rest.html), authenticated with
/// <c>api_secret</c>. Each operation opens a short session, attaches the plugin, sends one synchronous request
/// and destroys the session: no keepalive to run, nothing to lose when Janus restarts.
/// </summary>
public sealed class JanusClient(HttpClient http)
{
    public const int NoSuchRoom = 426;
    public const int RoomExists = 427;

    /// <summary>No such publisher, or (unpublish_remotely) no such remote_id.</summary>
    public const int NoSuchFeed = 428;

    /// <summary><c>{"janus":"info"}</c>: answers without authentication; used as a liveness probe.</summary>
    public async Task<JsonObject> InfoAsync(JanusInstanceOptions janus, CancellationToken ct = default) =>
        await PostAsync(janus.ApiUrl, new JsonObject { ["janus"] = "info" }, ct);

    /// <summary>Whether an instance answers <c>info</c> within <paramref name="timeout"/>: null when it does, otherwise
    /// why not (never a secret). The one liveness probe of <c>/health</c> and of the media cascade.</summary>
    public async Task<string?> ProbeAsync(JanusInstanceOptions janus, TimeSpan timeout, CancellationToken ct = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await InfoAsync(janus, limit.Token);
            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested &&
            e is HttpRequestException or OperationCanceledException or JanusException or System.Text.Json.JsonException)
        {
            return e is OperationCanceledException && limit.IsCancellationRequested ? $"no answer within {timeout.TotalSeconds:0} s" : e.Message;
        }
    }

    /// <summary>One synchronous plugin request (create, exists, destroy, listparticipants...) → the plugin's data.</summary>
    public async Task<JsonObject> PluginRequestAsync(JanusInstanceOptions janus, string plugin, JsonObject body, CancellationToken ct = default)
    {
        var session = (long)(await PostAsync(janus.ApiUrl, Authed(janus, "create"), ct))["data"]!["id"]!;
        try
        {
            var attach = Authed(janus, "attach");
            attach["plugin"] = plugin;
            var handle = (long)(await PostAsync($"{janus.ApiUrl}/{session}", attach, ct))["data"]!["id"]!;
            var message = Authed(janus, "message");
            message["body"] = body;
            var reply = await PostAsync($"{janus.ApiUrl}/{session}/{handle}", message, ct);
            var data = reply["plugindata"]?["data"] as JsonObject ?? throw new JanusException(0, "Janus answered without plugin data: " + reply.ToJsonString());
            if (data["error_code"] is { } code)
            {
                throw new JanusException((int)code, (string?)data["error"] ?? "plugin error");
            }

            return data;
        }
        finally
        {
            try
            {
                await PostAsync($"{janus.ApiUrl}/{session}", Authed(janus, "destroy"), CancellationToken.None);
            }
            catch (Exception e) when (e is HttpRequestException or JanusException or TaskCanceledException)
            {
                // The session times out on its own.
            }
        }
    }

    public async Task<bool> RoomExistsAsync(JanusInstanceOptions janus, long room, CancellationToken ct = default) =>
        (bool?)(await PluginRequestAsync(janus, JanusTokens.VideoRoom, new JsonObject { ["request"] = "exists", ["room"] = room }, ct))["exists"] == true;

    /// <summary>Creates the room unless it exists; true when this call created it.</summary>
    public async Task<bool> CreateRoomAsync(JanusInstanceOptions janus, long room, string secret, string description, int bitrate = 512_000, CancellationToken ct = default)
    {
        try
        {
            await PluginRequestAsync(janus, JanusTokens.VideoRoom, new JsonObject
            {
                ["request"] = "create",
                ["admin_key"] = janus.RoomAdminKey,
                ["room"] = room,
                ["secret"] = secret,
                ["description"] = description,
                ["is_private"] = true,
                ["signed_tokens"] = true,
                ["permanent"] = false,
                ["publishers"] = 100,
                ["bitrate"] = bitrate,
                ["notify_joining"] = true,
            }, ct);
            return true;
        }
        catch (JanusException e) when (e.Code == RoomExists)
        {
            return false;
        }
    }

    /// <summary>Destroys the room; false when it did not exist.</summary>
    public async Task<bool> DestroyRoomAsync(JanusInstanceOptions janus, long room, string secret, CancellationToken ct = default)
    {
        try
        {
            await PluginRequestAsync(janus, JanusTokens.VideoRoom, new JsonObject { ["request"] = "destroy", ["room"] = room, ["secret"] = secret, ["permanent"] = false }, ct);
            return true;
        }
        catch (JanusException e) when (e.Code == NoSuchRoom)
        {
            return false;
        }
    }

    /// <summary>Who is in the room (ids, display, publishing): for presence polling next to Janus events.</summary>
    public async Task<JsonArray> ListParticipantsAsync(JanusInstanceOptions janus, long room, CancellationToken ct = default) =>
        (await PluginRequestAsync(janus, JanusTokens.VideoRoom, new JsonObject { ["request"] = "listparticipants", ["room"] = room }, ct))["participants"] as JsonArray ?? [];

    /// <summary>Adds a remote publisher to a room (VideoRoom <c>add_remote_publisher</c>, Janus 1.1): a participant
    /// with the same id and display as its source on another instance, fed by plain RTP on the port this returns
    /// (and its RTCP port, for keyframe requests back to the source). Streams follow the browsers' offer: audio
    /// (Opus) at m-line 0, video (VP8) at m-line 1; the source's forwarders tag each by that index.</summary>
    public async Task<(int Port, int RtcpPort)> AddRemotePublisherAsync(JanusInstanceOptions janus, long room, string secret, long publisherId, string display, CancellationToken ct = default)
    {
        var body = new JsonObject
        {
            ["request"] = "add_remote_publisher",
            ["room"] = room,
            ["secret"] = secret,
            ["id"] = publisherId,
            ["display"] = display,
            ["streams"] = new JsonArray(
                new JsonObject { ["type"] = "audio", ["mindex"] = 0, ["mid"] = "0", ["codec"] = "opus" },
                new JsonObject { ["type"] = "video", ["mindex"] = 1, ["mid"] = "1", ["codec"] = "vp8" }),
        };
        if (!string.IsNullOrEmpty(janus.RtpInterface))
        {
            body["iface"] = janus.RtpInterface;
        }

        var data = await PluginRequestAsync(janus, JanusTokens.VideoRoom, body, ct);
        return ((int)data["port"]!, (int)data["rtcp_port"]!);
    }

    /// <summary>Removes a remote publisher (its subscribers see it leave).</summary>
    public async Task RemoveRemotePublisherAsync(JanusInstanceOptions janus, long room, string secret, long publisherId, CancellationToken ct = default) =>
        await PluginRequestAsync(janus, JanusTokens.VideoRoom, new JsonObject { ["request"] = "remove_remote_publisher", ["room"] = room, ["secret"] = secret, ["id"] = publisherId }, ct);

    /// <summary>Forwards a local publisher to a remote publisher on another instance (VideoRoom <c>publish_remotely</c>).</summary>
    public async Task PublishRemotelyAsync(JanusInstanceOptions janus, long room, string secret, long publisherId, string remoteId, string host, int port, int rtcpPort, CancellationToken ct = default) =>
        await PluginRequestAsync(janus, JanusTokens.VideoRoom, new JsonObject
        {
            ["request"] = "publish_remotely",
            ["room"] = room,
            ["secret"] = secret,
            ["admin_key"] = janus.RoomAdminKey,
            ["publisher_id"] = publisherId,
            ["remote_id"] = remoteId,
            ["host"] = host,
            ["port"] = port,
            ["rtcp_port"] = rtcpPort,
        }, ct);

    /// <summary>Stops one forwarding; false when there was none.</summary>
    public async Task<bool> UnpublishRemotelyAsync(JanusInstanceOptions janus, long room, string secret, long publisherId, string remoteId, CancellationToken ct = default)
    {
        try
        {
            await PluginRequestAsync(janus, JanusTokens.VideoRoom, new JsonObject
            {
                ["request"] = "unpublish_remotely",
                ["room"] = room,
                ["secret"] = secret,
                ["admin_key"] = janus.RoomAdminKey,
                ["publisher_id"] = publisherId,
                ["remote_id"] = remoteId,
            }, ct);
            return true;
        }
        catch (JanusException e) when (e.Code == NoSuchFeed)
        {
            return false;
        }
    }

    /// <summary>The remote_ids a local publisher is forwarded to (VideoRoom <c>listremotes</c>).</summary>
    public async Task<IReadOnlyList<string>> ListRemotesAsync(JanusInstanceOptions janus, long room, string secret, long publisherId, CancellationToken ct = default)
    {
        var data = await PluginRequestAsync(janus, JanusTokens.VideoRoom, new JsonObject
        {
            ["request"] = "listremotes",
            ["room"] = room,
            ["secret"] = secret,
            ["admin_key"] = janus.RoomAdminKey,
            ["publisher_id"] = publisherId,
        }, ct);
        return (data["list"] as JsonArray ?? []).Select(r => (string?)r?["remote_id"]).OfType<string>().ToList();
    }

    private static JsonObject Authed(JanusInstanceOptions janus, string verb) => new() { ["janus"] = verb, ["apisecret"] = janus.ApiSecret };

    private async Task<JsonObject> PostAsync(string url, JsonObject body, CancellationToken ct)
    {
        body["transaction"] = Guid.NewGuid().ToString("N");
        using var response = await http.PostAsJsonAsync(url, body, ct);
        response.EnsureSuccessStatusCode();
        var reply = await response.Content.ReadFromJsonAsync<JsonObject>(ct) ?? throw new JanusException(0, "empty answer");
        if ((string?)reply["janus"] == "error")
        {
            throw new JanusException((int?)reply["error"]?["code"] ?? 0, (string?)reply["error"]?["reason"] ?? "error");
        }

        return reply;
    }
}
