namespace Briefings.Core.OnlineRoom;

/// <summary>What is known about an endpoint's connection: from its browser (SignalR, the media module) and,
/// later, from Janus events. "Last seen" moves on every report; the flags change only on transitions.</summary>
public sealed class EndpointPresence
{
    private EndpointPresence()
    {
    }

    public Guid EndpointId { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid AreaUnitId { get; private set; }
    public bool Connected { get; private set; }
    public bool AudioFlowing { get; private set; }
    public bool VideoFlowing { get; private set; }
    public bool Muted { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public string LastSource { get; private set; } = "";

    public static EndpointPresence Create(Guid endpointId, Guid meetingId, Guid areaUnitId) =>
        new() { EndpointId = endpointId, MeetingId = meetingId, AreaUnitId = areaUnitId };

    /// <summary>Applies a report; null leaves a flag as it is. True when a flag changed (worth broadcasting).</summary>
    public bool Report(bool? connected, bool? audio, bool? video, bool? muted, string source, DateTimeOffset at)
    {
        var before = (Connected, AudioFlowing, VideoFlowing, Muted);
        Connected = connected ?? Connected;
        AudioFlowing = Connected && (audio ?? AudioFlowing);
        VideoFlowing = Connected && (video ?? VideoFlowing);
        Muted = muted ?? Muted;
        LastSeenAt = at;
        LastSource = source.Length > 40 ? source[..40] : source;
        return before != (Connected, AudioFlowing, VideoFlowing, Muted);
    }
}
