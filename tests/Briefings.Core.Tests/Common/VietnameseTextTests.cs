using Briefings.Core.Common;

namespace Briefings.Core.Tests.Common;

public sealed class VietnameseTextTests
{
    [Fact]
    public void Date_UtcEveningBeforeMidnightVietnam_ShowsNextDay() =>
        Assert.Equal("12/04/2017", VietnameseText.Date(new DateTimeOffset(2017, 4, 11, 17, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void DateTime_Utc_ShowsVietnamTime() =>
        Assert.Equal("11/04/2017 14:00", VietnameseText.DateTime(new DateTimeOffset(2017, 4, 11, 7, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Order_VietnameseAlphabet_DComesBeforeĐ()
    {
        var names = new[] { "Đông Hải", "Dương", "An Lạc", "Ấp Bình An", "Bình Đông" };

        var sorted = names.Order(VietnameseText.Order).ToArray();

        Assert.Equal(["An Lạc", "Ấp Bình An", "Bình Đông", "Dương", "Đông Hải"], sorted);
    }
}
