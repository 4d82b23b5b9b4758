using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// The console's view of the media servers of a meeting (polled by <c>js/media-servers.js</c>): each Janus
/// instance with its role, whether it answers (<see cref="MediaHealth"/>) and which endpoints publish on it now
/// (<see cref="MediaPresence"/>, from Janus's events). Only for those who drive the room (<see cref="RoomAccess"/>).
/// Both sources are in memory per app instance: behind several instances it shows what this one knows.
/// </summary>
public static class ReadMediaServers
{
    public sealed record ServerView(string Name, string Label, string Role, bool Up, DateTimeOffset? Since, IReadOnlyList<string> Endpoints);

    public sealed record View(IReadOnlyList<ServerView> Servers);

    public static async Task<Results<Ok<View>, JsonHttpResult<GetMediaCredential.Unavailable>>> HandleAsync(
        Guid id, CurrentUser current, RoomAccess access, MediaPresence presence, MediaHealth health, IOptions<MediaOptions> options,
        BriefingsDbContext db, HttpContext http, CancellationToken ct)
    {
        var grant = await access.ForAsync(id, await current.GetAsync(ct), ct);
        if (!grant.Succeeded)
        {
            return GetMediaCredential.Refused(grant.Errors);
        }

        if (!grant.Value!.CanDrive)
        {
            return GetMediaCredential.Refused([Briefings.Core.Common.Error.Forbidden]);
        }

        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == id).OrderBy(e => !e.IsHost).ThenBy(e => e.Name).ToListAsync(ct);
        var on = endpoints.Select(e => (e.AreaName, Media: presence.For(e.Id))).Where(x => x.Media is { Connected: true }).ToList();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new View([.. options.Value.Janus.Select(j => new ServerView(
            j.Name, j.Display, RoleLabel(j.Role), health.IsUp(j.Name), health.For(j.Name)?.Since,
            [.. on.Where(x => x.Media!.Server == j.Name).Select(x => x.AreaName)]))]));
    }

    private static string RoleLabel(JanusRole role) => role switch
    {
        JanusRole.Centre => "Máy chủ trung tâm",
        JanusRole.Relay => "Trạm chuyển tiếp",
        _ => "Máy chủ",
    };
}
