using System.Diagnostics;
using System.Security.Claims;
using Briefings.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// A sign-in lives only as long as the account's security stamp: logout, a password change, an admin's reset,
/// lock or disable all change the stamp, and every request compares the cookie's stamp with the database
/// (one indexed look-up), so a copied cookie stops working at once on every instance. Identity's own
/// validator, which refreshes claims every 30 minutes, still runs after this check.
/// </summary>
public static class AccountSessions
{
    private const string MustChangeKey = "briefings.must-change-password";

    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";

    /// <summary>What every signed-in request reads about its account, in one indexed query: the session check
    /// (stamp, disabled) and what the account's scope depends on (the key of <see cref="CurrentUser"/>'s cache).</summary>
    internal sealed record SessionRow(
        string Id, string? SecurityStamp, string? ConcurrencyStamp, DateTimeOffset? DisabledAt, bool MustChangePassword,
        Guid UnitId, bool IncludeSubunits, string UnitPath, Briefings.Core.Organizations.UnitKind UnitKind,
        string? PageVersion = null);

    internal const string SessionKey = "briefings.session";

    // Compiled once: a signed-in request runs it every time (issue 14.5: EF's per-query translation cost counted).
    private static readonly Func<BriefingsDbContext, string, CancellationToken, Task<SessionRow?>> LoadSession =
        EF.CompileAsyncQuery((BriefingsDbContext db, string id, CancellationToken ct) =>
            (from u in db.Users
             where u.Id == id
             join unit in db.Units on u.UnitId equals unit.Id
             select new SessionRow(u.Id, u.SecurityStamp, u.ConcurrencyStamp, u.DisabledAt, u.MustChangePassword,
                 u.UnitId, u.IncludeSubunits, unit.Path, unit.Kind,
                 // The database's page version, read before any of the page's own queries (PageCache): in the same
                 // query, so keeping pages costs no query more.
                 db.Settings.Where(s => s.Key == BriefingsDbContext.PageVersionKey).Select(s => s.Value).FirstOrDefault()))
            .FirstOrDefault());

    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        if (context.HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            // The error page, re-executed after a failure (often the database's): it shows no account, and checking
            // the session would meet the same failure and leave the user an empty 500 instead of the page and its code.
            context.RejectPrincipal();
            return;
        }

        // Every log line of the request, its error included, names the account (the cookie is authentic; whether
        // its session still holds is checked below). Written by the JSON console as "UserName" in the scope.
        Activity.Current?.SetTag(LoggingSetup.UserTag, principal?.Identity?.Name);
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var cookieStamp = principal?.FindFirstValue(stampClaim);
        var db = services.GetRequiredService<BriefingsDbContext>();
        if (id is not null && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            // A page runs several queries; EF opened and closed the pooled connection around each one, which on
            // SQLite takes the pool's process-wide lock twice per query (a fifth of a signed-in page under load,
            // issue 14.5). A page's context keeps its connection open until the request ends (the context closes
            // what it opened when it is disposed). Only pages: a hub's or a circuit's request lives as long as its
            // WebSocket and must not hold a connection of the pool all that time.
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        }

        var account = id is null ? null : await LoadSession(db, id, context.HttpContext.RequestAborted);
        if (account is null || account.DisabledAt is not null || cookieStamp is null || account.SecurityStamp != cookieStamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        context.HttpContext.Items[SessionKey] = account;
        context.HttpContext.Items[MustChangeKey] = account.MustChangePassword;
        // Identity's validator refreshes the claims once its interval (30 minutes) has passed since the cookie was
        // issued; asked on every request it first builds SignInManager and UserManager (token providers, data
        // protectors), which was most of what a signed-in request cost (issue 14.5, docs/benchmarks.md). So it is
        // called only when it will act.
        var validator = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (validator.TimeProvider ?? services.GetRequiredService<TimeProvider>()).GetUtcNow();
        if (context.Properties.IssuedUtc is not { } issued || now - issued > validator.ValidationInterval)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }

    /// <summary>While an account still has its one-time password, every page and endpoint that needs a login
    /// sends it to the password change (ASVS 2.1: an initial password must be changed at first use).</summary>
    public static void UseForcedPasswordChange(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Items.TryGetValue(MustChangeKey, out var flag) && flag is true
            && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null
            && !context.Request.Path.StartsWithSegments(ChangePasswordPath, StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments("/Account/Logout", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect($"{context.Request.PathBase}{ChangePasswordPath}?required=1");
            return;
        }

        await next();
    });
}
