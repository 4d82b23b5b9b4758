using Briefings.Web.Documents;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>The live half of the online meeting room: the chair's console, the endpoint's meeting view and
/// the hall's big screen, kept in step over SignalR (Redis backplane when <c>Redis:Connection</c> is set).</summary>
public static class OnlineRoomModule
{
    public const string HubPath = "/hubs/room";

    public static void AddOnlineRoom(this WebApplicationBuilder builder)
    {
        // When an app instance dies, its thousands of listeners reconnect to the survivors within a second or two. With
        // Kestrel's default accept backlog (512) the survivor's queue overflowed at 5,000 listeners, nginx timed out
        // connecting and took the survivor for dead too (issue 14.4). The kernel caps it at net.core.somaxconn.
        // Server:InlineScheduling (off by default): Kestrel runs the app's code for a socket's I/O on the socket's own
        // I/O thread instead of queuing it to the thread pool. At thousands of live listeners each delivery of a chair's
        // action saves thread-pool hops (docs/benchmarks.md, "The fan-out, round 3"). Its risk: any blocking code on a
        // request's path (a synchronous database driver such as SQLite's, sync file I/O, a lock held long) stalls every
        // connection of that I/O thread. Only for instances on PostgreSQL (docs/deploy.md).
        builder.WebHost.UseSockets(o =>
        {
            o.Backlog = builder.Configuration.GetValue("Server:AcceptBacklog", 4096);
            if (builder.Configuration.GetValue<bool?>("Server:InlineScheduling") is { } inline)
            {
                o.UnsafePreferInlineScheduling = inline;
            }
        });
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 512 * 1024;
            o.AddFilter<HubRequestContext>();
        }).AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new SharedStateJson()));
        // Several app instances behind one address: a change on one reaches the clients of all, and a sign-in cookie
        // (or antiforgery token) made by one is read by the others — through Redis, with a local fallback while it is away.
        builder.AddRedisScaleOut();

        builder.Services.AddSingleton<HubRequestContext>();
        builder.Services.AddSingleton<AccountActionBudgets>();
        builder.Services.AddScoped<RoomAccess>();
        builder.Services.AddSingleton<RoomAccess.SharedReads>();
        builder.Services.AddScoped<RoomStates>();
        builder.Services.AddScoped<ConsoleDeltas>();
        builder.Services.AddSingleton<JoinStates>();
        builder.Services.AddSingleton<RoomDeltas>();
        builder.Services.AddScoped<RoomBroadcaster>();
        builder.Services.AddScoped<LiveRooms>();
        builder.Services.AddScoped<SpeakerQueue>();
        builder.Services.AddScoped<Meetings.IMeetingClosedHandler, RoomClosing>();
        builder.Services.AddScoped<RollCall>();
        builder.Services.AddScoped<RollCallForEndpoint>();
        builder.Services.AddScoped<SaveMinutes>();
        builder.Services.AddScoped<ReportPresence>();
        builder.Services.AddHostedService<JanusPresenceBridge>();
    }

    public static void MapOnlineRoom(this WebApplication app)
    {
        app.MapHub<RoomHub>(HubPath).RequireAuthorization();
        app.MapPost("/meetings/{id:guid}/room/presence", PostPresenceAsync).RequireAuthorization();
        app.MapGet("/meetings/{id:guid}/minutes.docx", MinutesPaper.DocxAsync).RequireAuthorization().HeavyExport();
        app.MapGet("/meetings/{id:guid}/minutes.pdf", MinutesPaper.PdfAsync).RequireAuthorization().HeavyExport();
    }

    public sealed record PresenceInput(Guid EndpointId, bool? Connected, bool? Audio, bool? Video, bool? Muted);

    /// <summary>Presence from the endpoint's browser (the media module): only for the caller's own endpoint.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult, NotFound>> PostPresenceAsync(Guid id, PresenceInput input, CurrentUser current,
        RoomAccess access, ReportPresence presence, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, TimeProvider clock, CancellationToken ct)
    {
        var grant = await access.ForAsync(id, await current.GetAsync(ct), ct);
        if (grant.Errors.Contains(Briefings.Core.Common.Error.NotFound))
        {
            return TypedResults.NotFound();
        }

        if (!grant.Succeeded || !grant.Value!.OwnEndpointIds.Contains(input.EndpointId))
        {
            // A plain 403 (the cookie handler's Forbid would redirect a script to a login page).
            return TypedResults.Problem(Briefings.Core.Common.Error.Forbidden.Message, statusCode: StatusCodes.Status403Forbidden);
        }

        // Every change of a flag is a write, an audit line and a message to the consoles: limited per account as the
        // hub's actions are per connection (a script flipping "audio" in a loop, walk-meetday).
        if (!ActionBudget.ForAccount(cache, grant.Value.UserName, clock).TryTake())
        {
            return TypedResults.Problem(ActionBudget.Refused, statusCode: StatusCodes.Status429TooManyRequests);
        }

        await presence.RunAsync(id, new ReportPresence.Report(input.EndpointId, input.Connected, input.Audio, input.Video, input.Muted), "browser", ct);
        return TypedResults.NoContent();
    }
}
