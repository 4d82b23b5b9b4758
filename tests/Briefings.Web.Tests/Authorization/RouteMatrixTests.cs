using System.Net;
using System.Text.RegularExpressions;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Authorization;

/// <summary>
/// The authorization matrix, generated from the app's route table (minimal-API endpoints and Razor component
/// pages, as <see cref="EndpointDataSource"/> lists them): every route × anonymous and every demo role, with
/// the ids of a foreign district's records. A new route without a rule in <see cref="RouteRules"/> fails here.
/// </summary>
public sealed partial class RouteMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void RouteTable_EveryRoute_HasARule()
    {
        var routes = Routes();

        var missing = routes.Keys.Where(r => !RouteRules.Public.ContainsKey(r) && !RouteRules.Signed.ContainsKey(r)).ToList();
        var stale = RouteRules.Public.Keys.Concat(RouteRules.Signed.Keys).Where(r => !routes.ContainsKey(r)).ToList();

        Assert.True(missing.Count == 0,
            "Routes without an authorization rule: " + string.Join(", ", missing) + ". Add each to RouteRules.Signed in " +
            "tests/Briefings.Web.Tests/Authorization/RouteRules.cs (who may open it; for ids, how to fill them with a foreign " +
            "unit's record), or, if it is meant to be public, to RouteRules.Public with the reason.");
        Assert.True(stale.Count == 0, "Rules for routes the app no longer has (remove them from RouteRules): " + string.Join(", ", stale));
        Assert.Contains("/meetings/{Id:guid}", routes.Keys);
        Assert.Contains("/directory/export.xlsx", routes.Keys);
    }

    [Fact]
    public async Task EveryRoute_Anonymous_OnlyPublicRoutesOpen()
    {
        var foreign = await ForeignAsync();
        using var anonymous = app.Client();
        var problems = new List<string>();

        foreach (var (route, methods) in Routes())
        {
            var rule = RouteRules.Signed.GetValueOrDefault(route);
            var response = await SendAsync(anonymous, Url(route, rule, foreign), methods);
            var outcome = Outcome(response);
            if (RouteRules.Public.ContainsKey(route))
            {
                if (outcome == "error")
                {
                    problems.Add($"{route}: public route answered {(int)response.StatusCode}");
                }
            }
            else if (outcome is not ("login" or "refused"))
            {
                problems.Add($"{route}: anonymous got {(int)response.StatusCode} ({outcome}), expected the login page or a refusal");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task EveryRoute_EveryDemoRole_ForeignUnitRefusedUnlessAllowed()
    {
        var foreign = await ForeignAsync();
        var problems = new List<string>();
        var routes = Routes().Where(r => RouteRules.Signed.TryGetValue(r.Key, out var rule) && !rule.PostOnly || rule is { PostOnly: true, Open: false }).ToList();

        foreach (var account in RouteRules.DemoAccounts)
        {
            using var client = await app.LoginAsync(account);
            foreach (var (route, methods) in routes)
            {
                var rule = RouteRules.Signed[route];
                var response = await SendAsync(client, Url(route, rule, foreign), methods);
                var outcome = Outcome(response);
                if (outcome is "error" or "login")
                {
                    problems.Add($"{account} {route}: {(int)response.StatusCode} ({outcome})");
                }
                else if (!rule.Open && rule.Allowed.Contains(account) && outcome == "refused")
                {
                    problems.Add($"{account} {route}: refused ({(int)response.StatusCode}) but the rule allows it — {rule.Why}");
                }
                else if (!rule.Open && !rule.Allowed.Contains(account) && outcome != "refused")
                {
                    problems.Add($"{account} {route}: {(int)response.StatusCode} ({outcome}) but the rule refuses it{(rule.Fill is null ? "" : " (a foreign district's record)")}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Found from outside: a public conclusion's link with its id cut short sent the visitor to the sign-in page
    /// (no route matched, so the sign-in rule for unknown addresses applied). Every route with an id, its id replaced by
    /// text that is not one: 404 with the Vietnamese "not found" — public routes for a visitor without an account,
    /// the others for a signed-in clerk — never the sign-in page and never a 500. (The JSON API answers its own 400.)</summary>
    [Fact]
    public async Task EveryRouteWithAnId_MalformedId_Vietnamese404NeverSignInOrError()
    {
        using var anonymous = app.Client();
        using var clerk = await app.LoginAsync(RouteRules.Clerk);
        var problems = new List<string>();
        var routes = Routes().Keys.Where(r => Parameter().IsMatch(r) && !r.StartsWith("/api/", StringComparison.Ordinal) && !r.StartsWith("/_", StringComparison.Ordinal)).ToList();

        foreach (var route in routes)
        {
            var client = RouteRules.Public.ContainsKey(route) ? anonymous : clerk;
            var url = Parameter().Replace(route, "khong-phai-ma");
            var response = await client.Http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.NotFound || !body.Contains("Không tìm thấy", StringComparison.Ordinal))
            {
                problems.Add($"{url} ({(RouteRules.Public.ContainsKey(route) ? "anonymous" : "clerk")}): {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.Contains("/public/conclusions/{Id:guid}", routes);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Route pattern → HTTP methods, from the app's endpoint data sources (static files left out).</summary>
    private Dictionary<string, HashSet<string>> Routes()
    {
        using var _ = app.Client();
        var composite = (CompositeEndpointDataSource)app.Services.GetRequiredService<EndpointDataSource>();
        var routes = new Dictionary<string, HashSet<string>>();
        foreach (var source in composite.DataSources.Where(s => !s.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
        {
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                if (!routes.TryGetValue(pattern, out var set))
                {
                    routes[pattern] = set = [];
                }

                set.UnionWith(methods);
            }
        }

        return routes;
    }

    private static string Url(string route, Rule? rule, ForeignUnit foreign)
    {
        var values = rule?.Fill?.Invoke(foreign) ?? [];
        return Parameter().Replace(route, m =>
        {
            var name = m.Groups[1].Value.ToLowerInvariant();
            return values.TryGetValue(name, out var v) ? v : Guid.NewGuid().ToString();
        });
    }

    private static async Task<HttpResponseMessage> SendAsync(AppClient client, string url, HashSet<string> methods) =>
        methods.Contains("GET")
            ? await client.Http.GetAsync(url)
            : await client.Http.PostAsync(url, new FormUrlEncodedContent([]));

    /// <summary>What the caller got: ok, login (sent to sign in), refused (403/404/400/401/405 or the refusal
    /// page), redirect (elsewhere), error (5xx).</summary>
    private static string Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            // A real part not configured here (Janus): answered after the access check.
            return "ok";
        }

        if (status >= 500)
        {
            return "error";
        }

        if (status is >= 300 and < 400)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) ? "login"
                : location.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) ? "refused"
                : "redirect";
        }

        return response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.BadRequest
            or HttpStatusCode.Unauthorized or HttpStatusCode.MethodNotAllowed ? "refused" : "ok";
    }

    private ForeignUnit? foreignUnit;

    /// <summary>A second district beside the demo's (under the same province) with a body, a person, an
    /// account and a meeting with its host endpoint: only the admin's scope covers it.</summary>
    private async Task<ForeignUnit> ForeignAsync()
    {
        if (foreignUnit is not null)
        {
            return foreignUnit;
        }

        var (district, body, person) = await app.WithDbAsync(async db =>
        {
            var existing = await db.Units.FirstOrDefaultAsync(u => u.Code == "H-NT");
            if (existing is not null)
            {
                var b = await db.Units.SingleAsync(u => u.Code == "HU-NT");
                return (existing, b, await db.People.SingleAsync(p => p.UnitId == b.Id));
            }

            var province = await db.Units.SingleAsync(u => u.Id == db.Units.Single(x => x.Code == "H-TP").ParentId);
            var d = Unit.Create(Guid.CreateVersion7(), "H-NT", "Huyện Ngoại Thử", "Ngoại Thử", UnitKind.Area, province);
            var hu = Unit.Create(Guid.CreateVersion7(), "HU-NT", "Huyện ủy Ngoại Thử", "Huyện ủy", UnitKind.PartyCommittee, d);
            var p = Person.Create(Guid.CreateVersion7(), "Người huyện ngoài", hu);
            p.SetPositions([(hu.Id, "Bí thư Huyện ủy")]);
            db.Units.AddRange(d, hu);
            db.People.Add(p);
            await db.SaveChangesAsync();
            return (d, hu, p);
        });
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UnitId == body.Id))
            ?? await app.NewAccountAsync(Roles.UnitStaff, body.Code);

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.BodyAreaId == district.Id);
        if (meeting is null)
        {
            var admin = new AccessScope(true, null, null, true, true);
            var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, "Giao ban huyện ngoài", MeetingType.QuarterlyBriefing,
                MeetingMode.Online, new DateOnly(2031, 5, 6), new TimeOnly(8, 0), new TimeOnly(10, 0), "Phòng họp huyện ngoài", "HU-NT", null, null, null, "Ý kiến | | 30", 0), admin);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(saved.Value!.Id, admin)).Succeeded);
            meeting = saved.Value!;
        }

        var endpoint = await db.MeetingEndpoints.AsNoTracking().FirstAsync(e => e.MeetingId == meeting.Id);

        foreignUnit = new ForeignUnit(body.Id.ToString(), person.Id.ToString(), meeting.Id.ToString(), endpoint.Id.ToString(), account.Id);
        return foreignUnit;
    }

    [GeneratedRegex(@"\{([A-Za-z]+)(:[a-z]+)?\}")]
    private static partial Regex Parameter();
}
