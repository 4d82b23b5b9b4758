using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// What a browser needs to join its endpoint's room, or to run the technical check: the Janus address, ICE
/// servers, a signed session token naming the endpoint, and (for the room) the room number and a signed room
/// token. Never the room secret. Only for the endpoint's own accounts and the organizer
/// (<see cref="EndpointMediaAccess"/>); 503 with a message when media is not available.
/// </summary>
public static class GetMediaCredential
{
    public sealed record IceServer(string[] Urls, string? Username, string? Credential);

    public sealed record EndpointLabel(Guid Id, string Name, bool IsHost);

    /// <summary>One Janus instance the browser may join, with a session token and a room token signed for it.</summary>
    public sealed record MediaServer(string Name, string Label, string Url, string Token, string RoomToken);

    /// <summary><see cref="Server"/>, <see cref="Token"/> and <see cref="RoomToken"/> are the endpoint's own instance
    /// (its relay in tiers); <see cref="Servers"/> lists it first, then where to go when it fails.</summary>
    public sealed record RoomCredential(
        string Server, IReadOnlyList<IceServer> IceServers, string Token, long Room, string RoomToken,
        Guid EndpointId, string Display, IReadOnlyList<EndpointLabel> Endpoints, DateTimeOffset ExpiresAt, int CaptureWidth, int CaptureHeight,
        IReadOnlyList<MediaServer> Servers);

    public sealed record CheckCredential(string Server, IReadOnlyList<IceServer> IceServers, string Token, Guid EndpointId, DateTimeOffset ExpiresAt, int CaptureWidth, int CaptureHeight);

    public sealed record Unavailable(string Message);

    public const string NotConfigured = "Máy chủ hình ảnh, âm thanh chưa được cấu hình: phòng họp vẫn điểm danh, phát biểu, ghi biên bản được nhưng không có hình và tiếng.";
    public const string Unreachable = "Không kết nối được máy chủ hình ảnh, âm thanh. Hệ thống sẽ tự thử lại.";

    public static async Task<Results<Ok<RoomCredential>, JsonHttpResult<Unavailable>>> RoomAsync(
        Guid id, Guid endpointId, CurrentUser current, EndpointMediaAccess access, MeetingRooms rooms, MediaTiers tiers, BriefingsDbContext db,
        IOptions<MediaOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var allowed = await access.ForAsync(id, endpointId, await current.GetAsync(ct), ct);
        if (!allowed.Succeeded)
        {
            return Refused(allowed.Errors);
        }

        var (meeting, endpoint, _) = allowed.Value!;
        var o = options.Value;
        var now = clock.GetUtcNow();
        if (!meeting.Mode.HasOnlinePart() || meeting.Status == MeetingStatus.Cancelled || now > meeting.EndsAt + o.RoomClosesAfter)
        {
            return TypedResults.Json(new Unavailable("Cuộc họp này không có phòng họp trực tuyến đang mở."), statusCode: StatusCodes.Status409Conflict);
        }

        if (!rooms.IsConfigured)
        {
            return TypedResults.Json(new Unavailable(NotConfigured), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // Lasts the meeting (a token that expires mid-session breaks Janus's keepalive), but never longer than
        // MaxCredentialLifetime: a rehearsal days before gets a shorter one.
        var expires = Min(meeting.EndsAt + o.RoomClosesAfter, now + o.MaxCredentialLifetime);
        try
        {
            await rooms.EnsureAsync(meeting.Id, expires, ct);
        }
        catch (Exception e) when (e is HttpRequestException or JanusException or TaskCanceledException)
        {
            return TypedResults.Json(new Unavailable(Unreachable), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var room = MeetingRooms.RoomIdFor(meeting.Id);
        var servers = tiers.CandidatesFor(await tiers.HomeOfAsync(db, endpoint, ct), endpoint.Id)
            .Select(j => new MediaServer(j.Name, j.Display, j.BrowserUrl, JanusTokens.Core(j.TokenAuthSecret, expires, JanusTokens.VideoRoom, endpoint.Id), JanusTokens.Room(j.TokenAuthSecret, expires, room)))
            .ToList();
        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meeting.Id)
            .Select(e => new { e.Id, e.Name, e.IsHost }).ToListAsync(ct);
        NoStore(http);
        return TypedResults.Ok(new RoomCredential(
            servers[0].Url, IceServersFor(o, expires, endpoint.Id), servers[0].Token, room, servers[0].RoomToken, endpoint.Id, endpoint.Id.ToString("D"),
            [.. endpoints.Select(e => new EndpointLabel(e.Id, LabelOf(e.Name), e.IsHost)).OrderBy(e => !e.IsHost)], expires, o.CaptureWidth, o.CaptureHeight, servers));
    }

    public static async Task<Results<Ok<CheckCredential>, JsonHttpResult<Unavailable>>> CheckAsync(
        Guid id, Guid endpointId, CurrentUser current, EndpointMediaAccess access, MeetingRooms rooms, MediaTiers tiers, BriefingsDbContext db,
        IOptions<MediaOptions> options, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var allowed = await access.ForAsync(id, endpointId, await current.GetAsync(ct), ct);
        if (!allowed.Succeeded)
        {
            return Refused(allowed.Errors);
        }

        if (!rooms.IsConfigured)
        {
            return TypedResults.Json(new Unavailable(NotConfigured), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var o = options.Value;
        var expires = clock.GetUtcNow().AddMinutes(30);
        // The check runs through the instance the endpoint will join (its relay in tiers).
        var janus = await tiers.HomeOfAsync(db, allowed.Value!.Endpoint, ct);
        NoStore(http);
        return TypedResults.Ok(new CheckCredential(janus.BrowserUrl, IceServersFor(o, expires, endpointId),
            JanusTokens.Core(janus.TokenAuthSecret, expires, JanusTokens.EchoTest, endpointId), endpointId, expires, o.CaptureWidth, o.CaptureHeight));
    }

    /// <summary>403 or 404 with a message in the body: an empty error body would be re-executed by the app's
    /// status-code pages as an HTML page, which is no answer for a script.</summary>
    public static JsonHttpResult<Unavailable> Refused(IReadOnlyList<Error> errors) =>
        errors.Contains(Error.NotFound)
            ? TypedResults.Json(new Unavailable(Error.NotFound.Message), statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Json(new Unavailable(Error.Forbidden.Message), statusCode: StatusCodes.Status403Forbidden);

    /// <summary>"Điểm cầu Xã An Lạc" → "Xã An Lạc": the unit's name board under its video.</summary>
    private static string LabelOf(string name) =>
        name.Replace("Điểm cầu chính — ", "", StringComparison.Ordinal).Replace("Điểm cầu ", "", StringComparison.Ordinal);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";

    private static List<IceServer> IceServersFor(MediaOptions o, DateTimeOffset expires, Guid endpointId) =>
        o.IceServers.Select(s =>
        {
            if (!string.IsNullOrEmpty(s.SharedSecret))
            {
                var (user, credential) = JanusTokens.Turn(s.SharedSecret, expires, endpointId.ToString("N"));
                return new IceServer(s.Urls, user, credential);
            }

            return new IceServer(s.Urls, s.Username, s.Credential);
        }).ToList();
}
