using Briefings.Web.Features.Meetings;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>The printed invitation letter: content, party administrative style, A4.</summary>
public sealed class InvitationLetterTests
{
    private static readonly InvitationLetterModel Model = new(
        IssuerName: "BAN DÂN VẬN",
        IssuerSuperior: "HUYỆN ỦY TÂN PHONG",
        Number: "12-GM/BDVHU",
        Place: "Tân Phong",
        IssuedOn: new DateOnly(2027, 3, 1),
        Title: "Dự họp giao ban MTTQ, các đoàn thể chính trị - xã hội huyện quý I năm 2027",
        Recipients: ["Thường trực Đảng ủy các xã, thị trấn", "Ủy ban MTTQ Việt Nam huyện Tân Phong"],
        StartsLocal: new DateTime(2027, 3, 5, 8, 0, 0, DateTimeKind.Unspecified),
        EndsLocal: new DateTime(2027, 3, 5, 11, 0, 0, DateTimeKind.Unspecified),
        MeetingPlace: "Hội trường Huyện ủy Tân Phong, tỉnh Long Giang",
        ModeText: "Trực tiếp kết hợp trực tuyến",
        JoinLink: "https://hop.longgiang.example.vn/giaoban-q1-2027",
        Chair: "Đồng chí Trưởng Ban Dân vận Huyện ủy",
        Composition:
        [
            "Thường trực Ủy ban MTTQ Việt Nam huyện;",
            "Lãnh đạo Huyện đoàn, Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh huyện;",
            "Trưởng Ban Dân vận Đảng ủy các xã, thị trấn.",
        ],
        Agenda:
        [
            "Đánh giá kết quả công tác dân vận quý I năm 2027;",
            "Triển khai nhiệm vụ trọng tâm quý II năm 2027;",
            "Ý kiến của các đại biểu.",
        ],
        SigningForm: "T/M BAN DÂN VẬN",
        SignerTitle: "TRƯỞNG BAN",
        SignerName: "Nguyễn Văn Bình",
        ArchiveCode: "VT");

    [Fact]
    public void Render_FullModel_ContainsEveryPart()
    {
        using var document = Open(InvitationLetter.Render(Model));
        var text = BodyText(document);

        Assert.Contains("GIẤY MỜI", text, StringComparison.Ordinal);
        Assert.Contains(Model.Title, text, StringComparison.Ordinal);
        Assert.Contains("Kính gửi", text, StringComparison.Ordinal);
        Assert.Contains("- Thường trực Đảng ủy các xã, thị trấn", text, StringComparison.Ordinal);
        Assert.Contains("HUYỆN ỦY TÂN PHONG", text, StringComparison.Ordinal);
        Assert.Contains("Số 12-GM/BDVHU", text, StringComparison.Ordinal);
        Assert.Contains("Tân Phong, ngày 1 tháng 3 năm 2027", text, StringComparison.Ordinal);
        Assert.Contains("Thời gian: 08 giờ 00, ngày 05/03/2027", text, StringComparison.Ordinal);
        Assert.Contains("Địa điểm: " + Model.MeetingPlace, text, StringComparison.Ordinal);
        Assert.Contains("Hình thức: " + Model.ModeText, text, StringComparison.Ordinal);
        Assert.Contains("Đường dẫn tham dự trực tuyến: " + Model.JoinLink, text, StringComparison.Ordinal);
        Assert.Contains("Chủ trì: " + Model.Chair, text, StringComparison.Ordinal);
        Assert.All(Model.Composition, line => Assert.Contains("- " + line, text, StringComparison.Ordinal));
        Assert.Contains("1. " + Model.Agenda[0], text, StringComparison.Ordinal);
        Assert.Contains("2. " + Model.Agenda[1], text, StringComparison.Ordinal);
        Assert.Contains("3. " + Model.Agenda[2], text, StringComparison.Ordinal);
        Assert.Contains("Nơi nhận:", text, StringComparison.Ordinal);
        Assert.Contains("- Lưu VT.", text, StringComparison.Ordinal);
        Assert.Contains("T/M BAN DÂN VẬN", text, StringComparison.Ordinal);
        Assert.Contains("TRƯỞNG BAN", text, StringComparison.Ordinal);
        Assert.Contains(Model.SignerName, text, StringComparison.Ordinal);

        SaveForPeople(InvitationLetter.Render(Model));
    }

