using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;

namespace Briefings.Core.Tests.FollowUp;

public sealed class FollowUpPlanTests
{
    private static Directive D(Deadline? deadline) => new() { SectionOrder = 1, ItemNumber = 1, LeadUnitId = Guid.NewGuid(), Deadline = deadline };

    [Fact]
    public void Due_DatedDeadlines_OneTaskEachDueOnLastDay()
    {
        var slots = FollowUpPlan.Due([D(Deadline.InMonth(2026, 5)), D(Deadline.InSchoolYear(2026)), D(null)],
            new DateOnly(2026, 4, 15), new DateOnly(2026, 12, 1), PeriodCadence.Quarter);

        Assert.Equal([new DateOnly(2026, 5, 31), new DateOnly(2027, 8, 31), null], slots.Select(s => s.DueOn));
        Assert.All(slots, s => Assert.Equal("", s.PeriodKey));
        Assert.Equal([0, 1, 2], slots.Select(s => s.DirectiveOrder));
    }

    [Fact]
    public void Due_Ongoing_OneTaskPerQuarterThroughToday()
    {
        var slots = FollowUpPlan.Due([D(Deadline.Ongoing)], new DateOnly(2026, 5, 20), new DateOnly(2026, 10, 1), PeriodCadence.Quarter);

        Assert.Equal(["2026-Q2", "2026-Q3", "2026-Q4"], slots.Select(s => s.PeriodKey));
        Assert.All(slots, s => Assert.Null(s.DueOn));
        Assert.Equal("Quý II/2026", slots[0].Period!.Label);
        Assert.Equal(new DateOnly(2026, 6, 30), slots[0].Period!.End);
    }

    [Fact]
    public void Due_Yearly_OneTaskPerYearDueOn31December()
    {
        var slots = FollowUpPlan.Due([D(Deadline.Yearly)], new DateOnly(2026, 5, 20), new DateOnly(2027, 2, 1), PeriodCadence.Quarter);

        Assert.Equal(["2026", "2027"], slots.Select(s => s.PeriodKey));
        Assert.Equal([new DateOnly(2026, 12, 31), new DateOnly(2027, 12, 31)], slots.Select(s => s.DueOn));
    }

    [Theory]
    [InlineData(PeriodCadence.Month, "2026-M02", 2026, 2, 28)]
    [InlineData(PeriodCadence.HalfYear, "2026-H1", 2026, 6, 30)]
    [InlineData(PeriodCadence.Year, "2026", 2026, 12, 31)]
    public void Containing_Cadence_KeyAndLastDay(PeriodCadence cadence, string key, int year, int month, int day)
    {
        var period = ReportingPeriod.Containing(new DateOnly(2026, 2, 10), cadence);

        Assert.Equal(key, period.Key);
        Assert.Equal(new DateOnly(year, month, day), period.End);
    }
}

public sealed class FollowUpStatusTests
{
    public static TheoryData<int?, int?, FollowUpStatus> Cases => new()
    {
        { null, null, FollowUpStatus.NoDeadline },
        { null, 5, FollowUpStatus.DoneOnTime },
        { 10, null, FollowUpStatus.OpenOnTime },
        { 0, null, FollowUpStatus.OpenOnTime },
        { -1, null, FollowUpStatus.OpenOverdue },
        { -5, -5, FollowUpStatus.DoneOnTime },
        { -5, -4, FollowUpStatus.DoneLate },
        { 3, -2, FollowUpStatus.DoneOnTime },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_SameRuleAsOf(int? dueOffset, int? doneOffset, FollowUpStatus expected)
    {
        var today = new DateOnly(2026, 6, 30);
        DateOnly? due = dueOffset is { } d ? today.AddDays(d) : null;
        DateOnly? done = doneOffset is { } c ? today.AddDays(c) : null;

        Assert.Equal(expected, FollowUpStatuses.Of(due, done, today));
        var matching = Enum.GetValues<FollowUpStatus>().Where(s => FollowUpStatuses.Is(s, today).Compile()(Task(due, done))).ToList();
        Assert.Equal([expected], matching);
    }

    private static FollowUpTask Task(DateOnly? due, DateOnly? done)
    {
        var directive = new Directive { SectionOrder = 1, ItemNumber = 1, LeadUnitId = Guid.NewGuid(), Deadline = due is { } d ? Deadline.By(d) : null };
        var task = FollowUpTask.Create(Guid.NewGuid(), Guid.NewGuid(), "01-KL/HU", 0, directive, "x", "/a/", [], null, due, DateTimeOffset.UnixEpoch);
        if (done is { } day)
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(7));
            var request = task.RequestCompletion(directive.LeadUnitId, "Xong.", null, "Giải trình.", "xa", at).Value!;
            Assert.Null(task.Confirm(request, null, "vp", at));
        }

        return task;
    }
}
