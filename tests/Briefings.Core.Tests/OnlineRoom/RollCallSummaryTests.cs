using Briefings.Core.OnlineRoom;

namespace Briefings.Core.Tests.OnlineRoom;

public sealed class RollCallSummaryTests
{
    private static readonly Guid Host = Guid.NewGuid(), AnLac = Guid.NewGuid(), BinhDong = Guid.NewGuid();
    private static readonly Guid Committee = Guid.NewGuid(), AnLacParty = Guid.NewGuid(), BinhDongParty = Guid.NewGuid();

    [Fact]
    public void Of_SubstituteOnlineAndAbsent_PresentCountsPerEndpointAndTotals()
    {
        var i1 = Guid.NewGuid();
        var i2 = Guid.NewGuid();
        var i3 = Guid.NewGuid();
        var i4 = Guid.NewGuid();

        var summary = RollCallSummary.Of(
            [(Host, "Điểm cầu chính"), (AnLac, "Điểm cầu xã An Lạc"), (BinhDong, "Điểm cầu xã Bình Đông")],
            [(i1, Host, Committee), (i2, AnLac, AnLacParty), (i3, AnLac, AnLacParty), (i4, BinhDong, BinhDongParty)],
            [(i1, AttendanceStatus.InRoom), (i2, AttendanceStatus.Substitute), (i3, AttendanceStatus.Online), (i4, AttendanceStatus.Absent)]);

        Assert.Equal((2, 3, 3, 4, 1), (summary.EndpointsPresent, summary.EndpointsTotal, summary.PeoplePresent, summary.PeopleInvited, summary.PeopleAbsent));
        Assert.Equal([true, true, false], summary.Endpoints.Select(e => e.IsPresent));
        Assert.Equal([Committee, AnLacParty], summary.PresentUnitIds);
        Assert.Equal("có mặt 2/3 điểm cầu", summary.EndpointFigure);
        Assert.Equal("Tham dự hội nghị có đại diện Huyện ủy, xã An Lạc; có mặt 2/3 điểm cầu, 3/4 đại biểu được mời có mặt.",
            summary.ParticipantsParagraph(["Huyện ủy", "xã An Lạc"]));
    }

    [Fact]
    public void ParticipantsParagraph_NoRollCall_Null()
    {
        var summary = RollCallSummary.Of([(Host, "Điểm cầu chính")], [(Guid.NewGuid(), Host, Committee)], []);

        Assert.False(summary.HasMarks);
        Assert.Null(summary.ParticipantsParagraph(["Huyện ủy"]));
        Assert.Equal(1, summary.Endpoints.Single().Unmarked);
    }
}
