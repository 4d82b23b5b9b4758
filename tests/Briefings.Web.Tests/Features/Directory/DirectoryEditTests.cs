using System.Net;
using AngleSharp.Dom;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Directory;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Directory;

[Collection(AppCollection.Name)]
public sealed class DirectoryEditTests(AppFactory app)
{
    private static AccessScope Admin => new(true, null, null, true, true);

    [Fact]
    public async Task CreateUnit_MissingName_VietnameseMessageAndTypedValuesKept()
    {
        using var client = await app.LoginAsync("vanphong");

        var response = await client.SubmitAsync("/directory/units/new?parent=" + Demo.AnLac, "unit", new()
        {
            ["Input.Code"] = "X-01-TEST-A",
            ["Input.Name"] = "",
            ["Input.ShortName"] = "Tổ thử",
            ["Input.Kind"] = nameof(UnitKind.Organization),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(DirectoryText.NameRequired, page.QuerySelectorAll(".validation-message").Select(m => m.TextContent));
        Assert.Equal("X-01-TEST-A", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#code")!.Value);
        Assert.Equal("Tổ thử", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#short")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Code == "X-01-TEST-A")));
    }

    [Fact]
    public async Task CreateUnit_Clerk_CreatedUnderParentAndAudited()
    {
        using var client = await app.LoginAsync("vanphong");

        var response = await client.SubmitAsync("/directory/units/new?parent=" + Demo.AnLac, "unit", new()
        {
            ["Input.Code"] = "X-01-HCT",
            ["Input.Name"] = "Hội Chữ thập đỏ xã An Lạc",
            ["Input.ShortName"] = "Hội CTĐ xã",
            ["Input.Kind"] = nameof(UnitKind.Organization),
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var unit = await app.UnitAsync("X-01-HCT");
        var commune = await app.UnitAsync(Demo.AnLac);
        Assert.Equal(commune.Id, unit.ParentId);
        Assert.StartsWith(commune.Path, unit.Path, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityId == unit.Id.ToString()));
        Assert.Equal("vanphong", audit.UserName);
        Assert.Equal("Tạo mới", audit.Action);
        Assert.Contains("Hội Chữ thập đỏ xã An Lạc", audit.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveUnit_StaleVersion_ConflictAndNothingOverwritten()
    {
        var unit = await app.UnitAsync(Demo.AnLac + "-PN");
        var first = await app.WithDbAsync(db => new SaveUnit(db).RunAsync(
            new SaveUnit.Input(unit.Id, unit.Code, unit.Name + " (sửa 1)", unit.ShortName, unit.Kind, unit.Level, unit.DocumentSymbol, null, null, unit.Version), Admin));
        var second = await app.WithDbAsync(db => new SaveUnit(db).RunAsync(
            new SaveUnit.Input(unit.Id, unit.Code, unit.Name + " (sửa 2)", unit.ShortName, unit.Kind, unit.Level, unit.DocumentSymbol, null, null, unit.Version), Admin));

        Assert.True(first.Succeeded);
        Assert.Contains(Error.Conflict, second.Errors);
        Assert.EndsWith("(sửa 1)", (await app.UnitAsync(unit.Code)).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveUnit_Hamlet_MovesWithItsBranches()
    {
        var hamlet = await app.UnitAsync(Demo.AnLac + "-A3");
        var target = await app.UnitAsync(Demo.BinhDong);

        var result = await app.WithDbAsync(db => new MoveUnit(db).RunAsync(new MoveUnit.Input(hamlet.Id, target.Code, hamlet.Version), Admin));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        var branch = await app.UnitAsync(Demo.AnLac + "-A3-ND");
        Assert.StartsWith(target.Path, branch.Path, StringComparison.Ordinal);
        Assert.Equal(target.Depth + 2, branch.Depth);
    }

    [Fact]
    public async Task MovePage_SentWithTheCurrentParentUnchanged_RefusedWithMessageNothingMovedNoAuditEntry()
    {
        // The move form opens with the current parent's code; a clerk who presses "Chuyển" without changing it was told
        // "Đã chuyển đơn vị sang đơn vị cấp trên mới" and an audit entry recorded a move that did not happen.
        var unit = await app.UnitAsync(Demo.AnLac + "-A2");
        using var clerk = await app.LoginAsync("vanphong");
        var key = unit.Id.ToString();
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == key));

        var posted = await clerk.SubmitAsync($"/directory/units/{unit.Id}/move", "move", []);

        Assert.NotEqual(HttpStatusCode.SeeOther, posted.StatusCode);
        var page = AppClient.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Contains("Đơn vị đang trực thuộc “", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Demo.AnLac, page.QuerySelector("#parent")!.GetAttribute("value"));
        var after = await app.UnitAsync(unit.Code);
        Assert.Equal((unit.Path, unit.Version), (after.Path, after.Version));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == key)));
    }

    [Fact]
    public async Task MoveUnit_UnderItsOwnChild_Refused()
    {
        var commune = await app.UnitAsync(Demo.AnLac);

        var result = await app.WithDbAsync(db => new MoveUnit(db).RunAsync(new MoveUnit.Input(commune.Id, Demo.AnLac + "-A1", commune.Version), Admin));

        Assert.False(result.Succeeded);
        Assert.Equal(commune.Path, (await app.UnitAsync(Demo.AnLac)).Path);
    }

    [Fact]
    public async Task RetireUnit_WithActiveChildren_RefusedWithReason()
    {
        var commune = await app.UnitAsync(Demo.BinhDong);

        var result = await app.WithDbAsync(db => new RetireUnit(db, TimeProvider.System).RunAsync(new RetireUnit.Input(commune.Id, true, commune.Version), Admin));

        Assert.Contains(result.Errors, e => e.Message == DirectoryText.HasActiveChildren);
        Assert.False((await app.UnitAsync(Demo.BinhDong)).IsRetired);
    }

    [Fact]
    public async Task RetireUnit_LeafByClerk_RetiredAndAudited()
    {
        var branch = await app.UnitAsync(Demo.AnLac + "-A1-CCB");
        using var client = await app.LoginAsync("vanphong");

        var response = await client.SubmitAsync($"/directory/units/{branch.Id}", "retire-unit", []);

        var (location, page) = await client.FollowAsync(response);
        Assert.Equal($"/directory/units/{branch.Id}", location);
        Assert.Equal("Đã chuyển đơn vị sang trạng thái ngừng hoạt động.", page.QuerySelector("#message")!.TextContent.Trim());
        Assert.True((await app.UnitAsync(branch.Code)).IsRetired);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == branch.Id.ToString() && a.After!.Contains("RetiredAt"))));
    }
}
