namespace Briefings.Core.Conclusions;

/// <summary>Roman numerals as Vietnamese documents use them: section headings (I, II, III) and quarters
/// (quý II). Only the standard subtractive form is accepted, so "IIII" or "VX" are not numbers.</summary>
public static class RomanNumerals
{
    private static readonly (int Value, string Symbol)[] Table =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    /// <summary>1 → "I", 4 → "IV", 12 → "XII". Valid for 1 to 3999.</summary>
    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 3999);
        var result = "";
        foreach (var (amount, symbol) in Table)
        {
            while (value >= amount)
            {
                result += symbol;
                value -= amount;
            }
        }

        return result;
    }

    /// <summary>Parses a numeral in either case ("II", "ii"); false for anything that is not written the
    /// standard way, which is checked by formatting the value back.</summary>
    public static bool TryParse(string? text, out int value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 15)
        {
            return false;
        }

        var upper = text.ToUpperInvariant();
        var total = 0;
        var rest = upper.AsSpan();
        foreach (var (amount, symbol) in Table)
        {
            while (rest.StartsWith(symbol, StringComparison.Ordinal))
            {
                total += amount;
                rest = rest[symbol.Length..];
            }
        }

        if (rest.Length > 0 || total is < 1 or > 3999 || Format(total) != upper)
        {
            return false;
        }

        value = total;
        return true;
    }
}
