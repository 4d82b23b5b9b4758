using System.Net;
using Briefings.Core.Organizations;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>Sessions end everywhere on logout and password change; one-time passwords are random and must be
/// changed before anything else.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountSessionTests(AppFactory app)
{
    [Fact]
    public async Task Logout_CopiedCookie_RedirectedToLogin()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac);
        using var client = app.Client();
        var cookie = TestAccounts.AuthCookie(await client.LoginAsync(account.UserName!, AppFactory.DemoPassword));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/meetings", cookie)).StatusCode);

        await client.LogoutAsync();

        var replayed = await GetWithCookieAsync("/meetings", cookie);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/Account/Login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Found from outside (walk-commune): a commune clerk ticked "Ghi nhớ đăng nhập trên máy này" on the phone and
    /// still met the login page the next morning: the remembered cookie lasted the 10-hour session. It now lasts
    /// Accounts:RememberMeDays (14); a sign-in without the tick stays a browser session.</summary>
    [Fact]
    public async Task Login_RememberMeTicked_CookieOutlivesTheNight_UntickedIsABrowserSession()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac);
        using var remembered = app.Client();
        using var session = app.Client();

        var ticked = await remembered.SubmitAsync("/Account/Login", "login", new() { ["Input.UserName"] = account.UserName!, ["Input.Password"] = AppFactory.DemoPassword, ["Input.RememberMe"] = "true" });
        var unticked = await session.SubmitAsync("/Account/Login", "login", new() { ["Input.UserName"] = account.UserName!, ["Input.Password"] = AppFactory.DemoPassword });

        var kept = AuthSetCookie(ticked);
        Assert.NotNull(kept.Expires);
        Assert.True(kept.Expires > DateTimeOffset.UtcNow.AddDays(13), $"the remembered sign-in ends {kept.Expires:u}");
        Assert.Null(AuthSetCookie(unticked).Expires);
        Assert.Equal(HttpStatusCode.OK, (await remembered.Http.GetAsync("/tasks")).StatusCode);
    }

    private static (string Value, DateTimeOffset? Expires) AuthSetCookie(HttpResponseMessage response)
    {
        var header = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("briefings.auth=", StringComparison.Ordinal));
        var expires = header.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase));
        return (header, expires is null ? null : DateTimeOffset.Parse(expires["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ChangePassword_OtherSession_Ended()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac);
        using var other = app.Client();
        var otherCookie = TestAccounts.AuthCookie(await other.LoginAsync(account.UserName!, AppFactory.DemoPassword));
        using var client = await app.LoginAsync(account.UserName!);

        var changed = await client.SubmitAsync(AccountSessions.ChangePasswordPath, "change-password", new()
        {
            ["Input.OldPassword"] = AppFactory.DemoPassword,
            ["Input.NewPassword"] = "Mat-khau-moi-2026",
            ["Input.ConfirmPassword"] = "Mat-khau-moi-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/meetings")).StatusCode);
        var replayed = await GetWithCookieAsync("/meetings", otherCookie);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/Account/Login", replayed.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstSignIn_OneTimePassword_EveryPageSendsToPasswordChangeUntilChanged()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac, mustChangePassword: true);
        using var client = await app.LoginAsync(account.UserName!);

        foreach (var url in new[] { "/", "/meetings", "/directory", "/tasks" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(AccountSessions.ChangePasswordPath + "?required=1", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        await client.SubmitAsync(AccountSessions.ChangePasswordPath, "change-password", new()
        {
            ["Input.OldPassword"] = AppFactory.DemoPassword,
            ["Input.NewPassword"] = "Mat-khau-rieng-2026",
            ["Input.ConfirmPassword"] = "Mat-khau-rieng-2026",
        });

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/meetings")).StatusCode);
        Assert.False((await app.AccountAsync(account.Id)).MustChangePassword);
    }

    [Fact]
    public void GeneratePassword_ManyDraws_RandomEverywhereAndMeetsPolicy()
    {
        var drawn = Enumerable.Range(0, 300).Select(_ => AccountBootstrap.GeneratePassword()).ToList();

        Assert.All(drawn, p =>
        {
            Assert.Equal(16, p.Length);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsUpper);
        });
        // 55^3 possible endings: 300 draws share an ending only by rare chance, never all the same one.
        Assert.True(drawn.Select(p => p[^3..]).Distinct().Count() > 290);
        Assert.True(drawn.Select(p => p[..3]).Distinct().Count() > 290);
    }

    [Fact]
    public async Task FirstSignIn_AdminWithOneTimePassword_AccountsPageSendsToPasswordChange()
    {
        var account = await app.NewAccountAsync(Roles.Admin, "TU-LG", mustChangePassword: true);
        using var client = await app.LoginAsync(account.UserName!);

        var response = await client.Http.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(AccountSessions.ChangePasswordPath, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == account.Id && u.MustChangePassword)));
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }
}
