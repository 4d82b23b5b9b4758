namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Audio and video on the Janus WebRTC Server (section <c>Media</c>). Secrets come from the environment or a
/// secrets file in production (<c>Media__Janus__0__ApiSecret</c>, ...), never from the repository. With no
/// Janus instance configured the app runs without media and the pages say so.
/// </summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>One or more Janus servers; a meeting is placed on one of them by its room number.</summary>
    public List<JanusInstanceOptions> Janus { get; set; } = [];

    /// <summary>STUN/TURN servers handed to browsers. Communes behind NAT need TURN (Debian <c>coturn</c>).</summary>
    public List<IceServerOptions> IceServers { get; set; } = [];

    /// <summary>A meeting's room exists from this long before its start...</summary>
    public TimeSpan RoomOpensBefore { get; set; } = TimeSpan.FromHours(2);

    /// <summary>...until this long after its planned end.</summary>
    public TimeSpan RoomClosesAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A browser credential never lives longer than this (a rehearsal days before the meeting).</summary>
    public TimeSpan MaxCredentialLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the server checks that the rooms it needs exist (they vanish when Janus restarts).</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Debian package files (<c>libjs-janus-gateway</c>, <c>libjs-webrtc-adapter</c>), served by the app.</summary>
    public string JanusJsPath { get; set; } = "/usr/share/javascript/janus-gateway/janus.js";

    public string AdapterJsPath { get; set; } = "/usr/share/javascript/webrtc-adapter/adapter.js";

    /// <summary>Camera size each endpoint publishes (640×480 fits a briefing; tests use 320×240).</summary>
    public int CaptureWidth { get; set; } = 640;

    public int CaptureHeight { get; set; } = 480;

    /// <summary>Password Janus's event handler (<c>sampleevh</c>, <c>backend_user = "janus"</c>, <c>backend_pwd</c>)
    /// uses to post events to /media/janus/events; events are refused while it is empty.</summary>
    public string? EventsPassword { get; set; }

    /// <summary>Pass marks of the technical check.</summary>
    public CheckThresholds Check { get; set; } = new();

    public bool IsConfigured => Janus.Count > 0 && Janus.All(j => j.IsComplete);
}

public sealed class JanusInstanceOptions
{
    public string Name { get; set; } = "janus";

    /// <summary>HTTP API the server calls, e.g. http://127.0.0.1:8088/janus.</summary>
    public string ApiUrl { get; set; } = "";

    /// <summary>HTTP API address browsers use (behind the reverse proxy, https); defaults to <see cref="ApiUrl"/>.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Admin API (optional; for operators' tools).</summary>
    public string? AdminUrl { get; set; }

    public string? AdminSecret { get; set; }

    /// <summary>Janus <c>api_secret</c>: what the server itself authenticates with.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>Janus <c>token_auth_secret</c>: signs browser credentials (HMAC-SHA1).</summary>
    public string TokenAuthSecret { get; set; } = "";

    /// <summary>VideoRoom <c>admin_key</c>: only holders may create rooms.</summary>
    public string RoomAdminKey { get; set; } = "";

    public bool IsComplete => ApiUrl.Length > 0 && ApiSecret.Length > 0 && TokenAuthSecret.Length > 0 && RoomAdminKey.Length > 0;

    public string BrowserUrl => string.IsNullOrEmpty(PublicUrl) ? ApiUrl : PublicUrl;
}

public sealed class IceServerOptions
{
    /// <summary>e.g. <c>turn:turn.example.vn:3478?transport=udp</c>, <c>turns:turn.example.vn:5349</c>.</summary>
    public string[] Urls { get; set; } = [];

    /// <summary>Fixed credentials (avoid), or leave empty and set <see cref="SharedSecret"/>.</summary>
    public string? Username { get; set; }

    public string? Credential { get; set; }

    /// <summary>coturn <c>static-auth-secret</c> (<c>use-auth-secret</c>): the app hands out time-limited TURN
    /// credentials (the "TURN REST API" scheme) that expire with the Janus credential.</summary>
    public string? SharedSecret { get; set; }
}

public sealed class CheckThresholds
{
    public double MaxRttMs { get; set; } = 300;
    public double MaxLossPercent { get; set; } = 3;
    public int MinWidth { get; set; } = 320;
    public int MinHeight { get; set; } = 240;
    public double MinVideoKbps { get; set; } = 100;

    /// <summary>Audio packets that must come back through the echo.</summary>
    public int MinAudioPackets { get; set; } = 20;

    /// <summary>Microphone level (0..1 RMS) the preview must have reached at least once.</summary>
    public double MinMicLevel { get; set; } = 0.005;
}
