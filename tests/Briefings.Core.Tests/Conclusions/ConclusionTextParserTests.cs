using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class ConclusionTextParserTests
{
    private readonly ConclusionDraft draft = ConclusionTextParser.Parse(SampleConclusion.Text);

    [Fact]
    public void Parse_Header_TypeSummaryNumberAndDate()
    {
        Assert.Equal("KẾT LUẬN", draft.TypeName);
        Assert.Equal("Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội quý II năm 2018", draft.Summary);
        Assert.Equal(DocumentNumber.Party(15, "KL", "HU"), draft.Number);
        Assert.Equal("Tân Phong", draft.Place);
        Assert.Equal(new DateOnly(2018, 7, 12), draft.IssuedOn);
    }

    [Fact]
    public void Parse_Preamble_MeetingParticipantsAndContent()
    {
        var lines = draft.Preamble.Split('\n');

        Assert.Equal(5, lines.Length);
        Assert.StartsWith("Ngày 10/7/2018, tại phòng họp trực tuyến", lines[0], StringComparison.Ordinal);
        Assert.Equal("* Thành phần:", lines[1]);
        Assert.EndsWith("kết luận như sau:", lines[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Sections_ThreeWithTitles()
    {
        Assert.Equal(
            [(1, "I", "Đánh giá việc tổ chức Hội nghị"), (2, "II", "Các kiến nghị, đề xuất"), (3, "III", "Một số nhiệm vụ trọng tâm 6 tháng cuối năm 2018")],
            draft.Sections.Select(s => (s.Number, s.Numeral, s.Title)));
        Assert.Equal([2, 8, 4], draft.Sections.Select(s => s.Items.Count));
        Assert.All(draft.Sections, s => Assert.Equal(Enumerable.Range(1, s.Items.Count), s.Items.Select(i => i.Number)));
    }

    [Fact]
    public void Parse_ItemWithSubPoints_SubPointsBelongToTheItem()
    {
        var item = draft.Sections[0].Items[0];

        var lines = item.Text.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("đề nghị các đơn vị lưu ý:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("- Kiểm tra đường truyền", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("- Mỗi điểm cầu treo bảng tên", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnnumberedParagraphAfterItem_ContinuesTheItem()
    {
        var item = draft.Sections[1].Items[4];

        Assert.EndsWith("\nBên cạnh đó, Đảng ủy các xã hằng năm phải rà soát, bổ sung quy hoạch cán bộ MTTQ và các đoàn thể, gắn quy hoạch với đào tạo, bồi dưỡng.", item.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SentenceBrokenAcrossLines_Joined()
    {
        Assert.Contains("Trung tâm GDNN-GDTX, giao UBND huyện chỉ đạo", draft.Sections[1].Items[5].Text, StringComparison.Ordinal);
        Assert.EndsWith("cho hội viên phụ nữ sau khi học nghề.", draft.Sections[2].Items[3].Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', draft.Sections[2].Items[3].Text);
    }

    [Fact]
    public void Parse_ClosingAndRecipients_NotItems()
    {
        Assert.StartsWith("Trên đây là kết luận", draft.Closing, StringComparison.Ordinal);
        Assert.DoesNotContain("Trên đây", draft.Sections[2].Items[3].Text, StringComparison.Ordinal);
        Assert.Equal(
            ["Thường trực Huyện ủy", "UBND huyện", "Các ban xây dựng Đảng Huyện ủy", "Phòng TC-KH huyện", "Đảng ủy, UBND các xã",
             "MTTQ, các đoàn thể CT-XH huyện", "Đăng Website Huyện ủy", "Lưu VPHU"],
            draft.Recipients);
        Assert.Equal(14, draft.Items.Count());
    }

    // Every item of the sample and what it assigns: lead, coordinating units, deadline (as displayed), output.
    public static TheoryData<int, int, string[], string[], string?, ExpectedOutput> ExpectedAssignments => new()
    {
        { 1, 1, ["các đơn vị"], [], null, ExpectedOutput.None },
        { 1, 2, ["Văn phòng Huyện ủy"], ["Trung tâm Văn hóa - Thông tin huyện"], "trong tháng 8/2018", ExpectedOutput.None },
        { 2, 1, ["Phòng TC-KH huyện"], [], "trước 15/8/2018", ExpectedOutput.WrittenReply },
        { 2, 2, ["UBND xã Bình Đông"], [], "quý IV/2018", ExpectedOutput.None },
        { 2, 3, ["Phòng TC-KH huyện"], ["Ủy ban MTTQ huyện", "Hội Nông dân huyện"], "trong tháng 10/2018", ExpectedOutput.ReportBack },
        { 2, 4, ["Ủy ban MTTQ huyện"], [], "trước 31/8/2018", ExpectedOutput.GuidanceDocument },
        // The item's second paragraph ("Bên cạnh đó, Đảng ủy các xã hằng năm phải rà soát ...") is a directive of its own.
        { 2, 5, ["Ban Tổ chức Huyện ủy", "Đảng ủy các xã"], [], "6 tháng cuối năm 2018", ExpectedOutput.DirectiveDocument },
        { 2, 6, ["UBND huyện"], [], "năm học 2018 - 2019", ExpectedOutput.None },
        { 2, 7, ["Hội Nông dân huyện"], ["UBND xã Phú Mỹ"], "quý IV/2018", ExpectedOutput.Plan },
        { 2, 8, ["Liên đoàn Lao động huyện"], [], "hằng năm", ExpectedOutput.ReportBack },
        { 3, 1, ["Đảng ủy", "UBND các xã"], [], null, ExpectedOutput.None },
        { 3, 2, ["UBND huyện, xã"], [], null, ExpectedOutput.None },
        { 3, 3, ["Ủy ban MTTQ huyện"], ["các đoàn thể huyện"], "năm 2018", ExpectedOutput.None },
        { 3, 4, ["Trung tâm GDNN-GDTX huyện"], ["Hội Liên hiệp Phụ nữ huyện"], null, ExpectedOutput.None },
    };

    [Theory]
    [MemberData(nameof(ExpectedAssignments))]
    public void Parse_EachItem_ProposedAssignments(int section, int item, string[] leads, string[] coordinating, string? deadline, ExpectedOutput output)
    {
        var assignments = draft.Sections[section - 1].Items[item - 1].Assignments;

        Assert.Equal(leads, assignments.Select(a => a.LeadUnit));
        Assert.All(assignments.Where(a => a.Text == assignments[0].Text), a =>
        {
            Assert.Equal(coordinating, a.CoordinatingUnits);
            Assert.Equal(deadline, a.Deadline?.ToString());
            Assert.Equal(output, a.Output);
        });
    }

    [Fact]
    public void Parse_AssignmentText_FromVerbToEndOfParagraph()
    {
        var assignment = Assert.Single(draft.Sections[1].Items[3].Assignments);

        Assert.Equal("Đề nghị Ủy ban MTTQ huyện ban hành hướng dẫn cụ thể để các xã triển khai thực hiện; hoàn thành trước ngày 31/8/2018.", assignment.Text);
        Assert.Equal("trước ngày 31/8/2018", assignment.DeadlineText);
    }

    [Fact]
    public void Parse_MarkdownLayout_SameStructure()
    {
        const string markdown = """
            Số 03-TB/ĐU

            ## THÔNG BÁO

            ### Kết luận họp giao ban quý I năm 2026

            \* **Nội dung:** Đồng chí Bí thư Đảng ủy kết luận như sau:

            #### I. Một số nhiệm vụ

            1. Giao **Văn phòng Đảng ủy** tổng hợp; hoàn thành **trước 15/4/2026**.

            2. Đề nghị UBND xã An Lạc rà soát hồ sơ.

            Nơi nhận:

            - Lưu VP.
            """;

        var parsed = ConclusionTextParser.Parse(markdown);

        Assert.Equal("THÔNG BÁO", parsed.TypeName);
        Assert.Equal("Kết luận họp giao ban quý I năm 2026", parsed.Summary);
        Assert.Equal(DocumentNumber.Party(3, "TB", "ĐU"), parsed.Number);
        Assert.Equal("* Nội dung: Đồng chí Bí thư Đảng ủy kết luận như sau:", parsed.Preamble);
        var section = Assert.Single(parsed.Sections);
        Assert.Equal(["Văn phòng Đảng ủy", "UBND xã An Lạc"], parsed.Assignments.Select(a => a.LeadUnit));
        Assert.Equal(Deadline.By(new DateOnly(2026, 4, 15)), section.Items[0].Assignments[0].Deadline);
        Assert.Equal(["Lưu VP"], parsed.Recipients);
    }

    [Fact]
    public void Parse_NoSectionsNoHeader_ItemsInUntitledSection()
    {
        var parsed = ConclusionTextParser.Parse("Ý kiến kết luận:\n1. Giao Phòng TC-KH huyện rà soát.\n2. Đề nghị Hội Nông dân huyện báo cáo kết quả.");

        Assert.Null(parsed.TypeName);
        Assert.Equal("Ý kiến kết luận:", parsed.Preamble);
        var section = Assert.Single(parsed.Sections);
        Assert.Equal((0, ""), (section.Number, section.Numeral));
        Assert.Equal(2, section.Items.Count);
    }

    [Fact]
    public void Parse_Empty_EmptyDraft()
    {
        var parsed = ConclusionTextParser.Parse("");

        Assert.Empty(parsed.Sections);
        Assert.Equal("", parsed.Preamble);
    }

    /// <summary>Found by walk-adopt: the text of a scanned conclusion carried the page's footer "Trang 1/2" into the last
    /// item of the page ("…hoàn thành trước 20/12/2026. Trang 1/2"). Page marks are dropped as lines of their own.</summary>
    [Theory]
    [InlineData("Trang 1/2")]
    [InlineData("trang 2")]
    [InlineData("Trang 1 trên 3")]
    [InlineData("- 2 -")]
    public void Parse_ScannedTextWithAPageMarkBetweenItems_MarkDroppedItemsWhole(string mark)
    {
        var text = string.Join('\n',
            "HUYỆN ỦY THẠCH BÀN", "*", "Số 07-KL/HU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Thạch Bàn, ngày 12 tháng 11 năm 2026", "KẾT LUẬN",
            "Hội nghị giao ban quý III năm 2026", "Đồng chí Bí thư kết luận như sau:", "I. Nhiệm vụ",
            "1. Giao Ủy ban MTTQ huyện tổng hợp ý kiến cử tri; hoàn thành trước 20/12/2026.", mark,
            "2. Đề nghị UBND xã Bình Minh rà soát nhà ở; hoàn thành trong tháng 3/2027.",
            "Nơi nhận:", "- Lưu VPHU.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Đặng Quốc Vinh");

        var items = ConclusionTextParser.Parse(text).Items.ToList();

        Assert.Equal(2, items.Count);
        Assert.EndsWith("hoàn thành trước 20/12/2026.", items[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("trong tháng 3/2027.", items[1].Text, StringComparison.Ordinal);
    }

    /// <summary>Found by walk-hostile5: a notice typed with full-width ("１.", an East Asian keyboard) or Arabic-Indic
    /// digits threw — the patterns' \d matches every Unicode digit and the number was then parsed as ASCII — and the
    /// editor's import, the JSON API and a deadline typed in the editor answered the error page. Such digits are text;
    /// the ASCII items around them are read as before.</summary>
    [Theory]
    [InlineData("１. Giao UBND huyện rà soát, hoàn thành trước １５/５/２０２７.")]
    [InlineData("١. Giao UBND huyện rà soát, hoàn thành trước ١٥/٥/٢٠٢٧.")]
    [InlineData("Số ０７-KL/HU\nTHÔNG BÁO\nKết luận\nTân Phong, ngày ５ tháng ３ năm ２０２７\nI. NHIỆM VỤ\n1. Giao UBND huyện rà soát.")]
    public void Parse_ItemsAndDatesInNonAsciiDigits_TextNotAnErrorAsciiItemsRead(string odd)
    {
        var text = odd + "\n2. Đề nghị Ủy ban MTTQ huyện giám sát, hoàn thành trước 15/5/2027.";

        var parsed = ConclusionTextParser.Parse(text);
        var read = ConclusionReader.TryRead(text, ConclusionReaderOptions.Default, CancellationToken.None);

        Assert.True(read.Succeeded);
        var item = Assert.Single(parsed.Sections.SelectMany(s => s.Items), i => i.Number == 2);
        Assert.Equal(Deadline.By(new DateOnly(2027, 5, 15)), Assert.Single(item.Assignments).Deadline);
        Assert.Null(DeadlineParser.FindFirst("hoàn thành trước ١٥/٥/٢٠٢٧"));
    }

    /// <summary>Found by walk-hostile5: a zero-width space or a direction override pasted inside a unit's name ("UBND​
    /// huyện") split it — the lead read "UBND" — and the proposal kept characters the saved conclusion drops. The text is
    /// read as it will be stored.</summary>
    [Fact]
    public void Parse_ZeroWidthAndDirectionCharactersInsideAUnitsName_ReadAsStored()
    {
        var parsed = ConclusionTextParser.Parse("1. Giao UBND\u200B huyện\u202E chỉ đạo rà soát hộ nghèo.");

        var item = Assert.Single(Assert.Single(parsed.Sections).Items);
        Assert.Equal("Giao UBND huyện chỉ đạo rà soát hộ nghèo.", item.Text);
        Assert.Equal("UBND huyện", Assert.Single(item.Assignments).LeadUnit);
    }
}
