using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

/// <summary>Each pattern of issue 12 with a made-up sentence (fictional units): directives found anywhere, the
/// patterns clerks write every day, and what must not be taken for a directive.</summary>
public sealed class ConclusionReaderTests
{
    private static IReadOnlyList<FoundDirective> Read(string text) => ConclusionReader.Read(text).Directives;

    private static FoundDirective Single(string text) => Assert.Single(Read(text));

    [Fact]
    public void Read_ProseWithoutNumbers_FindsEachDirectiveWithItsSentence()
    {
        var found = Read("""
            Ngày 02/3/2026, đồng chí Lê Văn Tư, Chủ tịch UBND huyện chủ trì cuộc họp. Chủ tịch UBND huyện kết luận như sau:
            Giao Phòng Văn hóa và Thông tin huyện rà soát các di tích, hoàn thành trước ngày 30/4/2026.
            Đề nghị Hội Cựu chiến binh huyện vận động hội viên tham gia giữ gìn di tích.
            """);

        Assert.Equal(["Phòng Văn hóa và Thông tin huyện", "Hội Cựu chiến binh huyện"], found.Select(d => d.Lead));
        Assert.Equal("Giao Phòng Văn hóa và Thông tin huyện rà soát các di tích, hoàn thành trước ngày 30/4/2026.", found[0].Sentence);
        Assert.Equal(new DateOnly(2026, 4, 30), found[0].Deadline?.DueDate);
        Assert.All(found, d => Assert.Null(d.ItemNumber));
    }

    [Fact]
    public void Read_LowerCasePositionAddressees_BothFound()
    {
        var d = Single("Ban Thường vụ yêu cầu thủ trưởng các phòng, ban và chủ tịch UBND các xã rà soát hồ sơ cán bộ.");

        Assert.Equal(["thủ trưởng các phòng, ban", "chủ tịch UBND các xã"], d.Assignees);
    }

    [Fact]
    public void Read_ListWithLowerCaseMembers_AllFour()
    {
        var d = Single("Đề nghị cấp ủy các ấp, chi bộ trường học, Hội Nông dân và các hội đoàn thể xã tăng cường tuyên truyền.");

        Assert.Equal(["cấp ủy các ấp", "chi bộ trường học", "Hội Nông dân", "các hội đoàn thể xã"], d.Assignees);
    }

    [Fact]
    public void Read_ChainGiaoChiDao_SecondLevelAreAssigneesToo()
    {
        var d = Single("Giao UBND huyện chỉ đạo Phòng Y tế, Trung tâm Y tế huyện kiểm tra an toàn thực phẩm.");

        Assert.Equal(["UBND huyện", "Phòng Y tế", "Trung tâm Y tế huyện"], d.Assignees);
        Assert.Equal("UBND huyện", d.Lead);
    }

    [Fact]
    public void Read_SubjectsEachWithItsVerb_ThreeDirectives()
    {
        var found = Read("Giao Phòng Nội vụ rà soát biên chế; Phòng Tư pháp kiểm tra hồ sơ chứng thực; Huyện đoàn vận động thanh niên hiến máu.");

        Assert.Equal(["Phòng Nội vụ", "Phòng Tư pháp", "Huyện đoàn"], found.Select(d => d.Lead));
    }

    [Fact]
    public void Read_CoordinationWithoutOpeningVerb_LeadAndCoordinating()
    {
        var d = Single("Trạm Y tế xã phối hợp với Hội Liên hiệp Phụ nữ xã để tuyên truyền về dinh dưỡng.");

        Assert.Equal("Trạm Y tế xã", d.Lead);
        Assert.Equal(["Hội Liên hiệp Phụ nữ xã"], d.Coordinating);
        Assert.Equal(["Trạm Y tế xã", "Hội Liên hiệp Phụ nữ xã"], d.Assignees);
    }

