using System.Globalization;
using System.Net;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Web.Documents;
using Briefings.Web.Features.Directory;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Briefings.Web.Tests.Features.Directory;

/// <summary>
/// An organization's type is the directory's to say (walk-orgtype): its papers' layout reads the stored type, never its
/// name, so a renamed organization keeps its layout and an unknown type prints the neutral one; the type is edited on
/// the unit form (audited), carried by the Excel export and import, classified once from the names by the migration,
/// and changed by no other unit's office. The test units stand under the commune An Lạc and have no people, so no
/// briefing's composition or year plan sees them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OrganizationTypeTests(AppFactory app)
{
    private static AccessScope Admin => new(true, null, null, true, true);

    /// <summary>Digits only: a tag of letters could spell "ccb" inside a code, which the migration's patterns read.</summary>
    private static string Tag() => Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    private async Task<Result<Unit>> SaveAsync(Unit? unit, string code, string name, OrganizationType? type, string? symbol = "HND") =>
        await app.WithDbAsync(db => new SaveUnit(db).RunAsync(new SaveUnit.Input(
            unit?.Id, code, name, "Hội thử", UnitKind.Organization, null, symbol, unit is null ? Demo.AnLac : null, null, unit?.Version ?? 0, type), Admin));

    private async Task<Unit> CreateAsync(string code, string name, OrganizationType type, string? symbol = "HND")
    {
        var created = await SaveAsync(null, code, name, type, symbol);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Message)));
        return await app.UnitAsync(code);
    }

    private async Task<(string Template, string NumberLine, string? Superior)> LayoutAsync(string code)
    {
        var unit = await app.UnitAsync(code);
        var issuer = await app.WithDbAsync(db => PaperIssuer.ReadAsync(db, unit.Id, CancellationToken.None));
        return (PaperTemplates.For(unit), issuer.NumberLine(3, "KL"), issuer.Superior);
    }

    [Fact]
    public async Task RenamedOrganization_KeepsItsLayout_UnknownTypePrintsTheNeutralLayout()
    {
        var code = $"{Demo.AnLac}-OT{Tag()}-ND";
        var unit = await CreateAsync(code, "Hội Nông dân ấp Thử", OrganizationType.Farmers);
        var farmers = await LayoutAsync(code);
        Assert.Equal(("organization-farmers", "Số 03-KL/HND"), (farmers.Template, farmers.NumberLine));
        Assert.StartsWith("HỘI NÔNG DÂN", farmers.Superior, StringComparison.Ordinal);

        // Renamed to a name that no longer says "nông dân" (before, the layout was read from the name: state), then to
        // one that says another organization's: the stored type decides.
        var renamed = await SaveAsync(unit, code, "Ban Thường vụ Hội ND ấp Thử", type: null);
        Assert.True(renamed.Succeeded);
        Assert.Equal(farmers, await LayoutAsync(code));
        unit = await app.UnitAsync(code);
        Assert.True((await SaveAsync(unit, code, "Hội Liên hiệp Phụ nữ ấp Thử", OrganizationType.Farmers)).Succeeded);
        Assert.Equal(farmers.Template, (await LayoutAsync(code)).Template);
        Assert.Equal(OrganizationType.Farmers, (await app.UnitAsync(code)).OrganizationType);

        // Another organization (Công đoàn), one not said, and a number this version does not know print the neutral
        // (state) layout: the national motto and "Số: 03/KL-HND", never a guessed organization's.
        foreach (var type in new[] { OrganizationType.Labour, OrganizationType.None, (OrganizationType)42 })
        {
            await app.WithDbAsync(db => db.Units.Where(u => u.Code == code).ExecuteUpdateAsync(s => s.SetProperty(u => u.OrganizationType, type)));
            var neutral = await LayoutAsync(code);
            Assert.Equal((PaperTemplates.State, "Số: 03/KL-HND"), (neutral.Template, neutral.NumberLine));
        }

        // A save never stores an unknown number; a unit of another kind keeps none.
        unit = await app.UnitAsync(code);
        var bad = await SaveAsync(unit, code, "Hội Nông dân ấp Thử", (OrganizationType)42);
        Assert.Contains(bad.Errors, e => e.Message == DirectoryText.OrganizationTypeInvalid && e.Field == nameof(SaveUnit.Input.OrganizationType));
        var office = await app.WithDbAsync(db => new SaveUnit(db).RunAsync(new SaveUnit.Input(
            unit.Id, code, unit.Name, unit.ShortName, UnitKind.Office, null, null, null, null, unit.Version, OrganizationType.Youth), Admin));
        Assert.True(office.Succeeded);
        Assert.Equal(OrganizationType.None, (await app.UnitAsync(code)).OrganizationType);
    }

    [Fact]
    public async Task UnitForm_DistrictOfficeSetsTheType_ShownAuditedAndPrinted()
    {
        var code = $"{Demo.AnLac}-OT{Tag()}-DTN";
        var unit = await CreateAsync(code, "Chi đoàn ấp Thử", OrganizationType.None, symbol: "ĐTN");
        using var client = await app.LoginAsync("vanphong");

        var (status, form) = await client.GetPageAsync($"/directory/units/{unit.Id}/edit");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Loại đoàn thể (với đoàn thể chính trị - xã hội)", form.QuerySelector("label[for='orgtype']")!.TextContent);
        Assert.Contains("Đoàn TNCS Hồ Chí Minh", form.QuerySelectorAll("#orgtype option").Select(o => o.TextContent));

        var response = await client.SubmitAsync($"/directory/units/{unit.Id}/edit", "unit", new()
        {
            ["Input.Code"] = code,
            ["Input.Name"] = unit.Name,
            ["Input.ShortName"] = unit.ShortName,
            ["Input.Kind"] = nameof(UnitKind.Organization),
            ["Input.OrganizationType"] = nameof(OrganizationType.Youth),
            ["Input.DocumentSymbol"] = "ĐTN",
            ["Input.Version"] = unit.Version.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(OrganizationType.Youth, (await app.UnitAsync(code)).OrganizationType);
        Assert.Equal(("organization-youth", "Số 03-KL/ĐTN"), ((await LayoutAsync(code)).Template, (await LayoutAsync(code)).NumberLine));
        var (_, page) = await client.GetPageAsync($"/directory/units/{unit.Id}");
        Assert.Contains("Loại đoàn thể", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Đoàn TNCS Hồ Chí Minh", page.Body!.TextContent, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == unit.Id.ToString() && a.UserName == "vanphong").ToListAsync());
        Assert.Contains(audit, a => a.After!.Contains("OrganizationType", StringComparison.Ordinal));
        Assert.Equal("Loại đoàn thể", Briefings.Web.Features.Audit.AuditLabels.Field("OrganizationType"));
        Assert.Equal("Đoàn TNCS Hồ Chí Minh", Briefings.Web.Features.Audit.AuditLabels.EnumValue(typeof(OrganizationType), (int)OrganizationType.Youth));
    }

    [Theory]
    [InlineData("mattran")]
    [InlineData("phunu")]
    public async Task UnitForm_AnotherUnitsOfficePostsAType_RefusedAndNothingChanged(string userName)
    {
        var code = $"{Demo.AnLac}-OT{Tag()}-PN";
        var unit = await CreateAsync(code, "Chi hội Phụ nữ ấp Thử", OrganizationType.WomenUnion, symbol: "HPN");
        using var client = await app.LoginAsync(userName);

        var (getStatus, _) = await client.GetPageAsync($"/directory/units/{unit.Id}/edit");
        var response = await client.SubmitAsync($"/directory/units/{unit.Id}/edit", "unit", new()
        {
            ["Input.Code"] = code,
            ["Input.Name"] = unit.Name,
            ["Input.ShortName"] = unit.ShortName,
            ["Input.Kind"] = nameof(UnitKind.Organization),
            ["Input.OrganizationType"] = nameof(OrganizationType.Youth),
            ["Input.Version"] = unit.Version.ToString(CultureInfo.InvariantCulture),
        }, tokenSourceUrl: "/directory/units/new");

        Assert.Equal(HttpStatusCode.Forbidden, getStatus);
        Assert.False(response.IsSuccessStatusCode, $"POST answered {(int)response.StatusCode}");
        var after = await app.UnitAsync(code);
        Assert.Equal((OrganizationType.WomenUnion, unit.Version), (after.OrganizationType, after.Version));
        var user = await app.UserContextAsync(userName);
        var direct = await app.WithDbAsync(db => new SaveUnit(db).RunAsync(new SaveUnit.Input(
            unit.Id, code, unit.Name, unit.ShortName, UnitKind.Organization, null, "HPN", null, null, unit.Version, OrganizationType.Youth), user.Scope));
        Assert.Contains(Error.Forbidden, direct.Errors);
    }

    [Fact]
    public async Task Excel_ExportCarriesTheType_ImportChangesKeepsOrRefusesIt()
    {
        var tag = Tag();
        var code = $"{Demo.AnLac}-OT{tag}-CCB";
        var unit = await CreateAsync(code, "Chi hội Cựu chiến binh ấp Thử", OrganizationType.Veterans, symbol: "CCB");
        var office = await app.UserContextAsync("vanphong");
        await using var scope = app.Scope();

        var exported = await scope.ServiceProvider.GetRequiredService<ExportDirectory>().RunAsync(office.Scope);
        using (var stream = new MemoryStream(exported))
        {
            var row = stream.Query(useHeaderRow: true, sheetName: DirectorySheet.Units).Cast<IDictionary<string, object?>>()
                .Single(r => (string?)r[DirectorySheet.Code] == code);
            Assert.Equal("Hội Cựu chiến binh", row[DirectorySheet.OrganizationType]);
        }

        var import = scope.ServiceProvider.GetRequiredService<ImportDirectory>();
        async Task<ImportDirectory.Report> ImportAsync(params Dictionary<string, object?>[] rows)
        {
            using var file = new MemoryStream();
            file.SaveAs(new Dictionary<string, object> { [DirectorySheet.Units] = rows.ToList() });
            file.Position = 0;
            return await import.RunAsync(file, office.Scope, DateTimeOffset.UtcNow);
        }

        Dictionary<string, object?> Row(string rowCode, string name, string? type) => new()
        {
            [DirectorySheet.Code] = rowCode, [DirectorySheet.Name] = name, [DirectorySheet.ShortName] = "Chi hội", [DirectorySheet.Kind] = UnitKind.Organization.DisplayName(),
            [DirectorySheet.OrganizationType] = type, [DirectorySheet.Symbol] = "CCB", [DirectorySheet.ParentCode] = Demo.AnLac,
        };

        // An unknown type: a Vietnamese message naming it and the list; nothing written.
        var refused = await ImportAsync(Row(code, unit.Name, "Hội Bóng đá"));
        Assert.False(refused.Imported);
        Assert.Contains(refused.Errors, e => e.Message.Contains("Loại đoàn thể 'Hội Bóng đá' không có trong danh mục.", StringComparison.Ordinal)
            && e.Message.Contains("“Hội Nông dân”", StringComparison.Ordinal));
        Assert.Equal(OrganizationType.Veterans, (await app.UnitAsync(code)).OrganizationType);

        // A named type changes it; a blank cell keeps it; a new organization without a type is read from its name.
        var changed = await ImportAsync(Row(code, unit.Name, "Hội Nông dân"), Row($"{Demo.AnLac}-OT{tag}-HPN", "Chi hội Phụ nữ ấp Thử", null));
        Assert.True(changed.Imported, string.Join(" ", changed.Errors.Select(e => e.Message)));
        Assert.Equal(OrganizationType.Farmers, (await app.UnitAsync(code)).OrganizationType);
        Assert.Equal(OrganizationType.WomenUnion, (await app.UnitAsync($"{Demo.AnLac}-OT{tag}-HPN")).OrganizationType);
        var kept = await ImportAsync(Row(code, unit.Name + " (đổi tên)", null));
        Assert.True(kept.Imported, string.Join(" ", kept.Errors.Select(e => e.Message)));
        Assert.Equal(OrganizationType.Farmers, (await app.UnitAsync(code)).OrganizationType);
    }

    /// <summary>The migration's own statement, limited to this test's rows, classifies as <see cref="OrganizationTypes.Guess"/>
    /// does on this provider (SQLite's LIKE and PostgreSQL's differ on case; the folded search text is lower case).</summary>
    [Fact]
    public async Task Migration_ClassifiesExistingOrganizationsOnceFromTheirNames()
    {
        var tag = Tag();
        (string Code, string Name, OrganizationType Expected)[] rows =
        [
            ($"{Demo.AnLac}-OT{tag}-1", "Hội Liên hiệp Phụ nữ ấp Thử", OrganizationType.WomenUnion),
            ($"{Demo.AnLac}-OT{tag}-2", "Hội Cựu chiến binh ấp Thử", OrganizationType.Veterans),
            ($"{Demo.AnLac}-OT{tag}-3", "Hội CCB ấp Thử", OrganizationType.Veterans),
            ($"{Demo.AnLac}-OT{tag}-4", "Hội Nông dân ấp Thử", OrganizationType.Farmers),
            ($"{Demo.AnLac}-OT{tag}-5", "Đoàn Thanh niên Cộng sản Hồ Chí Minh ấp Thử", OrganizationType.Youth),
            ($"{Demo.AnLac}-OT{tag}-6", "Huyện đoàn Thử", OrganizationType.Youth),
            ($"{Demo.AnLac}-OT{tag}-7", "Liên đoàn Lao động ấp Thử", OrganizationType.Labour),
            ($"{Demo.AnLac}-OT{tag}-8", "Hội Chữ thập đỏ ấp Thử", OrganizationType.None),
        ];
        foreach (var (code, name, _) in rows)
        {
            await CreateAsync(code, name, OrganizationType.Other, symbol: null);
        }

        await app.WithDbAsync(db => db.Units.Where(u => u.Code.StartsWith($"{Demo.AnLac}-OT{tag}-")).ExecuteUpdateAsync(s => s.SetProperty(u => u.OrganizationType, OrganizationType.None)));
        Migration migration = TestDatabase.IsPostgres
            ? new Briefings.Migrations.Postgres.Migrations.Units_OrganizationType()
            : new Briefings.Migrations.Sqlite.Migrations.Units_OrganizationType();
        var sql = migration.UpOperations.OfType<SqlOperation>().Single().Sql;
        const string Where = "WHERE \"Kind\" = 8;";
        Assert.Contains(Where, sql, StringComparison.Ordinal);
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql.Replace(Where, $"WHERE \"Kind\" = 8 AND \"Code\" LIKE '{Demo.AnLac}-OT{tag}-%';", StringComparison.Ordinal)));

        foreach (var (code, name, expected) in rows)
        {
            var unit = await app.UnitAsync(code);
            Assert.Equal((code, expected), (code, unit.OrganizationType));
            Assert.Equal(expected, OrganizationTypes.Guess(name));
        }
    }
}
