using System.Net;
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
}
