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
    [InlineData("Trực từ ngày 02/01/2027 đến hết ngày 31/3/2027.", "đến hết ngày 31/3/2027", "trước 31/3/2027")]
    [InlineData("Thời hạn: trước 17 giờ 30 ngày 12/4/2026.", "trước 17 giờ 30 ngày 12/4/2026", "trước 12/4/2026")]
    [InlineData("Hạn báo cáo: ngày 20/5/2026.", "Hạn báo cáo: ngày 20/5/2026", "trước 20/5/2026")]
    [InlineData("Trình dự thảo trong tuần đầu tháng 11/2026.", "trong tuần đầu tháng 11/2026", "trước 7/11/2026")]
    [InlineData("Bàn giao mặt bằng cho chủ đầu tư chậm nhất ngày 15/8/2026.", "chậm nhất ngày 15/8/2026", "trước 15/8/2026")]
    [InlineData("Xử lý xong trước thứ Sáu ngày 21/8/2026.", "trước thứ Sáu ngày 21/8/2026", "trước 21/8/2026")]
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
    public void FindFirst_DayOfEveryMonthAfterVao_MonthlyWithThatDay()
    {
        var match = DeadlineParser.FindFirst("Tổng hợp hồ sơ trễ hạn, báo cáo vào ngày 22 hằng tháng.");

        Assert.NotNull(match);
        Assert.Equal("vào ngày 22 hằng tháng", match.Value.Text);
        Assert.Equal(DeadlineKind.Monthly, match.Value.Deadline.Kind);
        Assert.Equal(22, match.Value.Deadline.DueDay);
    }

    [Theory]
    [InlineData("Áp dụng kể từ ngày 15/8/2026.")]
    [InlineData("Ap dung tu truoc ngay 15/8/2026.")]
    public void FindFirst_DateAfterTuFrom_NotADeadline(string text) => Assert.Null(DeadlineParser.FindFirst(text));

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
    // "thường xuyên" in a sentence says how the work is done, not when it is due (evaluation README, Conventions).
    [InlineData("Thực hiện thường xuyên.")]
    [InlineData("Thuc hien thuong xuyen.")]
    [InlineData("Đề nghị các xã thường xuyên theo dõi, báo cáo.")]
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
    [InlineData(" Thường xuyên ", "thường xuyên")]
    public void ParseExact_WholeTextIsADeadline_Parsed(string text, string expected) =>
        Assert.Equal(expected, DeadlineParser.ParseExact(text)?.ToString());

    [Theory]
    [InlineData("hoàn thành quý II/2017")]
    [InlineData("không rõ")]
    public void ParseExact_ExtraWords_Null(string text) => Assert.Null(DeadlineParser.ParseExact(text));

    // Periodic deadlines as offices write them: the span read, the kind, the due day in the period's last month.
    [Theory]
    [InlineData("Báo cáo kết quả hằng tháng về Văn phòng.", "hằng tháng", DeadlineKind.Monthly, null)]
    [InlineData("Các xã hàng tháng gửi báo cáo.", "hàng tháng", DeadlineKind.Monthly, null)]
    [InlineData("Gửi báo cáo trước ngày 20 hằng tháng.", "trước ngày 20 hằng tháng", DeadlineKind.Monthly, 20)]
    [InlineData("Báo cáo hằng quý về Thường trực.", "hằng quý", DeadlineKind.Quarterly, null)]
    [InlineData("Sơ kết định kỳ hằng quý.", "định kỳ hằng quý", DeadlineKind.Quarterly, null)]
    [InlineData("Gửi báo cáo trước ngày 15 của tháng cuối quý.", "trước ngày 15 của tháng cuối quý", DeadlineKind.Quarterly, 15)]
    [InlineData("Báo cáo hằng quý, trước ngày 15 tháng cuối quý.", "hằng quý, trước ngày 15 tháng cuối quý", DeadlineKind.Quarterly, 15)]
    [InlineData("Kiểm tra 6 tháng một lần.", "6 tháng một lần", DeadlineKind.HalfYearly, null)]
    [InlineData("Kiểm tra định kỳ 6 tháng tại các xã.", "định kỳ 6 tháng", DeadlineKind.HalfYearly, null)]
    [InlineData("Có báo cáo sơ kết 6 tháng và tổng kết năm.", "báo cáo sơ kết 6 tháng và tổng kết năm", DeadlineKind.HalfYearly, null)]
    [InlineData("Hằng năm rà soát quy hoạch cán bộ.", "Hằng năm", DeadlineKind.Yearly, null)]
    [InlineData("Tổng kết định kỳ hằng năm.", "định kỳ hằng năm", DeadlineKind.Yearly, null)]
    [InlineData("Bao cao hang quy ve Van phong.", "hang quy", DeadlineKind.Quarterly, null)]
    public void FindFirst_PeriodicForm_KindAndDueDay(string text, string span, DeadlineKind kind, int? dueDay)
    {
        var match = DeadlineParser.FindFirst(text);

        Assert.NotNull(match);
        Assert.Equal(span, match.Value.Text);
        Assert.Equal(kind, match.Value.Deadline.Kind);
        Assert.Equal(dueDay, match.Value.Deadline.DueDay);
        Assert.True(match.Value.Deadline.IsPeriodic);
        Assert.Null(match.Value.Deadline.DueDate);
    }

    // Not periodic: a dated half year or quarter stays one period; "hằng tháng" never swallows a date.
    [Theory]
    [InlineData("Thực hiện 6 tháng đầu năm 2017.", DeadlineKind.HalfYear)]
    [InlineData("Hoàn thành trong quý II/2017.", DeadlineKind.Quarter)]
    [InlineData("Gửi báo cáo trước ngày 15/5/2017.", DeadlineKind.Date)]
    public void FindFirst_DatedPeriod_NotPeriodic(string text, DeadlineKind kind) =>
        Assert.Equal(kind, DeadlineParser.FindFirst(text)!.Value.Deadline.Kind);

    // What the editor shows is read back to the same deadline (the editor, the import and the task generator share it).
    [Theory]
    [InlineData(DeadlineKind.Monthly, null, "hằng tháng")]
    [InlineData(DeadlineKind.Monthly, 20, "trước ngày 20 hằng tháng")]
    [InlineData(DeadlineKind.Quarterly, null, "hằng quý")]
    [InlineData(DeadlineKind.Quarterly, 15, "trước ngày 15 của tháng cuối quý")]
    [InlineData(DeadlineKind.HalfYearly, null, "6 tháng một lần")]
    [InlineData(DeadlineKind.HalfYearly, 10, "6 tháng một lần, trước ngày 10 của tháng cuối kỳ")]
    [InlineData(DeadlineKind.Yearly, null, "hằng năm")]
    [InlineData(DeadlineKind.Yearly, 15, "hằng năm, trước ngày 15 của tháng cuối năm")]
    public void ParseExact_PeriodicAsDisplayed_RoundTrips(DeadlineKind kind, int? dueDay, string text)
    {
        var deadline = Deadline.Periodic(kind, dueDay);

        Assert.Equal(text, deadline.ToString());
        Assert.Equal(deadline, DeadlineParser.ParseExact(text));
        Assert.Equal(deadline, Deadline.Restore(kind, null, null, dueDay));
    }

    [Theory]
    [InlineData("trước ngày 45 của tháng cuối quý")]
    [InlineData("hằng quý II")]
    public void ParseExact_ImpossiblePeriodic_Null(string text) => Assert.Null(DeadlineParser.ParseExact(text));
}
