using System.Net;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>Every response — pages, static files, health, errors — carries the security headers.</summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeadersTests(AppFactory app)
{
    [Theory]
    [InlineData("/Account/Login", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/meetings", HttpStatusCode.Redirect)]
    [InlineData("/khong-co-trang-nay", HttpStatusCode.Redirect)]
    public async Task AnyResponse_Anonymous_SecurityHeadersPresent(string url, HttpStatusCode expected)
    {
        using var client = app.Client();

        var response = await client.Http.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=(self)", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=(self)", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ImportMap_CarriesThisResponsesNonce()
    {
        using var client = app.Client();

        var response = await client.Http.GetAsync("/Account/Login");

        var nonce = Header(response, "Content-Security-Policy").Split("'nonce-")[1].Split('\'')[0];
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.All(page.QuerySelectorAll("script:not([src])"), s => Assert.Equal(nonce, s.GetAttribute("nonce")));
        using var second = app.Client();
        Assert.NotEqual(nonce, Header(await second.Http.GetAsync("/Account/Login"), "Content-Security-Policy").Split("'nonce-")[1].Split('\'')[0]);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
        : "";
}
