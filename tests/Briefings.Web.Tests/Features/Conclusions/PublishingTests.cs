using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The public side: the page, the Atom feed and the JSON API show issued conclusions marked public,
/// and of them only the public items; drafts and unpublished documents are not reachable without login.</summary>
[Collection(AppCollection.Name)]
public sealed class PublishingTests(AppFactory app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task PublicPageFeedAndApi_OnlyIssuedPublicConclusions_WithoutPrivateItems()
    {
        var draft = await PublishingFixture.NewAsync(app, issue: false, isPublic: false, "dự thảo");
        var internalOnly = await PublishingFixture.NewAsync(app, issue: true, isPublic: false, "nội bộ");
        var published = await PublishingFixture.NewAsync(app, issue: true, isPublic: true, "công bố");
        using var anonymous = app.Client();

        // The page.
        var (status, page) = await anonymous.GetPageAsync($"/public/conclusions/{published.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        var document = page.QuerySelector("#document")!.TextContent;
        Assert.Contains(published.Summary, document, StringComparison.Ordinal);
        Assert.Contains("Số 01-KL/ĐU", page.QuerySelector("#number")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hội nghị được chuẩn bị chu đáo", document, StringComparison.Ordinal);
        Assert.DoesNotContain(PublishingFixture.PrivateText, page.Source.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhân sự", document, StringComparison.Ordinal);
        foreach (var hidden in new[] { draft, internalOnly })
        {
            var response = await anonymous.Http.GetAsync($"/public/conclusions/{hidden.Id}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(hidden.Summary, body, StringComparison.Ordinal);
        }

        // The feed.
        var feedResponse = await anonymous.Http.GetAsync("/public/conclusions.atom");
        Assert.Equal(HttpStatusCode.OK, feedResponse.StatusCode);
        Assert.Equal("application/atom+xml", feedResponse.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await feedResponse.Content.ReadAsStringAsync());
        Assert.Equal(Atom + "feed", feed.Root!.Name);
        var entries = feed.Root.Elements(Atom + "entry").ToList();
        var entry = Assert.Single(entries, e => e.Element(Atom + "id")!.Value == $"urn:uuid:{published.Id}");
        Assert.Contains("Số 01-KL/ĐU", entry.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.EndsWith($"/public/conclusions/{published.Id}", entry.Element(Atom + "link")!.Attribute("href")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => e.ToString().Contains(draft.Summary, StringComparison.Ordinal) || e.ToString().Contains(internalOnly.Summary, StringComparison.Ordinal));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(u => u), updated);

        // The API: the list, then one document.
        var listResponse = await anonymous.Http.GetAsync("/api/public/conclusions");
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        using var list = JsonDocument.Parse(await listResponse.Content.ReadAsStringAsync());
        var listed = list.RootElement.EnumerateArray().ToList();
        var item = Assert.Single(listed, e => e.GetProperty("id").GetGuid() == published.Id);
        Assert.Equal("Số 01-KL/ĐU", item.GetProperty("number").GetString());
        Assert.Equal(published.Summary, item.GetProperty("title").GetString());
        Assert.Equal("2026-04-15", item.GetProperty("issuedOn").GetString());
        Assert.EndsWith($"/public/conclusions/{published.Id}", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(listed, e => e.GetProperty("id").GetGuid() == draft.Id || e.GetProperty("id").GetGuid() == internalOnly.Id);

        var oneResponse = await anonymous.Http.GetAsync($"/api/public/conclusions/{published.Id}");
        Assert.Equal(HttpStatusCode.OK, oneResponse.StatusCode);
        var one = await oneResponse.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(one);
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToList();
        var section = Assert.Single(sections);
        Assert.Equal([1, 2], section.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()));
        Assert.DoesNotContain(Strings(json.RootElement), s => s.Contains("Phước Lợi", StringComparison.Ordinal) || s.Contains("Nhân sự", StringComparison.Ordinal));
        foreach (var hidden in new[] { draft, internalOnly })
        {
            var response = await anonymous.Http.GetAsync($"/api/public/conclusions/{hidden.Id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(hidden.Summary, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Draft_WithoutLogin_PublicAddressNotFoundAndInternalAddressRedirectsToLogin()
    {
        var draft = await PublishingFixture.NewAsync(app, issue: false, isPublic: false);
        await SetPublicAsync(draft.Id, true);
        using var anonymous = app.Client();

        var publicPage = await anonymous.Http.GetAsync($"/public/conclusions/{draft.Id}");
        var api = await anonymous.Http.GetAsync($"/api/public/conclusions/{draft.Id}");
        var internalPage = await anonymous.Http.GetAsync($"/conclusions/{draft.Id}");
        var inbox = await anonymous.Http.GetAsync("/conclusions/inbox");
        var unknown = await anonymous.Http.GetAsync($"/public/conclusions/{Guid.NewGuid()}");

        // Marked public but not issued: still nothing on the public side.
        Assert.Equal(HttpStatusCode.NotFound, publicPage.StatusCode);
        Assert.DoesNotContain(draft.Summary, await publicPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var response in new[] { internalPage, inbox })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain(draft.Summary, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SetPublic_ClerkWhileDraft_Saved_LeaderAndUnitStaffRefused()
    {
        var draft = await PublishingFixture.NewAsync(app, issue: false, isPublic: false);
        using var clerk = await app.LoginAsync("vanphong");
        using var staff = await app.LoginAsync("xa.anlac");
        var version = await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == draft.Id).Select(c => c.Version).SingleAsync());

        using var leader = await app.LoginAsync("bithu");
        var refused = await staff.Http.GetAsync($"/conclusions/{draft.Id}");
        var leaderRefused = await leader.SubmitAsync($"/conclusions/{draft.Id}", "publish", new() { ["Publish"] = "true", ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var stillPrivate = !await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == draft.Id).Select(c => c.IsPublic).SingleAsync());
        var saved = await clerk.SubmitAsync($"/conclusions/{draft.Id}", "publish", new() { ["Publish"] = "true", ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(draft.Summary, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Leaders read and approve; the office decides what is published (a leader's page has no such form,
        // so the post is turned away before it reaches the use case).
        Assert.False(leaderRefused.IsSuccessStatusCode);
        Assert.True(stillPrivate);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == draft.Id).Select(c => c.IsPublic).SingleAsync()));
    }

    [Fact]
    public async Task Issue_FromRegisterWithPublishTicked_PublishedAtOnce()
    {
        var approved = await PublishingFixture.NewAsync(app, issue: false, isPublic: false, approve: true);
        using var clerk = await app.LoginAsync("vanphong");
        using var anonymous = app.Client();

        var (_, register) = await clerk.GetPageAsync("/conclusions/register");
        var issued = await clerk.SubmitAsync("/conclusions/register", "issue", new() { ["Key"] = approved.Id.ToString(), ["Publish"] = approved.Id.ToString() });
        var (_, after) = await clerk.FollowAsync(issued);
        var (status, page) = await anonymous.GetPageAsync($"/public/conclusions/{approved.Id}");

        Assert.NotNull(register.QuerySelector($"#waiting input[name='Publish'][value='{approved.Id}']"));
        Assert.NotNull(after.QuerySelector($"#register a[href='public/conclusions/{approved.Id}']"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(approved.Summary, page.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPublic_UseCase_OnlyManagersOfTheIssuer()
    {
        var draft = await PublishingFixture.NewAsync(app, issue: false, isPublic: false);
        var version = await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == draft.Id).Select(c => c.Version).SingleAsync());

        var byLeader = await SetPublicAsAsync(draft.Id, version, "bithu");
        var byCommune = await SetPublicAsAsync(draft.Id, version, "xa.anlac");
        var byCommuneClerk = await SetPublicAsAsync(draft.Id, version, "xa.anlac", Roles.Clerk);
        var stale = await SetPublicAsAsync(draft.Id, version - 1, "vanphong");
        var byClerk = await SetPublicAsAsync(draft.Id, version, "vanphong");

        Assert.Equal([Error.Forbidden], byLeader.Errors);
        Assert.Equal([Error.Forbidden], byCommune.Errors);
        Assert.Equal([Error.Forbidden], byCommuneClerk.Errors);
        Assert.Equal([Error.Conflict], stale.Errors);
        Assert.True(byClerk.Succeeded);
        Assert.True(byClerk.Value!.IsPublic);
    }

    [Fact]
    public async Task SetPublic_AfterIssue_Refused()
    {
        var issued = await PublishingFixture.NewAsync(app, issue: true, isPublic: false);

        var result = await app.WithDbAsync(async db =>
        {
            var conclusion = await db.Conclusions.SingleAsync(c => c.Id == issued.Id);
            return conclusion.SetPublic(true);
        });

        Assert.NotNull(result);
    }

    private async Task<Result<Briefings.Core.Conclusions.Conclusion>> SetPublicAsAsync(Guid id, int version, string userName, string? role = null)
    {
        var user = await app.WithDbAsync(async db =>
        {
            var account = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
            var roles = role is null
                ? await db.UserRoles.Where(ur => ur.UserId == account.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()
                : [role];
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == account.UnitId);
            var ancestorIds = unit.AncestorIds();
            var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
            return new UserContext(account, roles, unit, AccessScope.For(roles, unit, ancestors, account.IncludeSubunits));
        });
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<SetConclusionPublic>().RunAsync(id, version, true, user);
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private Task<bool> SetPublicAsync(Guid id, bool isPublic) =>
        app.WithDbAsync(async db =>
        {
            var conclusion = await db.Conclusions.SingleAsync(c => c.Id == id);
            Assert.Null(conclusion.SetPublic(isPublic));
            await db.SaveChangesAsync();
            return true;
        });
}
