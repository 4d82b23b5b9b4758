using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// One VideoRoom per online meeting. Everything about a room is derived from the meeting's id and the server's
/// configuration, so nothing is stored and every app instance agrees: the room number (a hash of the id, below
/// 2^53 so browsers keep it exact), the Janus instance (room number modulo the instance count: adding an
/// instance moves future rooms, so add instances between meetings) and the room secret (an HMAC of the number
/// under the instance's secrets: only the server knows it, so only the server may destroy or edit the room).
/// </summary>
public sealed class MeetingRooms(JanusClient janus, IOptions<MediaOptions> options, MediaHealth health, TimeProvider clock, ILogger<MeetingRooms> log)
{
    /// <summary>Rooms opened on demand outside their meeting's window (a rehearsal), and until when.</summary>
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> onDemand = new();

    public bool IsConfigured => options.Value.IsConfigured;

    public static long RoomIdFor(Guid meetingId)
    {
        var hash = SHA256.HashData(meetingId.ToByteArray());
        return (long)(BitConverter.ToUInt64(hash, 0) & ((1UL << 52) - 1)) + 1;
    }

    /// <summary>The meeting's main instance: the centre in tiers, otherwise one chosen by room number.</summary>
    public JanusInstanceOptions InstanceFor(Guid meetingId)
    {
        var o = options.Value;
        if (o.IsTiered)
        {
            return o.Janus.Single(j => j.Role == JanusRole.Centre);
        }

        var all = o.Janus;
        return all[(int)(RoomIdFor(meetingId) % all.Count)];
    }

    /// <summary>Every instance that holds the meeting's room: in tiers the centre and every relay (one room number,
    /// a secret per instance), otherwise the one of <see cref="InstanceFor"/>.</summary>
    public IReadOnlyList<JanusInstanceOptions> InstancesFor(Guid meetingId)
    {
        var o = options.Value;
        return o.IsTiered ? [.. o.Janus.OrderBy(j => j.Role == JanusRole.Centre ? 0 : 1)] : [InstanceFor(meetingId)];
    }

    public static string SecretFor(JanusInstanceOptions janus, long roomId)
    {
        var key = Encoding.UTF8.GetBytes(janus.ApiSecret + "\n" + janus.RoomAdminKey);
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("room-secret:" + roomId)));
    }

    public IReadOnlyDictionary<Guid, DateTimeOffset> OnDemand => onDemand;

    /// <summary>Makes sure the meeting's room exists on its Janus (creating it if Janus lost it), and keeps it
    /// open until <paramref name="until"/> even outside the meeting's window.</summary>
    public async Task EnsureAsync(Guid meetingId, DateTimeOffset? until = null, CancellationToken ct = default)
    {
        if (until is { } u)
        {
            onDemand.AddOrUpdate(meetingId, u, (_, old) => old > u ? old : u);
        }

        var instances = InstancesFor(meetingId);
        Exception? failure = null;
        var ensured = 0;
        foreach (var instance in instances)
        {
            try
            {
                await EnsureOnAsync(instance, meetingId, ct);
                ensured++;
            }
            catch (Exception e) when (instances.Count > 1 && e is HttpRequestException or JanusException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // In tiers one instance down does not stop the others: its endpoints move to another one.
                health.Report(instance.Name, false, e.Message);
                failure = e;
            }
        }

        if (ensured == 0 && failure is not null)
        {
            throw failure;
        }
    }

    /// <summary>Makes sure the meeting's room exists on one instance.</summary>
    public async Task EnsureOnAsync(JanusInstanceOptions instance, Guid meetingId, CancellationToken ct = default)
    {
        var room = RoomIdFor(meetingId);
        if (await janus.RoomExistsAsync(instance, room, ct))
        {
            return;
        }

        if (await janus.CreateRoomAsync(instance, room, SecretFor(instance, room), "meeting " + meetingId.ToString("N"), options.Value.RoomBitrate, ct))
        {
            log.LogInformation("Created VideoRoom {Room} on {Janus} for meeting {Meeting}", room, instance.Name, meetingId);
        }
    }

    public async Task<bool> CloseAsync(Guid meetingId, CancellationToken ct = default)
    {
        onDemand.TryRemove(meetingId, out _);
        var room = RoomIdFor(meetingId);
        var destroyed = false;
        foreach (var instance in InstancesFor(meetingId))
        {
            if (await janus.DestroyRoomAsync(instance, room, SecretFor(instance, room), ct))
            {
                destroyed = true;
                log.LogInformation("Destroyed VideoRoom {Room} on {Janus} for meeting {Meeting}", room, instance.Name, meetingId);
            }
        }

        return destroyed;
    }

    /// <summary>On-demand rooms whose time is over (the keeper closes them unless their meeting's window is open).</summary>
    public IReadOnlyList<Guid> ExpiredOnDemand() => onDemand.Where(p => p.Value < clock.GetUtcNow()).Select(p => p.Key).ToList();
}
