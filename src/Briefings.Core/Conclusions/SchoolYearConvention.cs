namespace Briefings.Core.Conclusions;

/// <summary>
/// When a task set "trong năm học 2026 - 2027" falls due. A school year runs from September to August, but its
/// work is reported at the end of teaching: by default a school year's reports fall due on 31 May of its second
/// calendar year. Configurable (<c>Conclusions:SchoolYearDue</c>, "dd/MM") for a province whose calendar differs.
/// </summary>
public sealed record SchoolYearConvention(int DueMonth, int DueDay)
{
    public static SchoolYearConvention Default { get; } = new(5, 31);

    /// <summary>The deadline of the school year that starts in <paramref name="startYear"/>.</summary>
    public Deadline For(int startYear) =>
        Deadline.InSchoolYear(startYear, new DateOnly(startYear + 1, DueMonth, Math.Min(DueDay, DateTime.DaysInMonth(startYear + 1, DueMonth))));

    /// <summary>Reads "31/05" or "31/5"; null when it is no day of a month.</summary>
    public static SchoolYearConvention? Parse(string? text)
    {
        var parts = (text ?? "").Split('/', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[0], out var d) && int.TryParse(parts[1], out var m) && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(2024, m)
            ? new SchoolYearConvention(m, d)
            : null;
    }
}
