namespace Briefings.Core.Meetings;

public enum MeetingType
{
    QuarterlyBriefing = 0,
    HalfYearReview = 1,
    AnnualReview = 2,
    ThematicBriefing = 3,
    Other = 4,
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
