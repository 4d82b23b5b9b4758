using Briefings.Core.FollowUp;
using Briefings.Core.Conclusions;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>The open inbox runs as compiled queries, one per shape of <see cref="TaskAccess.ActingKey"/> (issue 14.5):
/// for every shape it must list exactly the rows, in the same order, that the LINQ form of the same rule
/// (<see cref="TaskAccess.ActingOn"/>) lists — lead and coordinating units, a subtree, a single unit, a clerk's own
/// unit, and nothing for a leader.</summary>
[Collection(AppCollection.Name)]
public sealed class BrowseTasksTests(AppFactory app)
{
    private static readonly string AnLacUb = Demo.AnLac + "-UB";
    private static readonly string AnLacMt = Demo.AnLac + "-MT";
    private static readonly string BinhDongUb = Demo.BinhDong + "-UB";
    private const string DistrictDanVan = "HU-TP-BDV";

    private static FollowUpFixture.Spec Due(string lead, int days, string[]? coordinators = null) =>
        new(lead, Deadline.By(FollowUpFixture.Today.AddDays(days)), coordinators);

    [Theory]
    [InlineData("xa.anlac", 2)] // unit staff over the commune's subtree: a path
    [InlineData("bandanvan", 2)] // unit staff of one unit: a unit
    [InlineData("vanphong", 1)] // the office's clerk: its own unit
    [InlineData("bithu", 0)] // a leader acts on nothing
    public async Task MineAsync_OpenInboxCompiled_SameRowsInSameOrderAsTheLinqRule(string userName, int atLeast)
    {
        var issued = await FollowUpFixture.IssueAsync(app,
            Due(AnLacUb, 20, [AnLacMt]), Due(BinhDongUb, 10, [DistrictDanVan]), Due(DemoDistrict.DistrictOfficeCode, 5, [AnLacMt]),
            Due(DistrictDanVan, 30), new FollowUpFixture.Spec(AnLacMt, Deadline.Ongoing));
        var user = await app.UserAsync(userName);
        await using var scope = app.Scope();
        var browse = scope.ServiceProvider.GetRequiredService<BrowseTasks>();

        var compiled = await browse.MineAsync(user, done: false);
        var linq = await browse.MineByLinqAsync(user, done: false);

        Assert.Equal(linq, compiled);
        var mine = compiled.Where(r => r.ConclusionId == issued.ConclusionId).ToList();
        Assert.True(mine.Count >= atLeast, $"{userName}: {mine.Count} of this conclusion's tasks");
        Assert.Equal(atLeast == 0, compiled.Count == 0);
        if (userName == "xa.anlac")
        {
            Assert.DoesNotContain(mine, r => r.Id == issued.Task(2).Id); // Bình Đông's task, coordinated by the district
            Assert.Contains(mine, r => r.Id == issued.Task(3).Id && !r.IsLead); // coordinating the office's task
        }
    }
}

/// <summary>The unfiltered dashboard runs as compiled queries for a subtree and for one unit (issue 14.5): it must count
/// exactly what the LINQ form counts for the same tasks — here the same scope asked as a filter on the account's own unit,
/// which takes the LINQ path.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardCountsTests(AppFactory app)
{
    [Theory]
    [InlineData("xa.anlac")] // a subtree (the commune's units)
    [InlineData("bandanvan")] // one unit
    public async Task RunAsync_UnfilteredCompiled_SameCountsAsTheLinqQueryOfTheSameScope(string userName)
    {
        var lead = userName == "bandanvan" ? "HU-TP-BDV" : Demo.AnLac + "-UB";
        var issued = await FollowUpFixture.IssueOnAsync(app, FollowUpFixture.Today.AddMonths(-5),
            new FollowUpFixture.Spec(lead, Deadline.By(FollowUpFixture.Today.AddDays(-40))),
            new FollowUpFixture.Spec(lead, Deadline.By(FollowUpFixture.Today.AddDays(12))),
            new FollowUpFixture.Spec(Demo.AnLac + "-MT", Deadline.Ongoing),
            new FollowUpFixture.Spec(Demo.BinhDong + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(-100))));
        var user = await app.UserAsync(userName);
        await using var scope = app.Scope();
        // One task of the lead asks completion, another an extension: the office's queue is counted too.
        var requestCompletion = scope.ServiceProvider.GetRequiredService<RequestCompletion>();
        var requestExtension = scope.ServiceProvider.GetRequiredService<RequestExtension>();
        var open = issued.Task(2);
        var late = issued.Task(1);
        Assert.True((await requestCompletion.RunAsync(new RequestCompletion.Input(open.Id, open.Version, "Đã hoàn thành thử.", null, null, []), user)).Succeeded);
        Assert.True((await requestExtension.RunAsync(new RequestExtension.Input(late.Id, late.Version, FollowUpFixture.Today.AddDays(60), "Chờ kinh phí."), user)).Succeeded);
        var dashboard = scope.ServiceProvider.GetRequiredService<FollowUpDashboard>();

        var compiled = await dashboard.RunAsync(user, new FollowUpDashboard.Filter());
        var linq = await dashboard.RunAsync(user, new FollowUpDashboard.Filter(UnitId: user.Unit.Id));

        Assert.NotNull(compiled);
        Assert.NotNull(linq);
        Assert.True(compiled.Total.Total >= 2, $"{userName}: {compiled.Total.Total} tasks counted");
        Assert.True(compiled.Total.OpenOverdue >= 1);
        Assert.Equal(linq.Total, compiled.Total);
        Assert.Equal(linq.Units, compiled.Units);
        Assert.Equal(linq.Conclusions, compiled.Conclusions);
        // What waits for the office, summed from the per-unit rows: what a count of the scope's tasks says.
        var counted = await app.WithDbAsync(async db =>
        {
            var tasks = await new FollowUpDashboard(db, TimeProvider.System, new Briefings.Web.Features.Meetings.HolidayStore(db)).TasksAsync(user, new FollowUpDashboard.Filter());
            return (await tasks!.CountAsync(t => t.State == TaskState.AwaitingConfirmation), await tasks!.CountAsync(t => t.PendingExtensionId != null),
                await tasks!.CountAsync(t => t.State == TaskState.AwaitingConfirmation || t.PendingExtensionId != null));
        });
        Assert.True(counted.Item1 >= 1 && counted.Item2 >= 1, $"{userName}: {counted}");
        foreach (var report in new[] { compiled, linq })
        {
            Assert.Equal(counted, (report.AwaitingConfirmation, report.ExtensionsPending, report.WaitingForOffice));
        }
    }
}
