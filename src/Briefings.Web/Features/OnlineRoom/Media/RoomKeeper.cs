using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Keeps Janus in step with the meetings: a room exists while its meeting's window is open (from
/// <see cref="MediaOptions.RoomOpensBefore"/> the start to <see cref="MediaOptions.RoomClosesAfter"/> the end) and
/// is destroyed afterwards. Rooms live only in Janus's memory, so each pass also re-creates rooms a restarted
/// Janus lost. Every step is idempotent: several app instances may run it side by side.
/// </summary>
public sealed class RoomKeeper(IServiceScopeFactory scopes, MeetingRooms rooms, MediaCascade cascade, IOptions<MediaOptions> options, TimeProvider clock, ILogger<RoomKeeper> log)
    : IBackgroundJob
{
    /// <summary>Meetings whose room this process already closed (so ended meetings are not asked again and again).</summary>
    private readonly HashSet<Guid> closed = [];

    public int Passes { get; private set; }

    public string Name => "media-room-keeper";

    public TimeSpan Interval => options.Value.ReconcileInterval;

    /// <summary>Rooms a restarted Janus lost come back soon after it answers again: at most four intervals, at most a
    /// minute.</summary>
    public TimeSpan MaxBackOff => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, 4 * Interval.Ticks));

    /// <summary>Without Janus there is nothing to keep (the app runs without audio and video).</summary>
    public bool Enabled
    {
        get
        {
            if (!rooms.IsConfigured)
            {
                log.LogInformation("Media: no Janus configured; online rooms run without audio and video.");
            }

            return rooms.IsConfigured;
        }
    }

    /// <summary>One pass. Janus down or restarting, or the database failing, fails the pass: the shared loop logs it
    /// and retries with back-off, and the next pass re-creates what Janus lost.</summary>
    public async Task RunPassAsync(CancellationToken ct)
    {
        try
        {
            await ReconcileAsync(ct);
        }
        finally
        {
            Passes++;
        }
    }

    public async Task ReconcileAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var opensBy = now + o.RoomOpensBefore;
        var closedBy = now - o.RoomClosesAfter;
        if (o.IsTiered)
        {
            await cascade.ProbeAsync(o.Janus, ct);
        }

        var online = db.Meetings.AsNoTracking().Where(m => m.Mode == MeetingMode.Online || m.Mode == MeetingMode.Both);
        var open = await online.Where(m => m.Status != MeetingStatus.Planned && m.Status != MeetingStatus.Cancelled && m.StartsAt <= opensBy && m.EndsAt >= closedBy)
            .Select(m => m.Id).ToListAsync(ct);
        var live = open.Concat(rooms.OnDemand.Where(p => p.Value >= now).Select(p => p.Key)).Distinct().ToList();
        foreach (var id in live)
        {
            await rooms.EnsureAsync(id, null, ct);
            closed.Remove(id);
        }

        if (o.IsTiered && live.Count > 0)
        {
            await ForwardAsync(db, live, ct);
        }

        // Ended in the last two days (or cancelled): close once per process.
        var recent = now - TimeSpan.FromDays(2);
        var ended = await online.Where(m => (m.EndsAt < closedBy && m.EndsAt >= recent) || (m.Status == MeetingStatus.Cancelled && m.EndsAt >= recent))
            .Select(m => m.Id).ToListAsync(ct);
        foreach (var id in ended.Concat(rooms.ExpiredOnDemand()).Except(open).Distinct().Where(id => !closed.Contains(id)).ToList())
        {
            if (rooms.OnDemand.TryGetValue(id, out var until) && until >= now)
            {
                continue;
            }

            await rooms.CloseAsync(id, ct);
            closed.Add(id);
        }
    }

    /// <summary>After the floor changed (<paramref name="error"/> null): in tiers, forwards the new speaker now
    /// rather than at the next pass. Passes the error through.</summary>
    public Error? ForwardSoon(Guid meetingId, Error? error)
    {
        if (error is null && options.Value.IsTiered && options.Value.IsConfigured)
        {
            _ = Task.Run(async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await ForwardAsync(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>(), [meetingId], CancellationToken.None);
            });
        }

        return error;
    }

    /// <summary>Tiers: the chair and the current speaker of each meeting reach every instance (<see cref="MediaCascade"/>).</summary>
    private async Task ForwardAsync(BriefingsDbContext db, IReadOnlyList<Guid> meetings, CancellationToken ct)
    {
        var hosts = await db.MeetingEndpoints.AsNoTracking().Where(e => meetings.Contains(e.MeetingId) && e.IsHost).Select(e => new { e.MeetingId, e.Id }).ToListAsync(ct);
        var liveRooms = await db.LiveRooms.AsNoTracking().Where(r => meetings.Contains(r.MeetingId)).ToListAsync(ct);
        foreach (var id in meetings)
        {
            var forwarded = hosts.Where(h => h.MeetingId == id).Select(h => h.Id).ToList();
            if (liveRooms.FirstOrDefault(r => r.MeetingId == id)?.Current?.EndpointId is { } speaker)
            {
                forwarded.Add(speaker);
            }

            try
            {
                await cascade.ForwardAsync(id, forwarded, ct);
            }
            catch (Exception e) when (e is HttpRequestException or JanusException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // One meeting's forwarding failing (an instance dying mid-pass, a race with another app instance)
                // does not hold up the others: the next pass puts it right.
                log.LogWarning(e, "Cascade of meeting {Meeting} failed; retried next pass", id);
            }
        }
    }
}
