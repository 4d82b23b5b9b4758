using System.Net;
using Briefings.Core.Organizations;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Directory;

/// <summary>The unit and person editors posted as a browser posts them: optional fields empty, no positions.
/// Everything typed comes back; a forged kind saves nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class EditPageFormPostTests(AppFactory app)
{
    [Fact]
    public async Task UnitEdit_OptionalFieldsEmpty_SavedAndReadBack()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var url = "/directory/units/new?parent=" + Demo.AnLac;
        var (_, page) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "unit");
        var code = $"{Demo.AnLac}-BM-{Guid.NewGuid():N}"[..20];
        fields["Input.Code"] = code;
        fields["Input.Name"] = $"Tổ biểu mẫu {code}";
        fields["Input.ShortName"] = "Tổ biểu mẫu";
        fields["Input.Kind"] = nameof(UnitKind.Other);

        var response = await BrowserForm.PostAsync(clerk, url, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var unit = await app.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => u.Code == code));
        Assert.Equal(($"Tổ biểu mẫu {code}", "Tổ biểu mẫu", UnitKind.Other), (unit.Name, unit.ShortName, unit.Kind));
        Assert.True(string.IsNullOrEmpty(unit.Level));
        Assert.True(string.IsNullOrEmpty(unit.DocumentSymbol));
        Assert.Equal((await app.UnitAsync(Demo.AnLac)).Id, unit.ParentId);
    }

    [Fact]
    public async Task UnitEdit_ForgedKind_RefusedNothingSaved()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var url = "/directory/units/new?parent=" + Demo.AnLac;
        var (_, page) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "unit");
        var code = $"{Demo.AnLac}-GM-{Guid.NewGuid():N}"[..20];
        fields["Input.Code"] = code;
        fields["Input.Name"] = $"Tổ giả mạo {code}";
        fields["Input.ShortName"] = "Tổ giả mạo";
        fields["Input.Kind"] = "Bogus";

        var response = await BrowserForm.PostAsync(clerk, url, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Code == code)));
    }

    [Fact]
    public async Task PersonEdit_OptionalFieldsEmpty_SavedAndReadBack()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var url = "/directory/people/new?unit=" + Demo.AnLac + "-DU";
        var (_, page) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "person");
        var name = $"Nguyễn Văn Biểu Mẫu {Guid.NewGuid():N}";
        fields["Input.FullName"] = name;
        // One position; the other position rows stay empty, as a browser posts them.
        fields["Input.Positions[0].Title"] = "Chuyên viên";
        fields["Input.Positions[0].UnitCode"] = Demo.AnLac + "-DU";

        var response = await BrowserForm.PostAsync(clerk, url, fields);

        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, AppClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".alert-error, .validation-message")?.TextContent);
        var person = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.FullName == name));
        Assert.Equal((await app.UnitAsync(Demo.AnLac + "-DU")).Id, person.UnitId);
        Assert.True(string.IsNullOrEmpty(person.Email));
        Assert.True(string.IsNullOrEmpty(person.Phone));
        Assert.Equal(["Chuyên viên"], person.Positions.Select(p => p.Title));
    }
}
