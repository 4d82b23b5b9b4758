using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Briefings.Web.Infrastructure;

/// <summary>The <c>Proxy</c> section: the reverse proxies (nginx) whose forwarded headers are believed.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>IP addresses of the proxies, e.g. <c>["127.0.0.1"]</c> when nginx runs on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. <c>["10.0.0.0/24"]</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>
/// Behind a reverse proxy that ends TLS the app sees plain http; it learns the browser's scheme, host and
/// address from X-Forwarded-Proto/-Host/-For, but only from the configured proxies (the framework's default
/// trusts loopback, which is cleared). With the real scheme known, cookies get <c>Secure</c>, redirects and
/// links use https, and HSTS is sent. A request that came through a proxy over plain http is redirected to
/// https; requests that reach the app directly (a health probe on 127.0.0.1:8080) are not.
/// </summary>
public static class ProxySetup
{
    public static void AddProxy(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        builder.Services.AddSingleton(options);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var ip) ? ip
                    : throw new InvalidOperationException($"Proxy:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in options.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var net) ? net
                    : throw new InvalidOperationException($"Proxy:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/24)."));
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    public static void UseProxy(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ProxyOptions>();
        if (options.IsConfigured)
        {
            app.UseForwardedHeaders();
            app.Use(async (context, next) =>
            {
                // X-Original-Proto is set by the forwarded-headers middleware only for a believed proxy.
                if (!context.Request.IsHttps && context.Request.Headers.ContainsKey("X-Original-Proto"))
                {
                    var request = context.Request;
                    context.Response.Redirect($"https://{request.Host}{request.PathBase}{request.Path}{request.QueryString}", permanent: true, preserveMethod: true);
                    return;
                }

                await next();
            });
        }

        if (!app.Environment.IsDevelopment())
        {
            // Sent on https responses only; browsers then refuse plain http to this host for a year.
            app.UseHsts();
        }
    }
}
