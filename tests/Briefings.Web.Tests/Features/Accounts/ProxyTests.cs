using System.Net;
using System.Text.RegularExpressions;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>Behind the reverse proxy: forwarded headers are believed only from a configured proxy; then
/// cookies are Secure, redirects go to https and HSTS is sent. Runs on Kestrel so that the connection has a
/// real remote address (127.0.0.1).</summary>
public sealed class ProxyTests
{
    private const string Host = "giaoban.example.vn";

    [Fact]
    public async Task KnownProxy_ForwardedHttps_SecureCookiesHttpsRedirectsAndHsts()
    {
        using var app = new KestrelAppFactory(new Dictionary<string, string?> { ["Proxy:KnownProxies:0"] = "127.0.0.1" });
        using var http = Client(app.StartAndGetAddress());

        var anonymous = await http.SendAsync(Forwarded(HttpMethod.Get, "/meetings", "https"));
        var (login, loginPage) = await LoginAsync(http, "https");

        Assert.StartsWith($"https://{Host}/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", anonymous.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(loginPage.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("briefings.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task KnownProxy_ForwardedPlainHttp_RedirectedToHttps()
    {
        using var app = new KestrelAppFactory(new Dictionary<string, string?> { ["Proxy:KnownProxies:0"] = "127.0.0.1" });
        using var http = Client(app.StartAndGetAddress());

        var response = await http.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login?x=1", "http"));
        var direct = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal($"https://{Host}/Account/Login?x=1", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
    }

    [Fact]
    public async Task UnknownProxy_ForwardedHttps_Ignored()
    {
        using var app = new KestrelAppFactory(new Dictionary<string, string?> { ["Proxy:KnownProxies:0"] = "10.20.30.40" });
        var address = app.StartAndGetAddress();
        using var http = Client(address);

        var anonymous = await http.SendAsync(Forwarded(HttpMethod.Get, "/meetings", "https"));
        var (login, loginPage) = await LoginAsync(http, "https");

        Assert.StartsWith($"{address}/Account/Login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(anonymous.Headers.Contains("Strict-Transport-Security"));
        Assert.All(loginPage.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("secure", login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("briefings.auth=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    private static HttpClient Client(string address) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };

    private static HttpRequestMessage Forwarded(HttpMethod method, string url, string proto)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Forwarded-Proto", proto);
        request.Headers.Add("X-Forwarded-Host", Host);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    /// <summary>Signs in as the demo clerk the way a browser behind the proxy does, handling cookies by hand
    /// (a cookie jar would not send Secure cookies over the test's plain http).</summary>
    private static async Task<(HttpResponseMessage Login, HttpResponseMessage Page)> LoginAsync(HttpClient http, string proto)
    {
        var page = await http.SendAsync(Forwarded(HttpMethod.Get, "/Account/Login", proto));
        var html = await page.Content.ReadAsStringAsync();
        var form = AppClient.Parse(html).Forms.Single(f => f.QuerySelector("input[name='_handler'][value='login']") is not null);
        var fields = form.QuerySelectorAll("input[type='hidden']").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["Input.UserName"] = "vanphong";
        fields["Input.Password"] = AppFactory.DemoPassword;
        var post = Forwarded(HttpMethod.Post, "/Account/Login", proto);
        post.Content = new FormUrlEncodedContent(fields);
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var login = await http.SendAsync(post);
        var text = Regex.Replace(await login.Content.ReadAsStringAsync(), "<[^>]+>", " ");
        Assert.True(login.StatusCode == HttpStatusCode.Redirect, $"login answered {(int)login.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        return (login, page);
    }
}