    [Fact]
    public void Render_InPersonSingleRecipient_NoJoinLinkLineAndRecipientOnOneLine()
    {
        var model = Model with
        {
            Recipients = ["Thường trực Đảng ủy các xã"],
            JoinLink = null,
            Chair = null,
            ModeText = "Trực tiếp",
            IssuerSuperior = null,
            Number = null,
        };

        using var document = Open(InvitationLetter.Render(model));
        var paragraphs = Paragraphs(document);

        Assert.Contains("Kính gửi: Thường trực Đảng ủy các xã", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.Contains("trực tuyến", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("Chủ trì", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("Số ", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.StartsWith("- Thường trực Đảng ủy", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AnyModel_EveryRunIsTimesNewRoman()
    {
        using var document = Open(InvitationLetter.Render(Model));
        var runs = document.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();

        Assert.NotEmpty(runs);
        Assert.All(runs, run =>
        {
            var fonts = run.RunProperties?.RunFonts;
            Assert.NotNull(fonts);
            Assert.Equal("Times New Roman", fonts.Ascii?.Value);
            Assert.Equal("Times New Roman", fonts.HighAnsi?.Value);
            Assert.Equal("Times New Roman", fonts.ComplexScript?.Value);
            Assert.Equal("Times New Roman", fonts.EastAsia?.Value);
        });
    }

    [Fact]
    public void Render_AnyModel_PartyHeadingBoldUnderlined15Points()
    {
        using var document = Open(InvitationLetter.Render(Model));

        var heading = Assert.Single(document.MainDocumentPart!.Document!.Body!.Descendants<Run>(),
            run => run.InnerText == "ĐẢNG CỘNG SẢN VIỆT NAM");
        var properties = heading.RunProperties!;

        Assert.NotNull(properties.Bold);
        Assert.Equal(UnderlineValues.Single, properties.Underline?.Val?.Value);
        Assert.Equal("30", properties.FontSize?.Val?.Value);
    }

    [Fact]
    public void Render_AnyModel_TitleBold16AndBody14Points()
    {
        using var document = Open(InvitationLetter.Render(Model));
        var runs = document.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();

        var title = Assert.Single(runs, run => run.InnerText == "GIẤY MỜI");
        Assert.NotNull(title.RunProperties!.Bold);
        Assert.Equal("32", title.RunProperties.FontSize?.Val?.Value);
        var place = Assert.Single(runs, run => run.InnerText == Model.MeetingPlace);
        Assert.Equal("28", place.RunProperties!.FontSize?.Val?.Value);
    }

    [Fact]
    public void Render_AnyModel_A4PortraitWithPartyMargins()
    {
        using var document = Open(InvitationLetter.Render(Model));
        var section = document.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>();

        var size = section?.GetFirstChild<PageSize>();
        Assert.NotNull(size);
        Assert.Equal(11906u, size.Width?.Value);
        Assert.Equal(16838u, size.Height?.Value);
        var margin = section!.GetFirstChild<PageMargin>();
        Assert.NotNull(margin);
        Assert.Equal(1134, margin.Top?.Value);   // 20 mm
        Assert.Equal(1134, margin.Bottom?.Value); // 20 mm
        Assert.Equal(1701u, margin.Left?.Value);  // 30 mm
        Assert.Equal(850u, margin.Right?.Value);  // 15 mm
    }

    private static WordprocessingDocument Open(byte[] bytes) =>
        WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static List<string> Paragraphs(WordprocessingDocument document) =>
        document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();

    private static string BodyText(WordprocessingDocument document) => string.Join('\n', Paragraphs(document));

    private static void SaveForPeople(byte[] bytes)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "giay-moi.docx"), bytes);
    }
}
