using Briefings.Core.Meetings;

namespace Briefings.Core.Tests.Meetings;

public sealed class MeetingPhaseTests
{
    private static readonly DateTimeOffset Start = new(2030, 3, 4, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(3);

    private static Meeting NewMeeting()
    {
        var meeting = Meeting.Create(Guid.NewGuid(), "Giao ban quý I", MeetingType.QuarterlyBriefing, MeetingMode.Online, Guid.NewGuid(), Guid.NewGuid());
        Assert.Null(meeting.Schedule(Start, End, "Hội trường"));
        return meeting;
    }

    [Fact]
    public void PhaseAt_ThroughTheDay_PlannedInvitedInSessionHeld()
    {
        var meeting = NewMeeting();
        Assert.Equal(MeetingPhase.Planned, meeting.PhaseAt(Start.AddDays(-3)));
        Assert.Null(meeting.MarkInvited(Start.AddDays(-2)));

        Assert.Equal(MeetingPhase.Invited, meeting.PhaseAt(Start.AddMinutes(-1)));
        Assert.Equal(MeetingPhase.InSession, meeting.PhaseAt(Start));
        Assert.Equal(MeetingPhase.Held, meeting.PhaseAt(End));
    }

    [Fact]
    public void PhaseAt_OpenedEarlyAndRunningOver_InSessionUntilClosed()
    {
        var meeting = NewMeeting();
        Assert.Null(meeting.MarkInvited(Start.AddDays(-2)));

        Assert.Null(meeting.Open(Start.AddMinutes(-10)));

        Assert.Equal(MeetingPhase.InSession, meeting.PhaseAt(Start.AddMinutes(-5)));
        Assert.Equal(MeetingPhase.InSession, meeting.PhaseAt(End.AddMinutes(40)));
        Assert.Equal(MeetingPhase.Held, meeting.PhaseAt(End + MeetingPhases.OverrunLimit));
        Assert.Null(meeting.Close(End.AddMinutes(45)));
        Assert.Equal(MeetingPhase.Held, meeting.PhaseAt(End.AddMinutes(46)));
        Assert.Equal(MeetingStatus.Held, meeting.Status);
    }

    [Fact]
    public void Close_BeforePlannedEnd_HeldAtOnceAndNotReopened()
    {
        var meeting = NewMeeting();

        Assert.Null(meeting.Close(Start.AddHours(1)));

        Assert.Equal(MeetingPhase.Held, meeting.PhaseAt(Start.AddHours(1).AddMinutes(1)));
        Assert.Equal(Start, meeting.StartedAt);
        Assert.NotNull(meeting.Open(Start.AddHours(2)));
        Assert.NotNull(meeting.Close(Start.AddHours(2)));
    }

    [Fact]
    public void MarkConcluded_AfterHeld_ConcludedAndRemembersConclusion()
    {
        var meeting = NewMeeting();
        var conclusionId = Guid.NewGuid();

        meeting.MarkConcluded(conclusionId, End.AddDays(5));
        meeting.MarkConcluded(Guid.NewGuid(), End.AddDays(9));

        Assert.Equal(MeetingPhase.Concluded, meeting.PhaseAt(End.AddDays(6)));
        Assert.Equal((conclusionId, End.AddDays(5), End), (meeting.ConclusionId!.Value, meeting.ConcludedAt!.Value, meeting.EndedAt!.Value));
    }

    [Theory]
    [InlineData(MeetingPhase.Planned, "Kế hoạch")]
    [InlineData(MeetingPhase.Invited, "Đã gửi giấy mời")]
    [InlineData(MeetingPhase.InSession, "Đang họp")]
    [InlineData(MeetingPhase.Held, "Đã họp")]
    [InlineData(MeetingPhase.Concluded, "Đã có kết luận")]
    [InlineData(MeetingPhase.Cancelled, "Đã hủy")]
    public void DisplayName_EachPhase_Vietnamese(MeetingPhase phase, string expected) => Assert.Equal(expected, phase.DisplayName());
}
