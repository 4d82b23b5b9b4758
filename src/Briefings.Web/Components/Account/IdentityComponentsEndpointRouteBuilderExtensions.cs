using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Briefings.Data;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromForm] string returnUrl) =>
        {
            // A new security stamp ends this sign-in everywhere: a copy of the cookie is refused from now on.
            if (await userManager.GetUserAsync(user) is { } account)
            {
                await userManager.UpdateSecurityStampAsync(account);
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(LocalReturn(returnUrl));
        });

        return accountGroup;
    }

    /// <summary>Where a sign-out returns: the address of this site the form carried, or home. "~/" + "/evil.example" is
    /// "//evil.example", another site, which LocalRedirect refuses by throwing: a forged logout form answered 500
    /// (walk-hostile4). The rule is the framework's IsLocalUrl for a "~/" address.</summary>
    internal static string LocalReturn(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || returnUrl[0] is '/' or '\\' || returnUrl.Any(char.IsControl) ? "~/" : $"~/{returnUrl}";
}
