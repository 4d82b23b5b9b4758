namespace Briefings.Core.Conclusions;

/// <summary>How a conclusion writes the time limit of a task. Each kind is a period of the calendar
/// (or none at all); the task is due on the period's last day. The periodic kinds (<see cref="Yearly"/>,
/// <see cref="Monthly"/>, <see cref="Quarterly"/>, <see cref="HalfYearly"/>) recur: one task per period, each
/// due on the period's last day or on the day the text names in the period's last month.</summary>
public enum DeadlineKind
{
    /// <summary>A single day: "trước 15/5/2017", "trước ngày 15/5/2017".</summary>
    Date = 0,

    /// <summary>A calendar month: "trong tháng 5/2017".</summary>
    Month = 1,

    /// <summary>A calendar quarter: "quý II/2017".</summary>
    Quarter = 2,

    /// <summary>The first or second half of a calendar year: "6 tháng đầu năm 2017", "6 tháng cuối năm 2017".</summary>
    HalfYear = 3,

    /// <summary>A school year, 1 September to 31 August: "năm học 2018 - 2019".</summary>
    SchoolYear = 4,

    /// <summary>A calendar year: "trong năm 2018".</summary>
    Year = 5,

    /// <summary>Every year, with no single due date: "hằng năm", "hàng năm".</summary>
    Yearly = 6,

    /// <summary>Continuous work with no due date: "thường xuyên". Reported on per period.</summary>
    Ongoing = 7,

    /// <summary>Every month ("hằng tháng", "trước ngày 20 hằng tháng"): one task per month, due on its own day.</summary>
    Monthly = 8,

    /// <summary>Every quarter ("hằng quý", "định kỳ hằng quý", "trước ngày 15 của tháng cuối quý"): one task per quarter.</summary>
    Quarterly = 9,

    /// <summary>Every half year ("6 tháng một lần", "báo cáo sơ kết 6 tháng và tổng kết năm"): one task per half year.</summary>
    HalfYearly = 10,
}
