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

    [Fact]
    public void Due_QuarterlyBy15thOfLastMonth_DueOn15MarchJuneSeptember()
    {
        var slots = FollowUpPlan.Due([D(Deadline.Periodic(DeadlineKind.Quarterly, 15))], new DateOnly(2026, 1, 10), new DateOnly(2026, 8, 1), PeriodCadence.Month);

        Assert.Equal(["2026-Q1", "2026-Q2", "2026-Q3"], slots.Select(s => s.PeriodKey));
        Assert.Equal([new DateOnly(2026, 3, 15), new DateOnly(2026, 6, 15), new DateOnly(2026, 9, 15)], slots.Select(s => s.DueOn));
    }

    [Fact]
    public void Due_IssuedAfterThePeriodsDueDay_StartsWithTheNextPeriod()
    {
        var slots = FollowUpPlan.Due([D(Deadline.Periodic(DeadlineKind.Quarterly, 15))], new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 2), PeriodCadence.Quarter);

        Assert.Equal([("2026-Q2", (DateOnly?)new DateOnly(2026, 6, 15))], slots.Select(s => (s.PeriodKey, s.DueOn)));
    }

    [Fact]
    public void Due_MonthlyBy31st_ClippedToEachMonthsLength()
    {
        var slots = FollowUpPlan.Due([D(Deadline.Periodic(DeadlineKind.Monthly, 31))], new DateOnly(2026, 1, 5), new DateOnly(2026, 4, 1), PeriodCadence.Quarter);

        Assert.Equal(
            [new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30)],
            slots.Select(s => s.DueOn));
        Assert.Equal(["2026-M01", "2026-M02", "2026-M03", "2026-M04"], slots.Select(s => s.PeriodKey));
    }

    // Each phrase as an office writes it, through the one parser, into its tasks: from the issue on 5 January 2026
    // through 1 December 2026.
    [Theory]
    [InlineData("hằng tháng", 12, 1, 31)]
    [InlineData("hằng quý", 4, 3, 31)]
    [InlineData("định kỳ hằng quý", 4, 3, 31)]
    [InlineData("trước ngày 15 của tháng cuối quý", 4, 3, 15)]
    [InlineData("6 tháng một lần", 2, 6, 30)]
    [InlineData("báo cáo sơ kết 6 tháng và tổng kết năm", 2, 6, 30)]
    [InlineData("hằng năm", 1, 12, 31)]
    public void Due_PhraseAsWritten_TasksPerPeriodWithFirstDueDay(string phrase, int count, int firstMonth, int firstDay)
    {
        var deadline = DeadlineParser.ParseExact(phrase);
        Assert.NotNull(deadline);

        var slots = FollowUpPlan.Due([D(deadline)], new DateOnly(2026, 1, 5), new DateOnly(2026, 12, 1), PeriodCadence.Quarter);

        Assert.Equal(count, slots.Count);
        Assert.Equal(new DateOnly(2026, firstMonth, firstDay), slots[0].DueOn);
        Assert.Equal(count, slots.Select(s => s.PeriodKey).Distinct().Count());
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
        Assert.Equal(expected, FollowUpStatuses.Classify(today).Compile()(Task(due, done)));
    }

    [Theory]
    [InlineData(-30, null, 0)]
    [InlineData(-31, null, 30)]
    [InlineData(-91, null, 90)]
    [InlineData(-121, null, 120)]
    [InlineData(-400, null, 120)]
    [InlineData(-400, -1, 0)]
    [InlineData(5, null, 0)]
    public void AgeOf_OpenOverdue_BucketBeyondDays(int dueOffset, int? doneOffset, int bucket)
    {
        var today = new DateOnly(2026, 6, 30);
        DateOnly? done = doneOffset is { } c ? today.AddDays(c) : null;

        Assert.Equal(bucket, FollowUpStatuses.AgeOf(today.AddDays(dueOffset), done, today));
        var task = Task(today.AddDays(dueOffset), done);
        Assert.Equal(FollowUpStatuses.AgeingDays.Where(d => d <= bucket), FollowUpStatuses.AgeingDays.Where(d => FollowUpStatuses.OverdueBeyond(d, today).Compile()(task)));
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
