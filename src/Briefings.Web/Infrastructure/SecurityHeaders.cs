using System.Security.Cryptography;
using Briefings.Web.Features.OnlineRoom.Media;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// Security headers on every response, errors and static files included (set when the response starts, so an
/// exception handler that clears the response cannot drop them).
/// <list type="bullet">
/// <item>CSP: scripts only from the app and the one inline import map Blazor writes (a per-request nonce);
/// styles from the app plus inline <c>style</c> attributes (two pages size bars with them and Blazor's
/// reconnect dialog injects its own style); connections to the app (SignalR, same-origin WebSocket) and to
/// the Janus servers browsers use; <c>frame-ancestors 'self'</c> (no framing by other sites).</item>
/// <item><c>Permissions-Policy</c>: camera and microphone for the app itself only, nothing else.</item>
/// </list>
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "briefings.csp-nonce";

    /// <summary>The nonce of this request's inline scripts (Blazor's import map).</summary>
    public static string CspNonce(this HttpContext context) =>
        context.Items.TryGetValue(NonceKey, out var nonce) && nonce is string s ? s : "";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        var media = app.Services.GetRequiredService<IOptions<MediaOptions>>().Value;
        var connect = string.Join(' ', MediaOrigins(media).Prepend("'self'"));
        app.Use(async (context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
                    $"font-src 'self'; connect-src {connect}; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "SAMEORIGIN";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), display-capture=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
    }

    /// <summary>Origins of the Janus HTTP APIs browsers call, with the WebSocket twin of each.</summary>
    public static IEnumerable<string> MediaOrigins(MediaOptions media)
    {
        foreach (var janus in media.Janus)
        {
            if (Uri.TryCreate(janus.BrowserUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                var authority = uri.GetLeftPart(UriPartial.Authority)[(uri.Scheme.Length + 3)..];
                yield return $"{uri.Scheme}://{authority}";
                yield return $"{(uri.Scheme == "https" ? "wss" : "ws")}://{authority}";
            }
        }
    }
}
