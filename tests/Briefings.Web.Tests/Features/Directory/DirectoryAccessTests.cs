using System.Net;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Directory;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Briefings.Web.Tests.Features.Directory;

/// <summary>A commune's staff see and change their own commune's people, and nothing of another commune.</summary>
[Collection(AppCollection.Name)]
public sealed class DirectoryAccessTests(AppFactory app)
{
    [Fact]
    public async Task PersonPage_OtherCommuneStaff_RefusedWithoutData()
    {
        var stranger = await app.FirstPersonOfAsync(Demo.BinhDong + "-DU");
        using var client = await app.LoginAsync("xa.anlac");

        var (status, page) = await client.GetPageAsync($"/directory/people/{stranger.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.DoesNotContain(stranger.FullName, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger.Phone!, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_OwnCommuneStaff_SeesPerson()
    {
        var own = await app.FirstPersonOfAsync(Demo.AnLac + "-DU");
        using var client = await app.LoginAsync("xa.anlac");

        var (status, page) = await client.GetPageAsync($"/directory/people/{own.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(own.FullName, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditPerson_OtherCommuneStaffPostsForm_RefusedAndNothingChanged()
    {
        var stranger = await app.FirstPersonOfAsync(Demo.BinhDong + "-MT");
        using var client = await app.LoginAsync("xa.anlac");

        // The edit page refuses to render a form; post one anyway with a token taken from an allowed page.
        var (getStatus, _) = await client.GetPageAsync($"/directory/people/{stranger.Id}/edit");
        var response = await client.SubmitAsync($"/directory/people/{stranger.Id}/edit", "person", new()
        {
            ["Input.FullName"] = "Tên bị sửa trái phép",
            ["Input.UnitCode"] = Demo.BinhDong + "-MT",
            ["Input.Positions[0].Title"] = "Chức vụ giả",
            ["Input.Version"] = stranger.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, tokenSourceUrl: "/directory/people/new?unit=" + Demo.AnLac);

        Assert.Equal(HttpStatusCode.Forbidden, getStatus);
        Assert.False(response.IsSuccessStatusCode, $"POST answered {(int)response.StatusCode}");
        var after = await app.PersonAsync(stranger.Id);
        Assert.Equal(stranger.FullName, after.FullName);
        Assert.Equal(stranger.Version, after.Version);
    }

    [Fact]
    public async Task SavePerson_OtherCommuneScope_ForbiddenAndNothingChanged()
    {
        var stranger = await app.FirstPersonOfAsync(Demo.BinhDong + "-ND");
        var anLac = await app.UnitAsync(Demo.AnLac);
        var scope = AccessScope.For([Roles.UnitStaff], anLac, [], includeSubunits: true);

        var result = await app.WithDbAsync(db => new SavePerson(db).RunAsync(
            new SavePerson.Input(stranger.Id, "Tên bị sửa", Demo.BinhDong + "-ND", null, null, [new(null, "Chủ tịch")], stranger.Version), scope));

        Assert.Contains(Briefings.Core.Common.Error.Forbidden, result.Errors);
        Assert.Equal(stranger.FullName, (await app.PersonAsync(stranger.Id)).FullName);
    }

    [Fact]
    public async Task EditPerson_OwnCommuneStaff_SavesAndAudits()
    {
        var own = await app.FirstPersonOfAsync(Demo.AnLac + "-CCB");
        using var client = await app.LoginAsync("xa.anlac");

        var response = await client.SubmitAsync($"/directory/people/{own.Id}/edit", "person", new()
        {
            ["Input.Phone"] = "0911 222 333",
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var after = await app.PersonAsync(own.Id);
        Assert.Equal("0911 222 333", after.Phone);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == own.Id.ToString()).OrderBy(a => a.Id).ToListAsync());
        var last = audit.Last();
        Assert.Equal("xa.anlac", last.UserName);
        Assert.Contains(own.Phone!, last.Before!, StringComparison.Ordinal);
        Assert.Contains("0911 222 333", last.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OtherCommunePeople_NotReturned()
    {
        var stranger = await app.FirstPersonOfAsync(Demo.BinhDong + "-UB");
        using var client = await app.LoginAsync("xa.anlac");

        var (_, page) = await client.GetPageAsync("/directory?q=" + Uri.EscapeDataString(stranger.FullName));

        Assert.DoesNotContain(stranger.FullName, page.QuerySelector("#people-results")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_CommuneStaff_ContainsOnlyOwnCommune()
    {
        using var client = await app.LoginAsync("xa.anlac");

        var response = await client.Http.GetAsync("/directory/export.xlsx");
        response.EnsureSuccessStatusCode();
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var units = stream.Query(useHeaderRow: true, sheetName: DirectorySheet.Units).Cast<IDictionary<string, object?>>().ToList();
        stream.Position = 0;
        var people = stream.Query(useHeaderRow: true, sheetName: DirectorySheet.People).Cast<IDictionary<string, object?>>().ToList();

        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.StartsWith(Demo.AnLac, (string)u[DirectorySheet.Code]!, StringComparison.Ordinal));
        // Each unit carries its id, which `conclusions parse --directory` reports as matched[].unitId.
        var commune = await app.UnitAsync(Demo.AnLac + "-ND");
        Assert.Equal(commune.Id.ToString(), units.Single(u => (string)u[DirectorySheet.Code]! == commune.Code)[DirectorySheet.UnitId]);
        Assert.NotEmpty(people);
        Assert.All(people, p => Assert.StartsWith(Demo.AnLac, (string)p[DirectorySheet.PersonUnit]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditUnit_CommuneStaff_Refused()
    {
        var unit = await app.UnitAsync(Demo.AnLac + "-ND");
        using var client = await app.LoginAsync("xa.anlac");

        var response = await client.Http.GetAsync($"/directory/units/{unit.Id}/edit");

        // Not in the Clerk/Admin role: sent to the "no access" page, the form is never rendered.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPage_CommuneStaff_Refused()
    {
        using var client = await app.LoginAsync("xa.anlac");

        var response = await client.Http.GetAsync("/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyPage_Anonymous_RedirectedToLogin()
    {
        using var client = app.Client();

        foreach (var url in new[] { "/", "/directory", "/directory/export.xlsx", "/audit", "/directory/import" })
        {
            var response = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }
}
