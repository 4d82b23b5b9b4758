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

    [Fact]
    public async Task Dashboard_KeptAsHtml_SameAsTheFilteredRender_LettersAsTheyAre_NamesEncoded_EachCommuneItsOwn()
    {
        await FollowUpFixture.IssueAsync(app, Due(AnLacUb, 20));
        await FollowUpFixture.IssueAsync(app, Due(BinhDongUb, -3));
        var units = await app.WithDbAsync(db => db.Units.AsNoTracking()
            .Where(u => u.Code == Demo.AnLac || u.Code == AnLacUb || u.Code == Demo.BinhDong || u.Code == BinhDongUb).ToDictionaryAsync(u => u.Code));
        var binhDongName = units[BinhDongUb].Name;
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");

        // Bình Đông's committee renamed with markup in its name (the directory accepts any text).
        await RenameAsync(BinhDongUb, binhDongName + " <b>&</b>");
        try
        {
            foreach (var (client, own, other) in new[] { (anLac, units[Demo.AnLac].Id, units[BinhDongUb].Id), (binhDong, units[Demo.BinhDong].Id, units[AnLacUb].Id) })
            {
                // The first read renders and keeps the HTML, the second is the kept HTML: the same page.
                var response = await client.Http.GetAsync("/followup");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var first = await response.Content.ReadAsStringAsync();
                var kept = await client.Http.GetStringAsync("/followup");
                Assert.Equal(Body(first), Body(kept));
                // The app's encoder, as the page's renderer: Vietnamese letters as they are, markup characters encoded.
                Assert.Contains("Theo đơn vị chủ trì", kept, StringComparison.Ordinal);
                Assert.DoesNotContain("<b>&</b>", kept, StringComparison.Ordinal);

                // The same counts and lines as the dashboard filtered to the commune itself, rendered inline by Razor.
                var (_, keptPage) = await client.GetPageAsync("/followup");
                var (_, filtered) = await client.GetPageAsync($"/followup?unit={own}");
                foreach (var section in new[] { "#totals", "#office", "#units", "#conclusions" })
                {
                    Assert.Equal(Text(filtered, section), Text(keptPage, section));
                }

                Assert.Equal(filtered.QuerySelectorAll("#units li").Length, keptPage.QuerySelectorAll("#units li").Length);
                Assert.Equal(filtered.QuerySelectorAll(".fu-bar span").Length, keptPage.QuerySelectorAll(".fu-bar span").Length);
                Assert.Null(keptPage.QuerySelector("#filter-text"));
                Assert.Null(keptPage.QuerySelector("input[name=unit]"));

                // Never the other commune's: its unit is not a line of this one's dashboard.
                Assert.Empty(keptPage.QuerySelectorAll($"#units li[data-id='{other}']"));
            }

            var (_, binhDongPage) = await binhDong.GetPageAsync("/followup");
            Assert.Contains(binhDongName + " <b>&</b>", binhDongPage.QuerySelector("#units")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", binhDongPage.QuerySelector("#units")!.InnerHtml, StringComparison.Ordinal);
            Assert.NotNull(binhDongPage.QuerySelector($"#units li[data-id='{units[BinhDongUb].Id}'] .fu-warn"));
        }
        finally
        {
            await RenameAsync(BinhDongUb, binhDongName);
        }
    }

    private Task<int> RenameAsync(string code, string name) => app.WithDbAsync(async db =>
    {
        var unit = await db.Units.SingleAsync(u => u.Code == code);
        unit.Name = name;
        return await db.SaveChangesAsync();
    });

    private static string Body(string html) => html[html.IndexOf("<h1>", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    private static string Text(AngleSharp.Dom.IDocument page, string selector) =>
        System.Text.RegularExpressions.Regex.Replace(page.QuerySelector(selector)?.TextContent ?? "", @"\s+", " ").Trim();

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
