using System.Net;
using Microsoft.EntityFrameworkCore;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.Directory;

[Collection(AppCollection.Name)]
public sealed class DirectorySearchTests(AppFactory app)
{
    [Theory]
    [InlineData("dang uy xa an lac")]
    [InlineData("Đảng ủy xã An Lạc")]
    [InlineData("DANG UY AN LAC")]
    public async Task Search_WithOrWithoutDiacritics_FindsCommuneParty(string query)
    {
        using var client = await app.LoginAsync("vanphong");

        var (status, page) = await client.GetPageAsync("/directory?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, status);
        var units = page.QuerySelector("#unit-results")!.ParentElement!.QuerySelectorAll("li a").Select(a => a.TextContent).ToList();
        Assert.Contains("Đảng ủy xã An Lạc", units);
        Assert.DoesNotContain("Đảng ủy xã Bình Đông", units);
    }

    [Fact]
    public async Task Search_PersonNameWithoutDiacritics_FindsPerson()
    {
        using var client = await app.LoginAsync("vanphong");

        var (_, page) = await client.GetPageAsync("/directory?q=tran minh khang");

        Assert.Contains("Trần Minh Khang", page.QuerySelector("#people-results")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_SameNamedBranchesOfSeveralCommunes_EachHitShowsItsParent()
    {
        using var client = await app.LoginAsync("vanphong");

        var (_, page) = await client.GetPageAsync("/directory?q=" + Uri.EscapeDataString("chi hoi phu nu ap phu loi"));

        var hits = page.QuerySelector("#unit-results")!.ParentElement!.QuerySelectorAll("li").ToList();
        Assert.True(hits.Count > 1, $"{hits.Count} hits");
        Assert.All(hits, h => Assert.StartsWith("Chi hội Phụ nữ ấp Phú Lợi", h.QuerySelector("a")!.TextContent, StringComparison.Ordinal));
        var parents = hits.Select(h => h.QuerySelector(".parent")!.TextContent.Trim()).ToList();
        Assert.Equal(parents.Count, parents.Distinct().Count());
        Assert.All(parents, p => Assert.StartsWith("— thuộc ", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_NothingMatches_SaysSoInVietnamese()
    {
        using var client = await app.LoginAsync("vanphong");

        var (_, page) = await client.GetPageAsync("/directory?q=khongtontaixyz");

        Assert.Contains("Không có đơn vị nào khớp", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_LikeWildcards_AreLiteral()
    {
        using var client = await app.LoginAsync("vanphong");

        var (_, page) = await client.GetPageAsync("/directory?q=" + Uri.EscapeDataString("%_"));

        Assert.Empty(page.QuerySelector("#unit-results")!.ParentElement!.QuerySelectorAll("li"));
    }

    [Fact]
    public async Task CommunePage_ShowsItsUnits()
    {
        var commune = await app.UnitAsync(Demo.AnLac);
        using var client = await app.LoginAsync("vanphong");

        var (_, page) = await client.GetPageAsync($"/directory/units/{commune.Id}");

        var children = page.QuerySelectorAll("ul.tree li a").Select(a => a.TextContent).ToList();
        Assert.Contains("Đảng ủy xã An Lạc", children);
        Assert.Contains("Ủy ban nhân dân xã An Lạc", children);
        Assert.Contains("Hội Nông dân xã An Lạc", children);
        Assert.Contains(children, c => c.StartsWith("Ấp ", StringComparison.Ordinal));
    }

    /// <summary>Found by walk-adopt: every installation's directory said "ví dụ: dang uy xa an lac" — the demo's commune,
    /// which a new district does not have. The example is now a place of the reader's own directory.</summary>
    [Fact]
    public async Task DirectoryPage_AreaOfItsOwn_SearchExampleIsItsOwnPlaceNotTheDemos()
    {
        var tag = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == Briefings.Web.Infrastructure.Demo.DemoDistrict.DistrictCode);
            var commune = Briefings.Core.Organizations.Unit.Create(Guid.CreateVersion7(), "X-VD-" + tag, "Xã Vạn Định " + tag, "Vạn Định", Briefings.Core.Organizations.UnitKind.Area, district);
            db.Units.Add(commune);
            db.Units.Add(Briefings.Core.Organizations.Unit.Create(Guid.CreateVersion7(), "X-VD-" + tag + "-A1", "Ấp Sông Xanh", "Sông Xanh", Briefings.Core.Organizations.UnitKind.Area, commune));
            return await db.SaveChangesAsync();
        });
        var clerk = await app.NewAccountAsync(Briefings.Core.Organizations.Roles.UnitStaff, "X-VD-" + tag);
        using var client = await app.LoginAsync(clerk.UserName!);

        var (_, page) = await client.GetPageAsync("/directory");

        Assert.Equal("Gõ không dấu cũng được, ví dụ: ap song xanh.", page.QuerySelector("#q-hint")!.TextContent.Trim());
    }
}
