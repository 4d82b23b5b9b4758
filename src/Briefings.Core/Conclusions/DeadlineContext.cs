namespace Briefings.Core.Conclusions;

/// <summary>What a deadline's due day depends on besides its words: when school years fall due, and the date the
/// document was written. A day or month written without its year ("trước 30/6", "trong tháng 12", "trong quý IV")
/// is in the document's year, or in the next one when that period has already ended by the document's date
/// ("trước 15/01" in a notice of 20/12/2026 is 15/01/2027). Without a document date such forms are not read.</summary>
public sealed record DeadlineContext(SchoolYearConvention SchoolYear, DateOnly? Written = null)
{
    public static DeadlineContext Default { get; } = new(SchoolYearConvention.Default);

    /// <summary>The year of a period that ends on <paramref name="month"/>/<paramref name="day"/> (day 0: the month's end).</summary>
    internal int? YearOf(int month, int day)
    {
        if (Written is not { } written)
        {
            return null;
        }

        var y = written.Year;
        var end = new DateOnly(y, month, day == 0 ? DateTime.DaysInMonth(y, month) : Math.Min(day, DateTime.DaysInMonth(y, month)));
        return end < written ? y + 1 : y;
    }
}
