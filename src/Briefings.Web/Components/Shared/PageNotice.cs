using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Briefings.Web.Components.Shared;

/// <summary>
/// What a page says once after a successful post (Post/Redirect/Get): the post answers 303 to the page to show and
/// the notice travels in a short-lived cookie scoped to that page's path, read and deleted by its next GET. A reload
/// or Back after that is a plain GET: nothing is sent twice and the notice is not shown again. The cookie is
/// encrypted and time-limited with the app's data-protection keys (shared by every instance), so a notice cannot be
/// forged and a one-time password shown once (<see cref="Secret"/>) is not readable from the cookie.
/// </summary>
public sealed record PageNotice(string Text, string? Secret = null)
{
    private const string CookieName = "Briefings.Notice";
    private const string Purpose = "Briefings.Web.PageNotice";

    /// <summary>Long enough for a slow phone to follow the redirect, short enough that a notice never turns up later.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    /// <summary>Leaves <paramref name="notice"/> for the next GET of <paramref name="path"/> (a path from the site's root, no query).</summary>
    public static void Leave(HttpContext http, string path, PageNotice notice) => LeaveProtected(http, path, notice.Protect(http));

    /// <summary>The notice as its cookie carries it: encrypted and valid for <see cref="Lifetime"/> from now.</summary>
    public string Protect(HttpContext http) => Protector(http).Protect(JsonSerializer.Serialize(this), Lifetime);

    /// <summary>Leaves a notice already protected by <see cref="Protect"/> (kept with a form's one-time token, so a
    /// second post of the form is answered with the first one's notice); an expired one simply shows nothing.</summary>
    public static void LeaveProtected(HttpContext http, string path, string protectedNotice) =>
        http.Response.Cookies.Append(CookieName, protectedNotice, Options(http, path));

    /// <summary>The notice left for this page, once: the cookie is deleted as it is read. Null on a post, when there
    /// is none, or when it cannot be read (expired, keys rotated, altered).</summary>
    public static PageNotice? Take(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || http.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }

        if (!http.Response.HasStarted)
        {
            http.Response.Cookies.Delete(CookieName, Options(http, http.Request.PathBase + http.Request.Path));
        }

        try
        {
            return JsonSerializer.Deserialize<PageNotice>(Protector(http).Unprotect(value));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    private static ITimeLimitedDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).ToTimeLimitedDataProtector();

    private static CookieOptions Options(HttpContext http, string path) => new()
    {
        Path = path,
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = http.Request.IsHttps,
        MaxAge = Lifetime,
    };
}
