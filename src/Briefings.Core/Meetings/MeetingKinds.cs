namespace Briefings.Core.Meetings;

public enum MeetingType
{
    QuarterlyBriefing = 0,
    HalfYearReview = 1,
    AnnualReview = 2,
    ThematicBriefing = 3,
    Other = 4,

    /// <summary>A monthly briefing ("giao ban tháng"), as many offices hold between the quarterly ones.</summary>
    MonthlyBriefing = 5,
}

public enum MeetingMode
{
    Online = 0,
    InPerson = 1,
    Both = 2,
}

public static class MeetingKinds
{
    public static string DisplayName(this MeetingType type) => type switch
    {
        MeetingType.MonthlyBriefing => "Giao ban tháng",
        MeetingType.QuarterlyBriefing => "Giao ban quý",
        MeetingType.HalfYearReview => "Sơ kết 6 tháng",
        MeetingType.AnnualReview => "Tổng kết năm",
        MeetingType.ThematicBriefing => "Giao ban chuyên đề",
        MeetingType.Other => "Cuộc họp khác",
    };

    public static string DisplayName(this MeetingMode mode) => mode switch
    {
        MeetingMode.Online => "Trực tuyến",
        MeetingMode.InPerson => "Tập trung",
        MeetingMode.Both => "Tập trung và trực tuyến",
    };

    /// <summary>The types in the order a form offers them: the regular briefings from the most frequent, then the rest
    /// (the enum's numbers are stored, so a type added later cannot take its place in the list by number).</summary>
    public static IReadOnlyList<MeetingType> InFormOrder { get; } =
    [
        MeetingType.MonthlyBriefing, MeetingType.QuarterlyBriefing, MeetingType.HalfYearReview, MeetingType.AnnualReview,
        MeetingType.ThematicBriefing, MeetingType.Other,
    ];

    public static bool HasOnlinePart(this MeetingMode mode) => mode is MeetingMode.Online or MeetingMode.Both;

    public static string Roman(int quarter) => quarter switch
    {
        1 => "I",
        2 => "II",
        3 => "III",
        4 => "IV",
        _ => throw new ArgumentOutOfRangeException(nameof(quarter)),
    };
}
