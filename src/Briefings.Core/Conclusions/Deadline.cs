using System.Globalization;

namespace Briefings.Core.Conclusions;

/// <summary>
/// The time limit of a task assigned in a conclusion, as Vietnamese documents write it: a day, a month,
/// a quarter, a half year, a school year, a year, every year, or ongoing.
/// <para>A dated deadline is a period, and the task is due on the period's <b>last</b> day:
/// "trong tháng 5/2017" is due on 31/5/2017, "quý II/2017" on 30/6/2017, "năm học 2018 - 2019" on
/// 31/8/2019. A task finished on its due day is on time. <see cref="DeadlineKind.Yearly"/> and
/// <see cref="DeadlineKind.Ongoing"/> have no due date.</para>
/// <para>Periodic deadlines ("hằng tháng", "hằng quý", "6 tháng một lần", "hằng năm") have no single due date
/// either: each period's task is due on <see cref="DueIn"/>.</para>
/// <para>Create with the factory methods; two deadlines are equal when they mean the same period.</para>
/// </summary>
public sealed record Deadline
{
    private Deadline(DeadlineKind kind, DateOnly? start, DateOnly? dueDate, int? dueDay = null)
    {
        Kind = kind;
        Start = start;
        DueDate = dueDate;
        DueDay = dueDay;
    }

    public DeadlineKind Kind { get; }

    /// <summary>For a periodic deadline, the day of the period's last month on which each period's task is due
    /// ("trước ngày 15 của tháng cuối quý" is 15); null when each period's task is due on the period's last day.
    /// Always null for the other kinds.</summary>
    public int? DueDay { get; }

    /// <summary>Whether the deadline recurs: one task per month, quarter, half year or year, each due in its period
    /// (see <see cref="DueIn"/>).</summary>
    public bool IsPeriodic => Kind is DeadlineKind.Yearly or DeadlineKind.Monthly or DeadlineKind.Quarterly or DeadlineKind.HalfYearly;

    /// <summary>The first day of the period, or null when the text names none: a
    /// <see cref="DeadlineKind.Date"/> ("trước 15/5/2017") starts whenever the task is assigned, and
    /// <see cref="DeadlineKind.Yearly"/> and <see cref="DeadlineKind.Ongoing"/> have no period.</summary>
    public DateOnly? Start { get; }

    /// <summary>The last day on which finishing is still on time: the date itself, or the last day of the
    /// month, quarter, half year, school year or year. Null for <see cref="DeadlineKind.Yearly"/> and
    /// <see cref="DeadlineKind.Ongoing"/>.</summary>
    public DateOnly? DueDate { get; }

    public bool HasDueDate => DueDate is not null;

    /// <summary>Every year ("hằng năm"): the task recurs and is reported on per year, with no single due date.</summary>
    public static Deadline Yearly { get; } = new(DeadlineKind.Yearly, null, null);

    /// <summary>Ongoing ("thường xuyên"): no due date, reported on per period.</summary>
    public static Deadline Ongoing { get; } = new(DeadlineKind.Ongoing, null, null);

    /// <summary>Every month, quarter, half year or year (<paramref name="kind"/> one of the periodic kinds), each
    /// period's task due on <paramref name="dueDay"/> of the period's last month (clipped to that month's length),
    /// or on the period's last day when null.</summary>
    public static Deadline Periodic(DeadlineKind kind, int? dueDay = null)
    {
        if (kind is not (DeadlineKind.Yearly or DeadlineKind.Monthly or DeadlineKind.Quarterly or DeadlineKind.HalfYearly))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a periodic deadline kind.");
        }

