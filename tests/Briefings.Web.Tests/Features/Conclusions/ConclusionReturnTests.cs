using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The leader returns a submitted draft with comments (kept in its history, shown to the drafter) or approves
/// it choosing the signing form; who signs and how is recorded and printed.</summary>
[Collection(AppCollection.Name)]
public sealed class ConclusionReturnTests(AppFactory app)
{
    /// <summary>A submitted draft of a fresh issuer of the demo district, signed T/M by the Bí thư.</summary>
    private async Task<Conclusion> SubmittedDraftAsync()
    {
        var draft = await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var unitId = Guid.CreateVersion7();
            var issuer = Unit.Create(unitId, $"DU-RET-{unitId:N}", $"Đảng ủy trả lại {unitId:N}", "Đảng ủy thử", UnitKind.PartyCommittee, district);
            issuer.DocumentSymbol = "ĐU";
            issuer.Touch();
            db.Units.Add(issuer);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var conclusion = Conclusion.Create(issuer.Id, "TB", "THÔNG BÁO KẾT LUẬN", "Giao ban trả lại").Value!;
            Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
            Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            Assert.Null(conclusion.SetRecipients([(null, "Lưu VPHU")]));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion;
        });
        await using var scope = app.Scope();
        var submitted = await scope.ServiceProvider.GetRequiredService<SubmitConclusion>().RunAsync(draft.Id, draft.Version, await app.UserContextAsync("vanphong"));
        Assert.True(submitted.Succeeded);
        return submitted.Value!;
    }

    [Fact]
    public async Task ReturnForm_LeaderPostsNoComment_MessageNextToFieldStillSubmitted()
    {
        var draft = await SubmittedDraftAsync();
        using var leader = await app.LoginAsync("bithu");
        var url = $"/conclusions/{draft.Id}";
        var (_, page) = await leader.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "return-form");
        fields["ReturnText"] = "   ";

        var response = await BrowserForm.PostAsync(leader, url, fields);

        // Refused: answered in place (no redirect), the message next to the field.
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng ghi ý kiến", html.QuerySelector("#return-comment-text")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        Assert.Equal(ConclusionStatus.Submitted, stored.Status);
        Assert.Null(stored.ReturnComment);
    }

    [Fact]
    public async Task ReturnForm_StalePage_409InPlaceCommentKeptNothingChanged()
    {
        var draft = await SubmittedDraftAsync();
        using var leader = await app.LoginAsync("bithu");
        var url = $"/conclusions/{draft.Id}";
        var (_, page) = await leader.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "return-form");
        fields["ReturnText"] = "Ý kiến gõ trên trang cũ";
        fields["ReturnVersion"] = (int.Parse(fields["ReturnVersion"], System.Globalization.CultureInfo.InvariantCulture) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await BrowserForm.PostAsync(leader, url, fields);

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Ý kiến gõ trên trang cũ", html.QuerySelector("#return-comment-text")!.TextContent);
        Assert.Contains("vừa được người khác thay đổi", html.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(html.QuerySelector("#message"));
        Assert.Equal(ConclusionStatus.Submitted, (await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id))).Status);
    }

    [Fact]
    public async Task ReturnForm_LeaderPostsComment_DraftAgainCommentShownToDrafterKeptInHistoryAndAudited()
    {
        var draft = await SubmittedDraftAsync();
        using var leader = await app.LoginAsync("bithu");
        var url = $"/conclusions/{draft.Id}";
        var (_, page) = await leader.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "return-form");
        var comment = $"Bổ sung thời hạn cho mục 1; ghi rõ đơn vị chủ trì. {Guid.NewGuid():N}";
        fields["ReturnText"] = comment;

        var response = await BrowserForm.PostAsync(leader, url, fields);

        // 303 to the document (Post/Redirect/Get), whose GET says once what was done.
        var (location, after) = await leader.FollowAsync(response);
        Assert.Equal(url, location);
        Assert.Equal("Đã trả lại dự thảo cho Văn phòng với ý kiến của đồng chí.", after.QuerySelector("#message")!.TextContent.Trim());
        Assert.Null((await leader.GetPageAsync(url)).Document.QuerySelector("#message"));
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        Assert.Equal((ConclusionStatus.Draft, comment, "bithu"), (stored.Status, stored.ReturnComment, stored.ReturnedBy));
        using var clerk = await app.LoginAsync("vanphong");
        var (_, seen) = await clerk.GetPageAsync(url);
        Assert.Contains(comment, seen.QuerySelector("#return-comment")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(seen.QuerySelector("form button#submit"));
        var notes = await app.WithDbAsync(db => db.ConclusionVersions.AsNoTracking().Where(v => v.ConclusionId == draft.Id).Select(v => v.Note).ToListAsync());
        Assert.Contains($"Trả lại, ý kiến: {comment}", notes);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Conclusion" && a.EntityId == draft.Id.ToString() && a.UserName == "bithu").Select(a => a.After).ToListAsync());
        Assert.Contains(audited, a => a != null && a.Contains("ReturnComment", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Return_ClerkWhoDrafted_ForbiddenStillSubmitted()
    {
        var draft = await SubmittedDraftAsync();
        await using var scope = app.Scope();

        var result = await scope.ServiceProvider.GetRequiredService<ReturnConclusion>().RunAsync(draft.Id, draft.Version, "Tự trả lại", await app.UserContextAsync("vanphong"));

        Assert.Equal(Error.Forbidden, result.Errors.Single());
        Assert.Equal(ConclusionStatus.Submitted, (await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id))).Status);
    }

    [Fact]
    public async Task Return_LeaderOfAnotherArea_Forbidden()
    {
        var draft = await SubmittedDraftAsync();
        await using var scope = app.Scope();

        var result = await scope.ServiceProvider.GetRequiredService<ReturnConclusion>().RunAsync(draft.Id, draft.Version, "Không phải của tôi",
            await app.UserContextAsync("xa.anlac", Roles.Leader, Demo.AnLac));

        Assert.Equal(Error.Forbidden, result.Errors.Single());
    }

    [Fact]
    public async Task ApproveForm_LeaderChoosesKT_SignerFormAndTitleRecordedAndPrinted()
    {
        var draft = await SubmittedDraftAsync();
        using var leader = await app.LoginAsync("bithu");
        var url = $"/conclusions/{draft.Id}";
        var (_, page) = await leader.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "approve-form");
        Assert.Equal(nameof(SigningMode.OnBehalf), fields["ApproveMode"]);
        Assert.Equal("BAN THƯỜNG VỤ", fields["ApproveFor"]);
        fields["ApproveMode"] = nameof(SigningMode.ForHead);
        fields["ApproveFor"] = "bí thư";
        fields["ApproveTitle"] = "phó bí thư";

        var response = await BrowserForm.PostAsync(leader, url, fields);

        var (location, after) = await leader.FollowAsync(response);
        Assert.Equal(url, location);
        Assert.Equal("Đã duyệt. Văn phòng có thể ban hành và cấp số.", after.QuerySelector("#message")!.TextContent.Trim());
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        var person = await app.WithDbAsync(db => db.Users.AsNoTracking().Where(u => u.UserName == "bithu")
            .Join(db.People, u => u.PersonId, p => p.Id, (_, p) => p).SingleAsync());
        Assert.Equal((ConclusionStatus.Approved, SigningMode.ForHead, "K/T BÍ THƯ", "PHÓ BÍ THƯ", person.Id, person.FullName, "bithu"),
            (stored.Status, stored.SigningMode, stored.SigningForm, stored.SignerTitle, stored.SignerPersonId, stored.SignerName, stored.ApprovedBy));
        var printed = after.QuerySelector("#signature")!.TextContent;
        Assert.Contains("K/T BÍ THƯ", printed, StringComparison.Ordinal);
        Assert.Contains("PHÓ BÍ THƯ", printed, StringComparison.Ordinal);
        var notes = await app.WithDbAsync(db => db.ConclusionVersions.AsNoTracking().Where(v => v.ConclusionId == draft.Id).Select(v => v.Note).ToListAsync());
        Assert.Contains($"Duyệt; người ký: K/T BÍ THƯ / PHÓ BÍ THƯ — {person.FullName}", notes);
    }

    [Fact]
    public async Task ApproveForm_FormWithoutWhom_MessageNextToFieldStillSubmitted()
    {
        var draft = await SubmittedDraftAsync();
        using var leader = await app.LoginAsync("bithu");
        var url = $"/conclusions/{draft.Id}";
        var (_, page) = await leader.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "approve-form");
        fields["ApproveMode"] = nameof(SigningMode.ByOrder);
        fields["ApproveFor"] = "";

        var response = await BrowserForm.PostAsync(leader, url, fields);

        var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("T/L BAN THƯỜNG VỤ", html.QuerySelector("#approve-for")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ConclusionStatus.Submitted, (await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id))).Status);
    }

    [Fact]
    public async Task ApproveForm_BanIssuerSignedOnBehalf_MessageNextToFieldStillSubmitted()
    {
        var draft = await SubmittedDraftAsync();
        // The same draft issued in a Ban's name: a Ban signs as itself ("TRƯỞNG BAN"), never "T/M".
        var ban = await app.WithDbAsync(db => db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.PartyBoard).Select(u => u.Id).FirstAsync());
        await app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == draft.Id).ExecuteUpdateAsync(x => x.SetProperty(c => c.IssuerUnitId, ban)));
        using var leader = await app.LoginAsync("bithu");
        var url = $"/conclusions/{draft.Id}";
        var (_, page) = await leader.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "approve-form");
        fields["ApproveMode"] = nameof(SigningMode.OnBehalf);
        fields["ApproveFor"] = "BAN THƯỜNG VỤ";
        fields["ApproveTitle"] = "TRƯỞNG BAN";

        var response = await BrowserForm.PostAsync(leader, url, fields);

        var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("không ký \"T/M\"", html.QuerySelector("#approve-mode")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ConclusionStatus.Submitted, (await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id))).Status);
    }
}
