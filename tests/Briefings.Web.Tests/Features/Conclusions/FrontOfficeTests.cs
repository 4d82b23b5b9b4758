using System.Net;
using System.Text.RegularExpressions;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Infrastructure;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>
/// The cycle as the district Fatherland Front's office (walk-front): its own accounts ("mattran", "chutich.mattran"),
/// its own conclusion with its own heading, number, signature and archive line, its own follow-up — and the party
/// committee's office and chair on the other side of the line: they read the Front's work, the Front reads nothing of
/// theirs, and neither drafts, approves or confirms for the other.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FrontOfficeTests(AppFactory app)
{
    private Task<UserContext> UserAsync(string userName) => app.UserContextAsync(userName);

    private Task<Result<Conclusion>> StepAsync<T>(Func<T, Task<Result<Conclusion>>> run)
        where T : notnull => BodyDrafts.StepAsync(app, run);

    /// <summary>A draft of <paramref name="issuerCode"/> with one directive to <paramref name="leadCode"/>.</summary>
    private Task<Conclusion> DraftAsync(string issuerCode, string leadCode, string signingForm, string title, string signer)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return BodyDrafts.DraftAsync(app, issuerCode, leadCode, signingForm, title, signer, $"Giao ban Mặt trận với các xã {tag}",
            $"Ủy ban MTTQ xã An Lạc tổ chức Ngày hội Đại đoàn kết {tag}.", "Ủy ban MTTQ Việt Nam xã An Lạc");
    }

    [Fact]
    public async Task NewDraft_FrontOffice_WritesForTheFrontReportsToTheDistrictCommitteeAndFilesWithItsClerk()
    {
        var clerk = await UserAsync("mattran");
        await using var scope = app.Scope();
        var prepare = scope.ServiceProvider.GetRequiredService<PrepareConclusionForm>();
        var editor = scope.ServiceProvider.GetRequiredService<ConclusionEditor>();

        var form = await prepare.NewAsync(clerk, null);
        var issuers = await editor.IssuersAsync(clerk);

        var front = await app.UnitAsync(DemoDistrict.FrontCode);
        Assert.True(form.Succeeded, string.Join(" ", form.Errors.Select(e => e.Message)));
        Assert.Equal(front.Id, form.Value!.IssuerUnitId);
        Assert.Equal("Thường trực Huyện ủy (để b/c);\nLưu VT.", form.Value.Recipients);
        // The Front's office writes for the Front only: never as the Huyện ủy, a Ban or the People's Committee.
        Assert.Equal([DemoDistrict.FrontCode], issuers.Select(i => i.Code).ToArray());
    }

    [Fact]
    public async Task FrontConclusion_DraftedApprovedIssuedByTheFront_StateHeadingOwnNumberSignatureAndArchive()
    {
        var draft = await DraftAsync(DemoDistrict.FrontCode, Demo.AnLac + "-MT", "T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Ngô Thị Hồng");
        var clerk = await UserAsync("mattran");
        var chair = await UserAsync("chutich.mattran");

        var submitted = await StepAsync<SubmitConclusion>(s => s.RunAsync(draft.Id, draft.Version, clerk));
        var approved = await StepAsync<ApproveConclusion>(s => s.RunAsync(
            new ApproveConclusion.Input(draft.Id, submitted.Value!.Version, SigningMode.OnBehalf, "BAN THƯỜNG TRỰC", "CHỦ TỊCH"), chair));
        var issued = await StepAsync<IssueConclusion>(s => s.RunAsync(draft.Id, clerk.Scope, "mattran"));

        Assert.True(approved.Succeeded, string.Join(" ", approved.Errors.Select(e => e.Message)));
        Assert.True(issued.Succeeded, string.Join(" ", issued.Errors.Select(e => e.Message)));
        using var client = await app.LoginAsync("mattran");
        var response = await client.Http.GetAsync($"/conclusions/{draft.Id}/document.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Web.Tests.Documents.PaperArtifacts.Save("front-conclusion.docx", docx);
        var text = MinutesPaperTests.PaperText(docx);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ĐẢNG CỘNG SẢN", text, StringComparison.Ordinal);
        Assert.Contains("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN TÂN PHONG", text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Số: \d+/KL-MTTQ-BTT"), text);
        Assert.Contains("TM. BAN THƯỜNG TRỰC", text, StringComparison.Ordinal);
        Assert.Contains("CHỦ TỊCH", text, StringComparison.Ordinal);
        Assert.Contains("Lưu VT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("VPHU", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BAN THƯỜNG VỤ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartyDraft_FrontOfficeAndChair_NeitherSeeNorChangeNorApprove()
    {
        var draft = await DraftAsync(DemoDistrict.DistrictCommitteeCode, Demo.AnLac + "-MT", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Minh Khang");
        await using var scope = app.Scope();
        var access = scope.ServiceProvider.GetRequiredService<ConclusionAccess>();

        var byFrontClerk = await access.ForAsync(draft, await UserAsync("mattran"));
        var byFrontChair = await access.ForAsync(draft, await UserAsync("chutich.mattran"));
        var submitted = await StepAsync<SubmitConclusion>(async s => await s.RunAsync(draft.Id, draft.Version, await UserAsync("mattran")));
        using var client = await app.LoginAsync("mattran");
        var page = await client.Http.GetAsync($"/conclusions/{draft.Id}");
        var docx = await client.Http.GetAsync($"/conclusions/{draft.Id}/document.docx");

        Assert.Equal(ConclusionAccess.None, byFrontClerk);
        Assert.Equal(ConclusionAccess.None, byFrontChair);
        Assert.Equal(Error.Forbidden, submitted.Errors.Single());
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, docx.StatusCode);
    }

    [Fact]
    public async Task FrontDraft_PartyChairReadsPartyOfficeNotNeitherEditsApprovesNorIssues()
    {
        var draft = await DraftAsync(DemoDistrict.FrontCode, Demo.AnLac + "-MT", "T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Ngô Thị Hồng");
        var frontClerk = await UserAsync("mattran");
        var submitted = await StepAsync<SubmitConclusion>(s => s.RunAsync(draft.Id, draft.Version, frontClerk));
        var version = submitted.Value!.Version;
        await using var scope = app.Scope();
        var access = scope.ServiceProvider.GetRequiredService<ConclusionAccess>();
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));

        var byPartyClerk = await access.ForAsync(stored, await UserAsync("vanphong"));
        var byPartyChair = await access.ForAsync(stored, await UserAsync("bithu"));
        var approvedByPartyChair = await StepAsync<ApproveConclusion>(async s => await s.RunAsync(draft.Id, version, await UserAsync("bithu")));
        var vanphong = await UserAsync("vanphong");
        var issuedByPartyOffice = await StepAsync<IssueConclusion>(s => s.RunAsync(draft.Id, vanphong.Scope, "vanphong"));

        // A draft is the Front's own work: the party office reads it once issued (as it reads any recipient's paper);
        // the Bí thư, who oversees the district, reads it but does not sign for the Front.
        Assert.Equal((false, false, false), (byPartyClerk.CanView, byPartyClerk.CanManage, byPartyClerk.CanApprove));
        Assert.Equal((true, false, false), (byPartyChair.CanView, byPartyChair.CanManage, byPartyChair.CanApprove));
        Assert.Equal(Error.Forbidden, approvedByPartyChair.Errors.Single());
        Assert.False(issuedByPartyOffice.Succeeded);
        var after = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        Assert.Equal((ConclusionStatus.Submitted, (int?)null), (after.Status, after.Sequence));
    }

    [Fact]
    public async Task FrontTasks_CommuneFrontLeads_FrontOfficeFollowsAndConfirmsPartyOfficeReadsOnly()
    {
        var draft = await DraftAsync(DemoDistrict.FrontCode, Demo.AnLac + "-MT", "T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Ngô Thị Hồng");
        var clerk = await UserAsync("mattran");
        var submitted = await StepAsync<SubmitConclusion>(s => s.RunAsync(draft.Id, draft.Version, clerk));
        var approved = await StepAsync<ApproveConclusion>(async s => await s.RunAsync(draft.Id, submitted.Value!.Version, await UserAsync("chutich.mattran")));
        var issued = await StepAsync<IssueConclusion>(s => s.RunAsync(draft.Id, clerk.Scope, "mattran"));
        Assert.True(issued.Succeeded, string.Join(" ", approved.Errors.Concat(issued.Errors).Select(e => e.Message)));
        var task = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.ConclusionId == draft.Id));
        await using var scope = app.Scope();
        var access = scope.ServiceProvider.GetRequiredService<TaskAccess>();
        var dashboard = scope.ServiceProvider.GetRequiredService<FollowUpDashboard>();

        var byFront = await access.ForAsync(task, clerk);
        var byParty = await access.ForAsync(task, await UserAsync("vanphong"));
        var byCommuneFront = await access.ForAsync(task, await UserAsync("mattran.anlac"));
        var frontReport = await dashboard.RunAsync(clerk, new FollowUpDashboard.Filter());
        var frontRows = await dashboard.ListAsync(clerk, new FollowUpDashboard.Filter(), 500);

        Assert.Equal((true, true), (byFront.CanView, byFront.CanReview));
        Assert.Equal((true, false), (byParty.CanView, byParty.CanReview));
        Assert.Equal((true, true), (byCommuneFront.CanView, byCommuneFront.ActsForLead));
        // The Front's dashboard counts the task its conclusion gave the commune Front (which sits under its commune,
        // not under the district Front) and lists it.
        Assert.Contains(frontReport!.Conclusions, l => l.Counts.Total > 0 && l.Name.Contains("MTTQ-BTT", StringComparison.Ordinal));
        Assert.Contains(frontRows!, r => r.Id == task.Id);
    }
}
