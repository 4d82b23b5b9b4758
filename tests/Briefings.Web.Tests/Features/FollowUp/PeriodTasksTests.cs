using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>Recurring directives get one task per period as periods begin, however often (and on however many
/// instances) the job runs.</summary>
[Collection(AppCollection.Name)]
public sealed class PeriodTasksTests(AppFactory app)
{
    [Fact]
    public async Task OpenNewPeriods_SixMonthsLater_TwoQuartersAndOneYearOnce()
    {
        var issued = await FollowUpFixture.IssueAsync(app,
            new FollowUpFixture.Spec(Demo.AnLac + "-MT", Deadline.Ongoing), new FollowUpFixture.Spec(Demo.AnLac + "-DU", Deadline.Yearly));
        var before = issued.Tasks.Count;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMonths(6));
        var options = Options.Create(new FollowUpOptions());

        // The job looks at every conclusion of the shared test database: count this one's tasks only.
        Task<int> CountAsync() => app.WithDbAsync(db => db.FollowUpTasks.CountAsync(t => t.ConclusionId == issued.ConclusionId));
        await using (var scope = app.Scope())
        {
            await new CreateTasks(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>(), clock, options).OpenNewPeriodsAsync(default);
        }

        var afterFirst = await CountAsync();
        await using (var scope = app.Scope())
        {
            await new CreateTasks(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>(), clock, options).OpenNewPeriodsAsync(default);
        }

        var afterSecond = await CountAsync();
        clock.Advance(TimeSpan.FromDays(92));
        await using (var a = app.Scope())
        await using (var b = app.Scope())
        {
            await Task.WhenAll(
                new CreateTasks(a.ServiceProvider.GetRequiredService<BriefingsDbContext>(), clock, options).OpenNewPeriodsAsync(default),
                new CreateTasks(b.ServiceProvider.GetRequiredService<BriefingsDbContext>(), clock, options).OpenNewPeriodsAsync(default));
        }

        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == issued.ConclusionId).ToListAsync());
        var ongoing = tasks.Where(t => t.ItemNumber == 1).Select(t => t.PeriodKey).ToList();
        var yearly = tasks.Where(t => t.ItemNumber == 2).ToList();

        // Six months on: two more quarters (and the next year when it has begun); a second run adds nothing.
        Assert.InRange(afterFirst - before, 2, 3);
        Assert.Equal(afterFirst, afterSecond);
        Assert.InRange(tasks.Count - afterSecond, 1, 2);
        Assert.Equal(ongoing.Count, ongoing.Distinct().Count());
        Assert.Equal(yearly.Count, yearly.Select(t => t.PeriodKey).Distinct().Count());
        Assert.All(yearly, t => Assert.Equal(new DateOnly(int.Parse(t.PeriodKey, System.Globalization.CultureInfo.InvariantCulture), 12, 31), t.DueOn));
    }

    [Fact]
    public async Task Issue_PeriodicDeadlines_OneTaskPerPeriodDueOnItsOwnDay_DueDayStored()
    {
        var issuedOn = FollowUpFixture.Today.AddDays(-200);
        var issued = await FollowUpFixture.IssueOnAsync(app, issuedOn,
            new FollowUpFixture.Spec(Demo.AnLac + "-MT", DeadlineParser.ParseExact("trước ngày 15 của tháng cuối quý")),
            new FollowUpFixture.Spec(Demo.AnLac + "-UB", DeadlineParser.ParseExact("hằng tháng")));

        var directives = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().Where(c => c.Id == issued.ConclusionId).SelectMany(c => c.Directives).ToListAsync());
        Assert.Equal(Deadline.Periodic(DeadlineKind.Quarterly, 15), directives.Single(d => d.ItemNumber == 1).Deadline);
        Assert.Equal(Deadline.Periodic(DeadlineKind.Monthly), directives.Single(d => d.ItemNumber == 2).Deadline);

        var quarterly = issued.Tasks.Where(t => t.ItemNumber == 1).ToList();
        var monthly = issued.Tasks.Where(t => t.ItemNumber == 2).ToList();
        Assert.InRange(quarterly.Count, 2, 4);
        Assert.All(quarterly, t => Assert.True(t.DueOn is { Day: 15 } due && due.Month % 3 == 0 && due >= issuedOn, $"{t.PeriodKey}: {t.DueOn}"));
        Assert.All(quarterly, t => Assert.Equal("trước ngày 15 của tháng cuối quý", t.DeadlineText));
        Assert.InRange(monthly.Count, 7, 8);
        Assert.All(monthly, t => Assert.Equal(t.DueOn, new DateOnly(t.DueOn!.Value.Year, t.DueOn.Value.Month, DateTime.DaysInMonth(t.DueOn.Value.Year, t.DueOn.Value.Month))));
        Assert.Equal(monthly.Count, monthly.Select(t => t.PeriodKey).Distinct().Count());
    }
}
