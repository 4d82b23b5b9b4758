namespace Briefings.Core.Conclusions;

/// <summary>How a conclusion writes the time limit of a task. Each kind is a period of the calendar
/// (or none at all); the task is due on the period's last day.</summary>
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
}
