using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The structured conclusion and the document register: issuing numbers it, in parallel too.</summary>
[Collection(AppCollection.Name)]
public sealed class IssueConclusionTests(AppFactory app)
{
    private static readonly DateTimeOffset Now = new(2026, 4, 15, 2, 0, 0, TimeSpan.Zero);

    /// <summary>The scope a demo account really gets, computed the way the app does it.</summary>
    private async Task<AccessScope> ScopeOfAsync(string role, string unitCode, bool includeSubunits = false) =>
        await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == unitCode);
            var ancestorIds = unit.AncestorIds();
            var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
            return AccessScope.For([role], unit, ancestors, includeSubunits);
        });

    private async Task<Guid> PersonIdAsync(string fullName) =>
        await app.WithDbAsync(db => db.People.Where(p => p.FullName == fullName).Select(p => p.Id).SingleAsync());

    private async Task<Result<Conclusion>> IssueAsync(Guid conclusionId, AccessScope scope)
    {
        await using var services = app.Scope();
        return await services.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(conclusionId, scope, "vanphong");
    }

    [Fact]
    public async Task Issue_ReferenceConclusionByClerk_FirstNumberOfTheRegisterAndStoredAsRecord()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var conclusion = ReferenceConclusion.Approve(await ReferenceConclusion.BuildAsync(db));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion.Id;
        });

        var result = await IssueAsync(id, await ScopeOfAsync(Roles.Clerk, DemoDistrict.DistrictOfficeCode));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(ConclusionStatus.Issued, stored.Status);
        Assert.Equal(1, stored.Sequence);
        Assert.Equal("Số 01-KL/HU", stored.Number!.Value.Display);
        Assert.Equal(["I", "II", "III"], stored.Sections.OrderBy(s => s.Order).Select(s => s.Numeral));
        Assert.Equal([2, 3, 2], stored.Sections.OrderBy(s => s.Order).Select(s => stored.Items.Count(i => i.SectionOrder == s.Order)));
        Assert.False(stored.Items.Single(i => i.SectionOrder == 2 && i.Number == 3).IsPublic);
        Assert.Equal(["Thường trực Huyện ủy", "UBND huyện", "MTTQ, các đoàn thể CT-XH huyện", "Đăng Website Huyện ủy", "Lưu VPHU"],
            stored.Recipients.OrderBy(r => r.Order).Select(r => r.Text));
        var survey = stored.Directives.Single(d => d.SectionOrder == 2 && d.ItemNumber == 2);
        Assert.Equal(2, survey.CoordinatingUnitIds.Count);
        Assert.Equal(Deadline.InQuarter(2026, 2), survey.Deadline);
        Assert.Equal(ExpectedOutput.ReportBack, survey.ExpectedOutput);
        Assert.Equal(Deadline.Ongoing, stored.Directives.Single(d => d.SectionOrder == 3 && d.ItemNumber == 2).Deadline);
        Assert.Equal(("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Minh Khang"), (stored.SigningForm, stored.SignerTitle, stored.SignerName));

        // Issuing is in the audit log with the number, scoped to the issuer.
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Conclusion) && a.EntityId == id.ToString() && a.Action == "Cập nhật").ToListAsync());
        Assert.Contains(audit, a => a.After!.Contains("\"Sequence\":1", StringComparison.Ordinal) && a.ScopePath != null);
    }

    [Fact]
    public async Task Issue_IssuedAgain_RefusedAndKeepsItsNumber()
    {
        var issuer = await NewIssuerAsync("ĐU");
        var id = (await NewApprovedAsync(issuer, 1))[0];
        var scope = await ScopeOfAsync(Roles.Admin, DemoDistrict.DistrictOfficeCode);
        Assert.True((await IssueAsync(id, scope)).Succeeded);

        var again = await IssueAsync(id, scope);

        Assert.False(again.Succeeded);
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(1, stored.Sequence);
        Assert.Equal(1, await app.WithDbAsync(db => db.DocumentRegisters.Where(r => r.IssuerUnitId == issuer.Id).SumAsync(r => r.LastSequence)));
    }

    [Fact]
    public async Task Issue_FiftyInParallelInOneRegister_NumbersOneToFiftyNoDuplicateNoGap()
    {
        var issuer = await NewIssuerAsync("ĐU");
        var ids = await NewApprovedAsync(issuer, 50);
        var scope = await ScopeOfAsync(Roles.Clerk, DemoDistrict.DistrictOfficeCode);

        // Each issue has its own DbContext and connection, as fifty clerks' requests would.
        var results = await Task.WhenAll(ids.Select(id => Task.Run(() => IssueAsync(id, scope))));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(" ", r.Errors.Select(e => e.Message))));
        var numbers = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().Where(c => c.IssuerUnitId == issuer.Id)
            .Select(c => c.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 50), numbers.Select(n => n!.Value).Order());
        var register = await app.WithDbAsync(db => db.DocumentRegisters.AsNoTracking().SingleAsync(r => r.IssuerUnitId == issuer.Id));
        Assert.Equal(50, register.LastSequence);
        // Nothing set for this issuer: its register runs through the committee's term (2020, 2025, ...).
        var issuedOn = await app.WithDbAsync(db => db.Conclusions.Where(c => c.IssuerUnitId == issuer.Id).Select(c => c.IssuedOn!.Value).FirstAsync());
        Assert.Equal(new NumberingRule(NumberingPeriod.Term, 2020, 5).PeriodKey(issuedOn), register.PeriodKey);
    }

    [Fact]
    public async Task Issue_UnitStaffOfAnotherUnit_ForbiddenAndNothingChanged()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var conclusion = ReferenceConclusion.Approve(await ReferenceConclusion.BuildAsync(db));
            Assert.Null(conclusion.ChangeType("TB", "THÔNG BÁO KẾT LUẬN"));
            ReferenceConclusion.Approve(conclusion);
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion.Id;
        });
        var registersBefore = await app.WithDbAsync(db => db.DocumentRegisters.AsNoTracking().ToListAsync());

        var asCommune = await IssueAsync(id, await ScopeOfAsync(Roles.UnitStaff, Demo.AnLac, includeSubunits: true));
        var asBoard = await IssueAsync(id, await ScopeOfAsync(Roles.UnitStaff, "HU-TP-BDV"));
        var asLeader = await IssueAsync(id, await ScopeOfAsync(Roles.Leader, DemoDistrict.DistrictCommitteeCode));

        Assert.Equal([Error.Forbidden, Error.Forbidden, Error.Forbidden], new[] { asCommune, asBoard, asLeader }.Select(r => r.Errors.Single()));
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(ConclusionStatus.Approved, stored.Status);
        Assert.Null(stored.Sequence);
        var registersAfter = await app.WithDbAsync(db => db.DocumentRegisters.AsNoTracking().ToListAsync());
        Assert.Equal(registersBefore.Select(r => (r.IssuerUnitId, r.TypeCode, r.LastSequence)).Order(),
            registersAfter.Select(r => (r.IssuerUnitId, r.TypeCode, r.LastSequence)).Order());
    }

    [Fact]
    public async Task Issue_WithoutSigner_RefusedWithoutTakingANumber()
    {
        var issuer = await NewIssuerAsync("ĐU");
        var id = await app.WithDbAsync(async db =>
        {
            var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", "Giao ban không người ký").Value!;
            Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Một mục." }], []));
            Assert.Null(conclusion.SetRecipients([(null, "Lưu VPHU")]));
            db.Conclusions.Add(ReferenceConclusion.Approve(conclusion));
            await db.SaveChangesAsync();
            return conclusion.Id;
        });

        var result = await IssueAsync(id, await ScopeOfAsync(Roles.Admin, DemoDistrict.DistrictOfficeCode));

        Assert.Contains("người ký", result.Errors.Single().Message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DocumentRegisters.AnyAsync(r => r.IssuerUnitId == issuer.Id)));
    }

    [Fact]
    public async Task Save_TwoDocumentsWithOneNumber_RefusedByTheUniqueIndex()
    {
        // The second guard: even a write that bypasses the register cannot give a number twice.
        var issuer = await NewIssuerAsync("ĐU");
        var ids = await NewApprovedAsync(issuer, 2);

        var error = await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            foreach (var conclusion in await db.Conclusions.Where(c => ids.Contains(c.Id)).ToListAsync())
            {
                Assert.Null(conclusion.Issue(DocumentNumber.Party(3, "KL", "ĐU"), "", new DateOnly(2026, 4, 15), "vanphong", Now));
            }

            return await db.SaveChangesAsync();
        }));

        Assert.True(DatabaseErrors.IsUniqueViolation(error));
    }

    /// <summary>A party committee of its own (a fresh register), under the demo district.</summary>
    private async Task<Unit> NewIssuerAsync(string symbol) =>
        await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var id = Guid.CreateVersion7();
            var unit = Unit.Create(id, $"DU-TEST-{id:N}", $"Đảng ủy thử nghiệm {id:N}", "Đảng ủy thử", UnitKind.PartyCommittee, district);
            unit.DocumentSymbol = symbol;
            unit.Touch();
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit;
        });

    private async Task<List<Guid>> NewApprovedAsync(Unit issuer, int count) =>
        await app.WithDbAsync(async db =>
        {
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var ids = new List<Guid>();
            for (var n = 1; n <= count; n++)
            {
                var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", $"Giao ban chuyên đề số {n}").Value!;
                Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                    [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
                Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
                Assert.Null(conclusion.SetRecipients([(null, "Lưu VPHU")]));
                db.Conclusions.Add(ReferenceConclusion.Approve(conclusion));
                ids.Add(conclusion.Id);
            }

            await db.SaveChangesAsync();
            return ids;
        });
}
