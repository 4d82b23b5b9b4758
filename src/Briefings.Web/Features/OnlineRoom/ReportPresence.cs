using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Records an endpoint's connection state: connected (its meeting view is open), audio and video flowing,
/// muted. Fed by the endpoint's browser (hub, or POST /meetings/{id}/room/presence from the media module)
/// and, in-process, by the Janus event handler of the media part. Only flag changes are broadcast; a report
/// that changes nothing is written at most every <see cref="Quiet"/> (it only moves "last seen").
/// </summary>
public sealed class ReportPresence(BriefingsDbContext db, TimeProvider clock, RoomBroadcaster broadcaster)
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(10);

    public sealed record Report(Guid EndpointId, bool? Connected, bool? Audio, bool? Video, bool? Muted);

    /// <summary>Applies <paramref name="report"/>; the caller has checked the endpoint is theirs (or is the media server).</summary>
    public async Task<bool> RunAsync(Guid meetingId, Report report, string source, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var presence = await db.EndpointPresences.FirstOrDefaultAsync(p => p.EndpointId == report.EndpointId, ct);
        var now = clock.GetUtcNow();
        if (presence is null)
        {
            var endpoint = await db.MeetingEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == report.EndpointId && e.MeetingId == meetingId, ct);
            if (endpoint is null)
            {
                return false;
            }

            presence = EndpointPresence.Create(endpoint.Id, meetingId, endpoint.AreaUnitId);
            db.EndpointPresences.Add(presence);
        }
        else if (presence.MeetingId != meetingId)
        {
            return false;
        }

        var lastSeen = presence.LastSeenAt;
        var isNew = db.Entry(presence).State == EntityState.Added;
        var changed = presence.Report(report.Connected, report.Audio, report.Video, report.Muted, source, now);
        if (!changed && !isNew && now - lastSeen < Quiet)
        {
            db.ChangeTracker.Clear();
            return false;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first reports at once: the other one created the row; this one's news arrives with the next.
            db.ChangeTracker.Clear();
            return false;
        }

        if (changed || isNew)
        {
            await broadcaster.SendConsoleAsync(meetingId, ConsoleChange.Endpoint(report.EndpointId), ct);
        }

        return changed;
    }
}
