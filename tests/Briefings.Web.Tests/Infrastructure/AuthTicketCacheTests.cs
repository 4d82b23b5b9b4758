using System.Net;
using System.Security.Claims;
using Briefings.Core.Organizations;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The sign-in cookie's opened tickets are kept in memory by the cookie's text (issue 14.5): the same
/// cookie is opened once, a changed cookie goes through the whole check, and the session check still stops a
/// revoked session on the very next request.</summary>
[Collection(AppCollection.Name)]
public sealed class AuthTicketCacheTests(AppFactory app)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Unprotect_SameCookieTwice_OpenedOnceEachCallerItsOwnCopy()
    {
        var (cache, opened, cookie) = CacheWithCookie(Now.AddHours(10));

        var first = cache.Unprotect(cookie)!;
        first.Properties.ExpiresUtc = Now.AddYears(1);
        first.Properties.Items["changed"] = "yes";
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Admin"));
        var second = cache.Unprotect(cookie)!;

        Assert.Equal(1, opened.Count);
        Assert.NotSame(first, second);
        Assert.Equal(Now.AddHours(10), second.Properties.ExpiresUtc);
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.False(second.Principal.IsInRole("Admin"));
        Assert.Equal("user-1", second.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    [Fact]
    public void Unprotect_TamperedCookieOfAKeptOne_RefusedAndNotKept()
    {
        var (cache, opened, cookie) = CacheWithCookie(Now.AddHours(10));
        Assert.NotNull(cache.Unprotect(cookie));

        var middle = cookie.Length / 2;
        var tampered = cookie[..middle] + (cookie[middle] == 'A' ? 'B' : 'A') + cookie[(middle + 1)..];

        Assert.Null(cache.Unprotect(tampered));
        Assert.Null(cache.Unprotect(cookie + "A"));
        Assert.Null(cache.Unprotect(cookie, "another purpose"));
        Assert.Equal(1, cache.Count);
        Assert.Equal(4, opened.Count);
    }

    [Fact]
    public void Unprotect_KeptTicket_ForgottenWhenItExpiresOrAfterTheLifetime()
    {
        var clock = new FakeTimeProvider(Now);
        var (cache, opened, soon) = CacheWithCookie(Now.AddMinutes(1), clock);
        var late = Protect(Now.AddHours(10));

        cache.Unprotect(soon);
        cache.Unprotect(late);
        clock.Advance(TimeSpan.FromMinutes(2));
        cache.Unprotect(soon);
        cache.Unprotect(late);
        Assert.Equal(3, opened.Count);

        clock.Advance(AuthTicketCache.Lifetime);
        cache.Unprotect(late);
        Assert.Equal(4, opened.Count);
    }

    [Fact]
    public void Unprotect_MoreCookiesThanTheCapacity_KeepsAtMostTheCapacity()
    {
        var opened = new CountingFormat(Format);
        var cache = new AuthTicketCache(opened, new FakeTimeProvider(Now), capacity: 3);

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(cache.Unprotect(Protect(Now.AddHours(1), $"user-{i}")));
        }

        Assert.True(cache.Count <= 3, $"{cache.Count} kept");
    }

    [Fact]
    public async Task Cookie_KeptThenLoggedOut_RefusedOnTheNextRequest()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac);
        using var client = app.Client();
        var cookie = TestAccounts.AuthCookie(await client.LoginAsync(account.UserName!, AppFactory.DemoPassword));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/tasks", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/tasks", cookie)).StatusCode);
        var kept = Assert.IsType<AuthTicketCache>(app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).TicketDataFormat);
        Assert.True(kept.Count > 0);

        await client.LogoutAsync();

        AssertSentToLogin(await GetWithCookieAsync("/tasks", cookie));
    }

    [Fact]
    public async Task Cookie_KeptThenTampered_SentToLogin()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac);
        using var client = app.Client();
        var cookie = TestAccounts.AuthCookie(await client.LoginAsync(account.UserName!, AppFactory.DemoPassword));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/tasks", cookie)).StatusCode);

        var middle = cookie.Length / 2;
        var tampered = cookie[..middle] + (cookie[middle] == 'A' ? 'B' : 'A') + cookie[(middle + 1)..];

        AssertSentToLogin(await GetWithCookieAsync("/tasks", tampered));
        AssertSentToLogin(await GetWithCookieAsync("/tasks", cookie[..^4]));
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/tasks", cookie)).StatusCode);
    }

    private static readonly TicketDataFormat Format =
        new(new EphemeralDataProtectionProvider().CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", "Identity.Application", "v2"));

    private static string Protect(DateTimeOffset expires, string id = "user-1")
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, "xa.anlac")], "Identity.Application"));
        return Format.Protect(new AuthenticationTicket(principal, new AuthenticationProperties { IssuedUtc = Now, ExpiresUtc = expires }, "Identity.Application"));
    }

    private static (AuthTicketCache Cache, CountingFormat Opened, string Cookie) CacheWithCookie(DateTimeOffset expires, TimeProvider? clock = null)
    {
        var opened = new CountingFormat(Format);
        return (new AuthTicketCache(opened, clock ?? new FakeTimeProvider(Now)), opened, Protect(expires));
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The real ticket format, counting how often it is asked to open a cookie.</summary>
    private sealed class CountingFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Count { get; private set; }

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Count++;
            return inner.Unprotect(protectedText, purpose);
        }
    }
}
