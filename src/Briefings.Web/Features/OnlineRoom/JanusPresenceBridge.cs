using Briefings.Data;
using Briefings.Web.Features.OnlineRoom.Media;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>Carries what Janus says about an endpoint's media (<see cref="MediaPresence"/>, in memory per
/// instance) into the live state (<see cref="ReportPresence"/>, in the database, broadcast to consoles): audio and
/// video flowing, and "connected" when its media is up. Janus never marks a room disconnected here — the endpoint
/// view's own connection (SignalR) does that — so an endpoint that only opened its media page still shows.</summary>
public sealed class JanusPresenceBridge(MediaPresence media, IServiceScopeFactory scopes, ILogger<JanusPresenceBridge> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        media.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        media.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(MediaPresence.EndpointMedia e) => _ = Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
            var meetingId = await db.MeetingEndpoints.AsNoTracking().Where(x => x.Id == e.EndpointId).Select(x => (Guid?)x.MeetingId).FirstOrDefaultAsync();
            if (meetingId is { } id)
            {
                await scope.ServiceProvider.GetRequiredService<ReportPresence>()
                    .RunAsync(id, new ReportPresence.Report(e.EndpointId, e.Connected ? true : null, e.AudioFlowing, e.VideoFlowing, null), "janus");
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            log.LogWarning(ex, "Media presence of endpoint {EndpointId} not recorded", e.EndpointId);
        }
    });
}
