using System.Net;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Directory;

/// <summary>A unit's staff gives positions only in units of its own area.</summary>
[Collection(AppCollection.Name)]
public sealed class PositionAreaTests(AppFactory app)
{
    [Fact]
    public async Task SavePerson_CommuneStaffGivesPostInAnotherCommune_RefusedNextToFieldAndNothingSaved()
    {
        using var anLac = await app.LoginAsync("xa.anlac");
        var name = "Người thử chức vụ " + Guid.NewGuid().ToString("N")[..6];

        var response = await anLac.SubmitAsync("/directory/people/new", "person", new()
        {
            ["Input.FullName"] = name,
            ["Input.UnitCode"] = Demo.AnLac + "-DU",
            ["Input.Email"] = "nguoithu@example.vn",
            ["Input.Positions[0].Title"] = "Chuyên viên",
            ["Input.Positions[0].UnitCode"] = Demo.AnLac + "-DU",
            ["Input.Positions[1].Title"] = "Bí thư",
            ["Input.Positions[1].UnitCode"] = Demo.BinhDong + "-DU",
        }, tokenSourceUrl: "/directory/people/new?unit=" + Demo.AnLac + "-DU");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("thuộc địa bàn khác", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(name, page.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal(Demo.BinhDong + "-DU", page.QuerySelector("#pos-unit-1")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.FullName == name)));
    }

    [Fact]
    public async Task SavePerson_CommuneStaffPostsInOwnCommune_Saved()
    {
        using var anLac = await app.LoginAsync("xa.anlac");
        var name = "Người thử chức vụ " + Guid.NewGuid().ToString("N")[..6];

        var response = await anLac.SubmitAsync("/directory/people/new", "person", new()
        {
            ["Input.FullName"] = name,
            ["Input.UnitCode"] = Demo.AnLac + "-DU",
            ["Input.Positions[0].Title"] = "Chuyên viên",
            ["Input.Positions[0].UnitCode"] = Demo.AnLac + "-DU",
            ["Input.Positions[1].Title"] = "Ủy viên",
            ["Input.Positions[1].UnitCode"] = Demo.AnLac + "-MT",
        }, tokenSourceUrl: "/directory/people/new?unit=" + Demo.AnLac + "-DU");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.FullName == name));
        Assert.Equal(2, saved.Positions.Count);
    }
}
