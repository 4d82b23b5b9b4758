using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Microsoft.Extensions.Time.Testing;

namespace Briefings.Core.Tests.FollowUp;

public sealed class FollowUpTaskTests
{
    private static readonly Guid Lead = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>A clock showing the given Vietnam local time.</summary>
    private static FakeTimeProvider ClockAt(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(new DateTimeOffset(year, month, day, hour, minute, 0, Vietnam));

    private static FollowUpTask TaskWith(Deadline? deadline, DateOnly issuedOn, Guid? proposal = null, ExpectedOutput output = ExpectedOutput.ReportBack)
    {
        var directive = new Directive
        {
            SectionOrder = 2,
            ItemNumber = 1,
            LeadUnitId = Lead,
            CoordinatingUnitIds = [Partner],
            Deadline = deadline,
            ExpectedOutput = output,
            AnswersProposalId = proposal,
        };
        var slot = FollowUpPlan.Due([directive], issuedOn, issuedOn, PeriodCadence.Quarter).Single();
        return FollowUpTask.Create(Guid.NewGuid(), Guid.NewGuid(), "07-KL/HU", slot.DirectiveOrder, directive, "Rà soát hộ nghèo.",
            "/lead/", [new TaskCoordinator { UnitId = Partner, UnitPath = "/partner/" }], slot.Period, slot.DueOn,
            new DateTimeOffset(issuedOn.ToDateTime(new TimeOnly(8, 0)), Vietnam));
    }

    /// <summary>Completes a task on the clock's current time (request, then the office confirms a week later).</summary>
    private static void Complete(FollowUpTask task, FakeTimeProvider clock)
    {
        var request = task.RequestCompletion(Lead, "Đã rà soát xong.", null, "Chậm do mưa bão.", "xa", clock.GetUtcNow()).Value!;
        clock.Advance(TimeSpan.FromDays(7));
        Assert.Null(task.Confirm(request, null, "vanphong", clock.GetUtcNow()));
    }

    [Fact]
    public void StatusOn_OpenOnDeadlineDay_OnTime()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var clock = ClockAt(2026, 5, 15, 23, 59);

        Assert.Equal(FollowUpStatus.OpenOnTime, task.StatusOn(clock.Today()));
        Assert.False(task.NeedsExplanation(clock.Today()));
    }

