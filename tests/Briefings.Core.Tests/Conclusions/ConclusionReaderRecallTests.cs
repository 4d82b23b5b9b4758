using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

/// <summary>The deadline and addressee families a clerk writes everywhere (branch reader-recall), each with a made-up
/// sentence and fictional units: generalised before the next blind set, not fitted to one.</summary>
public sealed class ConclusionReaderRecallTests
{
    private static FoundDirective Single(string text) => Assert.Single(ConclusionReader.Read(text).Directives);

    private const string LetterHeader = """
        ỦY BAN NHÂN DÂN XÃ HÒA MỸ
        Số: 88/UBND-VP
        V/v triển khai ý kiến chỉ đạo của Chủ tịch UBND xã

        Hòa Mỹ, ngày 10 tháng 3 năm 2026

        Kính gửi: Công an xã.

        """;

    [Fact]
    public void Read_LetterWithoutTypeName_DaysFromSigningCountFromItsDate()
    {
        var d = Single(LetterHeader + "Giao Công an xã rà soát hồ sơ cư trú, báo cáo trong thời hạn 10 ngày kể từ ngày ký văn bản này.");

        Assert.Equal(new DateOnly(2026, 3, 20), d.Deadline?.DueDate);
    }

    [Theory]
    [InlineData("hoàn thành trước ngày 30/6.", "trước ngày 30/6", 2026, 6, 30)]
    [InlineData("hoàn thành trước 15/4.", "trước 15/4", 2026, 4, 15)]
    [InlineData("báo cáo chậm nhất ngày 05 tháng 4.", "chậm nhất ngày 05 tháng 4", 2026, 4, 5)]
    [InlineData("hoàn thành trong tháng 12.", "trong tháng 12", 2026, 12, 31)]
    [InlineData("hoàn thành trong quý IV.", "trong quý IV", 2026, 12, 31)]
    [InlineData("hoàn thành trước ngày 15/01.", "trước ngày 15/01", 2027, 1, 15)]
    public void Read_DayWithoutYear_TakesTheDocumentsYear(string tail, string text, int y, int m, int day)
    {
        var d = Single(LetterHeader + "Giao Công an xã rà soát hồ sơ cư trú, " + tail);

        Assert.Equal(text, d.DeadlineText);
        Assert.Equal(new DateOnly(y, m, day), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_DayWithoutYearAndNoDateInText_NoDeadline()
    {
        var d = Single("Giao Công an xã rà soát hồ sơ cư trú, hoàn thành trước ngày 30/6.");

        Assert.Null(d.Deadline);
    }

    [Fact]
    public void Read_DayWithoutYearInNoticeDatedByItsMeeting_TakesTheMeetingsYear()
    {
        var d = Single("Ngày 02/3/2026, Thường trực Đảng ủy xã họp và kết luận: giao Ban Chỉ huy Quân sự xã rà soát lực lượng, hoàn thành trước ngày 20/3.");

        Assert.Equal(new DateOnly(2026, 3, 20), d.Deadline?.DueDate);
    }
}
