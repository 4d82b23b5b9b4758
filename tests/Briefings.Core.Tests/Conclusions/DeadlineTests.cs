using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class DeadlineTests
{
    [Fact]
    public void DueDate_Month_LastDayOfMonth()
    {
        Assert.Equal(new DateOnly(2017, 5, 31), Deadline.InMonth(2017, 5).DueDate);
        Assert.Equal(new DateOnly(2016, 2, 29), Deadline.InMonth(2016, 2).DueDate);
    }

    [Theory]
    [InlineData(1, 2017, 3, 31)]
    [InlineData(2, 2017, 6, 30)]
    [InlineData(3, 2017, 9, 30)]
    [InlineData(4, 2017, 12, 31)]
    public void DueDate_Quarter_LastDayOfQuarter(int quarter, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Deadline.InQuarter(2017, quarter).DueDate);

    [Fact]
    public void DueDate_HalfYear_EndOfJuneOrDecember()
    {
        Assert.Equal(new DateOnly(2017, 6, 30), Deadline.InHalfYear(2017, 1).DueDate);
        Assert.Equal(new DateOnly(2017, 12, 31), Deadline.InHalfYear(2017, 2).DueDate);
        Assert.Equal(new DateOnly(2017, 7, 1), Deadline.InHalfYear(2017, 2).Start);
    }

    [Fact]
    public void DueDate_SchoolYear_RunsSeptemberToAugust()
    {
        var schoolYear = Deadline.InSchoolYear(2018);

        Assert.Equal(new DateOnly(2018, 9, 1), schoolYear.Start);
        Assert.Equal(new DateOnly(2019, 8, 31), schoolYear.DueDate);
    }

    [Fact]
    public void DueDate_YearlyAndOngoing_None()
    {
        Assert.Null(Deadline.Yearly.DueDate);
        Assert.Null(Deadline.Ongoing.DueDate);
        Assert.False(Deadline.Ongoing.HasDueDate);
    }

    [Fact]
    public void Start_Date_UnknownBecauseItStartsWhenAssigned() => Assert.Null(Deadline.By(new DateOnly(2017, 5, 15)).Start);

    [Fact]
    public void IsOnTime_OnTheDueDay_True()
    {
        Assert.True(Deadline.By(new DateOnly(2017, 5, 15)).IsOnTime(new DateOnly(2017, 5, 15)));
        Assert.True(Deadline.InMonth(2017, 5).IsOnTime(new DateOnly(2017, 5, 31)));
        Assert.True(Deadline.InQuarter(2017, 2).IsOnTime(new DateOnly(2017, 6, 30)));
        Assert.True(Deadline.InSchoolYear(2018).IsOnTime(new DateOnly(2019, 8, 31)));
    }

    [Fact]
    public void IsOnTime_DayAfterTheDueDay_False()
    {
        Assert.False(Deadline.By(new DateOnly(2017, 5, 15)).IsOnTime(new DateOnly(2017, 5, 16)));
        Assert.False(Deadline.InMonth(2017, 5).IsOnTime(new DateOnly(2017, 6, 1)));
        Assert.False(Deadline.InQuarter(2017, 2).IsOnTime(new DateOnly(2017, 7, 1)));
        Assert.False(Deadline.InSchoolYear(2018).IsOnTime(new DateOnly(2019, 9, 1)));
    }

    [Fact]
    public void IsOnTime_Ongoing_AlwaysTrue() => Assert.True(Deadline.Ongoing.IsOnTime(new DateOnly(2030, 1, 1)));

    [Fact]
    public void IsOverdue_DayAfterDue_TrueOnDueDayFalse()
    {
        var deadline = Deadline.InMonth(2017, 5);

        Assert.False(deadline.IsOverdue(new DateOnly(2017, 5, 31)));
        Assert.True(deadline.IsOverdue(new DateOnly(2017, 6, 1)));
        Assert.False(Deadline.Yearly.IsOverdue(new DateOnly(2030, 1, 1)));
    }

    public static TheoryData<Deadline, string> Displays => new()
    {
        { Deadline.By(new DateOnly(2017, 5, 15)), "trước 15/5/2017" },
        { Deadline.By(new DateOnly(2017, 10, 1)), "trước 1/10/2017" },
        { Deadline.InMonth(2017, 5), "trong tháng 5/2017" },
        { Deadline.InQuarter(2017, 2), "quý II/2017" },
        { Deadline.InQuarter(2017, 4), "quý IV/2017" },
        { Deadline.InHalfYear(2017, 1), "6 tháng đầu năm 2017" },
        { Deadline.InHalfYear(2017, 2), "6 tháng cuối năm 2017" },
        { Deadline.InSchoolYear(2018), "năm học 2018 - 2019" },
        { Deadline.InYear(2018), "năm 2018" },
        { Deadline.Yearly, "hằng năm" },
        { Deadline.Ongoing, "thường xuyên" },
    };

    [Theory]
    [MemberData(nameof(Displays))]
    public void ToString_EachKind_VietnameseWording(Deadline deadline, string expected) => Assert.Equal(expected, deadline.ToString());

    [Fact]
    public void Equals_SamePeriod_Equal() => Assert.Equal(Deadline.InQuarter(2017, 2), Deadline.InQuarter(2017, 2));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void InMonth_OutOfRange_Throws(int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadline.InMonth(2017, month));

    [Fact]
    public void InQuarter_Five_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Deadline.InQuarter(2017, 5));
}
