namespace Briefings.Core.Meetings;

/// <summary>
/// How a body's briefings are held through a year: which meeting in which month, in which mode, and from
/// which quarter each organization adds thematic online briefings with its commune branches. Policies are
/// data (stored, editable by an admin); <see cref="Reference"/> is the policy of the reference conclusion:
/// Q1 and Q3 online, the half-year and annual reviews in person, thematic online briefings from Q2.
/// <para><paramref name="MonthlyDay"/>: an office that also briefs every month sets the day (1–28); the plan then holds a
/// monthly briefing (<paramref name="MonthlyMode"/>) in every month without a slot of its own. 0 = none (the reference).</para>
/// </summary>
public sealed record FormatPolicy(string Name, IReadOnlyList<PolicySlot> Slots, int ThematicFromQuarter, MeetingMode ThematicMode, int ThematicDay,
    int MonthlyDay = 0, MeetingMode MonthlyMode = MeetingMode.Online)
{
    public static FormatPolicy Reference { get; } = new(
        "Theo Kết luận giao ban (mặc định)",
        [
            // A quarter's briefing reviews it, so it sits early in the next month (as the reference's 11/4).
            new PolicySlot(1, MeetingType.QuarterlyBriefing, MeetingMode.Online, 4, 10),
            new PolicySlot(2, MeetingType.HalfYearReview, MeetingMode.InPerson, 7, 10),
            new PolicySlot(3, MeetingType.QuarterlyBriefing, MeetingMode.Online, 10, 10),
            new PolicySlot(4, MeetingType.AnnualReview, MeetingMode.InPerson, 12, 15),
        ],
        ThematicFromQuarter: 2,
        ThematicMode: MeetingMode.Online,
        ThematicDay: 20);
}

/// <summary>One planned meeting of the year: the quarter it reviews, its type and mode, and its day.</summary>
public sealed record PolicySlot(int Quarter, MeetingType Type, MeetingMode Mode, int Month, int Day);
