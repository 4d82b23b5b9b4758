using Briefings.Core.Conclusions;

namespace Briefings.Core.Tests.Conclusions;

public sealed class ConclusionTextTests
{
    private static readonly Guid Issuer = Guid.CreateVersion7();
    private static readonly Guid Lead = Guid.CreateVersion7();

    private static Conclusion Sample()
    {
        var c = Conclusion.Create(Issuer, "KL", "KẾT LUẬN", "Hội nghị giao ban quý I năm 2026").Value!;
        Assert.Null(c.Describe(c.Summary, "Ngày 10/4/2026, đồng chí Bí thư chủ trì hội nghị.", "Tân Phong", null));
        Assert.Null(c.SetBody(
            [new BodySection { Order = 1, Numeral = "I", Title = "Đánh giá" }, new BodySection { Order = 2, Numeral = "II", Title = "Kiến nghị" }],
            [
                new BodyItem { SectionOrder = 1, Number = 1, Text = "Hội nghị chu đáo:\n- Kiểm tra âm thanh.\n- Treo bảng tên." },
                new BodyItem { SectionOrder = 2, Number = 1, Text = "Giao Ban Dân vận Huyện ủy rà soát; hoàn thành trong tháng 5/2026." },
            ],
            [new Directive { SectionOrder = 2, ItemNumber = 1, LeadUnitId = Lead, Deadline = Deadline.InMonth(2026, 5), ExpectedOutput = ExpectedOutput.ReportBack }]));
        Assert.Null(c.SetRecipients([(Lead, "Ban Dân vận Huyện ủy"), (null, "Lưu VPHU")]));
        Assert.Null(c.SetSigner(Guid.CreateVersion7(), "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
        return c;
    }

    [Fact]
    public void FormatBody_ParsedBack_SameSectionsAndItems()
    {
        var c = Sample();

        var parsed = ConclusionTextParser.Parse(ConclusionText.FormatBody(c.Sections, c.Items));

        Assert.Equal(["I", "II"], parsed.Sections.Select(s => s.Numeral));
        Assert.Equal(["Đánh giá", "Kiến nghị"], parsed.Sections.Select(s => s.Title));
        Assert.Equal(c.Items.Single(i => i.SectionOrder == 1).Text, parsed.Sections[0].Items.Single().Text);
        Assert.Equal("Ban Dân vận Huyện ủy", parsed.Sections[1].Items.Single().Assignments.Single().LeadUnit);
    }

    [Fact]
    public void Snapshot_NamesUnitsDeadlinesRecipientsAndSigner()
    {
        var snapshot = ConclusionText.Snapshot(Sample(), id => id == Lead ? "Ban Dân vận Huyện ủy" : "Huyện ủy");

        Assert.Contains("Nhiệm vụ mục II.1: chủ trì Ban Dân vận Huyện ủy; thời hạn trong tháng 5/2026; sản phẩm: báo cáo kết quả về Thường trực", snapshot);
        Assert.Contains("- Lưu VPHU", snapshot);
        Assert.Contains("Ký: T/M BAN THƯỜNG VỤ / BÍ THƯ / Trần Minh Khang", snapshot);
    }

    [Fact]
    public void CreateCorrection_OfIssued_NewDraftReferencingTheOriginal()
    {
        var original = Sample();
        Assert.Null(original.Submit("vanphong", DateTimeOffset.UnixEpoch));
        Assert.Null(original.Approve("bithu", DateTimeOffset.UnixEpoch));
        Assert.Null(original.Issue(DocumentNumber.Party(7, "KL", "HU"), "2026", new DateOnly(2026, 4, 15), "vanphong", DateTimeOffset.UnixEpoch));

        var correction = Conclusion.CreateCorrection(original).Value!;

        Assert.Equal(original.Id, correction.CorrectsConclusionId);
        Assert.Equal(ConclusionStatus.Draft, correction.Status);
        Assert.Null(correction.Sequence);
        Assert.StartsWith("Văn bản này đính chính kết luận số 07-KL/HU ngày 15/04/2026.", correction.Preamble);
        Assert.Equal(original.Items.Select(i => i.Text), correction.Items.Select(i => i.Text));
        Assert.Equal(original.Directives.Single().LeadUnitId, correction.Directives.Single().LeadUnitId);
        Assert.Equal(7, original.Sequence);
    }

    [Fact]
    public void CreateCorrection_OfDraft_Refused()
    {
        Assert.False(Conclusion.CreateCorrection(Sample()).Succeeded);
    }
}

public sealed class AssignmentVerbTests
{
    [Fact]
    public void Extract_TuyenGiaoInCoordinatingUnit_NotReadAsTheVerbGiao()
    {
        var assignments = AssignmentExtractor.Extract("Giao Văn phòng Huyện ủy phối hợp với Ban Tuyên giáo Huyện ủy rà soát thiết bị; hoàn thành trong tháng 8/2026.");

        var only = Assert.Single(assignments);
        Assert.Equal("Văn phòng Huyện ủy", only.LeadUnit);
        Assert.Equal(["Ban Tuyên giáo Huyện ủy"], only.CoordinatingUnits);
        Assert.Equal(Deadline.InMonth(2026, 8), only.Deadline);
    }
}

public sealed class DeadlineRoundTripTests
{
    public static TheoryData<string> Written => new()
    {
        Deadline.By(new DateOnly(2026, 5, 15)).ToString(),
        Deadline.InMonth(2026, 5).ToString(),
        Deadline.InQuarter(2026, 2).ToString(),
        Deadline.InHalfYear(2026, 2).ToString(),
        Deadline.InSchoolYear(2026).ToString(),
        Deadline.InYear(2026).ToString(),
        Deadline.Yearly.ToString(),
        Deadline.Ongoing.ToString(),
    };

    /// <summary>What the editor shows for a stored deadline reads back as the same deadline.</summary>
    [Theory]
    [MemberData(nameof(Written))]
    public void ParseExact_WhatToStringWrites_SameDeadline(string written)
    {
        Assert.Equal(written, DeadlineParser.ParseExact(written)?.ToString());
    }
}
