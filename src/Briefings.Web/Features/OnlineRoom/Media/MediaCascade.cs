using System.Text.Json.Nodes;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Media in tiers on Janus's own cascading (VideoRoom remote publishers, Janus 1.1): the chair (host endpoint) and
/// the current speaker are forwarded from the instance where they publish to every other instance holding the
/// meeting's room, where they appear as ordinary publishers with the same id and display. A commune that gets the
/// floor is thus forwarded from its relay up to the centre and to every other relay (Janus 1.1 forwards only local
/// publishers, so the speaker goes from its own relay to each instance directly, not through the centre).
/// Stateless and idempotent, run by <see cref="RoomKeeper"/> every pass: it reads who publishes where
/// (<c>listparticipants</c>), adds what is missing (<c>add_remote_publisher</c> on the target, then
/// <c>publish_remotely</c> on the source), and removes what is stale (a speaker who lost the floor, a source that
/// rejoined elsewhere); a relay that restarted empty gets its remote publishers again on the next pass.
/// </summary>
public sealed class MediaCascade(JanusClient janus, MeetingRooms rooms, MediaHealth health, MediaPresence presence, ILogger<MediaCascade> log)
{
    private sealed record Participant(long Id, string Display, bool Remote, bool Publishing);

    /// <summary>One forwarding pass at a time in this process (the keeper's pass and a change of floor).</summary>
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Probes every instance (<c>info</c>) and records which answer.</summary>
    public async Task ProbeAsync(IEnumerable<JanusInstanceOptions> instances, CancellationToken ct)
    {
        foreach (var instance in instances)
        {
            // No limit of its own: the client's timeout bounds it, as every other call of a pass.
            var error = await janus.ProbeAsync(instance, Timeout.InfiniteTimeSpan, ct);
            if (health.Report(instance.Name, error is null, error))
            {
                if (error is null)
                {
                    log.LogInformation("Media server {Janus} answers again", instance.Name);
                }
                else
                {
                    log.LogWarning("Media server {Janus} does not answer: {Error}", instance.Name, error);
                    presence.ForgetServer(instance.Name);
                }
            }
        }
    }

    /// <summary>Forwards <paramref name="forwarded"/> endpoints (the host and the current speaker) of one meeting
    /// between the instances that answer; returns how many forwardings it added.</summary>
    public async Task<int> ForwardAsync(Guid meetingId, IReadOnlyCollection<Guid> forwarded, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            return await ForwardOnceAsync(meetingId, forwarded, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<int> ForwardOnceAsync(Guid meetingId, IReadOnlyCollection<Guid> forwarded, CancellationToken ct)
    {
        var room = MeetingRooms.RoomIdFor(meetingId);
        var present = new Dictionary<JanusInstanceOptions, List<Participant>>();
        foreach (var instance in rooms.InstancesFor(meetingId).Where(i => health.IsUp(i.Name)))
        {
            try
            {
                present[instance] = [.. (await janus.ListParticipantsAsync(instance, room, ct)).OfType<JsonObject>().Select(Parse).OfType<Participant>()];
            }
            catch (Exception e) when (e is HttpRequestException or JanusException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                health.Report(instance.Name, false, e.Message);
            }
        }

        var wanted = forwarded.Select(id => id.ToString("D")).ToHashSet(StringComparer.Ordinal);
        var sources = new Dictionary<string, (JanusInstanceOptions Instance, Participant Publisher)>(StringComparer.Ordinal);
        foreach (var (instance, participants) in present)
        {
            foreach (var p in participants.Where(p => !p.Remote && p.Publishing && wanted.Contains(p.Display)))
            {
                sources.TryAdd(p.Display, (instance, p));
            }
        }

        var added = 0;
        foreach (var (target, participants) in present)
        {
            var secret = MeetingRooms.SecretFor(target, room);

            // Stale: no longer forwarded, or its source rejoined with another id or on this very instance.
            foreach (var stale in participants.Where(p => p.Remote && !(sources.TryGetValue(p.Display, out var s) && s.Publisher.Id == p.Id && s.Instance != target)))
            {
                await janus.RemoveRemotePublisherAsync(target, room, secret, stale.Id, ct);
                foreach (var (source, list) in present.Where(x => x.Key != target && x.Value.Any(p => !p.Remote && p.Id == stale.Id)))
                {
                    await janus.UnpublishRemotelyAsync(source, room, MeetingRooms.SecretFor(source, room), stale.Id, target.Name, ct);
                }

                log.LogInformation("Cascade: removed {Display} from {Janus} in room {Room}", stale.Display, target.Name, room);
            }

            foreach (var (display, (source, publisher)) in sources.Where(s => s.Value.Instance != target))
            {
                var sourceSecret = MeetingRooms.SecretFor(source, room);
                if (participants.Any(p => p.Remote && p.Id == publisher.Id))
                {
                    if ((await janus.ListRemotesAsync(source, room, sourceSecret, publisher.Id, ct)).Contains(target.Name))
                    {
                        continue;
                    }

                    // A remote publisher nothing feeds any more (a forwarding lost in a race): start it again.
                    await janus.RemoveRemotePublisherAsync(target, room, secret, publisher.Id, ct);
                }

                // A forwarding left from before the target restarted points at a port that no longer listens.
                await janus.UnpublishRemotelyAsync(source, room, sourceSecret, publisher.Id, target.Name, ct);
                var (port, rtcpPort) = await janus.AddRemotePublisherAsync(target, room, secret, publisher.Id, display, ct);
                await janus.PublishRemotelyAsync(source, room, sourceSecret, publisher.Id, target.Name, target.RtpHost!, port, rtcpPort, ct);
                added++;
                log.LogInformation("Cascade: {Display} forwarded from {Source} to {Target} (room {Room}, port {Port})", display, source.Name, target.Name, room, port);
            }
        }

        return added;
    }

    private static Participant? Parse(JsonObject p) =>
        p["id"] is JsonValue id && id.TryGetValue<long>(out var value) && (string?)p["display"] is { } display
            ? new Participant(value, display, (bool?)p["remote"] == true, (bool?)p["publisher"] == true)
            : null;
}
