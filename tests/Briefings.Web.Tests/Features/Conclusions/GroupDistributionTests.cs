using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>Distribution as party offices do it (group lines, every assigned unit receives), collective directives
/// (one directive, one task per unit of the group), documents brought in from history (own number, outside the
/// register, no back-filled periods) and the register's restart rule set on a page.</summary>
[Collection(AppCollection.Name)]
public sealed class GroupDistributionTests(AppFactory app)
{
    [Fact]
    public async Task Issue_GroupLineAndAssignedUnits_EveryUnitReceivesLeadOpensOtherCommuneRefused()
    {
        var id = await ApprovedAsync(
            recipients: ["Thường trực Tỉnh ủy (để b/c)", "Đảng ủy, UBND các xã", "Lưu VPHU"],
            directive: d => new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = d["UB-TP-TCKH"], CoordinatingUnitIds = [d["MT-TP"]] });
        var clerk = await app.UserAsync("vanphong");
        await using (var scope = app.Scope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(id, clerk.Scope, "vanphong");
            Assert.True(issued.Succeeded, string.Join(" ", issued.Errors.Select(e => e.Message)));
        }

        var (addressees, units, notices) = await app.WithDbAsync(async db => (
            (await db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id)).Addressees.Select(a => a.UnitId).ToList(),
            await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code),
            await db.Notifications.AsNoTracking().Where(n => n.Link == $"/conclusions/{id}").Select(n => n.UnitId).ToListAsync()));
        var codes = addressees.Select(a => units[a]).ToList();
        var communes = Enumerable.Range(0, 12).Select(DemoDistrict.CommuneCode).ToList();
        Assert.Equal(communes.SelectMany(c => new[] { c + "-DU", c + "-UB" }).Order(), codes.Where(c => !c.StartsWith("UB-TP", StringComparison.Ordinal) && c != "MT-TP").Order());
        Assert.Contains("UB-TP-TCKH", codes);
        Assert.Contains("MT-TP", codes);
        Assert.Equal(addressees.Order(), notices.Order());

        using var anLac = await app.LoginAsync("xa.anlac");
        Assert.Equal(HttpStatusCode.OK, (await anLac.Http.GetAsync($"/conclusions/{id}")).StatusCode);
    }

    [Fact]
    public async Task Read_LeadUnitNotNamedInAnyLine_OpensItsConclusion_OtherCommuneRefused()
    {
        var id = await ApprovedAsync(
            recipients: ["Lưu VPHU"],
            directive: d => new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = d[Demo.AnLac + "-UB"] });
        var clerk = await app.UserAsync("vanphong");
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(id, clerk.Scope, "vanphong")).Succeeded);
        }

        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");

        Assert.Equal(HttpStatusCode.OK, (await anLac.Http.GetAsync($"/conclusions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await binhDong.Http.GetAsync($"/conclusions/{id}")).StatusCode);
        var receipts = await app.WithDbAsync(db => db.ConclusionReceipts.AsNoTracking().Where(r => r.ConclusionId == id).ToListAsync());
        Assert.Equal([(await app.UnitAsync(Demo.AnLac + "-UB")).Id], receipts.Select(r => r.UnitId));
    }

    [Fact]
    public async Task Issue_ListChangedSinceTheClerkSawIt_Refused()
    {
        var id = await ApprovedAsync(recipients: ["UBND các xã"], directive: null);
        var clerk = await app.UserAsync("vanphong");
        await using var scope = app.Scope();

        var issued = await scope.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(id, clerk.Scope, "vanphong", confirmedUnitIds: [(await app.UnitAsync(Demo.AnLac + "-UB")).Id]);

        Assert.Contains("đã thay đổi", Assert.Single(issued.Errors).Message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Conclusions.AnyAsync(c => c.Id == id && c.Status == ConclusionStatus.Issued)));
    }

    [Fact]
    public async Task Issue_CollectiveDirective_OneTaskPerUnitOfTheGroupAsTheDirectoryHasItAtIssue()
    {
        var ubnd = await app.WithDbAsync(db => db.Units.AsNoTracking().Where(u => u.Code.EndsWith("-UB") && u.Code.StartsWith("X")).Select(u => u.Id).ToListAsync());
        // Saved when the group had two units; at issue the directory's twelve communes each get a task.
        var id = await ApprovedAsync(recipients: ["Lưu VPHU"],
            directive: _ => new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = ubnd[0], GroupName = "UBND các xã", GroupUnitIds = [ubnd[0], ubnd[1]] });
        var clerk = await app.UserAsync("vanphong");
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(id, clerk.Scope, "vanphong")).Succeeded);
        }

        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == id).ToListAsync());
        Assert.Equal(ubnd.Order(), tasks.Select(t => t.LeadUnitId).Order());
        Assert.All(tasks, t => Assert.Equal(0, t.DirectiveOrder));

        // The drill-down shows the directive once, with its unit tasks inside.
        using var office = await app.LoginAsync("vanphong");
        var (_, list) = await office.GetPageAsync($"/followup/tasks?conclusion={id}");
        var group = Assert.Single(list.QuerySelectorAll(".task-group"));
        Assert.Equal($"{ubnd.Count} đơn vị", group.QuerySelector(".group-count")!.TextContent);
        Assert.Equal(ubnd.Count, group.QuerySelectorAll("li").Length);
    }

    [Fact]
    public async Task SaveDraft_LeadIsAGroupPhrase_CollectiveDirectiveOfItsUnits()
    {
        var clerk = await app.UserAsync("vanphong");
        var issuer = await app.UnitAsync(DemoDistrict.DistrictCommitteeCode);
        await using var scope = app.Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveConclusionDraft>().RunAsync(new ConclusionForm
        {
            IssuerUnitId = issuer.Id, TypeName = "KẾT LUẬN", Summary = $"Giao các xã {Guid.NewGuid():N}", Body = "I. Nhiệm vụ\n1. Đảng ủy các xã rà soát.",
            Directives = [new DirectiveRow { Item = "1.1", Lead = "Đảng ủy các xã", Deadline = "thường xuyên" }],
        }, clerk);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var directive = Assert.Single((await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == saved.Value!.Id))).Directives);
        Assert.Equal("Đảng ủy các xã", directive.GroupName);
        Assert.Equal(12, directive.GroupUnitIds.Count);
    }

    [Fact]
    public async Task BringIn_IssuedIn2017_KeepsItsNumberOutsideRegisterNoBackFill()
    {
        var id = await ApprovedAsync(recipients: ["Lưu VPHU"], approve: false,
            directive: d => new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = d["HU-TP-BDV"], Deadline = Deadline.Ongoing });
        var version = await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var registers = await app.WithDbAsync(db => db.DocumentRegisters.AsNoTracking().Select(r => new { r.IssuerUnitId, r.TypeCode, r.PeriodKey, r.LastSequence }).ToListAsync());
        var clerk = await app.UserAsync("vanphong");
        var number = $"{Random.Shared.Next(100, 999)}-KL/HU";
        await using (var scope = app.Scope())
        {
            var brought = await scope.ServiceProvider.GetRequiredService<BringInConclusion>().RunAsync(new(id, version, number, "11/04/2017", "Nguyễn Văn Cũ", null), clerk);
            Assert.True(brought.Succeeded, string.Join(" ", brought.Errors.Select(e => e.Message)));
        }

        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal((number, new DateOnly(2017, 4, 11), "Nguyễn Văn Cũ", true, ConclusionStatus.Issued), (stored.Number!.ToString(), stored.IssuedOn!.Value, stored.SignerName, stored.IsBroughtIn, stored.Status));
        Assert.Equal("lich-su-2017", stored.PeriodKey);
        var after = await app.WithDbAsync(db => db.DocumentRegisters.AsNoTracking().Select(r => new { r.IssuerUnitId, r.TypeCode, r.PeriodKey, r.LastSequence }).ToListAsync());
        Assert.Equal(registers.OrderBy(r => r.PeriodKey).ThenBy(r => r.TypeCode), after.Where(a => registers.Any(r => r.IssuerUnitId == a.IssuerUnitId && r.TypeCode == a.TypeCode && r.PeriodKey == a.PeriodKey)).OrderBy(r => r.PeriodKey).ThenBy(r => r.TypeCode));
        // The ongoing directive starts at the current period: one task, not one per quarter since 2017.
        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == id).ToListAsync());
        Assert.Single(tasks);

        // The same number of the same year cannot be brought in twice.
        var again = await ApprovedAsync(recipients: ["Lưu VPHU"], approve: false, directive: null);
        var againVersion = await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == again).Select(c => c.Version).SingleAsync());
        await using (var scope = app.Scope())
        {
            var twice = await scope.ServiceProvider.GetRequiredService<BringInConclusion>().RunAsync(new(again, againVersion, number, "20/05/2017", "Nguyễn Văn Cũ", null), clerk);
            Assert.Contains("đã được nhập", Assert.Single(twice.Errors).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BringIn_ClerkOfAnotherArea_Forbidden()
    {
        var id = await ApprovedAsync(recipients: ["Lưu VPHU"], approve: false, directive: null);
        var outsider = await app.UserContextAsync("xa.anlac", Briefings.Core.Organizations.Roles.Clerk, Demo.AnLac);
        await using var scope = app.Scope();

        var result = await scope.ServiceProvider.GetRequiredService<BringInConclusion>().RunAsync(new(id, 1, "01-KL/HU", "11/04/2017", "A", null), outsider);

        Assert.Equal(Briefings.Core.Common.Error.Forbidden, Assert.Single(result.Errors));
    }

    [Fact]
    public async Task RegisterSettings_OfficeSaves_AuditedAndUsed_CommuneRefused()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var issuer = await app.UnitAsync(Demo.AnLac + "-DU");
        var (_, page) = await clerk.GetPageAsync("/conclusions/register/settings");
        var fields = BrowserForm.Fields(page, $"numbering-{issuer.Code}");
        fields["Period"] = "Year";
        fields["_handler"] = $"numbering-{issuer.Code}";

        var response = await BrowserForm.PostAsync(clerk, "/conclusions/register/settings", fields);

        var (location, after) = await clerk.FollowAsync(response);
        Assert.Equal("/conclusions/register/settings", location);
        Assert.Equal("Đã lưu cách đánh số lại.", after.QuerySelector("#message")!.TextContent.Trim());
        var key = RegisterSettings.Key(issuer.Id);
        Assert.True(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == key && s.Value.Contains("\"Period\":2"))));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == key && a.UserName == "vanphong")));

        using var commune = await app.LoginAsync("xa.binhdong");
        var refused = await commune.Http.GetAsync("/conclusions/register/settings");
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("AccessDenied", StringComparison.Ordinal) == true);
        var forged = await app.UserContextAsync("xa.binhdong", Briefings.Core.Organizations.Roles.Clerk, Demo.BinhDong);
        await using var scope = app.Scope();
        var save = await scope.ServiceProvider.GetRequiredService<RegisterSettings>().SaveAsync(new(issuer.Id, NumberingPeriod.Never, 2020, 5, 1), forged);
        Assert.Equal(Briefings.Core.Common.Error.Forbidden, Assert.Single(save.Errors));
    }

    /// <summary>A district conclusion of one item with the given recipient lines and directive, approved (or a draft).</summary>
    private async Task<Guid> ApprovedAsync(string[] recipients, Func<Dictionary<string, Guid>, Directive>? directive, bool approve = true) =>
        await app.WithDbAsync(async db =>
        {
            var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var c = Conclusion.Create(units[DemoDistrict.DistrictCommitteeCode], "KL", "KẾT LUẬN", $"Giao ban phân phối {Guid.NewGuid():N}").Value!;
            Assert.Null(c.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nhiệm vụ" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }],
                directive is null ? [] : [directive(units)]));
            Assert.Null(c.SetRecipients(recipients.Select(r => ((Guid?)null, r))));
            Assert.Null(c.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            if (approve)
            {
                ReferenceConclusion.Approve(c);
            }

            db.Conclusions.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
}
