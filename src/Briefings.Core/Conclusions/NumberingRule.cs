using System.Globalization;

namespace Briefings.Core.Conclusions;

/// <summary>
/// How an issuer numbers its documents: which period a number belongs to, so the register keeps one counter
/// per (issuer, type, period).
/// </summary>
/// <param name="Period">When numbering restarts.</param>
/// <param name="TermStartYear">For <see cref="NumberingPeriod.Term"/>: the year a term started (2025 for
/// 2025–2030); earlier and later terms follow every <paramref name="TermYears"/> years.</param>
/// <param name="TermYears">Length of a term in years, 5 for party committees.</param>
public sealed record NumberingRule(NumberingPeriod Period, int TermStartYear = 0, int TermYears = 5)
{
    /// <summary>The default: one counter for ever.</summary>
    public static NumberingRule Continuous { get; } = new(NumberingPeriod.Never);

    /// <summary>The register period of a document issued on <paramref name="issuedOn"/>: "" (never resets),
    /// "2025-2030" (term) or "2026" (year).</summary>
    /// <remarks>A term is counted in calendar years; the congress that opens a term is usually held in its
    /// first year, so the few documents issued before it fall into the new term's register. An issuer that
    /// needs the exact date can change the rule on the congress day.</remarks>
    public string PeriodKey(DateOnly issuedOn)
    {
        switch (Period)
        {
            case NumberingPeriod.Never:
                return "";
            case NumberingPeriod.Year:
                return issuedOn.Year.ToString(CultureInfo.InvariantCulture);
            case NumberingPeriod.Term:
                var length = Math.Max(1, TermYears);
                var start = TermStartYear + (int)Math.Floor((issuedOn.Year - TermStartYear) / (double)length) * length;
                return string.Create(CultureInfo.InvariantCulture, $"{start}-{start + length}");
            default:
                throw new InvalidOperationException($"Unknown numbering period {Period}.");
        }
    }
}
