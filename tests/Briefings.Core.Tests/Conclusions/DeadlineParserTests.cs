using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class DeadlineParserTests
{
    // Each form inside a sentence of its own: the text, the span expected, the deadline expected (as displayed).
    [Theory]
    [InlineData("Ban hành hướng dẫn; hoàn thành trước 15/5/2017.", "trước 15/5/2017", "trước 15/5/2017")]
    [InlineData("Gửi báo cáo trước ngày 15/5/2017 để tổng hợp.", "trước ngày 15/5/2017", "trước 15/5/2017")]
    [InlineData("Rà soát, hoàn thành trước 15/05/2017.", "trước 15/05/2017", "trước 15/5/2017")]
    [InlineData("Nộp hồ sơ chậm nhất ngày 30/6/2017.", "chậm nhất ngày 30/6/2017", "trước 30/6/2017")]
    [InlineData("Hoàn thành trước ngày 15 tháng 5 năm 2017.", "trước ngày 15 tháng 5 năm 2017", "trước 15/5/2017")]
    [InlineData("Có văn bản chỉ đạo; hoàn thành trong tháng 5/2017.", "trong tháng 5/2017", "trong tháng 5/2017")]
    [InlineData("Tổ chức hội nghị trong tháng 5 năm 2017.", "trong tháng 5 năm 2017", "trong tháng 5/2017")]
    [InlineData("Báo cáo kết quả tháng 11/2017 về Ban Dân vận.", "tháng 11/2017", "trong tháng 11/2017")]
    [InlineData("Sửa chữa hội trường trong quý II/2017.", "trong quý II/2017", "quý II/2017")]
    [InlineData("Hoàn thành quý 2/2017.", "quý 2/2017", "quý II/2017")]
    [InlineData("Triển khai trong quý II năm 2017.", "trong quý II năm 2017", "quý II/2017")]
    [InlineData("Hoàn thành quý IV/2017.", "quý IV/2017", "quý IV/2017")]
    [InlineData("Thực hiện 6 tháng đầu năm 2017.", "6 tháng đầu năm 2017", "6 tháng đầu năm 2017")]
    [InlineData("Thực hiện 6 tháng cuối năm 2017.", "6 tháng cuối năm 2017", "6 tháng cuối năm 2017")]
    [InlineData("Hoàn thành trong 06 tháng cuối năm 2017.", "trong 06 tháng cuối năm 2017", "6 tháng cuối năm 2017")]
    [InlineData("Bố trí kinh phí trong năm 2018.", "trong năm 2018", "năm 2018")]
    [InlineData("Mở lớp trong năm học 2018 - 2019 cho học sinh.", "trong năm học 2018 - 2019", "năm học 2018 - 2019")]
    [InlineData("Mở lớp năm học 2018-2019.", "năm học 2018-2019", "năm học 2018 - 2019")]
    [InlineData("Mở lớp năm học 2018 – 2019.", "năm học 2018 – 2019", "năm học 2018 - 2019")]
    [InlineData("Hằng năm rà soát quy hoạch cán bộ.", "Hằng năm", "hằng năm")]
    [InlineData("Các xã hàng năm phải rà soát.", "hàng năm", "hằng năm")]
    [InlineData("Thực hiện thường xuyên.", "thường xuyên", "thường xuyên")]
    public void FindFirst_EachForm_DeadlineAndSpan(string text, string span, string expected)
    {
        var match = DeadlineParser.FindFirst(text);

        Assert.NotNull(match);
        Assert.Equal(span, match.Value.Text);
        Assert.Equal(span, text.Substring(match.Value.Index, match.Value.Length));
        Assert.Equal(expected, match.Value.Deadline.ToString());
    }

    [Theory]
    [InlineData("Hoan thanh quy II/2017.", "quy II/2017", "quý II/2017")]
    [InlineData("Thuc hien thuong xuyen.", "thuong xuyen", "thường xuyên")]
    [InlineData("hoan thanh truoc ngay 15/5/2017", "truoc ngay 15/5/2017", "trước 15/5/2017")]
    [InlineData("trong thang 5/2017", "trong thang 5/2017", "trong tháng 5/2017")]
    [InlineData("nam hoc 2018 - 2019", "nam hoc 2018 - 2019", "năm học 2018 - 2019")]
    [InlineData("HOÀN THÀNH TRONG QUÝ III/2017", "TRONG QUÝ III/2017", "quý III/2017")]
    public void FindFirst_WithoutDiacriticsOrInCapitals_Found(string text, string span, string expected)
    {
        var match = DeadlineParser.FindFirst(text);

        Assert.NotNull(match);
        Assert.Equal(span, match.Value.Text);
        Assert.Equal(expected, match.Value.Deadline.ToString());
    }

    [Fact]
    public void TryParse_DeadlineInsideSentence_ReportsPositionInOriginal()
    {
        const string text = "Đề nghị Ủy ban MTTQ huyện ban hành hướng dẫn cụ thể; hoàn thành trước 15/5/2017.";

        Assert.True(DeadlineParser.TryParse(text, out var deadline, out var index, out var length));

        Assert.Equal(Deadline.By(new DateOnly(2017, 5, 15)), deadline);
        Assert.Equal("trước 15/5/2017", text.Substring(index, length));
    }

    [Fact]
    public void TryParse_DecomposedDiacritics_SpanCoversTheMarks()
    {
        var text = "Hoàn thành trong quý II/2017".Normalize(System.Text.NormalizationForm.FormD);

        Assert.True(DeadlineParser.TryParse(text, out var deadline, out var index, out var length));

        Assert.Equal(Deadline.InQuarter(2017, 2), deadline);
        Assert.Equal("trong quý II/2017", text.Substring(index, length).Normalize(System.Text.NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Họp giao ban ngày 11/4/2017 tại phòng họp trực tuyến.")]
    [InlineData("Kiểm tra việc sử dụng kinh phí năm 2017 của các xã.")]
    [InlineData("Từ quý II/2017 trở đi, tổ chức giao ban chuyên đề.")]
    [InlineData("Trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên huyện.")]
    [InlineData("Hoàn thành trước 31/2/2017.")]
    [InlineData("Hoàn thành trong tháng 13/2017.")]
    [InlineData("Năm học 2018 - 2020 không có thật.")]
    [InlineData("")]
    public void TryParse_NoDeadline_False(string text) => Assert.False(DeadlineParser.TryParse(text, out _, out _, out _));

    [Fact]
    public void FindFirst_MonthWrittenInADate_ReadsTheDateNotTheMonth()
    {
        var match = DeadlineParser.FindFirst("Hoàn thành trước ngày 15 tháng 5 năm 2017.");

        Assert.Equal(DeadlineKind.Date, match!.Value.Deadline.Kind);
    }

    [Fact]
    public void FindFirst_BeforeAMonth_DueTheDayBeforeItStarts() =>
        Assert.Equal(Deadline.By(new DateOnly(2017, 9, 30)), DeadlineParser.FindFirst("Hoàn thành trước tháng 10/2017.")!.Value.Deadline);

    [Fact]
    public void FindAll_SeveralDeadlines_InOrderWithoutOverlap()
    {
        var matches = DeadlineParser.FindAll("Trong quý III/2017 rà soát; báo cáo trước 15/10/2017 và thực hiện hằng năm.");

        Assert.Equal(["quý III/2017", "trước 15/10/2017", "hằng năm"], matches.Select(m => m.Deadline.ToString()));
    }

    [Theory]
    [InlineData("quý II/2017", "quý II/2017")]
    [InlineData("  trong tháng 5/2017 ", "trong tháng 5/2017")]
    [InlineData("thường xuyên", "thường xuyên")]
    public void ParseExact_WholeTextIsADeadline_Parsed(string text, string expected) =>
        Assert.Equal(expected, DeadlineParser.ParseExact(text)?.ToString());

    [Theory]
    [InlineData("hoàn thành quý II/2017")]
    [InlineData("không rõ")]
    public void ParseExact_ExtraWords_Null(string text) => Assert.Null(DeadlineParser.ParseExact(text));
}
