using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>Draft → submitted (office) → approved (leader) → issued (office), each step by its own people.</summary>
[Collection(AppCollection.Name)]
public sealed class ConclusionWorkflowTests(AppFactory app)
{
    private Task<UserContext> UserAsync(string userName, string? role = null, string? unitCode = null) =>
        app.UserContextAsync(userName, role, unitCode);

    private async Task<Conclusion> NewDraftAsync(bool withRecipients = true) =>
        await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var unitId = Guid.CreateVersion7();
            var issuer = Unit.Create(unitId, $"DU-FLOW-{unitId:N}", $"Đảng ủy quy trình {unitId:N}", "Đảng ủy thử", UnitKind.PartyCommittee, district);
            issuer.DocumentSymbol = "ĐU";
            issuer.Touch();
            db.Units.Add(issuer);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var conclusion = Conclusion.Create(issuer.Id, "TB", "THÔNG BÁO KẾT LUẬN", "Giao ban quy trình").Value!;
            Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
            if (withRecipients)
            {
                Assert.Null(conclusion.SetRecipients([(null, "Thường trực Huyện ủy"), (null, "Lưu VPHU")]));
            }

            Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion;
        });

    private async Task<Result<Conclusion>> StepAsync<T>(Func<T, Task<Result<Conclusion>>> run)
        where T : notnull
    {
        await using var scope = app.Scope();
        return await run(scope.ServiceProvider.GetRequiredService<T>());
    }

    [Fact]
    public async Task Workflow_EachStepByItsPeople_IssuedWithStepsRecorded()
    {
        var draft = await NewDraftAsync();
        var clerk = await UserAsync("vanphong");
        var leader = await UserAsync("bithu");
        var communeLeader = await UserAsync("xa.anlac", Roles.Leader, Demo.AnLac);

        var submitted = await StepAsync<SubmitConclusion>(s => s.RunAsync(draft.Id, draft.Version, clerk));
        var version = submitted.Value!.Version;
        var byClerk = await StepAsync<ApproveConclusion>(s => s.RunAsync(draft.Id, version, clerk));
        var byOtherArea = await StepAsync<ApproveConclusion>(s => s.RunAsync(draft.Id, version, communeLeader));
        var stale = await StepAsync<ApproveConclusion>(s => s.RunAsync(draft.Id, version - 1, leader));
        var approved = await StepAsync<ApproveConclusion>(s => s.RunAsync(draft.Id, version, leader));
        var issued = await StepAsync<IssueConclusion>(s => s.RunAsync(draft.Id, clerk.Scope, clerk.User.UserName!));

        Assert.True(submitted.Succeeded);
        Assert.Equal(Error.Forbidden, byClerk.Errors.Single());
        Assert.Equal(Error.Forbidden, byOtherArea.Errors.Single());
        Assert.Equal(Error.Conflict, stale.Errors.Single());
        Assert.True(approved.Succeeded);
        Assert.True(issued.Succeeded, string.Join(" ", issued.Errors.Select(e => e.Message)));
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        Assert.Equal(("vanphong", "bithu", "vanphong"), (stored.SubmittedBy, stored.ApprovedBy, stored.IssuedBy));
        Assert.Equal("Số 01-TB/ĐU", stored.Number!.Value.Display);
    }

    [Fact]
    public async Task Submit_UnitStaff_ForbiddenAndStillDraft()
    {
        var draft = await NewDraftAsync();

        var result = await StepAsync<SubmitConclusion>(async s => await s.RunAsync(draft.Id, draft.Version, await UserAsync("bandanvan")));

        Assert.Equal(Error.Forbidden, result.Errors.Single());
        Assert.Equal(ConclusionStatus.Draft, await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == draft.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Submit_NoRecipients_RefusedWithVietnameseMessageDraftKept()
    {
        var draft = await NewDraftAsync(withRecipients: false);

        var result = await StepAsync<SubmitConclusion>(async s => await s.RunAsync(draft.Id, draft.Version, await UserAsync("vanphong")));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Recipients", error.Field);
        Assert.Contains("chưa có «Nơi nhận»", error.Message, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        Assert.Equal((ConclusionStatus.Draft, draft.Version, "Các đơn vị triển khai thực hiện.", "Trần Minh Khang"),
            (stored.Status, stored.Version, stored.Items.Single().Text, stored.SignerName));
    }

    [Fact]
    public async Task Issue_ApprovedButRecipientsGoneFromStoredData_RefusedNoNumberTaken()
    {
        var draft = await NewDraftAsync();
        var clerk = await UserAsync("vanphong");
        var submitted = await StepAsync<SubmitConclusion>(s => s.RunAsync(draft.Id, draft.Version, clerk));
        var approved = await StepAsync<ApproveConclusion>(async s => await s.RunAsync(draft.Id, submitted.Value!.Version, await UserAsync("bithu")));
        Assert.True(approved.Succeeded);
        // An approval from before submit checked "Nơi nhận": the lines are removed from the stored document.
        await app.WithDbAsync(async db =>
        {
            var c = await db.Conclusions.SingleAsync(x => x.Id == draft.Id);
            ((List<Recipient>)typeof(Conclusion).GetField("recipients", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(c)!).Clear();
            await db.SaveChangesAsync();
            return 0;
        });

        var issued = await StepAsync<IssueConclusion>(s => s.RunAsync(draft.Id, clerk.Scope, clerk.User.UserName!));

        Assert.False(issued.Succeeded);
        Assert.Contains(issued.Errors, e => e.Message.Contains("chưa có «Nơi nhận»", StringComparison.Ordinal) && e.Message.Contains("ban hành", StringComparison.Ordinal));
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        Assert.Equal((ConclusionStatus.Approved, (int?)null), (stored.Status, stored.Sequence));
    }
}
