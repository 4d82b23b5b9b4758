using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>Distribution: issuing notifies each recipient unit, the document reaches their inbox, only
/// recipients (and the office and leaders) can open it, and the office sees who has opened it.</summary>
[Collection(AppCollection.Name)]
public sealed class DistributionTests(AppFactory app)
{
    [Fact]
    public async Task Issue_OneNotificationPerRecipientUnit_ShownOnTheirHomePage()
    {
        var issued = await PublishingFixture.NewAsync(app, issue: true, isPublic: false);
        using var commune = await app.LoginAsync("xa.anlac");

        var notices = await app.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Where(n => n.Link == $"/conclusions/{issued.Id}")
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { u.Code, n.Text }).ToListAsync());
        var (_, home) = await commune.GetPageAsync("/");

        // Đảng ủy xã An Lạc is listed twice in "Nơi nhận" and told once; free lines get nothing.
        Assert.Equal(["HU-TP-BDV", Demo.AnLac + "-DU"], notices.Select(n => n.Code).Order(StringComparer.Ordinal));
        Assert.All(notices, n => Assert.Contains("Văn bản đến: Kết luận số 01-KL/ĐU", n.Text, StringComparison.Ordinal));
        Assert.Contains(issued.Summary, home.QuerySelector("#notice-list")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector($"#notice-list a[href='/conclusions/{issued.Id}']"));
    }

    [Fact]
    public async Task Open_NotRecipientRefused_RecipientReadsAndClerkSeesWhoOpened()
    {
        var issued = await PublishingFixture.NewAsync(app, issue: true, isPublic: false);
        using var other = await app.LoginAsync("xa.binhdong");
        using var recipient = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");
        using var leader = await app.LoginAsync("bithu");

        var refused = await other.Http.GetAsync($"/conclusions/{issued.Id}");
        var (leaderStatus, _) = await leader.GetPageAsync($"/conclusions/{issued.Id}");
        var refusedBody = await refused.Content.ReadAsStringAsync();
        var (clerkBeforeStatus, clerkBefore) = await clerk.GetPageAsync($"/conclusions/{issued.Id}");
        var (status, page) = await recipient.GetPageAsync($"/conclusions/{issued.Id}");
        var (againStatus, _) = await recipient.GetPageAsync($"/conclusions/{issued.Id}");
        var (_, clerkAfter) = await clerk.GetPageAsync($"/conclusions/{issued.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(issued.Summary, refusedBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Hội nghị được chuẩn bị chu đáo", refusedBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, leaderStatus);
        Assert.Equal(HttpStatusCode.OK, clerkBeforeStatus);
        Assert.Equal(2, clerkBefore.QuerySelectorAll("#receipts tr.not-opened").Length);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        Assert.Equal("Số 01-KL/ĐU", page.QuerySelector("#number")!.TextContent.Trim());
        Assert.Contains(issued.Summary, page.QuerySelector("#summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hội nghị được chuẩn bị chu đáo", page.QuerySelector("#document")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ban Dân vận Huyện ủy", page.QuerySelector("#recipients")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Trần Minh Khang", page.QuerySelector("#signature")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#receipts"));

        // One receipt, for the commune's party committee, by the first opening; the leader's and the clerk's
        // readings (the Ban Dân vận sits under the Huyện ủy) and the second opening add nothing.
        var anLacDu = await app.UnitAsync(Demo.AnLac + "-DU");
        var receipts = await app.WithDbAsync(db => db.ConclusionReceipts.AsNoTracking().Where(r => r.ConclusionId == issued.Id).ToListAsync());
        var receipt = Assert.Single(receipts);
        Assert.Equal((anLacDu.Id, "xa.anlac"), (receipt.UnitId, receipt.FirstOpenedBy));

        var opened = Assert.Single(clerkAfter.QuerySelectorAll("#receipts tr.opened"));
        Assert.Equal(anLacDu.Id.ToString(), opened.GetAttribute("data-unit"));
        Assert.Contains("xa.anlac", opened.TextContent, StringComparison.Ordinal);
        var notOpened = Assert.Single(clerkAfter.QuerySelectorAll("#receipts tr.not-opened"));
        Assert.Contains("Ban Dân vận", notOpened.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chưa mở", notOpened.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", clerkAfter.QuerySelector("#opened-count")!.TextContent.Trim());

        // The receipt is in the audit log, scoped to the unit that opened it.
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.EntityType == nameof(ConclusionReceipt) && a.EntityId == issued.Id.ToString() && a.ScopePath == anLacDu.Path)));
    }

    [Fact]
    public async Task Inbox_ListsIssuedDocumentsOfTheUnitsOnly()
    {
        var issued = await PublishingFixture.NewAsync(app, issue: true, isPublic: false);
        var draft = await PublishingFixture.NewAsync(app, issue: false, isPublic: false);
        using var recipient = await app.LoginAsync("xa.anlac");
        using var other = await app.LoginAsync("xa.binhdong");

        var (status, inbox) = await recipient.GetPageAsync("/conclusions/inbox");
        var (otherStatus, otherInbox) = await other.GetPageAsync("/conclusions/inbox");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = inbox.QuerySelector($"#inbox tr[data-id='{issued.Id}']");
        Assert.NotNull(row);
        Assert.Contains("Đảng ủy xã An Lạc", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("chưa mở", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Summary, inbox.Source.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherStatus);
        Assert.DoesNotContain(issued.Summary, otherInbox.Source.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadDocx_RecipientOfIssuedAllowed_OtherCommuneAndDraftRefused()
    {
        var issued = await PublishingFixture.NewAsync(app, issue: true, isPublic: false);
        var draft = await PublishingFixture.NewAsync(app, issue: false, isPublic: false);
        using var recipient = await app.LoginAsync("xa.anlac");
        using var other = await app.LoginAsync("xa.binhdong");

        var allowed = await recipient.Http.GetAsync($"/conclusions/{issued.Id}/document.docx");
        var refused = await other.Http.GetAsync($"/conclusions/{issued.Id}/document.docx");
        var draftRefused = await recipient.Http.GetAsync($"/conclusions/{draft.Id}/document.docx");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, draftRefused.StatusCode);
    }

    [Fact]
    public async Task Draft_OnlyOfficeAndLeadersRead_RecipientRefused()
    {
        var draft = await PublishingFixture.NewAsync(app, issue: false, isPublic: false);
        using var recipient = await app.LoginAsync("xa.anlac");
        using var district = await app.LoginAsync("bandanvan");
        using var leader = await app.LoginAsync("bithu");
        using var clerk = await app.LoginAsync("vanphong");

        var refused = await recipient.Http.GetAsync($"/conclusions/{draft.Id}");
        var refusedToo = await district.Http.GetAsync($"/conclusions/{draft.Id}");
        var (leaderStatus, leaderPage) = await leader.GetPageAsync($"/conclusions/{draft.Id}");
        var (clerkStatus, clerkPage) = await clerk.GetPageAsync($"/conclusions/{draft.Id}");
        var (missingStatus, _) = await clerk.GetPageAsync($"/conclusions/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(draft.Summary, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refusedToo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, leaderStatus);
        Assert.NotNull(leaderPage.QuerySelector("#draft-state"));
        Assert.Null(leaderPage.QuerySelector("form input[name='Publish']"));
        Assert.Equal(HttpStatusCode.OK, clerkStatus);
        Assert.NotNull(clerkPage.QuerySelector("form input[name='Publish']"));
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Equal(0, await app.WithDbAsync(db => db.ConclusionReceipts.CountAsync(r => r.ConclusionId == draft.Id)));
    }
}
