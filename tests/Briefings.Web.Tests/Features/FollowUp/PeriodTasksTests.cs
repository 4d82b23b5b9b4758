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

        int first, second, parallel;
        await using (var scope = app.Scope())
        {
            first = await new CreateTasks(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>(), clock, options).OpenNewPeriodsAsync(default);
            second = await new CreateTasks(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>(), clock, options).OpenNewPeriodsAsync(default);
        }

        clock.Advance(TimeSpan.FromDays(92));
        await using (var a = app.Scope())
        await using (var b = app.Scope())
        {
            var runs = await Task.WhenAll(
                new CreateTasks(a.ServiceProvider.GetRequiredService<BriefingsDbContext>(), clock, options).OpenNewPeriodsAsync(default),
                new CreateTasks(b.ServiceProvider.GetRequiredService<BriefingsDbContext>(), clock, options).OpenNewPeriodsAsync(default));
            parallel = runs.Sum();
        }

        var tasks = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == issued.ConclusionId).ToListAsync());
        var ongoing = tasks.Where(t => t.ItemNumber == 1).Select(t => t.PeriodKey).ToList();
        var yearly = tasks.Where(t => t.ItemNumber == 2).ToList();
        Assert.True(first >= 2, $"first run opened {first}");
        Assert.Equal(0, second);
        Assert.True(parallel >= 1, $"parallel runs opened {parallel}");
        Assert.Equal(ongoing.Count, ongoing.Distinct().Count());
        Assert.Equal(yearly.Count, yearly.Select(t => t.PeriodKey).Distinct().Count());
        Assert.All(yearly, t => Assert.Equal(new DateOnly(int.Parse(t.PeriodKey, System.Globalization.CultureInfo.InvariantCulture), 12, 31), t.DueOn));
        // The job opens periods of every conclusion in the shared database (other tests issue ongoing directives
        // too), so only an upper bound holds for this conclusion's share; uniqueness is checked above.
        Assert.InRange(tasks.Count - before, 2, first + parallel);
    }
}
