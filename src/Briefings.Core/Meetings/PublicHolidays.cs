namespace Briefings.Core.Meetings;

/// <summary>A day off work: a public holiday ("ngày nghỉ lễ, Tết") or a day the government moved.</summary>
public sealed record Holiday(DateOnly Date, string Name);

/// <summary>
/// The public holidays of the Labour Code 2019 (Điều 112) for a year, as the starting list an administrator edits:
/// Tết Dương lịch (1/1); Tết Nguyên đán, five days — the last day of the lunar year and the first four of the new
/// one; Giỗ Tổ Hùng Vương (10/3 lunar); Chiến thắng (30/4); Quốc tế Lao động (1/5); Quốc khánh (2/9) and the day
/// before it. The government shifts days from year to year (compensating days, which day beside 2/9): that is why the
/// list is data in the database and this is only its default.
/// </summary>
public static class PublicHolidays
{
    public static IReadOnlyList<Holiday> Defaults(int year)
    {
        var tet = LunarCalendar.NewYear(year);
        var list = new List<Holiday> { new(new DateOnly(year, 1, 1), "Tết Dương lịch") };
        list.Add(new(tet.AddDays(-1), "Tết Nguyên đán (ngày cuối năm âm lịch)"));
        for (var d = 0; d < 4; d++)
        {
            list.Add(new(tet.AddDays(d), $"Tết Nguyên đán (mùng {d + 1})"));
        }

        list.Add(new(LunarCalendar.ToSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        list.Add(new(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)"));
        list.Add(new(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)"));
        list.Add(new(new DateOnly(year, 9, 1), "Quốc khánh (ngày liền kề)"));
        list.Add(new(new DateOnly(year, 9, 2), "Quốc khánh (2/9)"));
        return list.Where(h => h.Date.Year == year).OrderBy(h => h.Date).ToList();
    }
}

/// <summary>Working days: Monday to Friday, except the holidays given.</summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> off = [.. holidays];

    /// <summary>Weekends only, no holidays.</summary>
    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !off.Contains(day);

    /// <summary>The day itself when it is a working day, else the next working day.</summary>
    public DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }
}
