using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>What Janus says about each endpoint's media: connected (its published PeerConnection is up), audio
/// and video flowing (Janus receives them), last seen. Fed by Janus's event handler (<c>sampleevh</c> posting to
/// <see cref="ReceiveJanusEvents"/>); an endpoint is attributed by the signed <c>endpoint=</c> descriptor of the
/// token its handle was attached with, never by what the browser calls itself. In memory, per app instance:
/// the live-state feature reads it (and hears <see cref="Changed"/>) to push it to consoles.</summary>
public sealed class MediaPresence(TimeProvider clock)
{
    /// <summary><see cref="Server"/>: the Janus instance (its <c>server_name</c>, which is the instance's
    /// <c>Name</c> in configuration) the endpoint publishes on, or last published on.</summary>
    public sealed record EndpointMedia(Guid EndpointId, bool Connected, bool AudioFlowing, bool VideoFlowing, DateTimeOffset LastSeen, string? Server = null);

    private sealed class Handle
    {
        public Guid EndpointId { get; init; }
        public string? Server { get; init; }
        public long Order { get; init; }
        public bool Publisher { get; set; }
        public bool Up { get; set; }
        public bool? Audio { get; set; }
        public bool? Video { get; set; }
    }

    private readonly ConcurrentDictionary<long, Handle> handles = new();
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> lastSeen = new();
    private readonly Lock gate = new();
    private long order;

    /// <summary>Raised with the endpoint whose media state changed (from the request thread of the event post).</summary>
    public event Action<EndpointMedia>? Changed;

    public EndpointMedia? For(Guid endpointId)
    {
        if (!lastSeen.TryGetValue(endpointId, out var seen))
        {
            return null;
        }

        lock (gate)
        {
            var publishers = handles.Values.Where(h => h.EndpointId == endpointId && h.Publisher).ToList();
            var server = publishers.OrderByDescending(h => h.Up).ThenByDescending(h => h.Order).FirstOrDefault()?.Server;
            return new EndpointMedia(endpointId, publishers.Any(h => h.Up), publishers.Any(h => h.Up && h.Audio == true), publishers.Any(h => h.Up && h.Video == true), seen, server);
        }
    }

    /// <summary>Applies one Janus event (see the Janus event handler documentation: type 2 handle, 16 WebRTC,
    /// 32 media, 64 plugin).</summary>
    public void Apply(JsonObject e)
    {
        if (e["handle_id"] is not JsonValue idValue || !idValue.TryGetValue<long>(out var handleId))
        {
            return;
        }

        var type = (int?)e["type"] ?? 0;
        var body = e["event"] as JsonObject;
        var name = Text(body, "name");
        var connection = Text(body, "connection");
        var media = Text(body, "media");
        var pluginEvent = Text(body?["data"] as JsonObject, "event");
        Guid? changed = null;
        lock (gate)
        {
            if (type == 2 && name == "attached")
            {
                if (EndpointOf(Text(body, "token") ?? Text(e, "token")) is { } endpoint)
                {
                    handles[handleId] = new Handle { EndpointId = endpoint, Server = Text(e, "emitter"), Order = ++order };
                    changed = endpoint;
                }
            }
            else if (handles.TryGetValue(handleId, out var h))
            {
                changed = h.EndpointId;
                if (type == 2 && name == "detached")
                {
                    handles.TryRemove(handleId, out _);
                }
                else if (type == 16 && connection is "webrtcup" or "webrtc-up")
                {
                    h.Up = true;
                }
                else if (type == 16 && connection == "hangup")
                {
                    h.Up = false;
                    h.Audio = h.Video = null;
                }
                else if (type == 32 && body?["receiving"] is JsonValue receiving)
                {
                    SetFlowing(h, media, (bool)receiving, overwrite: true);
                }
                else if (type == 32 && body?["packets-received"] is JsonValue packets && (long)packets > 0)
                {
                    // Periodic stats (stats_period): packets arrive, so that medium flows.
                    SetFlowing(h, media, true, overwrite: false);
                }
                else if (type == 64 && pluginEvent is "joined" or "published")
                {
                    h.Publisher = true;
                }
                else if (type == 64 && pluginEvent is "unpublished" or "leaving")
                {
                    h.Publisher = false;
                }
            }
        }

        if (changed is { } id)
        {
            lastSeen[id] = clock.GetUtcNow();
            if (For(id) is { } state)
            {
                Changed?.Invoke(state);
            }
        }
    }

    /// <summary>A Janus instance stopped answering (<see cref="MediaHealth"/>): its handles are gone with it, and
    /// no event will say so.</summary>
    public void ForgetServer(string server)
    {
        List<Guid> affected;
        lock (gate)
        {
            var gone = handles.Where(p => p.Value.Server == server).ToList();
            foreach (var (id, _) in gone)
            {
                handles.TryRemove(id, out _);
            }

            affected = gone.Select(p => p.Value.EndpointId).Distinct().ToList();
        }

        foreach (var id in affected)
        {
            if (For(id) is { } state)
            {
                Changed?.Invoke(state);
            }
        }
    }

    private static string? Text(JsonObject? o, string key) => o?[key] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static void SetFlowing(Handle h, string? media, bool flowing, bool overwrite)
    {
        if (media == "audio" && (overwrite || h.Audio is null))
        {
            h.Audio = flowing;
        }
        else if (media == "video" && (overwrite || h.Video is null))
        {
            h.Video = flowing;
        }
    }

    /// <summary>"…,endpoint=&lt;id&gt;:sig" → the id. Janus has already checked the signature before it attached
    /// the handle, so the descriptor can be trusted here.</summary>
    private static Guid? EndpointOf(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var data = token.Split(':')[0];
        foreach (var part in data.Split(','))
        {
            if (part.StartsWith("endpoint=", StringComparison.Ordinal) && Guid.TryParseExact(part["endpoint=".Length..], "N", out var id))
            {
                return id;
            }
        }

        return null;
    }
}
