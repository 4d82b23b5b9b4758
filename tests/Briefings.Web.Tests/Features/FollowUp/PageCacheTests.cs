using System.Net;
using System.Text;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>The inbox and the dashboard kept per account under the database's page version (PageCache, issue 14.5):
/// a kept page is never another unit's and never older than a saved change, whether the change was made through
/// this app's pages or by anything else writing through the data context (another instance).</summary>
[Collection(AppCollection.Name)]
public sealed class PageCacheTests(AppFactory app)
{
    private static readonly string AnLacUb = Demo.AnLac + "-UB";
    private static readonly string BinhDongUb = Demo.BinhDong + "-UB";

    private static FollowUpFixture.Spec Due(string lead, int days) => new(lead, Deadline.By(FollowUpFixture.Today.AddDays(days)));

    private static async Task<Dictionary<string, string>> InboxAsync(AppClient client)
    {
        var (status, page) = await client.GetPageAsync("/tasks");
        Assert.Equal(HttpStatusCode.OK, status);
        return page.QuerySelectorAll("#tasks li.task").ToDictionary(li => li.GetAttribute("data-id")!, li => li.TextContent);
    }

    [Fact]
    public async Task Inbox_KeptForTwoCommunesSideBySide_EachOnlyItsOwn_ChangeByPageOrAnotherInstanceShownAtOnce()
    {
        var anLacTask = (await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 20))).Task(1);
        var binhDongTask = (await FollowUpFixture.IssueAsync(app, Due(BinhDongUb, 20))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");
        var pages = app.Services.GetRequiredService<PageCache>();

        // Read twice each, side by side: the second read is the kept page.
        await InboxAsync(anLac);
        await InboxAsync(binhDong);
        Assert.True(pages.Count >= 2);
        var anLacRows = await InboxAsync(anLac);
        var binhDongRows = await InboxAsync(binhDong);
        Assert.Contains(anLacTask.Id.ToString(), anLacRows.Keys);
        Assert.DoesNotContain(binhDongTask.Id.ToString(), anLacRows.Keys);
        Assert.Contains(binhDongTask.Id.ToString(), binhDongRows.Keys);
        Assert.DoesNotContain(anLacTask.Id.ToString(), binhDongRows.Keys);
        Assert.Contains("0 %", anLacRows[anLacTask.Id.ToString()], StringComparison.Ordinal);

        // The commune reports 30 % through its task page: its kept inbox is not shown again.
        var sent = await anLac.PostMultipartAsync($"/tasks/{anLacTask.Id}", "report",
            new() { ["ReportText"] = "Đã rà soát 3 thôn", ["ReportPercent"] = "30" }, ("bienban.pdf", Encoding.UTF8.GetBytes("%PDF-1.4 an lac")));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Contains("30 %", (await InboxAsync(anLac))[anLacTask.Id.ToString()], StringComparison.Ordinal);

        // A change saved elsewhere (another app instance, whose pages this one never hears of) through the data
        // context: shown at the next request too.
        await app.WithDbAsync(async db =>
        {
            var task = await db.FollowUpTasks.SingleAsync(t => t.Id == binhDongTask.Id);
            Assert.True(task.ReportProgress(task.LeadUnitId, "Báo cáo từ phiên bản khác", 70, null, "xa.binhdong", DateTimeOffset.UtcNow).Succeeded);
            await db.SaveChangesAsync();
            return 0;
        });
        var binhDongAfter = await InboxAsync(binhDong);
        Assert.Contains("70 %", binhDongAfter[binhDongTask.Id.ToString()], StringComparison.Ordinal);
        Assert.DoesNotContain(anLacTask.Id.ToString(), binhDongAfter.Keys);
        var anLacAfter = await InboxAsync(anLac);
        Assert.Contains("30 %", anLacAfter[anLacTask.Id.ToString()], StringComparison.Ordinal);
        Assert.DoesNotContain(binhDongTask.Id.ToString(), anLacAfter.Keys);
    }

    [Fact]
    public async Task Dashboard_KeptThenATaskIssuedElsewhere_CountedAtOnce_NeighbourUnchanged()
    {
        await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 20));
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");

        async Task<string> TotalAsync(AppClient client)
        {
            var (status, page) = await client.GetPageAsync("/followup");
            Assert.Equal(HttpStatusCode.OK, status);
            return page.QuerySelector("#total .count")!.TextContent;
        }

        var anLacBefore = await TotalAsync(anLac);
        var binhDongBefore = await TotalAsync(binhDong);
        Assert.Equal(anLacBefore, await TotalAsync(anLac));

        // The office issues another conclusion with a task for An Lạc (the fixture writes through the data context).
        await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 30));

        var anLacAfter = await TotalAsync(anLac);
        Assert.NotEqual(anLacBefore, anLacAfter);
        Assert.Equal(Count(anLacBefore) + 1, Count(anLacAfter));
        Assert.Equal(binhDongBefore, await TotalAsync(binhDong));
    }

    private static int Count(string total) => int.Parse(total.TrimStart('(').Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PageVersion_MovesAtTheCommitOfASavedChange_NotWithOneRolledBack()
    {
        static async Task<string?> VersionAsync(BriefingsDbContext db) =>
            await db.Settings.AsNoTracking().Where(s => s.Key == BriefingsDbContext.PageVersionKey).Select(s => s.Value).SingleOrDefaultAsync();

        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var unit = await db.Units.SingleAsync(u => u.Code == BinhDongUb);
        var name = unit.Name;

        // A change rolled back with the transaction it was saved in leaves the version as it was.
        var before = await VersionAsync(db);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            unit.Name = name + " (tạm)";
            await db.SaveChangesAsync();
            // Moved by the commit, as the transaction's last statement (no lock on the version row held meanwhile).
            Assert.Equal(before, await VersionAsync(db));
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await VersionAsync(db));
        db.ChangeTracker.Clear();

        // The caller's transaction with two saves, committed: moved once, at the commit.
        unit = await db.Units.SingleAsync(u => u.Code == BinhDongUb);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            unit.Name = name + " (tạm)";
            await db.SaveChangesAsync();
            unit.Name = name;
            await db.SaveChangesAsync();
            Assert.Equal(before, await VersionAsync(db));
            await transaction.CommitAsync();
        }

        var committed = await VersionAsync(db);
        Assert.NotEqual(before, committed);
        before = committed;
        db.ChangeTracker.Clear();

        // A saved change (no transaction of the caller's) moves it, with the change.
        unit = await db.Units.SingleAsync(u => u.Code == BinhDongUb);
        Assert.Equal(name, unit.Name);
        unit.Name = name + " (tạm)";
        await db.SaveChangesAsync();
        var after = await VersionAsync(db);
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        unit.Name = name;
        await db.SaveChangesAsync();
        Assert.NotEqual(after, await VersionAsync(db));
    }
}
