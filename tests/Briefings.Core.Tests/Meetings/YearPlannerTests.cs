using Briefings.Core.Meetings;

namespace Briefings.Core.Tests.Meetings;

public sealed class YearPlannerTests
{
    private static readonly (Guid, string)[] Organizations =
        [(Guid.NewGuid(), "UBMTTQ huyện"), (Guid.NewGuid(), "Hội ND huyện"), (Guid.NewGuid(), "Hội LHPN huyện")];

    private static IReadOnlyList<PlannedMeeting> Plan() =>
        YearPlanner.Generate(FormatPolicy.Reference, 2027, "huyện Tân Phong", (Guid.NewGuid(), "Ban Dân vận Huyện ủy"), Organizations);

    [Fact]
    public void Generate_ReferencePolicy_Q1AndQ3OnlineReviewsInPerson()
    {
        var plan = Plan().Where(m => m.Type != MeetingType.ThematicBriefing).ToList();

        Assert.Collection(plan,
            m => Assert.Equal((MeetingType.QuarterlyBriefing, MeetingMode.Online, 1, new DateOnly(2027, 4, 10)), (m.Type, m.Mode, m.Quarter, m.Date)),
            m => Assert.Equal((MeetingType.HalfYearReview, MeetingMode.InPerson, 2, new DateOnly(2027, 7, 10)), (m.Type, m.Mode, m.Quarter, m.Date)),
            m => Assert.Equal((MeetingType.QuarterlyBriefing, MeetingMode.Online, 3, new DateOnly(2027, 10, 10)), (m.Type, m.Mode, m.Quarter, m.Date)),
            m => Assert.Equal((MeetingType.AnnualReview, MeetingMode.InPerson, 4, new DateOnly(2027, 12, 15)), (m.Type, m.Mode, m.Quarter, m.Date)));
    }

    [Fact]
    public void Generate_ReferencePolicy_ThematicOnlinePerOrganizationFromQ2()
    {
        var thematic = Plan().Where(m => m.Type == MeetingType.ThematicBriefing).ToList();

        Assert.Equal(Organizations.Length * 3, thematic.Count);
        Assert.All(thematic, m => Assert.Equal(MeetingMode.Online, m.Mode));
        Assert.DoesNotContain(thematic, m => m.Quarter == 1);
        foreach (var (id, _) in Organizations)
        {
            Assert.Equal([2, 3, 4], thematic.Where(m => m.OrganizerUnitId == id).Select(m => m.Quarter).Order());
        }

        // Two organizations never share a day (one room each day).
        Assert.Equal(thematic.Count, thematic.Select(m => m.Date).Distinct().Count());
    }

    [Fact]
    public void Generate_WholeYear_AllMeetingsInsideTheYearAndSorted()
    {
        var plan = Plan();

        Assert.All(plan, m => Assert.Equal(2027, m.Date.Year));
        Assert.Equal(plan.OrderBy(m => m.Date).Select(m => m.Date), plan.Select(m => m.Date));
        Assert.Contains(plan, m => m.Title == "Giao ban MTTQ, các đoàn thể chính trị - xã hội huyện Tân Phong quý I năm 2027");
    }
}