    [Fact]
    public void StatusOn_OpenDayAfterDeadline_Overdue()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));

        // 00:10 on 16/5 in Vietnam is still 15/5 in UTC: the Vietnam date decides.
        var clock = ClockAt(2026, 5, 16, 0, 10);

        Assert.Equal(new DateOnly(2026, 5, 15), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Assert.Equal(FollowUpStatus.OpenOverdue, task.StatusOn(clock.Today()));
        Assert.True(task.NeedsExplanation(clock.Today()));
    }

    [Fact]
    public void StatusOn_DoneOnDeadlineDay_DoneOnTime()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var clock = ClockAt(2026, 5, 15, 16);

        Complete(task, clock);

        // Confirmed a week later: the request's day counts, so the office's delay never makes the unit late.
        Assert.Equal(new DateOnly(2026, 5, 15), task.CompletedOn);
        Assert.Equal(FollowUpStatus.DoneOnTime, task.StatusOn(clock.Today()));
    }

    [Fact]
    public void StatusOn_DoneDayAfterDeadline_DoneLate()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var clock = ClockAt(2026, 5, 16, 8);

        Complete(task, clock);

        Assert.Equal(FollowUpStatus.DoneLate, task.StatusOn(clock.Today()));
    }

    [Fact]
    public void StatusOn_AwaitingConfirmation_StillOpen()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var clock = ClockAt(2026, 5, 15);
        task.RequestCompletion(Lead, "Xong.", null, null, "xa", clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(TaskState.AwaitingConfirmation, task.State);
        Assert.Equal(FollowUpStatus.OpenOverdue, task.StatusOn(clock.Today()));
    }

    [Theory]
    [InlineData(DeadlineKind.Month, 2026, 5, 31)]
    [InlineData(DeadlineKind.Quarter, 2026, 6, 30)]
    [InlineData(DeadlineKind.SchoolYear, 2027, 8, 31)]
    public void StatusOn_PeriodDeadline_LastDayOnTimeNextDayOverdue(DeadlineKind kind, int year, int month, int day)
    {
        var deadline = kind switch
        {
            DeadlineKind.Month => Deadline.InMonth(2026, 5),
            DeadlineKind.Quarter => Deadline.InQuarter(2026, 2),
            _ => Deadline.InSchoolYear(2026),
        };
        var task = TaskWith(deadline, new DateOnly(2026, 4, 15));
        var last = new DateOnly(year, month, day);

        Assert.Equal(last, task.DueOn);
        Assert.Equal(FollowUpStatus.OpenOnTime, task.StatusOn(last));
        Assert.Equal(FollowUpStatus.OpenOverdue, task.StatusOn(last.AddDays(1)));
        Assert.Equal(FollowUpStatus.OpenOnTime, task.StatusOn(ClockAt(year, month, day, 23, 59).Today()));
        Assert.Equal(FollowUpStatus.OpenOverdue, task.StatusOn(ClockAt(year, month, day, 23, 59).Today().AddDays(1)));
    }

    [Fact]
    public void StatusOn_OngoingPeriodTask_NoDeadlineUntilDone()
    {
        var task = TaskWith(Deadline.Ongoing, new DateOnly(2026, 4, 15));

        Assert.Null(task.DueOn);
        Assert.Equal("2026-Q2", task.PeriodKey);
        Assert.Equal(FollowUpStatus.NoDeadline, task.StatusOn(new DateOnly(2030, 1, 1)));
        Complete(task, ClockAt(2026, 9, 1));
        Assert.Equal(FollowUpStatus.DoneOnTime, task.StatusOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void RequestExtension_SecondAfterOneGranted_Refused()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var clock = ClockAt(2026, 5, 10);
        var first = task.RequestExtension(Lead, new DateOnly(2026, 6, 15), "Chờ số liệu của huyện.", 1, "xa", clock.GetUtcNow());
        Assert.True(first.Succeeded);
        Assert.Null(task.DecideExtension(first.Value!, true, null, 1, "vanphong", clock.GetUtcNow()));
        Assert.Equal(new DateOnly(2026, 6, 15), task.DueOn);
        Assert.Equal(new DateOnly(2026, 5, 15), task.OriginalDueOn);

        var second = task.RequestExtension(Lead, new DateOnly(2026, 7, 15), "Vẫn chưa xong.", 1, "xa", clock.GetUtcNow());

        Assert.False(second.Succeeded);
        Assert.Contains("tối đa 1 lần", second.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 6, 15), task.DueOn);
    }

    [Fact]
    public void RequestExtension_LimitTwo_SecondAllowed()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var now = ClockAt(2026, 5, 10).GetUtcNow();
        var first = task.RequestExtension(Lead, new DateOnly(2026, 6, 15), "Lý do.", 2, "xa", now).Value!;
        task.DecideExtension(first, true, null, 2, "vanphong", now);

        var second = task.RequestExtension(Lead, new DateOnly(2026, 7, 15), "Lý do.", 2, "xa", now);

        Assert.True(second.Succeeded);
    }

    [Fact]
    public void RequestExtension_AfterRefusal_CanAskAgain_DueDayUnchanged()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var now = ClockAt(2026, 5, 10).GetUtcNow();
        var first = task.RequestExtension(Lead, new DateOnly(2026, 6, 15), "Lý do.", 1, "xa", now).Value!;

        Assert.NotNull(task.DecideExtension(first, false, null, 1, "vanphong", now));
        Assert.Null(task.DecideExtension(first, false, "Không có căn cứ.", 1, "vanphong", now));

        Assert.Equal(new DateOnly(2026, 5, 15), task.DueOn);
        Assert.Equal(ExtensionState.Refused, first.State);
        Assert.True(task.RequestExtension(Lead, new DateOnly(2026, 6, 1), "Lý do khác.", 1, "xa", now).Succeeded);
    }

    [Fact]
    public void ReportProgress_Overdue_NeedsExplanation()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var late = ClockAt(2026, 5, 16).GetUtcNow();

        var without = task.ReportProgress(Lead, "Đang làm.", 50, null, "xa", late);
        var with = task.ReportProgress(Lead, "Đang làm.", 50, "Thiếu kinh phí.", "xa", late);

        Assert.Equal(nameof(TaskReport.Explanation), without.Errors.Single().Field);
        Assert.True(with.Succeeded);
        Assert.Equal(50, task.Percent);
    }

    [Fact]
    public void ReportProgress_OtherUnitOrBadPercent_Refused()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var now = ClockAt(2026, 5, 1).GetUtcNow();

        Assert.False(task.ReportProgress(Partner, "x", 10, null, "mt", now).Succeeded);
        Assert.False(task.ReportProgress(Lead, "x", 101, null, "xa", now).Succeeded);
        Assert.True(task.AddInput(Partner, "Đã phối hợp tuyên truyền.", "mt", now).Succeeded);
        Assert.False(task.AddInput(Guid.NewGuid(), "x", "khac", now).Succeeded);
    }

    [Fact]
    public void Return_ThenConfirm_KeepsTraceOnRequests()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15), proposal: Guid.NewGuid());
        var now = ClockAt(2026, 5, 1).GetUtcNow();

        Assert.False(task.RequestCompletion(Lead, "Xong.", null, null, "xa", now).Succeeded);
        var first = task.RequestCompletion(Lead, "Xong.", "Kính gửi ...", null, "xa", now).Value!;
        Assert.NotNull(task.Return(first, " ", "vanphong", now));
        Assert.Null(task.Return(first, "Thiếu biên bản.", "vanphong", now));
        Assert.Equal(TaskState.Open, task.State);
        var second = task.RequestCompletion(Lead, "Xong, kèm biên bản.", "Kính gửi ...", null, "xa", now).Value!;
        Assert.NotNull(task.Confirm(first, null, "vanphong", now));
        Assert.Null(task.Confirm(second, null, "vanphong", now));

        Assert.Equal(ReviewOutcome.Returned, first.Review);
        Assert.Equal("Thiếu biên bản.", first.ReviewNote);
        Assert.Equal(ReviewOutcome.Confirmed, second.Review);
        Assert.Equal(TaskState.Done, task.State);
        Assert.False(task.ReportProgress(Lead, "x", 100, null, "xa", now).Succeeded);
    }

    [Fact]
    public void WithdrawReport_KeepsReportWithReason_ReopensPendingRequest()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var now = ClockAt(2026, 5, 1).GetUtcNow();
        var request = task.RequestCompletion(Lead, "Xong.", null, null, "xa", now).Value!;

        Assert.NotNull(task.WithdrawReport(request, Lead, "", "xa", now));
        Assert.Null(task.WithdrawReport(request, Lead, "Gửi nhầm.", "xa", now));

        Assert.Equal(TaskReportState.Withdrawn, request.State);
        Assert.Equal("Gửi nhầm.", request.StateReason);
        Assert.Equal(TaskState.Open, task.State);
    }

    [Fact]
    public void WithdrawReport_PartnersInput_TaskVersionUnchangedLeadsReportWithdrawnMovesIt()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var now = ClockAt(2026, 5, 1).GetUtcNow();
        var input = task.AddInput(Partner, "Đã phối hợp tuyên truyền.", "mt", now).Value!;
        var progress = task.ReportProgress(Lead, "Đã triển khai.", 40, null, "xa", now).Value!;
        var version = task.Version;

        Assert.Null(task.WithdrawReport(input, Partner, "Gửi nhầm nhiệm vụ.", "mt", now));
        Assert.Equal(TaskReportState.Withdrawn, input.State);
        Assert.Equal(version, task.Version);

        Assert.Null(task.WithdrawReport(progress, Lead, "Số liệu sai.", "xa", now));
        Assert.Equal(version + 1, task.Version);
    }

    [Fact]
    public void Correct_SupersedesOldReport()
    {
        var task = TaskWith(Deadline.By(new DateOnly(2026, 5, 15)), new DateOnly(2026, 4, 15));
        var now = ClockAt(2026, 5, 1).GetUtcNow();
        var old = task.ReportProgress(Lead, "Đạt 60%.", 60, null, "xa", now).Value!;

        var fixedReport = task.Correct(old, Lead, "Đạt 40%.", 40, null, "xa", now).Value!;

        Assert.Equal(TaskReportState.Superseded, old.State);
        Assert.Equal(fixedReport.Id, old.SupersededById);
        Assert.Equal(40, task.Percent);
    }
}
