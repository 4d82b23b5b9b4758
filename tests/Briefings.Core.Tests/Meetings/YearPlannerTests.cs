using Briefings.Core.Meetings;

namespace Briefings.Core.Tests.Meetings;

public sealed class YearPlannerTests
{
    private static readonly (Guid, string)[] Organizations =
        [(Guid.NewGuid(), "UBMTTQ huyện"), (Guid.NewGuid(), "Hội ND huyện"), (Guid.NewGuid(), "Hội LHPN huyện")];

    private static readonly WorkingCalendar Calendar2027 = new(PublicHolidays.Defaults(2027).Select(h => h.Date));

    private static IReadOnlyList<PlannedMeeting> Plan() =>
        YearPlanner.Generate(FormatPolicy.Reference, 2027, "huyện Tân Phong", (Guid.NewGuid(), "Ban Dân vận Huyện ủy"), Organizations, Calendar2027);

    [Fact]
    public void Generate_ReferencePolicy_Q1AndQ3OnlineReviewsInPerson()
    {
        var plan = Plan().Where(m => m.Type != MeetingType.ThematicBriefing).ToList();

        Assert.Collection(plan,
            // 10/4/2027 and 10/7/2027 are Saturdays, 10/10/2027 a Sunday: each moves to the Monday after.
            m => Assert.Equal((MeetingType.QuarterlyBriefing, MeetingMode.Online, 1, new DateOnly(2027, 4, 12)), (m.Type, m.Mode, m.Quarter, m.Date)),
            m => Assert.Equal((MeetingType.HalfYearReview, MeetingMode.InPerson, 2, new DateOnly(2027, 7, 12)), (m.Type, m.Mode, m.Quarter, m.Date)),
            m => Assert.Equal((MeetingType.QuarterlyBriefing, MeetingMode.Online, 3, new DateOnly(2027, 10, 11)), (m.Type, m.Mode, m.Quarter, m.Date)),
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

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    public void Generate_AnyYear_EveryMeetingOnAWorkingDay(int year)
    {
        var holidays = PublicHolidays.Defaults(year).Select(h => h.Date).ToHashSet();

        var plan = YearPlanner.Generate(FormatPolicy.Reference, year, "huyện Tân Phong", (Guid.NewGuid(), "Ban Dân vận"), Organizations, new WorkingCalendar(holidays));

        Assert.All(plan, m => Assert.DoesNotContain(m.Date.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }));
        Assert.All(plan, m => Assert.DoesNotContain(m.Date, holidays));
    }

    [Fact]
    public void Generate_SlotOnAHoliday_MovesPastTheHolidayAndTheWeekend()
    {
        // A policy that puts the Q2 briefing on 30/4: in 2026 that is a Thursday, 1/5 a Friday, then the weekend.
        var policy = FormatPolicy.Reference with { Slots = [new PolicySlot(2, MeetingType.QuarterlyBriefing, MeetingMode.Online, 4, 30)], ThematicFromQuarter = 5 };

        var plan = YearPlanner.Generate(policy, 2026, "huyện Tân Phong", (Guid.NewGuid(), "Ban Dân vận"), [], new WorkingCalendar(PublicHolidays.Defaults(2026).Select(h => h.Date)));

        Assert.Equal(new DateOnly(2026, 5, 4), Assert.Single(plan).Date);
    }

    /// <summary>An office that also briefs every month (walk-plan: the form had no monthly type): a monthly briefing on
    /// its day in each month without a meeting of the policy's own, moved off days off, titled by its month.</summary>
    [Fact]
    public void Generate_MonthlyDaySet_MonthlyBriefingInEachMonthWithoutASlot_OnWorkingDays()
    {
        var policy = FormatPolicy.Reference with { MonthlyDay = 5, MonthlyMode = MeetingMode.Both };

        var plan = YearPlanner.Generate(policy, 2027, "huyện Tân Phong", (Guid.NewGuid(), "Ban Dân vận Huyện ủy"), Organizations, Calendar2027);

        var monthly = plan.Where(m => m.Type == MeetingType.MonthlyBriefing).ToList();
        Assert.Equal([1, 2, 3, 5, 6, 8, 9, 11], monthly.Select(m => m.Date.Month));
        Assert.All(monthly, m => Assert.True(Calendar2027.IsWorkingDay(m.Date), m.Date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(monthly, m => Assert.Equal(MeetingMode.Both, m.Mode));
        Assert.All(monthly, m => Assert.Equal((m.Date.Month - 1) / 3 + 1, m.Quarter));
        // 5/9/2027 is a Sunday: the Monday after.
        Assert.Equal(new DateOnly(2027, 9, 6), monthly.Single(m => m.Date.Month == 9).Date);
        Assert.Equal("Giao ban MTTQ, các đoàn thể chính trị - xã hội huyện Tân Phong tháng 2 năm 2027", monthly.Single(m => m.Date.Month == 2).Title);
        Assert.Equal(4, plan.Count(m => m.Type is MeetingType.QuarterlyBriefing or MeetingType.HalfYearReview or MeetingType.AnnualReview));
        Assert.DoesNotContain(YearPlanner.Generate(FormatPolicy.Reference, 2027, "huyện Tân Phong", (Guid.NewGuid(), "Ban Dân vận"), Organizations, Calendar2027),
            m => m.Type == MeetingType.MonthlyBriefing);
    }

    [Fact]
    public void MeetingKinds_FormOrder_MonthlyFirst_EveryTypeOnce()
    {
        Assert.Equal(MeetingType.MonthlyBriefing, MeetingKinds.InFormOrder[0]);
        Assert.Equal("Giao ban tháng", MeetingType.MonthlyBriefing.DisplayName());
        Assert.Equal(Enum.GetValues<MeetingType>().Order(), MeetingKinds.InFormOrder.Order());
    }
}

public sealed class PublicHolidaysTests
{
    // Tết and Giỗ Tổ Hùng Vương as the government announced them (2023 has a leap second month before the third).
    [Theory]
    [InlineData(2023, "2023-01-22", "2023-04-29")]
    [InlineData(2024, "2024-02-10", "2024-04-18")]
    [InlineData(2025, "2025-01-29", "2025-04-07")]
    [InlineData(2026, "2026-02-17", "2026-04-26")]
    [InlineData(2027, "2027-02-06", "2027-04-16")]
    public void LunarCalendar_KnownYears_TetAndGioTo(int year, string tet, string gioTo)
    {
        Assert.Equal(DateOnly.Parse(tet, System.Globalization.CultureInfo.InvariantCulture), LunarCalendar.NewYear(year));
        Assert.Equal(DateOnly.Parse(gioTo, System.Globalization.CultureInfo.InvariantCulture), LunarCalendar.ToSolar(year, 3, 10));
    }

    [Fact]
    public void Defaults_2026_ElevenDaysFromTheLabourCode()
    {
        var days = PublicHolidays.Defaults(2026).Select(h => h.Date).ToList();

        Assert.Equal(
            [new(2026, 1, 1), new(2026, 2, 16), new(2026, 2, 17), new(2026, 2, 18), new(2026, 2, 19), new(2026, 2, 20),
             new(2026, 4, 26), new(2026, 4, 30), new(2026, 5, 1), new(2026, 9, 1), new(2026, 9, 2)],
            days);
    }

    [Fact]
    public void WorkingCalendar_WeekendAndHoliday_NextWorkingDay()
    {
        var calendar = new WorkingCalendar(PublicHolidays.Defaults(2026).Select(h => h.Date));

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));
        Assert.Equal(new DateOnly(2026, 2, 23), calendar.OnOrAfter(new DateOnly(2026, 2, 16)));
        Assert.Equal(new DateOnly(2026, 3, 2), calendar.OnOrAfter(new DateOnly(2026, 2, 28)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 2)));
    }
}
