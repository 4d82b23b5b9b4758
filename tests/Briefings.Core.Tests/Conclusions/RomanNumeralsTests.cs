using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class RomanNumeralsTests
{
    [Theory]
    [InlineData(1, "I")]
    [InlineData(2, "II")]
    [InlineData(3, "III")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    [InlineData(14, "XIV")]
    public void FormatAndParse_RoundTrip(int value, string numeral)
    {
        Assert.Equal(numeral, RomanNumerals.Format(value));
        Assert.True(RomanNumerals.TryParse(numeral, out var parsed));
        Assert.Equal(value, parsed);
    }

    [Theory]
    [InlineData("IIII")]
    [InlineData("VX")]
    [InlineData("")]
    [InlineData("A")]
    public void TryParse_NonStandard_False(string text) => Assert.False(RomanNumerals.TryParse(text, out _));
}
