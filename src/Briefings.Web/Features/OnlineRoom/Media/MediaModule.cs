using Briefings.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>Audio and video of the online meeting room on Janus: one VideoRoom per online meeting, browser
/// credentials for invited endpoints, the technical check through EchoTest, and the Janus browser library.
/// See README.md in this folder.</summary>
public static class MediaModule
{
    public static void AddOnlineRoomMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MediaOptions>().Bind(builder.Configuration.GetSection(MediaOptions.Section));

        // One long-lived client: Janus is a handful of fixed addresses, so no DNS churn to follow.
        builder.Services.AddSingleton(_ => new JanusClient(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        }));
        builder.Services.AddSingleton<MeetingRooms>();
        builder.Services.AddSingleton<MediaHealth>();
        builder.Services.AddSingleton<MediaTiers>();
        builder.Services.AddSingleton<MediaCascade>();
        builder.Services.AddSingleton<MediaPresence>();
        builder.Services.AddSingleton<RoomKeeper>();
        builder.Services.AddBackgroundJob<RoomKeeper>();
        builder.Services.AddScoped<EndpointMediaAccess>();
        builder.Services.AddScoped<RecordTechnicalCheck>();
    }

    public static void MapOnlineRoomMedia(this WebApplication app)
    {
        // janus.js and adapter.js come from Debian (libjs-janus-gateway, libjs-webrtc-adapter) so the browser
        // library always matches the installed server; they are never copied into the repository.
        app.MapGet("/media/lib/janus.js", (IOptions<MediaOptions> o) => Library(o.Value.JanusJsPath)).AllowAnonymous();
        app.MapGet("/media/lib/adapter.js", (IOptions<MediaOptions> o) => Library(o.Value.AdapterJsPath)).AllowAnonymous();

        // Janus's event handler posts here (basic auth with Media:EventsPassword), not a signed-in user.
        app.MapPost("/media/janus/events", ReceiveJanusEvents.HandleAsync).AllowAnonymous().DisableAntiforgery();

        app.MapGet("/meetings/{id:guid}/endpoints/{endpointId:guid}/media/credential", GetMediaCredential.RoomAsync);
        app.MapGet("/meetings/{id:guid}/endpoints/{endpointId:guid}/check/credential", GetMediaCredential.CheckAsync);
        app.MapPost("/meetings/{id:guid}/endpoints/{endpointId:guid}/check/result", RecordTechnicalCheck.HandleAsync);
        app.MapGet("/meetings/{id:guid}/media/servers", ReadMediaServers.HandleAsync);
    }

    private static IResult Library(string path) =>
        File.Exists(path)
            ? TypedResults.PhysicalFile(path, "text/javascript; charset=utf-8", enableRangeProcessing: false)
            // The page's own script then shows "media unavailable" instead of failing obscurely.
            : TypedResults.Text("/* not installed on the server: " + Path.GetFileName(path) + " */", "text/javascript; charset=utf-8");
}