        if (dueDay is { } day)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(day, 31);
        }

        return kind == DeadlineKind.Yearly && dueDay is null ? Yearly : new(kind, null, null, dueDay);
    }

    /// <summary>The due day of this periodic deadline's task for the period ending on <paramref name="end"/>:
    /// <see cref="DueDay"/> of the period's last month, or <paramref name="end"/> itself.</summary>
    public DateOnly DueIn(DateOnly end)
    {
        if (!IsPeriodic)
        {
            throw new InvalidOperationException($"A {Kind} deadline has no due day per period.");
        }

        return DueDay is { } day ? new DateOnly(end.Year, end.Month, Math.Min(day, DateTime.DaysInMonth(end.Year, end.Month))) : end;
    }

    /// <summary>Due on a given day at the latest ("trước 15/5/2017").</summary>
    public static Deadline By(DateOnly date) => new(DeadlineKind.Date, null, date);

    /// <summary>Within a calendar month ("trong tháng 5/2017"); due on the month's last day.</summary>
    public static Deadline InMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var start = new DateOnly(year, month, 1);
        return new(DeadlineKind.Month, start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>Within a calendar quarter 1–4 ("quý II/2017"); due on the quarter's last day.</summary>
    public static Deadline InQuarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
        return new(DeadlineKind.Quarter, start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>Within half 1 (January–June, "6 tháng đầu năm") or half 2 (July–December,
    /// "6 tháng cuối năm") of a year; due on 30 June or 31 December.</summary>
    public static Deadline InHalfYear(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        var start = new DateOnly(year, half == 1 ? 1 : 7, 1);
        return new(DeadlineKind.HalfYear, start, start.AddMonths(6).AddDays(-1));
    }

    /// <summary>Within the school year that starts in <paramref name="startYear"/> ("năm học 2018 - 2019"
    /// is <c>InSchoolYear(2018)</c>): 1 September to 31 August of the next year, due on 31 August.</summary>
    public static Deadline InSchoolYear(int startYear) =>
        new(DeadlineKind.SchoolYear, new DateOnly(startYear, 9, 1), new DateOnly(startYear + 1, 8, 31));

    /// <summary>Within the school year that starts in <paramref name="startYear"/>, due on <paramref name="due"/>
    /// (a <see cref="SchoolYearConvention"/>: by default its end of teaching, 31 May).</summary>
    public static Deadline InSchoolYear(int startYear, DateOnly due)
    {
        var start = new DateOnly(startYear, 9, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(due, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(due, new DateOnly(startYear + 1, 8, 31));
        return new(DeadlineKind.SchoolYear, start, due);
    }

    /// <summary>Within a calendar year ("trong năm 2018"); due on 31 December.</summary>
    public static Deadline InYear(int year) =>
        new(DeadlineKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Rebuilds a deadline from its stored <see cref="Kind"/>, <see cref="Start"/> and
    /// <see cref="DueDate"/>. Throws when they do not describe a deadline (a bug in storage, not user input).</summary>
    public static Deadline Restore(DeadlineKind kind, DateOnly? start, DateOnly? dueDate, int? dueDay = null)
    {
        DateOnly Need(DateOnly? value) =>
            value ?? throw new InvalidOperationException($"A stored deadline of kind {kind} lacks a date.");

        return kind switch
        {
            DeadlineKind.Date => By(Need(dueDate)),
            DeadlineKind.Month => InMonth(Need(start).Year, Need(start).Month),
            DeadlineKind.Quarter => InQuarter(Need(start).Year, (Need(start).Month - 1) / 3 + 1),
            DeadlineKind.HalfYear => InHalfYear(Need(start).Year, Need(start).Month <= 6 ? 1 : 2),
            DeadlineKind.SchoolYear => dueDate is { } schoolDue ? InSchoolYear(Need(start).Year, schoolDue) : InSchoolYear(Need(start).Year),
            DeadlineKind.Year => InYear(Need(start).Year),
            DeadlineKind.Yearly or DeadlineKind.Monthly or DeadlineKind.Quarterly or DeadlineKind.HalfYearly => Periodic(kind, dueDay),
            DeadlineKind.Ongoing => Ongoing,
            _ => throw new InvalidOperationException($"Unknown deadline kind {kind}."),
        };
    }

    /// <summary>Whether a task finished on <paramref name="completedOn"/> met the deadline: on or before
    /// the due day. A deadline without a due date (yearly, ongoing) cannot be missed, so this is true.</summary>
    public bool IsOnTime(DateOnly completedOn) => DueDate is not { } due || completedOn <= due;

    /// <summary>Whether an unfinished task is late on <paramref name="today"/>: the due day has passed.
    /// Never true without a due date.</summary>
    public bool IsOverdue(DateOnly today) => DueDate is { } due && today > due;

    /// <summary>The deadline as a Vietnamese document writes it: "trước 15/5/2017", "trong tháng 5/2017",
    /// "quý II/2017", "6 tháng đầu năm 2017", "năm học 2018 - 2019", "năm 2018", "hằng năm",
    /// "thường xuyên". Dates are d/M/yyyy without leading zeros, quarters in Roman numerals.</summary>
    public override string ToString()
    {
        // Only Yearly and Ongoing lack a due date; every other kind has both ends set by its factory.
        var start = Start.GetValueOrDefault();
        var due = DueDate.GetValueOrDefault();
        return Kind switch
        {
            DeadlineKind.Date => string.Create(CultureInfo.InvariantCulture, $"trước {due.Day}/{due.Month}/{due.Year}"),
            DeadlineKind.Month => string.Create(CultureInfo.InvariantCulture, $"trong tháng {start.Month}/{start.Year}"),
            DeadlineKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"quý {RomanNumerals.Format((start.Month - 1) / 3 + 1)}/{start.Year}"),
            DeadlineKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"6 tháng {(start.Month == 1 ? "đầu" : "cuối")} năm {start.Year}"),
            DeadlineKind.SchoolYear => string.Create(CultureInfo.InvariantCulture, $"năm học {start.Year} - {start.Year + 1}"),
            DeadlineKind.Year => string.Create(CultureInfo.InvariantCulture, $"năm {start.Year}"),
            DeadlineKind.Yearly => DueDay is { } d ? string.Create(CultureInfo.InvariantCulture, $"hằng năm, trước ngày {d} của tháng cuối năm") : "hằng năm",
            DeadlineKind.Monthly => DueDay is { } d ? string.Create(CultureInfo.InvariantCulture, $"trước ngày {d} hằng tháng") : "hằng tháng",
            DeadlineKind.Quarterly => DueDay is { } d ? string.Create(CultureInfo.InvariantCulture, $"trước ngày {d} của tháng cuối quý") : "hằng quý",
            DeadlineKind.HalfYearly => DueDay is { } d ? string.Create(CultureInfo.InvariantCulture, $"6 tháng một lần, trước ngày {d} của tháng cuối kỳ") : "6 tháng một lần",
            DeadlineKind.Ongoing => "thường xuyên",
        };
    }
}
