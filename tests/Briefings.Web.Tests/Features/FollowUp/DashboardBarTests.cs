using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>The dashboard's stacked bars, written inline (DashboardBar.Bar, issue 14.5): one segment per status
/// present, its width the status's share, the counts in the label.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardBarTests(AppFactory app)
{
    private static readonly string AnLacUb = Demo.AnLac + "-UB";

    [Fact]
    public async Task Bar_ConclusionWithOneOverdueAndThreeOnTime_SegmentsSizedByShare()
    {
        var today = FollowUpFixture.Today;
        var issued = await FollowUpFixture.IssueAsync(app,
            new FollowUpFixture.Spec(AnLacUb, Deadline.By(today.AddDays(-5))),
            new FollowUpFixture.Spec(AnLacUb, Deadline.By(today.AddDays(10))),
            new FollowUpFixture.Spec(AnLacUb, Deadline.By(today.AddDays(20))),
            new FollowUpFixture.Spec(AnLacUb, Deadline.By(today.AddDays(30))));
        using var clerk = await app.LoginAsync("vanphong");

        var (_, page) = await clerk.GetPageAsync($"/followup?conclusion={issued.ConclusionId}");

        var total = page.QuerySelector("#totals .fu-bar")!;
        var segments = total.QuerySelectorAll("span").Select(s => (s.ClassName, s.GetAttribute("style"))).ToList();
        Assert.Equal([("seg seg-open", "width:75%"), ("seg seg-overdue", "width:25%")], segments);
        Assert.Contains("Chưa hoàn thành quá hạn 1", total.GetAttribute("aria-label"), StringComparison.Ordinal);
        // One bar per unit line and per conclusion line, besides the total.
        Assert.Equal(page.QuerySelectorAll("#units > li").Length + page.QuerySelectorAll("#conclusions > li").Length + 1,
            page.QuerySelectorAll(".fu-bar").Length);
    }
}
