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
    [InlineData("hoàn thành trong 6 tháng đầu năm.", "trong 6 tháng đầu năm", 2026, 6, 30)]
    [InlineData("hoàn thành trong năm.", "trong năm", 2026, 12, 31)]
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

    [Theory]
    [InlineData("báo cáo định kỳ 6 tháng, năm.", "định kỳ 6 tháng, năm", DeadlineKind.HalfYearly)]
    [InlineData("báo cáo định kỳ hằng quý, năm.", "định kỳ hằng quý, năm", DeadlineKind.Quarterly)]
    [InlineData("báo cáo hằng tháng, quý và năm.", "hằng tháng, quý và năm", DeadlineKind.Monthly)]
    [InlineData("kết quả báo cáo theo quý.", "theo quý", DeadlineKind.Quarterly)]
    [InlineData("báo cáo theo tháng về Văn phòng.", "theo tháng", DeadlineKind.Monthly)]
    public void Read_PeriodicReportSeries_WholePhraseNoDueDay(string tail, string text, DeadlineKind kind)
    {
        var d = Single("Giao Hội Nông dân xã theo dõi mô hình kinh tế tập thể, " + tail);

        Assert.Equal(text, d.DeadlineText);
        Assert.Equal(kind, d.Deadline?.Kind);
        Assert.Null(d.Deadline?.DueDate);
    }

    [Theory]
    [InlineData("Giao UBND xã Tân Phú chỉ đạo Trạm Y tế xã giám sát ổ dịch; định kỳ hằng tuần báo cáo về Văn phòng.", "định kỳ hằng tuần")]
    [InlineData("Giao Trưởng các ấp vận động người dân diệt lăng quăng; hằng tuần báo cáo số hộ về xã.", "hằng tuần")]
    public void Read_WeeklyReportBeforeItsVerb_PhraseNoDueDay(string sentence, string text)
    {
        var d = Single(sentence);

        Assert.Equal(text, d.DeadlineText);
        Assert.Null(d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_WeeklyTaskWithNoReport_NoDeadline()
    {
        var d = Single("Đề nghị Đoàn Thanh niên xã ra quân dọn vệ sinh vào sáng Chủ nhật hằng tuần.");

        Assert.Null(d.DeadlineText);
    }

    [Theory]
    [InlineData("Giao đồng chí Chủ tịch Hội Nông dân xã rà soát hộ nghèo.", "Chủ tịch Hội Nông dân xã")]
    [InlineData("Đề nghị đ/c Bí thư Đoàn xã phối hợp với đồng chí Trưởng Công an xã tuần tra.", "Bí thư Đoàn xã")]
    // A named person with the position after a comma is the name (the evaluation README's convention since unseen-5).
    [InlineData("Giao bà Trần Thị Mai, Chủ tịch Hội Liên hiệp Phụ nữ xã chủ trì rà soát hộ nghèo.", "Trần Thị Mai")]
    [InlineData("Đề nghị ông Lê Văn Tâm, Trưởng ấp Bến Đò vận động người dân hiến đất làm đường.", "Lê Văn Tâm")]
    public void Read_HonorificBeforeAPosition_NotPartOfTheAddressee(string sentence, string lead)
    {
        var d = Single(sentence);

        Assert.Equal(lead, d.Lead);
        Assert.DoesNotContain(d.Assignees, a => a.StartsWith("đồng chí", StringComparison.OrdinalIgnoreCase) || a.StartsWith("đ/c", StringComparison.OrdinalIgnoreCase) || a.StartsWith("bà ", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Read_PeriodicSeriesBeforeAYear_StopsBeforeTheYear()
    {
        var d = Single("Giao Hội Nông dân xã báo cáo hằng quý, năm 2026 hoàn thành mô hình.");

        Assert.Equal("hằng quý", d.DeadlineText);
    }

    [Fact]
    public void Read_TheoQuyDinh_IsNoQuarterlyDeadline()
    {
        var d = Single("Giao Hội Nông dân xã quản lý quỹ hỗ trợ nông dân theo quy định.");

        Assert.Null(d.DeadlineText);
    }

    [Theory]
    [InlineData("hoàn thành chậm nhất 15 ngày kể từ ngày nhận được văn bản.", "chậm nhất 15 ngày kể từ ngày nhận được văn bản")]
    [InlineData("báo cáo kết quả trong vòng 07 ngày làm việc.", "trong vòng 07 ngày làm việc")]
    public void Read_DaysNotCountedFromSigning_AsWrittenNoDueDay(string tail, string text)
    {
        var d = Single(LetterHeader + "Giao Công an xã rà soát hồ sơ cư trú, " + tail);

        Assert.Equal(text, d.DeadlineText);
        Assert.Null(d.Deadline);
    }

    [Theory]
    [InlineData("báo cáo sau khi kết thúc năm học.", "sau khi kết thúc năm học")]
    [InlineData("hoàn thành trước khai giảng năm học mới.", "trước khai giảng năm học mới")]
    [InlineData("hoàn thành trước mùa mưa bão năm 2026.", "trước mùa mưa bão năm 2026")]
    [InlineData("hoàn thành trước Tết Nguyên đán Đinh Mùi.", "trước Tết Nguyên đán Đinh Mùi")]
    public void Read_DeadlineTiedToAnEvent_AsWrittenNoDueDay(string tail, string text)
    {
        var d = Single("Giao Phòng Văn hóa - Xã hội phối hợp với các trường học rà soát cơ sở vật chất, " + tail);

        Assert.Equal(text, d.DeadlineText);
        Assert.Null(d.Deadline);
    }

    [Fact]
    public void Read_SauTet_IsNoDeadline()
    {
        var d = Single("Giao Phòng Văn hóa - Xã hội tổ chức hội báo xuân sau Tết.");

        Assert.Null(d.DeadlineText);
    }

    [Fact]
    public void Read_EventWithItsDayInBrackets_DueThatDay()
    {
        var d = Single("Giao Phòng Văn hóa - Xã hội sửa chữa phòng học trước ngày khai giảng năm học 2026 - 2027 (05/9/2026).");

        Assert.Equal("trước ngày khai giảng năm học 2026 - 2027 (05/9/2026)", d.DeadlineText);
        Assert.Equal(new DateOnly(2026, 9, 5), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_GiaoDucFollowedByAVerb_VerbEndsTheUnit()
    {
        var found = ConclusionReader.Read("Giao Phòng Giáo dục tổng hợp số liệu học sinh bỏ học; Trung tâm Giáo dục thường xuyên huyện rà soát lớp xóa mù chữ.").Directives;

        Assert.Equal(["Phòng Giáo dục", "Trung tâm Giáo dục thường xuyên huyện"], found.Select(d => d.Lead));
    }

    [Theory]
    [InlineData("Giao Ủy ban Mặt trận Tổ quốc Việt Nam xã chủ trì vận động nhân dân.", "Ủy ban Mặt trận Tổ quốc Việt Nam xã")]
    [InlineData("Giao UBND các xã, phường có điểm thi phối hợp bảo đảm an ninh.", "UBND các xã, phường có điểm thi")]
    [InlineData("Giao UBND các xã có đê xung yếu kiểm tra lực lượng.", "UBND các xã có đê xung yếu")]
    [InlineData("Giao các sở, ngành, chủ đầu tư đẩy nhanh giải ngân.", "các sở, ngành, chủ đầu tư")]
    [InlineData("Giao Ban Chỉ đạo xây dựng nông thôn mới xã kiểm tra tiêu chí.", "Ban Chỉ đạo xây dựng nông thôn mới xã")]
    [InlineData("Giao Hợp tác xã nông nghiệp Tân Lộc cung ứng giống lúa.", "Hợp tác xã nông nghiệp Tân Lộc")]
    [InlineData("Giao Trường Trung học cơ sở Tân Lộc tổ chức thi.", "Trường Trung học cơ sở Tân Lộc")]
    [InlineData("Giao Hạt Kiểm lâm khu vực tuần tra rừng phòng hộ.", "Hạt Kiểm lâm khu vực")]
    [InlineData("Giao Chi nhánh Văn phòng đăng ký đất đai huyện rà soát hồ sơ.", "Chi nhánh Văn phòng đăng ký đất đai huyện")]
    public void Read_UnitNamesHoldingVerbLikeWords_WholeName(string sentence, string unit)
    {
        Assert.Equal([unit], Single(sentence).Assignees);
    }

    [Fact]
    public void Read_CollectiveWithCoTrachNhiem_HaveIsTheVerb()
    {
        var d = Single("Giao UBND các xã có trách nhiệm rà soát hộ nghèo.");

        Assert.Equal(["UBND các xã"], d.Assignees);
    }

    [Fact]
    public void Read_FrontAndSocioPoliticalOrganisations_TwoUnits()
    {
        var d = Single("Đề nghị Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phường giám sát việc thực hiện.");

        Assert.Equal(["Mặt trận Tổ quốc", "các tổ chức chính trị - xã hội phường"], d.Assignees);
    }

    [Fact]
    public void Read_BulletWithEventDeadline_DeadlineKept()
    {
        var d = Single("- Ban Tổ chức - Kiểm tra rà soát hội phí, báo cáo Thường trực trước Tết Nguyên đán Đinh Mùi.");

        Assert.Equal("trước Tết Nguyên đán Đinh Mùi", d.DeadlineText);
    }

    [Fact]
    public void Read_ClauseOpenedBeforeItsUnitAndDeadlineOnNextLine_DeadlineGiven()
    {
        var d = Single("""
            Đồng thời, Phòng Tư pháp rà soát hồ sơ hộ tịch.
            Thời gian hoàn thành: trước ngày 15/3/2026.
            """);

        Assert.Equal(new DateOnly(2026, 3, 15), d.Deadline?.DueDate);
    }

    [Theory]
    [InlineData("hoàn thành trước 30/6/2026; kết quả báo cáo về UBND huyện trước ngày 05/7/2026.", 2026, 7, 5)]
    [InlineData("tổ chức kiểm tra trong tháng 3/2026, báo cáo kết quả trước ngày 10/4/2026.", 2026, 4, 10)]
    [InlineData("gửi báo cáo trước ngày 10/3/2026; hoàn thành việc sửa chữa trước ngày 30/4/2026.", 2026, 3, 10)]
    public void Read_TaskDateAndReportDate_ReportsDateIsTheDeadline(string tail, int y, int m, int day)
    {
        var d = Single("Giao Phòng Kinh tế rà soát kênh mương, " + tail);

        Assert.Equal(new DateOnly(y, m, day), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_RecurrentSpending_IsNoOngoingDeadline()
    {
        var d = Single("Giao Phòng Tài chính - Kế hoạch rà soát dự toán, tiết kiệm chi thường xuyên.");

        Assert.Null(d.DeadlineText);
    }

    [Fact]
    public void Read_ChainToHamletsAndResidentialAreas_BothLevels()
    {
        var d = Single("Giao UBND xã chỉ đạo các ấp, khu dân cư ra quân tổng vệ sinh.");

        Assert.Equal(["UBND xã", "các ấp, khu dân cư"], d.Assignees);
    }

    [Fact]
    public void Read_OfficesAndUnitsWithADeadline_OnePhrase()
    {
        var d = Single("Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện, báo cáo kết quả trước ngày 30/6/2026.");

        Assert.Equal(["các cơ quan, đơn vị"], d.Assignees);
    }

    [Fact]
    public void Read_ClosingFormulaToOfficesAndUnits_NoDirective()
    {
        Assert.Empty(ConclusionReader.Read("Giao Phòng Tư pháp rà soát hồ sơ.\nUBND huyện yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.").Directives.Skip(1));
    }

    [Fact]
    public void Read_LowerCaseBranchHeadAfterCounting_Assignee()
    {
        var d = Single("Ba là, chi hội trưởng nông dân các ấp, xóm vận động hội viên tham gia bảo hiểm y tế.");

        Assert.Equal(["chi hội trưởng nông dân các ấp, xóm"], d.Assignees);
    }

    [Theory]
    [InlineData("Tổ công tác xã, các hợp tác xã thu gom vỏ bao thuốc bảo vệ thực vật.", "các hợp tác xã")]
    [InlineData("Ban Chỉ huy Quân sự xã, Công an xã sơ tán người dân vùng trũng.", "Công an xã")]
    [InlineData("Hội Cựu chiến binh xã, Đoàn Thanh niên xã phổ biến pháp luật cho hội viên.", "Đoàn Thanh niên xã")]
    public void Read_SubjectBeforeAVerbClerksUse_IsADirective(string sentence, string last)
    {
        Assert.Equal(last, Single(sentence).Assignees[^1]);
    }

    [Fact]
    public void Read_IssuerAgreesAndConcludes_IsNoDirective()
    {
        Assert.Empty(ConclusionReader.Read("Sau khi thảo luận, Ban Thường vụ Hội Nông dân xã thống nhất kết luận:").Directives);
    }

    [Fact]
    public void Read_DayMonthThenYearInWords_Date()
    {
        var d = Single("Giao Phòng Tư pháp rà soát hồ sơ, hoàn thành trước ngày 5/5 năm 2026.");

        Assert.Equal(new DateOnly(2026, 5, 5), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_DeadlineAfterTienDoOnTheNextLine_Given()
    {
        var d = Single("""
            Giao Phòng Tư pháp rà soát hồ sơ hộ tịch.
            Tiến độ: trong tháng 4/2026.
            """);

        Assert.Equal(new DateOnly(2026, 4, 30), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_DayWithoutYearInTextDatedInWords_TakesThatYear()
    {
        var d = Single("Hội nghị ngày 12 tháng 3 năm 2026 thống nhất: giao Phòng Tư pháp rà soát hồ sơ, hoàn thành trước ngày 30/4.");

        Assert.Equal(new DateOnly(2026, 4, 30), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_MarkdownTableOfTasks_OneDirectivePerRow()
    {
        var found = ConclusionReader.Read("""
            UBND xã kết luận như sau:

            | TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |
            |---|---|---|---|---|
            | 1 | Rà soát diện tích lúa bị ngập | Phòng Kinh tế | Các thôn | Trước 15/3/2026 |
            | 2 | Kiểm tra an toàn thực phẩm | Trạm Y tế xã | Công an xã | Quý II/2026 |
            | 3 | Tuyên truyền phòng, chống ma túy | Công an xã |  | Thường xuyên |
            """).Directives;

        Assert.Equal(["Phòng Kinh tế", "Trạm Y tế xã", "Công an xã"], found.Select(d => d.Lead));
        Assert.Equal(["Các thôn"], found[0].Coordinating);
        Assert.Equal([new DateOnly(2026, 3, 15), new DateOnly(2026, 6, 30), (DateOnly?)null], found.Select(d => d.Deadline?.DueDate));
        Assert.Null(found[2].DeadlineText);
    }

    [Fact]
    public void Read_TableWithoutAUnitColumn_LeftAsItIs()
    {
        var found = ConclusionReader.Read("""
            | Chỉ tiêu | Kế hoạch | Thực tế |
            |---|---|---|
            | Thu ngân sách | 12 tỷ | 9 tỷ |
            """).Directives;

        Assert.Equal([], found.Select(d => string.Join("|", d.Assignees)));
    }

    [Theory]
    [InlineData("Giao Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã chủ trì kiểm tra đê điều.", "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã")]
    [InlineData("Giao Tổ giúp việc Ban Chỉ đạo rà soát hồ sơ.", "Tổ giúp việc Ban Chỉ đạo")]
    [InlineData("Giao Tổ công tác liên ngành xã kiểm tra các cơ sở kinh doanh.", "Tổ công tác liên ngành xã")]
    public void Read_NamesOfBoardsAndTeams_WholeName(string sentence, string unit)
    {
        Assert.Equal([unit], Single(sentence).Assignees);
    }

    [Fact]
    public void Read_HealthFacilitiesWithAComma_OneCoordinatingPhrase()
    {
        var d = Single("Giao Trung tâm Y tế khu vực phối hợp với các cơ sở khám bệnh, chữa bệnh trên địa bàn tổ chức tiêm chủng.");

        Assert.Equal(["các cơ sở khám bệnh, chữa bệnh trên địa bàn"], d.Coordinating);
    }

    [Fact]
    public void Read_PhongChongAsATaskAfterAComma_IsNoUnit()
    {
        var d = Single("Hiệu trưởng các trường chịu trách nhiệm bảo đảm an toàn trường học, phòng, chống đuối nước cho học sinh trong dịp hè.");

        Assert.Equal(["Hiệu trưởng các trường"], d.Assignees);
    }

    [Fact]
    public void Read_HalfYearMeetingWithoutYear_IsNoDeadline()
    {
        var d = Single(LetterHeader + "Giao Công an xã báo cáo kết quả tại hội nghị sơ kết 6 tháng đầu năm.");

        Assert.Null(d.Deadline);
    }

    // Families added after the unseen-4 blind score (branch reader-fix4), each on a made-up sentence.

    [Theory]
    [InlineData("báo cáo Chủ tịch UBND xã trong 7 ngày kể từ ngày nhận.", "trong 7 ngày kể từ ngày nhận")]
    [InlineData("thẩm định hồ sơ trong thời hạn 5 ngày làm việc kể từ ngày nhận đủ hồ sơ của các hộ.", "trong thời hạn 5 ngày làm việc kể từ ngày nhận đủ hồ sơ")]
    [InlineData("báo cáo trong thời hạn 20 ngày kể từ ngày kết thúc đợt giám sát.", "trong thời hạn 20 ngày kể từ ngày kết thúc đợt giám sát")]
    public void Read_DaysCountedFromAnEvent_PhraseKeepsTheEventNoDueDay(string tail, string text)
    {
        var d = Single(LetterHeader + "Giao Công an xã rà soát hồ sơ cư trú, " + tail);

        Assert.Equal(text, d.DeadlineText);
        Assert.Null(d.Deadline);
    }

    [Fact]
    public void Read_BareTrongDaysWithoutKeTu_IsNoDeadline()
    {
        var d = Single("Giao Công an xã tổ chức tập huấn trong 3 ngày cho lực lượng bảo vệ dân phố.");

        Assert.Null(d.DeadlineText);
    }

    [Theory]
    [InlineData("báo cáo Ban Thường vụ vào cuối mỗi quý.", "vào cuối mỗi quý", DeadlineKind.Quarterly)]
    [InlineData("báo cáo Thường trực vào cuối mỗi tháng.", "vào cuối mỗi tháng", DeadlineKind.Monthly)]
    [InlineData("tổng hợp, báo cáo cuối hằng năm.", "cuối hằng năm", DeadlineKind.Yearly)]
    public void Read_EndOfEachPeriod_IsThePeriodicDeadlineAsWritten(string tail, string text, DeadlineKind kind)
    {
        var d = Single("Văn phòng Đảng ủy xã Tân Phú theo dõi việc thực hiện, " + tail);

        Assert.Equal(text, d.DeadlineText);
        Assert.Equal(kind, d.Deadline?.Kind);
        Assert.Null(d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_ItemsUnderAddresseeHeading_HeadingIsTheirLeadUntilASibling()
    {
        var found = ConclusionReader.Read("""
            THÔNG BÁO
            Kết luận của Chủ tịch UBND xã Tân An
            1. Nhiệm vụ thời gian tới: a) Phòng Kinh tế xã Tân An:
            - Chủ trì, phối hợp với Trạm Khuyến nông xã rà soát diện tích lúa bị hạn.
            - Tổng hợp nhu cầu giống, đề xuất UBND xã trước ngày 20/5/2026.
            b) Phòng Văn hóa - Xã hội xã tuyên truyền cho người dân tiết kiệm nước.
            c) Tăng cường kiểm tra các trạm bơm.
            """).Directives;

        Assert.Equal(["Phòng Kinh tế xã Tân An", "Phòng Kinh tế xã Tân An", "Phòng Văn hóa - Xã hội xã"], found.Select(d => d.Lead));
        Assert.Equal(["Phòng Kinh tế xã Tân An", "Trạm Khuyến nông xã"], found[0].Assignees);
        Assert.Equal(new DateOnly(2026, 5, 20), found[1].Deadline?.DueDate);
    }

    [Fact]
    public void Read_HeadingLineOverLetteredItems_EachItemReadWithTheHeading()
    {
        var found = ConclusionReader.Read("""
            # THÔNG BÁO
            ## Kết luận của Chủ tịch UBND huyện Kim Sơn

            ### 1. Phòng Nội vụ huyện

            a) Chủ trì, phối hợp với Phòng Tài chính - Kế hoạch rà soát biên chế các trường học; *thời gian hoàn thành: trong quý II/2026*.

            b) Hướng dẫn UBND các xã lập hồ sơ thi đua; hoàn thành trước ngày 15/3/2026.

            ### 2. Phòng Y tế huyện

            Giao Phòng Y tế huyện theo dõi dịch sốt xuất huyết, báo cáo trong tuần đầu tháng 7/2026.
            """).Directives;

        Assert.Equal(["Phòng Nội vụ huyện", "Phòng Nội vụ huyện", "Phòng Y tế huyện"], found.Select(d => d.Lead));
        Assert.Equal(["Phòng Nội vụ huyện", "Phòng Tài chính - Kế hoạch"], found[0].Assignees);
        Assert.Equal(new DateOnly(2026, 6, 30), found[0].Deadline?.DueDate);
        Assert.Equal(new DateOnly(2026, 3, 15), found[1].Deadline?.DueDate);
    }

    [Fact]
    public void Read_ChainItemUnderPartyCommitteeHeading_HeadingLeadsTheChain()
    {
        var found = ConclusionReader.Read("""
            THÔNG BÁO
            Kết luận của Thường trực Huyện ủy
            1. Đảng ủy xã Tân An:
            - Chỉ đạo UBND xã giải quyết dứt điểm các vụ tranh chấp đất đai; hoàn thành trong quý II/2026.
            2. Văn phòng Huyện ủy theo dõi, báo cáo trước ngày 31/7/2026.
            """).Directives;

        Assert.Equal(["Đảng ủy xã Tân An", "UBND xã"], found[0].Assignees);
        Assert.Equal(new DateOnly(2026, 6, 30), found[0].Deadline?.DueDate);
        Assert.Equal("Văn phòng Huyện ủy", found[1].Lead);
    }

    [Fact]
    public void Read_HeadingThatNamesNoUnit_GivesNoAssignee()
    {
        var found = ConclusionReader.Read("""
            THÔNG BÁO
            Kết luận của Chủ tịch UBND xã Tân An
            1. Các ngành và địa phương:
            - Tăng cường kiểm tra các trạm bơm.
            """).Directives;

        Assert.Equal([], found.Select(d => string.Join("|", d.Assignees)));
    }

    [Fact]
    public void Read_DeadlineLineInEmphasis_GoesToTheItemAbove()
    {
        var d = Single("""
            Ban Tuyên giáo Hội Nông dân xã Tân An chủ trì tổ chức Hội thi "Nhà nông giỏi" năm 2026.
            *Thời gian hoàn thành: quý III/2026.*
            """);

        Assert.Equal(new DateOnly(2026, 9, 30), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_ReportAtADatedMeeting_DueThatDayNotFromTheStartDate()
    {
        var d = Single("Giao Phòng Kinh tế xã Tân An phối hợp với Công an xã ra quân dọn dẹp vỉa hè từ ngày 10/11/2026, báo cáo kết quả tại cuộc họp giao ban ngày 25/11/2026.");

        Assert.Equal("tại cuộc họp giao ban ngày 25/11/2026", d.DeadlineText);
        Assert.Equal(new DateOnly(2026, 11, 25), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_MeetingDayNarrated_IsNoDeadline()
    {
        var d = Single("Tại hội nghị ngày 12/3/2026, Ban Thường vụ giao Phòng Kinh tế xã Tân An rà soát các trạm bơm.");

        Assert.Null(d.DeadlineText);
    }

    [Fact]
    public void Read_EventDayOfACelebration_IsNoDeadline()
    {
        var d = Single("Hội đồng Đội xã Tân An hướng dẫn các Liên đội tổ chức các hoạt động chào mừng lễ khai giảng năm học mới vào ngày 05/9/2026.");

        Assert.Null(d.DeadlineText);
    }

    [Fact]
    public void Read_DeadlineLineBeforeTheNextLetteredItem_GoesToTheItemAbove()
    {
        var found = ConclusionReader.Read("""
            Thường trực Hội Nông dân tỉnh Tân An thống nhất một số nhiệm vụ trọng tâm như sau:

            **a)** Ban Tuyên giáo - Kinh tế chủ trì, phối hợp với Văn phòng Hội tổ chức Hội thi "Nhà nông giỏi" năm 2026.
            *Thời gian hoàn thành: quý III/2026.*

            **b)** Văn phòng Hội tổng hợp danh sách hội viên, báo cáo Thường trực trước ngày 15/7/2026.
            """).Directives;

        Assert.Equal(["Ban Tuyên giáo - Kinh tế", "Văn phòng Hội"], found.Select(d => d.Lead));
        Assert.Equal(new DateOnly(2026, 9, 30), found[0].Deadline?.DueDate);
        Assert.Equal(new DateOnly(2026, 7, 15), found[1].Deadline?.DueDate);
    }

    [Fact]
    public void Read_AddresseesThenColonThenTask_EachAddresseeAssigned()
    {
        var found = ConclusionReader.Read("""
            THÔNG BÁO
            Kết luận của Chủ tịch UBND tỉnh Tân An
            3. Các sở, ngành và địa phương
            **Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường**: thực hiện nghiêm việc ký số văn bản; báo cáo về Sở Khoa học và Công nghệ trước ngày 20 hằng tháng.
            """).Directives;

        var d = Assert.Single(found);
        Assert.Equal(["Thủ trưởng các sở, ban, ngành tỉnh", "Chủ tịch UBND các xã, phường"], d.Assignees);
        Assert.Equal("trước ngày 20 hằng tháng", d.DeadlineText);
    }

    [Fact]
    public void Read_PlainTextHeaderInTwoColumns_IsNoDirective()
    {
        var found = ConclusionReader.Read("""
            UBND HUYỆN KIM SƠN                      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            PHÒNG Y TẾ                              Độc lập - Tự do - Hạnh phúc

            Số: 55/PYT                              Kim Sơn, ngày 03 tháng 3 năm 2026

            1. Trạm Y tế xã Tân An rà soát danh sách trẻ chưa tiêm chủng, báo cáo trước ngày 20/3/2026.
            """).Directives;

        var d = Assert.Single(found);
        Assert.Equal("Trạm Y tế xã Tân An", d.Lead);
    }

    [Fact]
    public void Read_EachUnitQuantityInTheSameSentence_IsNoNewAddressee()
    {
        var d = Single("Đề nghị Hội Nông dân các xã tiếp tục thực hiện phong trào sản xuất giỏi, mỗi xã xây dựng ít nhất 02 mô hình; hoàn thành trước ngày 30/11/2026.");

        Assert.Equal(["Hội Nông dân các xã"], d.Assignees);
        Assert.Equal(new DateOnly(2026, 11, 30), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_EachUnitOpeningItsOwnSentence_StaysAnAddressee()
    {
        var found = ConclusionReader.Read("Giao Phòng Kinh tế xã Tân An hướng dẫn các thôn làm đường. Mỗi thôn đăng ký 01 tuyến đường kiểu mẫu trước ngày 15/5/2026.").Directives;

        Assert.Equal(2, found.Count);
    }

    // Families added after unseen-5's misses (branch reader-fix5), each on made-up sentences with fictional units.

    [Theory]
    [InlineData("Chiều ngày 02/3/2026, Ban Thường vụ Đảng ủy xã họp giao ban. Đồng chí Trần Văn Khải, Bí thư Đảng ủy xã chủ trì; dự có các đồng chí trong Ban Thường vụ.")]
    [InlineData("Ngày 05/3/2026, Ban Thường vụ Huyện đoàn họp do đồng chí Lê Thị Mai, Bí thư Huyện đoàn chủ trì, thống nhất kết luận:")]
    [InlineData("Đồng chí Phó Chủ tịch UBND xã chủ trì, dự có trưởng các thôn.")]
    public void Read_ChairWithoutObject_IsNoDirective(string text) =>
        Assert.Empty(ConclusionReader.Read(text).Directives);

    [Fact]
    public void Read_LeadThatChairsATask_StaysADirective()
    {
        var d = Single("Phòng Văn hóa - Xã hội chủ trì, phối hợp với Công an xã kiểm tra các cơ sở karaoke trước ngày 30/4/2026.");

        Assert.Equal(["Phòng Văn hóa - Xã hội", "Công an xã"], d.Assignees);
    }

    [Fact]
    public void Read_DatedSentenceThenConcludingColon_ClausesAfterTheColonAssign()
    {
        var found = ConclusionReader.Read("Ngày 04/3/2026, Ban Chấp hành Hội Nông dân xã họp; sau khi nghe báo cáo, hội nghị thống nhất: chi hội trưởng các chi hội rà soát hội viên, gửi danh sách trước ngày 20/3/2026; Ban Thường trực Hội phối hợp với Quỹ Tín dụng xã giải ngân vốn vay trong quý II năm 2026.").Directives;

        Assert.Equal(["chi hội trưởng các chi hội", "Ban Thường trực Hội"], found.Select(d => d.Lead));
        Assert.Equal([new DateOnly(2026, 3, 20), new DateOnly(2026, 6, 30)], found.Select(d => d.Deadline?.DueDate));
    }

    [Fact]
    public void Read_DatedNarrativeWithoutConcludingColon_StaysNarrative() =>
        Assert.Empty(ConclusionReader.Read("Ngày 04/3/2026, Ban Chấp hành Hội Nông dân xã họp; Ban Thường trực Hội báo cáo kết quả quý I.").Directives);

    [Theory]
    [InlineData("Trưởng các ấp thông báo kịp thời lịch cắt điện đến từng hộ dân.", "Trưởng các ấp")]
    [InlineData("Đài Truyền thanh xã thông báo rộng rãi lịch tiêm chủng.", "Đài Truyền thanh xã")]
    public void Read_NoticeWithAnObject_IsATask(string text, string lead) => Assert.Equal(lead, Single(text).Lead);

    [Fact]
    public void Read_IssuerNotifying_IsNoDirective() =>
        Assert.Empty(ConclusionReader.Read("Ban Thường vụ Hội Cựu chiến binh xã thông báo để các chi hội biết, thực hiện.").Directives);

    [Theory]
    [InlineData("Ban Thường vụ Huyện đoàn đề nghị các cơ sở Đoàn quan tâm, triển khai thực hiện.")]
    [InlineData("Đề nghị Ban Thường vụ các chi bộ nghiêm túc tổ chức thực hiện./.")]
    public void Read_ClosingFormulaNamingItsAddressees_IsNoDirective(string text) =>
        Assert.Empty(ConclusionReader.Read("Giao Phòng Kinh tế rà soát đê bao.\n" + text).Directives.Skip(1));

    [Fact]
    public void Read_WeekdayBeforeTheDay_DueThatDay() =>
        Assert.Equal(new DateOnly(2026, 8, 21), Single("Phòng Kinh tế xã khẩn trương xử lý công trình vi phạm, xong trước thứ Sáu ngày 21/8/2026.").Deadline?.DueDate);

    [Fact]
    public void Read_TargetForTheHalfYearWithoutYear_DueAtItsEndInTheDocumentsYear() =>
        Assert.Equal(new DateOnly(2026, 12, 31), Single(LetterHeader + "Giao Công an xã phấn đấu 6 tháng cuối năm giảm 10% số vụ tai nạn giao thông.").Deadline?.DueDate);

    [Theory]
    [InlineData("Giao Ban Quản lý dự án xã đôn đốc nhà thầu, thông xe trước ngày 30/11/2026; hằng tuần báo cáo tiến độ về UBND xã.", "hằng tuần")]
    [InlineData("Phòng Tư pháp tổng hợp ý kiến, báo cáo Chủ tịch UBND xã vào thứ Năm hằng tuần.", "vào thứ Năm hằng tuần")]
    [InlineData("Văn phòng Huyện ủy theo dõi, báo cáo Thường trực Huyện ủy vào chiều thứ Hai hằng tuần.", "vào chiều thứ Hai hằng tuần")]
    [InlineData("Trưởng các ấp hằng ngày báo cáo tình hình mưa lũ về UBND xã.", "hằng ngày")]
    [InlineData("Ban Chỉ huy phòng thủ dân sự xã tổng hợp thiệt hại, báo cáo UBND xã hằng ngày (trước 16 giờ).", "hằng ngày")]
    [InlineData("Văn phòng Đảng ủy theo dõi, báo cáo kết quả tại cuộc họp giao ban tuần sau.", "tại cuộc họp giao ban tuần sau")]
    public void Read_ReportsPeriodicPhraseOrNextMeeting_IsTheDeadlineAsWrittenNoDueDay(string text, string deadline)
    {
        var d = Single(text);

        Assert.Equal(deadline, d.DeadlineText);
        Assert.Null(d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_DatedReportAfterAWeeklyTask_KeepsTheDate() =>
        Assert.Equal(new DateOnly(2026, 5, 15), Single("Giao Trạm Y tế xã hằng tuần báo cáo ca bệnh, tổng kết đợt dịch trước ngày 15/5/2026.").Deadline?.DueDate);

    [Fact]
    public void Read_DailyWorkWithoutReport_IsNoDeadline() =>
        Assert.Null(Single("Đề nghị các trường mầm non kiểm tra sức khỏe trẻ hằng ngày khi đón trẻ.").DeadlineText);

    [Fact]
    public void Read_PlusItemsUnderABoldBulletHeading_HeadingLeadsEach()
    {
        var found = ConclusionReader.Read("""
            Ban Thường vụ Đảng ủy xã kết luận:

            - **Đảng ủy UBND xã:**
              + Lãnh đạo UBND xã tập trung các giải pháp thu ngân sách.
              + Chỉ đạo rà soát hộ nghèo, báo cáo trước ngày 20/8/2026.
            - **Hội Nông dân xã:**
              + Vận động hội viên hiến đất làm đường.
            """).Directives;

        Assert.Equal(["Đảng ủy UBND xã", "Đảng ủy UBND xã", "Hội Nông dân xã"], found.Select(d => d.Lead));
        Assert.Equal(["Đảng ủy UBND xã", "UBND xã"], found[0].Assignees);
    }

    [Fact]
    public void Read_DeadlineLinesUnderHeadingItems_HeadingGoesOn()
    {
        var found = ConclusionReader.Read("""
            ### 1. Phòng Kinh tế
            - Rà soát các điểm sạt lở bờ sông.
              *Thời hạn:* trước ngày 10/10/2026.
            - Tham mưu UBND xã kiện toàn Ban Chỉ huy phòng thủ dân sự xã.
              *Thời hạn:* trước ngày 25/10/2026.
            """).Directives;

        Assert.Equal(["Phòng Kinh tế", "Phòng Kinh tế"], found.Select(d => d.Lead));
        Assert.Equal([new DateOnly(2026, 10, 10), new DateOnly(2026, 10, 25)], found.Select(d => d.Deadline?.DueDate));
    }

    [Fact]
    public void Read_ForUnitHeadings_NameTheUnitForItemsAndParagraphsUnder()
    {
        var found = ConclusionReader.Read("""
            Ban Thường vụ Đảng ủy xã yêu cầu:

            **1. Đối với UBND xã**

            - Chỉ đạo Phòng Kinh tế rà soát các trường hợp xây dựng trái phép.
            - Công khai quy hoạch sử dụng đất trong quý II/2026.

            **2. Đối với Ủy ban Kiểm tra Đảng ủy xã**

            Chủ trì, phối hợp với Ban Xây dựng Đảng kiểm tra việc chấp hành của tổ chức đảng; hoàn thành trong tháng 6/2026.
            """).Directives;

        Assert.Equal(["UBND xã", "UBND xã", "Ủy ban Kiểm tra Đảng ủy xã"], found.Select(d => d.Lead));
        Assert.Equal(["UBND xã", "Phòng Kinh tế"], found[0].Assignees);
        Assert.Equal(["Ủy ban Kiểm tra Đảng ủy xã", "Ban Xây dựng Đảng"], found[2].Assignees);
    }

    [Fact]
    public void Read_HeadingWithItsVerb_NamesTheItemsSubjectAndAsksNothingItself()
    {
        var found = ConclusionReader.Read("""
            3. Đề nghị Ủy ban MTTQ Việt Nam huyện, Huyện đoàn:
            - Tuyên truyền, vận động thanh niên thực hiện nghĩa vụ quân sự.
            - Huyện đoàn chỉ đạo các cơ sở Đoàn tổ chức gặp mặt tân binh.
            """).Directives;

        Assert.Equal(2, found.Count);
        Assert.Equal(["Ủy ban MTTQ Việt Nam huyện", "Huyện đoàn"], found[0].Assignees);
        Assert.Equal("Huyện đoàn", found[1].Lead);
    }

    [Theory]
    [InlineData("Phó Chủ tịch Hội phối hợp với Hội Nông dân xã tổ chức tọa đàm.", new[] { "Phó Chủ tịch Hội", "Hội Nông dân xã" })]
    [InlineData("Ban Kinh tế phối hợp với Liên minh Hợp tác xã tỉnh xây dựng mô hình.", new[] { "Ban Kinh tế", "Liên minh Hợp tác xã tỉnh" })]
    [InlineData("Lực lượng dân quân thường trực phối hợp với Công an xã tuần tra.", new[] { "Lực lượng dân quân thường trực", "Công an xã" })]
    [InlineData("Báo và Phát thanh, Truyền hình Hà Sơn mở chuyên mục về bầu cử.", new[] { "Báo và Phát thanh, Truyền hình Hà Sơn" })]
    [InlineData("Tổ Thủy lợi xã vận hành cống ngăn mặn.", new[] { "Tổ Thủy lợi xã" })]
    public void Read_UnitsThatOpenWithNewHeads_AreAssignees(string text, string[] assignees) => Assert.Equal(assignees, Single(text).Assignees);

    [Theory]
    [InlineData("Chi hội trưởng các chi hội Đông Hòa, Tây Hòa hoàn thiện hồ sơ.", "Chi hội trưởng các chi hội Đông Hòa, Tây Hòa")]
    [InlineData("Trưởng các ấp Tân Lợi, Tân Hòa, Tân Thạnh vận động người dân nạo vét kênh.", "Trưởng các ấp Tân Lợi, Tân Hòa, Tân Thạnh")]
    [InlineData("Trưởng các thôn ven sông xây dựng phương án di dời.", "Trưởng các thôn ven sông")]
    [InlineData("Ban Thường vụ các Đoàn xã, phường và Đoàn trực thuộc tổ chức ra quân.", "Ban Thường vụ các Đoàn xã, phường và Đoàn trực thuộc")]
    [InlineData("Tổ trưởng Tổ bảo vệ an ninh, trật tự ở cơ sở nắm chắc tình hình.", "Tổ trưởng Tổ bảo vệ an ninh, trật tự ở cơ sở")]
    public void Read_OneBodyOverAListOfPlacesOrKinds_StaysOnePhrase(string text, string lead) => Assert.Equal([lead], Single(text).Assignees);

    [Fact]
    public void Read_UnitsOfTheSameLevel_AreNoVerb() =>
        Assert.Equal(["Công đoàn các xã", "UBND cùng cấp"], Single("Công đoàn các xã phối hợp với UBND cùng cấp thăm hỏi đoàn viên.").Assignees);

    [Fact]
    public void Read_LeadUnitsOfTheTasks_KeepTheirQualifier() =>
        Assert.Equal(["các đơn vị chủ trì"], Single("Yêu cầu các đơn vị chủ trì báo cáo tiến độ trước ngày 25 hằng tháng.").Assignees);

    [Theory]
    [InlineData("Phòng Văn hóa - Xã hội, Phòng Kinh tế theo chức năng, nhiệm vụ thực hiện các nội dung liên quan.", new[] { "Phòng Văn hóa - Xã hội", "Phòng Kinh tế" })]
    [InlineData("Ban Chỉ huy Quân sự xã (cơ quan thường trực Hội đồng Nghĩa vụ quân sự xã) tổng hợp kết quả, báo cáo UBND xã.", new[] { "Ban Chỉ huy Quân sự xã" })]
    public void Read_AsideBetweenSubjectAndVerb_NamesNoAddressee(string text, string[] assignees) => Assert.Equal(assignees, Single(text).Assignees);

    [Theory]
    [InlineData("Hội Nông dân các huyện chỉ đạo cơ sở hội đẩy mạnh phong trào sản xuất giỏi.", new[] { "Hội Nông dân các huyện", "cơ sở hội" })]
    [InlineData("Hội Cựu chiến binh huyện chỉ đạo hội cơ sở tham gia giám sát.", new[] { "Hội Cựu chiến binh huyện", "hội cơ sở" })]
    [InlineData("Trưởng các thôn phối hợp với y tế thôn vận động người dân diệt lăng quăng.", new[] { "Trưởng các thôn", "y tế thôn" })]
    [InlineData("Trạm Y tế xã dự trữ đủ cơ số thuốc.", new[] { "Trạm Y tế xã" })]
    public void Read_GrassrootsBodiesInLowerCase_AreAssignees(string text, string[] assignees) => Assert.Equal(assignees, Single(text).Assignees);

    [Fact]
    public void Read_IssuerAppreciating_IsNoDirective() =>
        Assert.Empty(ConclusionReader.Read("Ban Thường vụ Huyện ủy đánh giá cao kết quả giao nhận quân năm 2024.").Directives);

    [Fact]
    public void Read_OrganisingAtSentenceStart_IsNoUnit() =>
        Assert.Null(ConclusionReader.Read("Tổ chức Lễ giao nhận quân vào ngày 13/02/2025.").Directives.FirstOrDefault(d => d.Lead.StartsWith("Tổ chức", StringComparison.Ordinal)));

    [Theory]
    [InlineData("Ban Thường trực giao chị Hoàng Thị Lan, cán bộ chuyên trách, tổng hợp kết quả, báo cáo Hội cấp trên.", new[] { "Hoàng Thị Lan" })]
    [InlineData("Giao đồng chí Nguyễn Văn Tâm, Phó Chủ tịch UBND xã chỉ đạo Phòng Kinh tế rà soát diện tích lúa.", new[] { "Nguyễn Văn Tâm", "Phòng Kinh tế" })]
    public void Read_NamedPersonWithPositionInApposition_IsOneAssigneeTheName(string text, string[] assignees) =>
        Assert.Equal(assignees, Single(text).Assignees);

    [Fact]
    public void Read_PositionWithoutAName_StaysAnAssignee() =>
        Assert.Equal(["Phó Chủ tịch UBND xã"], Single("Giao đồng chí Phó Chủ tịch UBND xã chỉ đạo diễn tập phòng cháy.").Assignees);

    [Fact]
    public void Read_TableCoordinatingCellWithSemicolons_EachMemberCoordinates()
    {
        var d = Single("""
            | TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |
            |---|---|---|---|---|
            | 1 | Rà soát người nghiện | Công an phường | Phòng Văn hóa - Xã hội; Trạm Y tế phường | 30/11/2026 |
            """);

        Assert.Equal(["Công an phường", "Phòng Văn hóa - Xã hội", "Trạm Y tế phường"], d.Assignees);
    }

    [Theory]
    [InlineData("Trung tâm Dịch vụ tổng hợp xã bố trí cán bộ tiêm phòng.", new[] { "Trung tâm Dịch vụ tổng hợp xã" })]
    [InlineData("Giao Phòng Kinh tế phối hợp với các hợp tác xã nông nghiệp và Trưởng các ấp lập lịch xuống giống.", new[] { "Phòng Kinh tế", "các hợp tác xã nông nghiệp", "Trưởng các ấp" })]
    [InlineData("Yêu cầu thủ trưởng các đơn vị trực thuộc Sở chỉ đạo rà soát đội ngũ giáo viên.", new[] { "thủ trưởng các đơn vị trực thuộc Sở" })]
    public void Read_NameEndsWhereItShould(string text, string[] assignees) => Assert.Equal(assignees, Single(text).Assignees);

    [Fact]
    public void Read_CaseClause_IsNoUnit() =>
        Assert.Equal(["Trạm Y tế xã"], Single("Trạm Y tế xã giám sát chặt chẽ; trường hợp phát sinh ổ dịch mới phải báo cáo ngay.").Assignees);

    [Fact]
    public void Read_DeadlineOpeningTheClauseBeforeItsSubject_SubjectAssigns()
    {
        var d = Single("Về phòng, chống dịch bệnh, trong tháng 9/2026 UBND xã phải tổ chức xong đợt tiêm phòng.");

        Assert.Equal(["UBND xã"], d.Assignees);
        Assert.Equal(new DateOnly(2026, 9, 30), d.Deadline?.DueDate);
    }

    [Theory]
    [InlineData("Yêu cầu các trạm y tế giải quyết các phản ánh trong thời hạn 05 ngày làm việc kể từ ngày nhận được phản ánh.", "trong thời hạn 05 ngày làm việc kể từ ngày nhận được phản ánh")]
    [InlineData("Đề nghị Huyện đoàn tổ chức gặp mặt tân binh trước ngày giao quân.", "trước ngày giao quân")]
    public void Read_DeadlineCountedFromAnEvent_AsWrittenNoDueDay(string text, string deadline)
    {
        var d = Single(text);

        Assert.Equal(deadline, d.DeadlineText);
        Assert.Null(d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_ManyThingsOpeningASentence_AreNoAddressee() =>
        Assert.Empty(ConclusionReader.Read("Trong tháng 11, các chỉ tiêu kinh tế - xã hội cơ bản đạt kế hoạch; các công trình trọng điểm triển khai đúng tiến độ.").Directives);

    [Fact]
    public void Read_ChainToRelatedDepartments_NamesThemToo() =>
        Assert.Equal(["UBND tỉnh", "các sở, ngành liên quan"], Single("Đề nghị UBND tỉnh chỉ đạo các sở, ngành liên quan báo cáo kết quả trước ngày 31/10/2026.").Assignees);

    [Fact]
    public void Read_ForCollectiveHeading_NamesTheCollective()
    {
        var found = ConclusionReader.Read("""
            **4. Đối với các chi bộ thôn**

            Lãnh đạo Trưởng thôn, Ban Công tác Mặt trận thôn phát hiện sớm các trường hợp vi phạm.
            """).Directives;

        Assert.Equal(["các chi bộ thôn", "Trưởng thôn", "Ban Công tác Mặt trận thôn"], Assert.Single(found).Assignees);
    }

    [Fact]
    public void Read_SentenceIntroducingTheItems_IsNoDirective()
    {
        var found = ConclusionReader.Read("""
            Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị thực hiện tốt các nội dung sau:
            a) Giao Phòng Tài nguyên và Môi trường kiểm tra nguồn gốc đất, hoàn thành trước ngày 15/12/2026.
            b) Đề nghị UBND xã An Hòa vận động các hộ dân bàn giao mặt bằng.
            """).Directives;

        Assert.Equal(["Phòng Tài nguyên và Môi trường", "UBND xã An Hòa"], found.Select(d => d.Lead));
    }

    [Fact]
    public void Read_TableRowWhoseTaskHoldsASemicolon_KeepsItsPartners()
    {
        var d = Single("""
            | TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |
            |---|---|---|---|---|
            | 1 | Rà soát người nghiện; quản lý người sau cai nghiện | Công an phường | Trạm Y tế phường | 30/11/2026 |
            """);

        Assert.Equal(["Công an phường", "Trạm Y tế phường"], d.Assignees);
        Assert.Equal(new DateOnly(2026, 11, 30), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_ClosingFormulaWithAListOfKinds_IsNoDirective() =>
        Assert.Empty(ConclusionReader.Read("Giao Phòng Kinh tế rà soát đê bao.\nĐề nghị các chi bộ, cơ quan, đơn vị nghiêm túc quán triệt, triển khai thực hiện./.").Directives.Skip(1));

    [Fact]
    public void Read_MeetingToldBeforeItsChair_IsNoDirective() =>
        Assert.Empty(ConclusionReader.Read("Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh tổ chức Hội nghị giao ban trực tuyến quý III năm 2026. Đồng chí Chủ tịch Ủy ban MTTQ Việt Nam tỉnh chủ trì hội nghị.").Directives);

    [Fact]
    public void Read_MeetingToOrganise_StaysADirective() =>
        Assert.Equal(new DateOnly(2026, 6, 30), Single("Văn phòng Huyện ủy tổ chức hội nghị sơ kết trước ngày 30/6/2026.").Deadline?.DueDate);

    [Theory]
    [InlineData("Giao Sở Tài chính hoàn thiện dự thảo nghị quyết trước kỳ họp thứ 12 HĐND tỉnh, báo cáo UBND tỉnh.", "trước kỳ họp thứ 12 HĐND tỉnh")]
    [InlineData("Đề nghị Đảng ủy xã An Phú hoàn thành công tác nhân sự trước Đại hội Đảng bộ xã.", "trước Đại hội Đảng bộ xã")]
    public void Read_BeforeAMeetingAhead_DeadlineAsWrittenNoDueDay(string text, string deadline)
    {
        var d = Single(text);

        Assert.Equal(deadline, d.DeadlineText);
        Assert.Null(d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_PeriodThatNamesAMeetingToHold_IsNoDeadline() =>
        Assert.Null(Single("Giao Ban Xây dựng Đảng chuẩn bị nội dung, tổ chức hội nghị giao ban quý II/2026 bằng hình thức trực tuyến.").DeadlineText);

    [Fact]
    public void Read_ReportAtTheQuartersMeeting_DueAtTheQuartersEnd() =>
        Assert.Equal(new DateOnly(2026, 6, 30), Single("Đề nghị Công an phường báo cáo kết quả tại hội nghị giao ban quý II/2026.").Deadline?.DueDate);

    [Fact]
    public void Read_MannerBeforeTheChainsVerb_StillAChain() =>
        Assert.Equal(["Ban Thường vụ Hội Nông dân các xã", "các chi hội"], Single("Ban Thường vụ Hội Nông dân các xã tập trung chỉ đạo các chi hội vận động hội viên đăng ký thi đua.").Assignees);

    // reader-fix7: families from unseen-7 and unseen-8 (made-up sentences, fictional units).

    [Theory]
    [InlineData("Các chi bộ thôn Đông, chi bộ trường học tiến hành rà soát, phân loại đảng viên cuối năm 2026.", "chi bộ trường học")]
    [InlineData("Chủ tịch UBND các xã An Hòa, Bình Minh trực tiếp chỉ đạo công tác giải phóng mặt bằng trong tháng 5/2026.", "Chủ tịch UBND các xã An Hòa, Bình Minh")]
    [InlineData("Các tổ chức thành viên căn cứ chương trình phối hợp xây dựng kế hoạch năm 2027, gửi về Ban Thường trực trước ngày 10/01/2027.", "Các tổ chức thành viên")]
    [InlineData("Phòng Văn hóa và Thông tin tạm dừng cấp mới giấy phép kinh doanh karaoke đến hết ngày 31/12/2026.", "Phòng Văn hóa và Thông tin")]
    [InlineData("Giao Công an xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội tổng kiểm tra các cơ sở lưu trú trước ngày 20/12/2026.", "Phòng Văn hóa - Xã hội")]
    public void Read_OpenerOrMannerBeforeTheVerb_EndsTheUnitPhrase(string text, string last) =>
        Assert.Equal(last, Single(text).Assignees[^1]);

    [Theory]
    [InlineData("Văn phòng Sở tham mưu phương án sắp xếp trụ sở, hoàn thành trước ngày 30/11/2026.", "Văn phòng Sở")]
    [InlineData("Phòng Quản lý giá chủ trì, phối hợp với Văn phòng Sở tham mưu phương án xử lý tài sản; hoàn thành trước ngày 31/12/2026.", "Văn phòng Sở")]
    [InlineData("Văn phòng Sở đăng tải thông tin lên Cổng thông tin điện tử của Sở trước ngày 15/6/2026.", "Văn phòng Sở")]
    [InlineData("Thanh tra Sở kiểm tra việc chấp hành quy định về giá trong quý III/2026.", "Thanh tra Sở")]
    public void Read_LowerCaseVerbAfterTheDepartmentsOffice_EndsThePhrase(string text, string last) =>
        Assert.Equal(last, Single(text).Assignees[^1]);

    [Theory]
    [InlineData("Các Phó Giám đốc Sở theo lĩnh vực được phân công trực tiếp chỉ đạo, kiểm tra việc thực hiện, báo cáo trước ngày 20/12/2026.")]
    [InlineData("Các Phó Giám đốc Sở theo lĩnh vực được giao chỉ đạo, kiểm tra việc thực hiện, báo cáo trước ngày 20/12/2026.")]
    public void Read_MannerByFieldBetweenSubjectAndVerb_NamesNoAddressee(string text) =>
        Assert.Equal(["Các Phó Giám đốc Sở"], Single(text).Assignees);

    [Theory]
    [InlineData("Giao Phòng Kinh tế tổng hợp tình hình, báo cáo định kỳ vào thứ Năm hằng tuần.", "định kỳ vào thứ Năm hằng tuần")]
    [InlineData("Giao Văn phòng UBND xã tổng hợp, báo cáo Chủ tịch UBND xã định kỳ vào sáng thứ Hai hằng tuần.", "định kỳ vào sáng thứ Hai hằng tuần")]
    public void Read_PeriodicWeeklyReportWithDinhKy_DeadlineKeepsDinhKy(string text, string deadline)
    {
        var d = Single(text);

        Assert.Equal(deadline, d.DeadlineText);
        Assert.Null(d.Deadline?.DueDate);
    }

    [Theory]
    [InlineData("**2.2.** Giao Sở Văn hóa:\n\na) Chủ trì rà soát các di tích, hoàn thành trước ngày 31/10/2026.\n\nb) Tham mưu xây dựng đề án bảo tồn trong quý I/2027.\n\nc) Định kỳ hằng quý tổng hợp, báo cáo kết quả.\n\n**2.3.** Ban Tuyên giáo tuyên truyền kết quả trong năm 2027.")]
    [InlineData("2.2. Giao Sở Văn hóa:\na) Chủ trì rà soát các di tích, hoàn thành trước ngày 31/10/2026.\nb) Tham mưu xây dựng đề án bảo tồn trong quý I/2027.\nc) Định kỳ hằng quý tổng hợp, báo cáo kết quả.\n2.3. Ban Tuyên giáo tuyên truyền kết quả trong năm 2027.")]
    public void Read_BoldOrMultiLevelNumberedHeading_ItsItemsTakeItsUnit(string text)
    {
        var directives = ConclusionReader.Read(text).Directives;

        Assert.Equal(4, directives.Count);
        Assert.All(directives.Take(3), d => Assert.Equal(["Sở Văn hóa"], d.Assignees));
        Assert.Equal("Định kỳ hằng quý", directives[2].DeadlineText, ignoreCase: true);
        Assert.Equal(["Ban Tuyên giáo"], directives[3].Assignees);
    }

    [Fact]
    public void Read_SubItemsNumberedUnderANumberedHeading_AreItsItems()
    {
        var directives = ConclusionReader.Read("1. Hội Cựu chiến binh các xã:\n1.1. Tổ chức thăm hỏi hội viên khó khăn trước ngày 20/01/2027.\n1.2. Rà soát, báo cáo danh sách hội viên trong tháng 3/2027.\n2. Văn phòng Hội tổng hợp kết quả, báo cáo trước ngày 31/3/2027.").Directives;

        Assert.Equal(3, directives.Count);
        Assert.Equal(["Hội Cựu chiến binh các xã"], directives[0].Assignees);
        Assert.Equal(["Hội Cựu chiến binh các xã"], directives[1].Assignees);
        Assert.Equal(["Văn phòng Hội"], directives[2].Assignees);
    }

    [Theory]
    [InlineData("Yêu cầu trong tháng 5/2027 Chủ tịch Công đoàn cơ sở xã phối hợp với Phòng Văn hóa - Xã hội rà soát danh sách người lao động.", "Chủ tịch Công đoàn cơ sở xã")]
    [InlineData("Đề nghị trước ngày 15/6/2027, Giám đốc Sở Nội vụ rà soát biên chế các xã, phường.", "Giám đốc Sở Nội vụ")]
    [InlineData("Giao từ nay đến cuối năm 2027, UBND các xã tập trung giải ngân vốn đầu tư công.", "UBND các xã")]
    public void Read_TimeBetweenTheOpeningVerbAndItsUnit_StillNamesTheUnit(string text, string first) =>
        Assert.Equal(first, Single(text).Assignees[0]);

    [Fact]
    public void Read_LowerCaseChiUyInAList_IsAMember() =>
        Assert.Equal(["chi ủy các thôn", "chi bộ Trường Tiểu học Đông Hà", "Hội Nông dân xã"],
            Single("Đề nghị chi ủy các thôn, chi bộ Trường Tiểu học Đông Hà, Hội Nông dân xã tuyên truyền chuyển đổi cây trồng; báo cáo trước ngày 30/6/2027.").Assignees);

    [Theory]
    [InlineData("Giao Chi cục Thú y phối hợp với UBND các xã Nà Phặc, Khuổi Lừa, Bản Chang tổ chức tiêu độc chuồng trại trước ngày 20/6/2026.", "UBND các xã Nà Phặc, Khuổi Lừa, Bản Chang")]
    [InlineData("Giao Chi cục Thú y phối hợp với UBND các xã Nà Phặc, Khuổi Lừa tổ chức tiêu độc chuồng trại trước ngày 20/6/2026.", "UBND các xã Nà Phặc, Khuổi Lừa")]
    public void Read_VillageNamedBanInAListOfPlaces_StaysInTheBodysPhrase(string text, string body) =>
        Assert.Equal(["Chi cục Thú y", body], Single(text).Assignees);

    [Fact]
    public void Read_ListOfPlacesThenBanOfAUnit_IsTwoMembers() =>
        Assert.Equal(["UBND các xã Nà Phặc, Khuổi Lừa", "Ban Chỉ huy Quân sự xã"],
            Single("Giao UBND các xã Nà Phặc, Khuổi Lừa, Ban Chỉ huy Quân sự xã tuần tra bảo vệ rừng trong tháng 4/2026.").Assignees);

    [Fact]
    public void Read_HoanThanhTaskUnderAHeading_IsAnItemNotADeadlineLine()
    {
        var directives = ConclusionReader.Read("### 2. Sở Nông nghiệp và Môi trường\n\n- Hoàn thành cấp giấy chứng nhận quyền sử dụng đất cho các hộ còn tồn đọng; xong trong tháng 12/2026.\n- Chỉ đạo Chi cục Thủy sản kiểm tra tàu cá ra vào cảng.").Directives;

        Assert.Equal(2, directives.Count);
        Assert.Equal(["Sở Nông nghiệp và Môi trường"], directives[0].Assignees);
        Assert.Equal(new DateOnly(2026, 12, 31), directives[0].Deadline?.DueDate);
    }

    [Fact]
    public void Read_HoanThanhTruocLineUnderAnItem_StaysItsDeadline()
    {
        var d = Single("### 2. Sở Nông nghiệp và Môi trường\n\n- Rà soát hồ sơ đất đai của các hộ còn tồn đọng.\nHoàn thành trước ngày 15/12/2026.");

        Assert.Equal(new DateOnly(2026, 12, 15), d.Deadline?.DueDate);
    }

    [Theory]
    [InlineData("Giao các cơ sở Đoàn triển khai cuộc thi trong năm học 2026 - 2027; định kỳ hằng tháng báo cáo kết quả về Ban Thường vụ.", "định kỳ hằng tháng")]
    [InlineData("Giao Phòng Kinh tế theo dõi việc sắp xếp doanh nghiệp trước ngày 30/9/2026; báo cáo định kỳ hằng quý.", "định kỳ hằng quý")]
    [InlineData("Giao các xã rà soát hộ nghèo trong tháng 8/2026, báo cáo kết quả về UBND huyện trước ngày 22 hằng tháng.", "trước ngày 22 hằng tháng")]
    [InlineData("Giao các chi hội vận động chuyển đổi cây trồng trong năm 2026; kết quả báo cáo về Thường trực định kỳ 6 tháng.", "định kỳ 6 tháng")]
    [InlineData("Giao Phòng Tài chính rà soát nguồn thu trong quý III/2026, báo cáo UBND xã vào ngày 25 hằng tháng.", "vào ngày 25 hằng tháng")]
    public void Read_MonthlyOrQuarterlyReportAfterTheTasksDate_IsTheDeadline(string text, string deadline)
    {
        var d = Single(text);

        Assert.Equal(deadline, d.DeadlineText);
        Assert.Null(d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_HalfYearInTheObjectOfAReport_StaysTheDatedDeadline() =>
        Assert.Equal(new DateOnly(2026, 6, 15), Single("Giao Phòng Văn hóa báo cáo kết quả định kỳ 6 tháng đầu năm trước ngày 15/6/2026.").Deadline?.DueDate);

    [Theory]
    [InlineData("Giao Ban Tài chính tổng hợp nhu cầu kinh phí, báo cáo Thường trực vào thứ Sáu ngày 23/10/2026.", 2026, 10, 23)]
    [InlineData("Giao Ban Tài chính tổng hợp nhu cầu kinh phí, báo cáo Thường trực vào thứ Sáu, ngày 23/10/2026.", 2026, 10, 23)]
    [InlineData("Giao Sở Y tế báo cáo kết quả bằng văn bản gửi Thường trực HĐND tỉnh trước phiên họp tháng 5/2027.", 2027, 5, 31)]
    [InlineData("Giao Sở Y tế báo cáo kết quả tại cuộc họp giao ban tháng 11/2026.", 2026, 11, 30)]
    public void Read_WeekdayAfterVaoOrMeetingNamedByMonth_DueThatDay(string text, int y, int m, int day) =>
        Assert.Equal(new DateOnly(y, m, day), Single(text).Deadline?.DueDate);

    [Fact]
    public void Read_MeetingToHoldInAMonth_StaysNoDeadline() =>
        Assert.Null(Single("Giao Văn phòng chuẩn bị nội dung, tổ chức phiên họp tháng 5/2027 bằng hình thức trực tuyến.").DeadlineText);

    [Fact]
    public void Read_TimeClauseThenUnitThenDinhChi_NamesTheUnit() =>
        Assert.Equal(["Chủ tịch UBND các xã"], Single("Yêu cầu sau khi có kết quả kiểm tra, Chủ tịch UBND các xã đình chỉ hoạt động các cơ sở vi phạm; báo cáo chậm nhất ngày 31/12/2026.").Assignees);

    [Theory]
    [InlineData("3. Sở Nội vụ giao Phòng Công chức chủ trì, phối hợp với Trung tâm Lưu trữ lịch sử tỉnh:\na) số hóa hồ sơ cán bộ; hoàn thành trong quý III/2026;\nb) tổ chức kiểm tra công tác lưu trữ, báo cáo Giám đốc Sở trước ngày 31/7/2026.\n4. Văn phòng Sở tổng hợp kết quả, báo cáo trước ngày 15/8/2026.")]
    [InlineData("3. Giao Phòng Công chức chủ trì, phối hợp với Trung tâm Lưu trữ lịch sử tỉnh:\na) Số hóa hồ sơ cán bộ; hoàn thành trong quý III/2026;\nb) Tổ chức kiểm tra công tác lưu trữ, báo cáo Giám đốc Sở trước ngày 31/7/2026.\n4. Văn phòng Sở tổng hợp kết quả, báo cáo trước ngày 15/8/2026.")]
    public void Read_LeadWithCoordinatingUnitAndColon_EachItemTakesBothUnits(string text)
    {
        var directives = ConclusionReader.Read(text).Directives;

        Assert.Equal(3, directives.Count);
        Assert.Equal(["Phòng Công chức", "Trung tâm Lưu trữ lịch sử tỉnh"], directives[0].Assignees);
        Assert.Equal(new DateOnly(2026, 9, 30), directives[0].Deadline?.DueDate);
        Assert.Equal(["Phòng Công chức", "Trung tâm Lưu trữ lịch sử tỉnh"], directives[1].Assignees);
        Assert.Equal(new DateOnly(2026, 7, 31), directives[1].Deadline?.DueDate);
        Assert.Equal(["Văn phòng Sở"], directives[2].Assignees);
    }

    [Fact]
    public void Read_LongHeadingListingUnits_EachItemTakesEveryMember()
    {
        var directives = ConclusionReader.Read("### 3. Công đoàn các Khu công nghiệp tỉnh, Công đoàn Viên chức tỉnh và các công đoàn ngành\n\n- Chỉ đạo công đoàn cơ sở tổ chức hội nghị người lao động; hoàn thành trong quý I/2027.\n- Rà soát đoàn viên, báo cáo trước ngày 15/3/2027.").Directives;

        Assert.Equal(2, directives.Count);
        Assert.Equal(["Công đoàn các Khu công nghiệp tỉnh", "Công đoàn Viên chức tỉnh", "các công đoàn ngành"], directives[1].Assignees);
    }

    [Fact]
    public void Read_CongNgheThongTinInAName_StaysInThePhrase() =>
        Assert.Equal(["Phòng Chuyển đổi số và Công nghệ thông tin", "Trung tâm Công nghệ thông tin và Truyền thông tỉnh"],
            Single("Giao Phòng Chuyển đổi số và Công nghệ thông tin chủ trì, phối hợp với Trung tâm Công nghệ thông tin và Truyền thông tỉnh nâng cấp kho dữ liệu trong quý III/2026.").Assignees);

    [Theory]
    [InlineData("Ngày 11/3/2026, đ/c Lò Văn Sinh - Phó Bí thư Thường trực Huyện ủy chủ trì giao ban quý I/2026 với MTTQ và các đoàn thể huyện.")]
    [InlineData("Thay mặt Thường trực Hội Nông dân tỉnh, đồng chí chủ trì kết luận như sau:")]
    public void Read_ChairOfABriefingOrConcluding_IsNoDirective(string text) =>
        Assert.Empty(ConclusionReader.Read(text).Directives);
}
