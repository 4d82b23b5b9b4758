namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Audio and video on the Janus WebRTC Server (section <c>Media</c>). Secrets come from the environment or a
/// secrets file in production (<c>Media__Janus__0__ApiSecret</c>, ...), never from the repository. With no
/// Janus instance configured the app runs without media and the pages say so.
/// </summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>One or more Janus servers. Without a <see cref="JanusRole.Relay"/> among them a meeting is placed on one
    /// of them by its room number; with relays the media run in tiers (README.md in this folder, "Tiers"): every
    /// meeting's room exists on the centre and on every relay, each endpoint joins its own relay, and the chair and
    /// the current speaker are forwarded between them as VideoRoom remote publishers.</summary>
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

    /// <summary>Cap on each publisher's video bitrate in a room (bits/s, VideoRoom <c>bitrate</c>): 512 kbit/s fits
    /// 640×480; 720p needs about 1.5 Mbit/s (docs/capacity.md).</summary>
    public int RoomBitrate { get; set; } = 512_000;

    /// <summary>Password Janus's event handler (<c>sampleevh</c>, <c>backend_user = "janus"</c>, <c>backend_pwd</c>)
    /// uses to post events to /media/janus/events; events are refused while it is empty.</summary>
    public string? EventsPassword { get; set; }

    /// <summary>Pass marks of the technical check.</summary>
    public CheckThresholds Check { get; set; } = new();

    public bool IsConfigured => Janus.Count > 0 && Janus.All(j => j.IsComplete) && (!IsTiered || Janus.Count(j => j.Role == JanusRole.Centre) == 1);

    /// <summary>Relays configured: exactly one <see cref="JanusRole.Centre"/> hosts the rooms' chair.</summary>
    public bool IsTiered => Janus.Any(j => j.Role == JanusRole.Relay);
}

/// <summary>Where a Janus instance stands in a tiered deployment.</summary>
public enum JanusRole
{
    /// <summary>No tiers: meetings are spread over the instances by room number.</summary>
    Standalone,

    /// <summary>Hosts the chair; endpoints of units no relay serves join here too.</summary>
    Centre,

    /// <summary>Serves the endpoints of its <see cref="JanusInstanceOptions.Units"/>.</summary>
    Relay,
}

public sealed class JanusInstanceOptions
{
    public string Name { get; set; } = "janus";

    /// <summary>Shown on the console (e.g. "Trạm chuyển tiếp miền Bắc"); defaults to <see cref="Name"/>.</summary>
    public string? Label { get; set; }

    public JanusRole Role { get; set; } = JanusRole.Standalone;

    /// <summary>Codes of the units whose endpoints this relay serves (a unit below one of them is served too, e.g. a
    /// province's code serves all its communes). An endpoint no relay serves joins the centre.</summary>
    public List<string> Units { get; set; } = [];

    /// <summary>Address the other instances send forwarded RTP to (this instance's media address, reachable from
    /// them), e.g. 10.0.1.21. Required in tiers.</summary>
    public string? RtpHost { get; set; }

    /// <summary>Interface or address the VideoRoom binds a remote publisher's RTP socket to (empty: all).</summary>
    public string? RtpInterface { get; set; }

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

    public string Display => string.IsNullOrEmpty(Label) ? Name : Label;

    public bool IsComplete => (Role == JanusRole.Standalone || !string.IsNullOrEmpty(RtpHost)) && ApiUrl.Length > 0 && ApiSecret.Length > 0 && TokenAuthSecret.Length > 0 && RoomAdminKey.Length > 0;

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
