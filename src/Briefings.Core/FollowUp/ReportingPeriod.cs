using System.Globalization;
using Briefings.Core.Conclusions;

namespace Briefings.Core.FollowUp;

/// <summary>How often ongoing ("thường xuyên") work is reported on: one task per period.</summary>
public enum PeriodCadence
{
    Month = 0,
    Quarter = 1,
    HalfYear = 2,
    Year = 3,
}

/// <summary>
/// A reporting period of a recurring directive: a month, quarter, half year or year, with a stable key
/// ("2026-Q2", "2026-M05", "2026-H1", "2026") that makes "one task per directive and period" a unique index.
/// </summary>
public sealed record ReportingPeriod(DateOnly Start, DateOnly End, string Key, string Label)
{
    public static ReportingPeriod Containing(DateOnly day, PeriodCadence cadence)
    {
        var y = day.Year;
        switch (cadence)
        {
            case PeriodCadence.Month:
                var m = new DateOnly(y, day.Month, 1);
                return new(m, m.AddMonths(1).AddDays(-1), Inv($"{y}-M{day.Month:00}"), Inv($"Tháng {day.Month}/{y}"));
            case PeriodCadence.Quarter:
                var q = (day.Month - 1) / 3 + 1;
                var qs = new DateOnly(y, (q - 1) * 3 + 1, 1);
                return new(qs, qs.AddMonths(3).AddDays(-1), Inv($"{y}-Q{q}"), Inv($"Quý {RomanNumerals.Format(q)}/{y}"));
            case PeriodCadence.HalfYear:
                var h = day.Month <= 6 ? 1 : 2;
                var hs = new DateOnly(y, h == 1 ? 1 : 7, 1);
                return new(hs, hs.AddMonths(6).AddDays(-1), Inv($"{y}-H{h}"), h == 1 ? Inv($"6 tháng đầu năm {y}") : Inv($"6 tháng cuối năm {y}"));
            case PeriodCadence.Year:
                return new(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), Inv($"{y}"), Inv($"Năm {y}"));
            default:
                throw new ArgumentOutOfRangeException(nameof(cadence), cadence, null);
        }
    }

    /// <summary>The periods from the one containing <paramref name="from"/> through the one containing
    /// <paramref name="through"/>, in order (empty when <paramref name="through"/> is earlier).</summary>
    public static IReadOnlyList<ReportingPeriod> Between(DateOnly from, DateOnly through, PeriodCadence cadence)
    {
        var list = new List<ReportingPeriod>();
        for (var p = Containing(from, cadence); p.Start <= through; p = Containing(p.End.AddDays(1), cadence))
        {
            list.Add(p);
        }

        return list;
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
