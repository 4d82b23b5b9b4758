using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>A correction ("đính chính") of an issued conclusion, made the way the office makes it: "Soạn văn bản đính
/// chính" on the document, the copied draft saved from the editor as a browser posts it, then issued. The units keep
/// the tasks they already report on; the correction adds only what it adds.</summary>
[Collection(AppCollection.Name)]
public sealed class CreateTasksTests(AppFactory app)
{
    [Fact]
    public async Task IssueCorrection_DirectivesAlreadyFollowed_NoSecondTaskOnlyTheNewItemBecomesOne()
    {
        // Issued 30 days ago: item 1 was due 10 days ago (passed by the time of the correction), item 2 is due later.
        var today = FollowUpFixture.Today;
        var original = await FollowUpFixture.IssueAsync(app,
            new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(today.AddDays(-10))),
            new FollowUpFixture.Spec(Demo.BinhDong + "-UB", Deadline.By(today.AddDays(40))));
        using var clerk = await app.LoginAsync("vanphong");

        var corrected = await clerk.SubmitAsync($"/conclusions/{original.ConclusionId}", "correct", []);
        Assert.Equal(HttpStatusCode.SeeOther, corrected.StatusCode);
        var location = corrected.Headers.Location!;
        var editUrl = location.IsAbsoluteUri ? location.AbsolutePath : "/" + location.OriginalString.TrimStart('/');
        var (_, page) = await clerk.GetPageAsync(editUrl);
        var fields = BrowserForm.Fields(page, "conclusion-form");
        // The correction changes item 2's wording and adds an item 3 for An Lạc's Party committee.
        var item3 = "Đề nghị Đảng ủy xã An Lạc kiện toàn Ban Thanh tra nhân dân xã.";
        fields["Form.Body"] = fields["Form.Body"].TrimEnd() + "\n3. " + item3;
        var blank = Enumerable.Range(0, 40).First(r => fields.TryGetValue($"Form.Directives[{r}].Item", out var item) && item == "");
        fields[$"Form.Directives[{blank}].Item"] = "1.3";
        fields[$"Form.Directives[{blank}].Lead"] = "Đảng ủy xã An Lạc";
        fields[$"Form.Directives[{blank}].Deadline"] = $"trước {today.AddDays(60):d/M/yyyy}";
        fields["Form.Action"] = "save";

        var saved = await BrowserForm.PostAsync(clerk, editUrl, fields);

        // Item 1's deadline passed after the corrected document was issued, not before it: the correction is saved.
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await saved.Content.ReadAsStringAsync());
        var correctionId = Guid.Parse(editUrl.Split('/')[^2]);
        await app.WithDbAsync(async db =>
        {
            var c = await db.Conclusions.SingleAsync(x => x.Id == correctionId);
            Assert.Equal(3, c.Directives.Count);
            Assert.Null(c.Submit("vanphong", DateTimeOffset.UtcNow));
            Assert.Null(c.Approve("bithu", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            return 0;
        });
        var scope = await FollowUpFixture.ClerkScopeAsync(app);
        await using (var services = app.Scope())
        {
            var issued = await services.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(correctionId, scope, "vanphong");
            Assert.True(issued.Succeeded, string.Join(" ", issued.Errors.Select(e => e.Message)));
        }

        var (originalTasks, correctionTasks, anLacParty) = await app.WithDbAsync(async db => (
            await db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == original.ConclusionId).ToListAsync(),
            await db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == correctionId).ToListAsync(),
            await db.Units.Where(u => u.Code == Demo.AnLac + "-DU").Select(u => u.Id).SingleAsync()));
        Assert.Equal(original.Tasks.Select(t => t.Id).Order(), originalTasks.Select(t => t.Id).Order());
        var added = Assert.Single(correctionTasks);
        Assert.Equal((3, anLacParty), (added.ItemNumber, added.LeadUnitId));
        Assert.Equal(item3, added.ItemText);
    }
}
