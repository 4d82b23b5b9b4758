using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class NumberingRuleTests
{
    [Theory]
    [InlineData(2024, "2020-2025")]
    [InlineData(2025, "2025-2030")]
    [InlineData(2029, "2025-2030")]
    [InlineData(2030, "2030-2035")]
    public void Term_FromStartYear_KeyNamesTheTerm(int year, string expected) =>
        Assert.Equal(expected, new NumberingRule(NumberingPeriod.Term, 2025).PeriodKey(new DateOnly(year, 6, 1)));

    [Fact]
    public void Year_KeyIsTheYear() =>
        Assert.Equal("2026", new NumberingRule(NumberingPeriod.Year).PeriodKey(new DateOnly(2026, 12, 31)));

    [Fact]
    public void Continuous_SameKeyForEver() =>
        Assert.Equal(NumberingRule.Continuous.PeriodKey(new DateOnly(2017, 1, 1)), NumberingRule.Continuous.PeriodKey(new DateOnly(2040, 1, 1)));

    [Fact]
    public void Register_Allocate_CountsUpAndBumpsVersion()
    {
        var register = DocumentRegister.Open(Guid.CreateVersion7(), "KL", "");

        Assert.Equal(1, register.Allocate());
        Assert.Equal(2, register.Allocate());
        Assert.Equal(2, register.Version);
    }
}
