using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>Accounts of a test's own (so that ending their sessions touches no other test) and the logout form.</summary>
public static class TestAccounts
{
    /// <summary>Creates an account with <see cref="AppFactory.DemoPassword"/> in the unit <paramref name="unitCode"/>.</summary>
    public static async Task<ApplicationUser> NewAccountAsync(this AppFactory app, string role, string unitCode, bool mustChangePassword = false)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == unitCode);
        var account = new ApplicationUser
        {
            UserName = "t" + Guid.NewGuid().ToString("N")[..11],
            FullName = "Tài khoản thử",
            UnitId = unit.Id,
            MustChangePassword = mustChangePassword,
        };
        var created = await users.CreateAsync(account, AppFactory.DemoPassword);
        if (!created.Succeeded || !(await users.AddToRoleAsync(account, role)).Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        return account;
    }

    public static async Task<ApplicationUser> AccountAsync(this AppFactory app, string id) =>
        await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    /// <summary>Posts the layout's logout form as the browser does.</summary>
    public static async Task<HttpResponseMessage> LogoutAsync(this AppClient client)
    {
        var (_, page) = await client.GetPageAsync("/");
        var form = page.Forms.First(f => f.GetAttribute("action")?.EndsWith("Account/Logout", StringComparison.Ordinal) == true);
        var values = form.QuerySelectorAll<IHtmlInputElement>("input").Where(i => i.Name is { Length: > 0 })
            .ToDictionary(i => i.Name!, i => i.Value);
        return await client.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent(values));
    }

    /// <summary>The auth cookie (name=value) a login response set, to replay it from another client.</summary>
    public static string AuthCookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("briefings.auth=", StringComparison.Ordinal)).Split(';')[0];
}
