using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Briefings.Web.Features.OnlineRoom.Media;

/// <summary>
/// Janus signed tokens (<c>token_auth_secret</c>): <c>&lt;expiry-unix&gt;,&lt;realm&gt;[,descriptor...]:&lt;base64 HMAC-SHA1&gt;</c>.
/// The HMAC covers everything before the colon (Janus's <c>src/auth.c</c>; the prose of its docs says only the
/// expiry). Stateless: they survive a Janus restart and need no round trip; they cannot be revoked, so they live
/// no longer than the meeting.
/// </summary>
public static class JanusTokens
{
    public const string VideoRoom = "janus.plugin.videoroom";
    public const string EchoTest = "janus.plugin.echotest";

    /// <summary>The session token: which plugins the browser may attach, and which endpoint it is (the
    /// descriptor comes back in Janus event-handler "attached" events, so the server can attribute a handle).</summary>
    public static string Core(string secret, DateTimeOffset expires, string plugin, Guid endpointId) =>
        Sign(secret, expires, "janus", plugin, $"endpoint={endpointId:N}");

    /// <summary>The VideoRoom token for a room created with <c>signed_tokens</c>.</summary>
    public static string Room(string secret, DateTimeOffset expires, long roomId) =>
        Sign(secret, expires, VideoRoom, "room=" + roomId.ToString(CultureInfo.InvariantCulture));

    public static string Sign(string secret, DateTimeOffset expires, string realm, params string[] descriptors)
    {
        var data = string.Join(",", [expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), realm, .. descriptors]);
        var signature = HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data));
        return data + ":" + Convert.ToBase64String(signature);
    }

    /// <summary>coturn's time-limited credentials (<c>use-auth-secret</c>): user "expiry:name", password
    /// base64(HMAC-SHA1(secret, user)).</summary>
    public static (string UserName, string Credential) Turn(string sharedSecret, DateTimeOffset expires, string name)
    {
        var user = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":" + name;
        return (user, Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(sharedSecret), Encoding.UTF8.GetBytes(user))));
    }
}
