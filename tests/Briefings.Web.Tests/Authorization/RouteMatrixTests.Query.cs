using System.Net;
using System.Reflection;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Authorization;

public sealed partial class RouteMatrixTests
{
    /// <summary>Found from outside (walk-hostile, evening): a page's typed query parameter that does not parse
    /// (<c>/tasks?done=abc</c>, <c>/followup?unit=0</c>, <c>/meetings/holidays?year=abc</c>, <c>/conclusions/new?meeting=1</c>,
    /// a version page's <c>?from=x</c>) made the framework throw while setting the page's parameters: the error page
    /// (500) on six pages. Every page's non-text query parameter is read from the components themselves, so a new one is
    /// covered: each answers the Vietnamese 400 (or the page's own refusal), never an error.</summary>
    [Fact]
    public async Task EveryPageQueryParameterOfAType_Unparseable_Vietnamese400NeverAnError()
    {
        using var anonymous = app.Client();
        using var clerk = await app.LoginAsync(RouteRules.Clerk);
        var problems = new List<string>();
        var tried = new List<string>();

        foreach (var (route, page) in Pages())
        {
            var typed = page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.Query is not null && p.Property.PropertyType != typeof(string))
                .Select(p => p.Query!.Name ?? p.Property.Name);
            foreach (var name in typed)
            {
                var client = RouteRules.Public.ContainsKey(route) ? anonymous : clerk;
                var url = Parameter().Replace(route, Guid.NewGuid().ToString()) + $"?{name}=khong-phai-so";
                tried.Add(url);
                var response = await client.Http.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500
                    || (response.StatusCode == HttpStatusCode.BadRequest && !body.Contains(InputRefusals.UnreadableQueryMessage, StringComparison.Ordinal)))
                {
                    problems.Add($"{url}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.Contains(tried, u => u.StartsWith("/tasks?done=", StringComparison.Ordinal));
        Assert.Contains(tried, u => u.StartsWith("/followup?unit=", StringComparison.Ordinal));
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var tasks = await clerk.Http.GetAsync("/tasks?done=abc");
        Assert.Equal(HttpStatusCode.BadRequest, tasks.StatusCode);
        var refusal = AppClient.Parse(await tasks.Content.ReadAsStringAsync());
        Assert.Equal("/tasks", refusal.QuerySelector("#reopen")?.GetAttribute("href"));
    }

    /// <summary>Routable component pages: route pattern → component type.</summary>
    private IEnumerable<(string Route, Type Page)> Pages()
    {
        using var _ = app.Client();
        var composite = (CompositeEndpointDataSource)app.Services.GetRequiredService<EndpointDataSource>();
        return composite.DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => ("/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), e.Metadata.GetMetadata<ComponentTypeMetadata>()!.Type))
            .DistinctBy(p => p.Item1)
            .ToList();
    }
}
