using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>POST /media/janus/events: the backend of Janus's sample event handler (<c>sampleevh</c>), which posts
/// JSON events (one, or an array when grouping). Guarded by HTTP basic auth (user <c>janus</c>, password
/// <see cref="MediaOptions.EventsPassword"/> = <c>backend_pwd</c>); refused when no password is configured.</summary>
public static class ReceiveJanusEvents
{
    public static async Task<IResult> HandleAsync(HttpRequest request, MediaPresence presence, IOptions<MediaOptions> options, CancellationToken ct)
    {
        if (!Authorized(request.Headers.Authorization.ToString(), options.Value.EventsPassword))
        {
            // With a body: an empty 401 would be re-executed by the status-code pages (and fail as a POST).
            return TypedResults.Json(new GetMediaCredential.Unavailable("unauthorized"), statusCode: StatusCodes.Status401Unauthorized);
        }

        var node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        IEnumerable<JsonNode?> events = node is JsonArray array ? array : [node];

        foreach (var e in events.OfType<JsonObject>())
        {
            presence.Apply(e);
        }

        return TypedResults.Ok();
    }

    private static bool Authorized(string header, string? password)
    {
        if (string.IsNullOrEmpty(password) || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes("janus:" + password)));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Basic ".Length..].Trim()), expected);
    }
}