    [Fact]
    public void Read_DeadlineInTheNextLine_GivenToTheDirective()
    {
        var d = Single("Giao Phòng Kinh tế lập danh sách hộ kinh doanh.\nThời gian hoàn thành chậm nhất ngày 12/9/2026.");

        Assert.Equal("chậm nhất ngày 12/9/2026", d.DeadlineText);
        Assert.Equal(new DateOnly(2026, 9, 12), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_DeadlineInTheNextSentence_GivenToTheDirective()
    {
        var d = Single("Sở Tài chính cân đối nguồn vốn cho dự án. Thời gian hoàn thành chậm nhất ngày 15/5/2026.");

        Assert.Equal(new DateOnly(2026, 5, 15), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_TimeClauseBetweenVerbAndUnit_UnitFound()
    {
        var d = Single("Ban Thường vụ yêu cầu sau khi tổng kết mùa vụ các xã gửi báo cáo về Phòng Kinh tế trước ngày 15/9/2026.");

        Assert.Equal(["các xã"], d.Assignees);
        Assert.True(d.ReportRequired);
        Assert.Equal(["các xã"], d.Collective);
    }

    [Theory]
    [InlineData("Chỉ đạo UBND các xã rà soát hộ nghèo.", "UBND các xã")]
    [InlineData("Giao Phòng Tư pháp thẩm định dự thảo.", "Phòng Tư pháp")]
    [InlineData("Đề nghị Hội Nông dân xã vận động nông dân.", "Hội Nông dân xã")]
    [InlineData("Yêu cầu Công an xã tăng cường tuần tra.", "Công an xã")]
    [InlineData("Phân công Phòng Kinh tế theo dõi tiến độ.", "Phòng Kinh tế")]
    [InlineData("Phòng Văn hóa - Xã hội chịu trách nhiệm tổng hợp số liệu.", "Phòng Văn hóa - Xã hội")]
    [InlineData("Sở Xây dựng chủ động hướng dẫn các xã.", "Sở Xây dựng")]
    [InlineData("Ban Tổ chức tham mưu phương án sắp xếp.", "Ban Tổ chức")]
    public void Read_OpeningVerbs_LeadFound(string sentence, string lead)
    {
        Assert.Equal(lead, Single(sentence).Lead);
    }

    [Fact]
    public void Read_PersonChairingMeeting_NotAnAssignee()
    {
        var found = Read("Ngày 05/5/2026, đồng chí Vũ Thị Hồng, Phó Chủ tịch HĐND tỉnh chủ trì phiên giải trình. Sau phiên họp, đồng chí Trần Văn Bảy, Phó Chủ tịch UBND tỉnh chủ trì hội nghị sơ kết.");

        Assert.Empty(found);
    }

    [Fact]
    public void Read_VerbAfterPhoiHop_NotAUnit()
    {
        var d = Single("Giao Phòng Y tế chủ trì, phối hợp tuyên truyền phòng chống dịch.");

        Assert.Equal(["Phòng Y tế"], d.Assignees);
        Assert.Empty(d.Coordinating);
    }

    [Fact]
    public void Read_SchoolYearNamingAnEvent_NotADeadline()
    {
        var d = Single("Tại hội nghị tổng kết năm học 2025 - 2026, giao Phòng Văn hóa - Xã hội rà soát đội ngũ giáo viên.");

        Assert.Null(d.Deadline);
    }

    [Fact]
    public void Read_SchoolYearIntroducedAsDeadline_DueAtEndOfTeachingByDefault()
    {
        var d = Single("Giao Phòng Văn hóa - Xã hội triển khai dạy bơi cho học sinh trong năm học 2026 - 2027.");

        Assert.Equal(DeadlineKind.SchoolYear, d.Deadline?.Kind);
        Assert.Equal(new DateOnly(2027, 5, 31), d.Deadline?.DueDate);
    }

    [Fact]
    public void TryRead_SchoolYearConventionConfigured_DueOnThatDay()
    {
        var options = new ConclusionReaderOptions { SchoolYear = new SchoolYearConvention(6, 30) };

        var reading = ConclusionReader.TryRead("Giao Phòng Văn hóa - Xã hội tổng kết trong năm học 2026 - 2027.", options, CancellationToken.None);

        Assert.Equal(new DateOnly(2027, 6, 30), Assert.Single(reading.Value!.Directives).Deadline?.DueDate);
    }

    [Fact]
    public void Read_OfficeOfCouncilAndCommittee_OneUnit()
    {
        var d = Single("Giao Văn phòng HĐND và UBND huyện theo dõi, đôn đốc thực hiện.");

        Assert.Equal(["Văn phòng HĐND và UBND huyện"], d.Assignees);
    }

    [Fact]
    public void Read_SubjectLineVv_NotSectionFive()
    {
        var reading = ConclusionReader.Read("V/v triển khai kết luận của Thường trực\nGiao Phòng Nội vụ tổng hợp.");

        Assert.Empty(reading.Draft.Sections);
        Assert.Equal("Phòng Nội vụ", Assert.Single(reading.Directives).Lead);
    }

    [Fact]
    public void Read_MarkdownEmphasisAndHeadings_Removed()
    {
        var reading = ConclusionReader.Read("# THÔNG BÁO\n## Kết luận họp giao ban\n**Công an phường** phối hợp với *Phòng Kinh tế, Hạ tầng và Đô thị* ra quân, hoàn thành _trước ngày 30/11/2026_.");

        Assert.Equal("THÔNG BÁO", reading.Draft.TypeName);
        var d = Assert.Single(reading.Directives);
        Assert.Equal(["Công an phường", "Phòng Kinh tế, Hạ tầng và Đô thị"], d.Assignees);
        Assert.Equal(new DateOnly(2026, 11, 30), d.Deadline?.DueDate);
    }

    [Theory]
    [InlineData("Nơi nhận:\n- Lưu VT.\n\n**TL. CHỦ TỊCH**\n**CHÁNH VĂN PHÒNG**\n\n**Phan Thị Lan**")]
    [InlineData("Nơi nhận:\n- Lưu VT.\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nPhan Thị Lan")]
    public void ReadSignature_MarkdownOrPlain_SameBlock(string tail)
    {
        var signature = ConclusionReader.ReadSignature("Giao Phòng Nội vụ tổng hợp.\n" + tail);

        Assert.Equal(new SignatureBlock("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Phan Thị Lan"), signature);
    }

    [Fact]
    public void Read_CollectivePhrases_Flagged()
    {
        var d = Single("Đề nghị MTTQ huyện và các đoàn thể huyện tăng cường giám sát.");

        Assert.Equal(["các đoàn thể huyện"], d.Collective);
        Assert.False(d.IsCollective);
    }

    [Fact]
    public void Read_MoiTruongInAName_NotCollective()
    {
        Assert.Empty(Single("Giao Phòng Nông nghiệp và Môi trường kiểm tra đê bao.").Collective);
    }

    [Fact]
    public void Read_GroupDeadline_GivenToEachDirectiveBefore()
    {
        var found = Read("Giao Phòng Nội vụ rà soát biên chế; Phòng Tư pháp kiểm tra hồ sơ. Các nội dung trên hoàn thành trước ngày 25/6/2026.");

        Assert.Equal(["Phòng Nội vụ", "Phòng Tư pháp"], found.Select(d => d.Lead));
        Assert.All(found, d => Assert.Equal(new DateOnly(2026, 6, 25), d.Deadline?.DueDate));
    }

    // The evaluation README's convention: a collective addressee that is the subject of its own sentence is an assignee
    // with its own deadline; it gives none to the directives before it.
    [Fact]
    public void Read_CollectiveSubjectOfItsOwnSentence_IsADirectiveOfItsOwn()
    {
        var found = Read("Giao Phòng Nội vụ rà soát biên chế; Phòng Tư pháp kiểm tra hồ sơ. Các đơn vị báo cáo kết quả trước ngày 25/6/2026.");

        Assert.Equal(["Phòng Nội vụ", "Phòng Tư pháp", "Các đơn vị"], found.Select(d => d.Lead));
        Assert.Equal([null, null, new DateOnly(2026, 6, 25)], found.Select(d => d.Deadline?.DueDate));
    }

    [Fact]
    public void Read_IssuerSpeaking_NotADirective()
    {
        Assert.Empty(Read("Thường trực Huyện ủy kết luận như sau:\nVăn phòng Huyện ủy thông báo để các cơ quan biết, thực hiện."));
    }

    [Fact]
    public void TryRead_TextOverTheCap_RefusedWithVietnameseMessage()
    {
        var options = new ConclusionReaderOptions { MaxCharacters = 1_000 };

        var result = ConclusionReader.TryRead(new string('a', 1_001), options, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Văn bản quá dài", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_TimeBudgetSpent_RefusedWithVietnameseMessage()
    {
        // A clock whose time has run out as soon as the budget starts: deterministic, whatever the machine's load.
        var options = new ConclusionReaderOptions { TimeBudget = TimeSpan.FromSeconds(1), Clock = new ExpiredClock() };
        var text = string.Concat(Enumerable.Repeat("Giao Phòng Nội vụ rà soát biên chế, hoàn thành trước ngày 30/6/2026.\n", 5_000));

        var result = ConclusionReader.TryRead(text, options, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Không đọc xong văn bản", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_ClientLeft_StopsWithCancellation()
    {
        using var left = new CancellationTokenSource();
        left.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ConclusionReader.TryRead("Giao Phòng Nội vụ rà soát.\nGiao Phòng Tư pháp kiểm tra.", ConclusionReaderOptions.Default, left.Token));
    }

    // The patterns below were missed on the second unseen evaluation set (unseen-2); each with a made-up sentence.

    [Fact]
    public void Read_ChainThreeLevelsDown_AllThreeAreAssignees()
    {
        var d = Single("Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh chỉ đạo Sở Y tế rà soát mạng lưới trạm y tế.");

        Assert.Equal(["Ban cán sự đảng UBND tỉnh", "UBND tỉnh", "Sở Y tế"], d.Assignees);
    }

    [Theory]
    [InlineData("Phòng Văn hóa - Thông tin chỉ đạo các nhà văn hóa thôn mở cửa phục vụ người dân.", new[] { "Phòng Văn hóa - Thông tin", "các nhà văn hóa thôn" })]
    [InlineData("UBND xã chỉ đạo các ấp, tổ dân phố thống kê số hộ nghèo.", new[] { "UBND xã", "các ấp, tổ dân phố" })]
    [InlineData("Phòng Giáo dục và Đào tạo chỉ đạo các trường học đưa nội dung phòng cháy vào giờ ngoại khóa.", new[] { "Phòng Giáo dục và Đào tạo", "các trường học" })]
    [InlineData("UBND xã chỉ đạo các ngành chuyên môn rà soát hồ sơ.", new[] { "UBND xã" })]
    public void Read_ChainToUnitsBelow_TheyAreAssigneesUnlessTheLeadsOwnStaff(string text, string[] expected)
    {
        Assert.Equal(expected, Single(text).Assignees);
    }

    [Fact]
    public void Read_CollectiveWithCitiesOfTheProvince_OnePhrase()
    {
        var d = Single("Hội Cựu chiến binh các huyện, thị xã, thành phố tổ chức gặp mặt hội viên.");

        Assert.Equal(["Hội Cựu chiến binh các huyện, thị xã, thành phố"], d.Assignees);
    }

    [Fact]
    public void Read_LowerCasePartyCommitteesDirectlyUnder_WholeSubject()
    {
        var d = Single("Các chi bộ trực thuộc Đảng ủy xã gửi báo cáo trước ngày 10/10/2026.");

        Assert.Equal("Các chi bộ trực thuộc Đảng ủy xã", d.Lead);
        Assert.Equal(new DateOnly(2026, 10, 10), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_ProjectBoardWithBuildingAndWorksInName_WholeName()
    {
        var d = Single("Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp tỉnh chủ động làm việc với nhà thầu.");

        Assert.Equal("Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp tỉnh", d.Lead);
    }

    [Fact]
    public void Read_ListOfPositions_EachPositionAnAssignee()
    {
        var d = Single("Ban Thường vụ yêu cầu chủ tịch UBND phường, trưởng Ban Xây dựng Đảng và chủ nhiệm Ủy ban Kiểm tra Đảng ủy phường rà soát đơn thư.");

        Assert.Equal(["chủ tịch UBND phường", "trưởng Ban Xây dựng Đảng", "chủ nhiệm Ủy ban Kiểm tra Đảng ủy phường"], d.Assignees);
    }

    [Fact]
    public void Read_CoordinatingGroupsAtGrassroots_PhraseEndsBeforeTheVerb()
    {
        var d = Single("Giao Hội Nông dân xã phối hợp với các tổ tự quản ở cơ sở nắm tình hình sản xuất.");

        Assert.Equal(["các tổ tự quản ở cơ sở"], d.Coordinating);
    }

    [Fact]
    public void Read_WhatUnitsHaveDone_NoDirective()
    {
        Assert.Empty(Read("Thời gian qua, các chủ đầu tư đã tập trung đôn đốc nhà thầu."));
    }

    [Fact]
    public void Read_StreetGroupLeaderAfterSemicolon_ItsOwnDirective()
    {
        var found = Read("Các tổ dân phố duy trì vệ sinh chung; tổ trưởng tổ dân phố báo cáo kết quả trước ngày 05 hằng tháng.");

        Assert.Equal(["Các tổ dân phố", "tổ trưởng tổ dân phố"], found.Select(d => d.Lead));
        Assert.Equal("trước ngày 05 hằng tháng", found[1].DeadlineText);
    }

    [Fact]
    public void Read_BeforeTet_DeadlineAsWrittenWithoutDueDay()
    {
        var d = Single("Giao Hội Chữ thập đỏ xã tặng quà cho các hộ nghèo, hoàn thành trước Tết Nguyên đán Mậu Thân 2028.");

        Assert.Equal("trước Tết Nguyên đán Mậu Thân 2028", d.DeadlineText);
        Assert.Null(d.Deadline);
    }

    [Fact]
    public void Read_BeforeDuringAndAfterTet_NoDeadline()
    {
        Assert.Null(Single("Công an xã bảo đảm an ninh trật tự trước, trong và sau Tết.").DeadlineText);
    }

    private const string DatedNotice = """
        ỦY BAN NHÂN DÂN XÃ AN BÌNH
        Số: 10/TB-UBND
        An Bình, ngày 05 tháng 3 năm 2026
        THÔNG BÁO
        Kết luận của Chủ tịch UBND xã
        Giao Phòng Kinh tế kiểm tra các điểm khai thác cát, trong thời hạn 10 ngày kể từ ngày {0} báo cáo Chủ tịch UBND xã.
        """;

    [Theory]
    [InlineData("ký Thông báo này", "2026-03-15")]
    [InlineData("ban hành Thông báo này", "2026-03-15")]
    [InlineData("nhận được Thông báo này", null)]
    public void Read_DaysCountedFromSigning_DueFromTheHeaderDate(string from, string? due)
    {
        var d = Single(string.Format(System.Globalization.CultureInfo.InvariantCulture, DatedNotice, from));

        Assert.Equal("trong thời hạn 10 ngày kể từ ngày " + from, d.DeadlineText);
        Assert.Equal(due, d.Deadline?.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    // Corrected by branch reader-fix7 to the unseen-7 convention (evaluation README, "Days and meetings"): working days
    // from the signing are counted Monday to Friday, public holidays skipped (it was read with no due day before).
    [Fact]
    public void Read_WorkingDaysFromSigning_DueAfterThatManyWorkingDays()
    {
        var d = Single(string.Format(System.Globalization.CultureInfo.InvariantCulture,
            DatedNotice.Replace("10 ngày", "10 ngày làm việc", StringComparison.Ordinal), "ký Thông báo này"));

        Assert.Equal(new DateOnly(2026, 3, 19), d.Deadline?.DueDate);
        Assert.Equal("trong thời hạn 10 ngày làm việc kể từ ngày ký Thông báo này", d.DeadlineText);
    }

    [Fact]
    public void Read_WorkingDaysFromSigningOverHolidays_SkipsThem()
    {
        var d = Single(string.Format(System.Globalization.CultureInfo.InvariantCulture,
            DatedNotice.Replace("ngày 05 tháng 3", "ngày 28 tháng 4", StringComparison.Ordinal).Replace("10 ngày", "03 ngày làm việc", StringComparison.Ordinal), "ký Thông báo này"));

        // Tuesday 28/4/2026: Wednesday 29/4, then 30/4 and 1/5 are holidays and 2-3/5 a weekend: Monday 4/5, Tuesday 5/5.
        Assert.Equal(new DateOnly(2026, 5, 5), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_UntilEndOfSchoolYear_DueAtItsEndOfTeaching()
    {
        var d = Single("Phòng Giáo dục và Đào tạo chỉ đạo các trường học tổ chức bơi an toàn, thực hiện từ nay đến hết năm học 2026 - 2027.");

        Assert.Equal(new DateOnly(2027, 5, 31), d.Deadline?.DueDate);
    }

    [Fact]
    public void Read_AsteriskBullets_EachBulletADirective()
    {
        var found = Read("""
            Thường trực Hội Cựu chiến binh huyện kết luận như sau:

            * Ban Tổ chức chủ trì rà soát danh sách hội viên, xong trước ngày 10/8/2026.
            * Văn phòng theo dõi, tổng hợp, báo cáo Thường trực trong tháng 9/2026.
            """);

        Assert.Equal(["Ban Tổ chức", "Văn phòng"], found.Select(d => d.Lead));
        Assert.Equal(new DateOnly(2026, 9, 30), found[1].Deadline?.DueDate);
    }

    [Fact]
    public void Read_SentenceOpeningWithDateThatAssigns_LaterSubjectsAreDirectives()
    {
        var found = Read("Ngày 03/4/2026, Chủ tịch UBND huyện kết luận: giao Phòng Y tế kiểm tra các quầy thuốc; Trung tâm Y tế huyện tổng hợp kết quả, báo cáo UBND huyện chậm nhất ngày 20/4/2026.");

        Assert.Equal(["Phòng Y tế", "Trung tâm Y tế huyện"], found.Select(d => d.Lead));
        Assert.Equal(new DateOnly(2026, 4, 20), found[1].Deadline?.DueDate);
    }

    [Fact]
    public void Read_SubjectThenGiao_AssigneesAfterTheVerbOnly()
    {
        var d = Single("Ban Thường vụ giao Đảng đoàn HĐND huyện giám sát việc thu phí chợ.");

        Assert.Equal(["Đảng đoàn HĐND huyện"], d.Assignees);
    }

    [Fact]
    public void Read_CentreNameWithCommas_OnePhrase()
    {
        var d = Single("Phòng Nội vụ phối hợp với Trung tâm Văn hóa, Thông tin và Thể thao huyện tổ chức hội diễn.");

        Assert.Equal(["Phòng Nội vụ", "Trung tâm Văn hóa, Thông tin và Thể thao huyện"], d.Assignees);
    }

    [Fact]
    public void Read_SchoolLevelsAfterCommas_OnePhraseBelowTheChain()
    {
        var d = Single("Phòng Giáo dục và Đào tạo chỉ đạo các trường mầm non, tiểu học, trung học cơ sở rà soát bếp ăn bán trú.");

        Assert.Equal(["Phòng Giáo dục và Đào tạo", "các trường mầm non, tiểu học, trung học cơ sở"], d.Assignees);
    }

    [Fact]
    public void Read_VillagesAndHamletsAfterComma_OnePhraseThenItsVerb()
    {
        var found = Read("Yêu cầu trưởng các thôn, bản rà soát các hộ ở ven suối.");

        Assert.Equal(["trưởng các thôn, bản"], Assert.Single(found).Assignees);
    }

    [Fact]
    public void Read_LowerCaseTradeUnionsInAList_AllThree()
    {
        var d = Single("Công đoàn các khu chế xuất, công đoàn ngành và công đoàn cơ sở trực thuộc lập danh sách đoàn viên khó khăn.");

        Assert.Equal(["Công đoàn các khu chế xuất", "công đoàn ngành", "công đoàn cơ sở trực thuộc"], d.Assignees);
    }

    [Fact]
    public void Read_ChainNamingUnitsBesideRelatedOffices_AllAddressed()
    {
        var d = Single("Giao UBND huyện chỉ đạo Công an huyện, các phòng, ban liên quan và UBND các xã kiểm tra các cơ sở karaoke.");

        Assert.Equal(["UBND huyện", "Công an huyện", "các phòng, ban liên quan", "UBND các xã"], d.Assignees);
    }

    [Fact]
    public void Read_ChainToRelatedOfficesOnly_LeftWithTheLead()
    {
        var d = Single("Giao UBND huyện chỉ đạo các cơ quan, đơn vị liên quan kiểm tra các cơ sở karaoke.");

        Assert.Equal(["UBND huyện"], d.Assignees);
    }

    [Fact]
    public void Read_CoordinationInTheNextClause_StaysWithTheSubject()
    {
        var d = Single("Ban Kinh tế cân đối nguồn kinh phí; phối hợp với Ban Kiểm tra giám sát việc chi tiêu.");

        Assert.Equal(["Ban Kinh tế", "Ban Kiểm tra"], d.Assignees);
    }

    [Theory]
    [InlineData("Văn phòng Huyện ủy theo dõi, tổng hợp, báo cáo hằng tuần.", "hằng tuần")]
    [InlineData("Yêu cầu UBND các xã lập chốt kiểm dịch; báo cáo về Phòng Nông nghiệp hằng tuần, vào thứ Năm.", "hằng tuần, vào thứ Năm")]
    public void Read_WeeklyReport_DeadlineAsWrittenNoDueDay(string sentence, string deadline)
    {
        var d = Single(sentence);

        Assert.Equal(deadline, d.DeadlineText);
        Assert.Null(d.Deadline);
    }

    [Fact]
    public void Read_WeeklyTaskWithoutReport_NoDeadline()
    {
        var d = Single("Đề nghị Đoàn Thanh niên xã ra quân dọn vệ sinh vào sáng Chủ nhật hằng tuần.");

        Assert.Null(d.DeadlineText);
    }

    [Fact]
    public void Read_ClosingFormula_NoDirective()
    {
        var found = Read("""
            Giao Phòng Tư pháp rà soát các văn bản hết hiệu lực, xong trước ngày 15/5/2026.
            Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.
            """);

        Assert.Equal(["Phòng Tư pháp"], found.Select(d => d.Lead));
    }

    [Theory]
    [InlineData("Giao Phòng Kinh tế rà soát hiện trạng đê bao, gửi kết quả về UBND xã trong ngày 18/8/2026.", 2026, 8, 18)]
    [InlineData("Đề nghị Huyện đoàn tổ chức lễ ra quân hè vào ngày 14/6/2026.", 2026, 6, 14)]
    [InlineData("Phòng Tài chính - Kế hoạch đôn đốc các khoản thu, phấn đấu đến ngày 30/11/2026 đạt 95% dự toán.", 2026, 11, 30)]
    public void Read_DayAfterDenTrongVaoNgay_Deadline(string sentence, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), Single(sentence).Deadline?.DueDate);
    }

    [Fact]
    public void Read_NextLineFromNowUntilDay_GivesTheDeadline()
    {
        var found = Read("""
            Chi cục Thuế chủ trì, phối hợp với Phòng Tài chính - Kế hoạch rà soát các khoản nợ đọng.
            Thời gian thực hiện: từ nay đến ngày 15/12/2026.
            """);

        Assert.Equal(new DateOnly(2026, 12, 15), Assert.Single(found).Deadline?.DueDate);
    }

    [Fact]
    public void Read_DayOfTheEventATaskPreparesFor_NoDeadline()
    {
        var d = Single("Phòng Giáo dục và Đào tạo chỉ đạo các trường chuẩn bị sân bãi để tổ chức lễ khai giảng vào ngày 05/9/2026.");

        Assert.Null(d.Deadline);
    }

    [Fact]
    public void Read_LongPositionWithSchoolsAndPlace_OneSubject()
    {
        var d = Single("Hiệu trưởng các trường mầm non, tiểu học và trung học cơ sở trên địa bàn xã tập trung ôn tập cho học sinh.");

        Assert.Equal(["Hiệu trưởng các trường mầm non, tiểu học và trung học cơ sở trên địa bàn xã"], d.Assignees);
    }

    [Fact]
    public void Read_ChainEndingInPlaceBeforeAnUnlistedVerb_ThirdLevelAddressed()
    {
        var d = Single("Giao UBND huyện chỉ đạo Công an huyện và UBND các xã, thị trấn tổng rà soát các cơ sở lưu trú.");

        Assert.Equal(["UBND huyện", "Công an huyện", "UBND các xã, thị trấn"], d.Assignees);
    }

    /// <summary>A clock on which every timer is already due: it fires while it is being created.</summary>
    private sealed class ExpiredClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return new Fired();
        }

        private sealed class Fired : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
