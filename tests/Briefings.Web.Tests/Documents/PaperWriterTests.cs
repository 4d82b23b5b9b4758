using Briefings.Web.Documents;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Web.Tests.Documents;

/// <summary>The one writer on its own: every building block, schema-valid, in the party layout.</summary>
public sealed class PaperWriterTests
{
    private static PaperTemplate Party
    {
        get
        {
            using var file = File.OpenRead(PartyTemplatePath());
            return PaperTemplates.Parse(file, "conclusion-party.json");
        }
    }

    /// <summary>The shipped template: copied beside the tests, or found in the source tree above them.</summary>
    public static string PartyTemplatePath()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Templates", "conclusion-party.json");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); !File.Exists(copied) && folder is not null; folder = folder.Parent)
        {
            copied = Path.Combine(folder.FullName, "src", "Briefings.Web", "Templates", "conclusion-party.json");
        }

        return copied;
    }

    private static Paper Sample(IReadOnlyList<PaperSignature> signatures, IReadOnlyList<string> recipients) => new(
        "Huyện ủy Tân Phong",
        "Ban Dân vận Huyện ủy",
        "Số 03-BC/BDVHU",
        Paper.DateLineOf("Tân Phong", new DateOnly(2027, 3, 5)),
        "BÁO CÁO",
        "Kết quả công tác dân vận quý I năm 2027",
        [
            new PaperText("I. KẾT QUẢ", PaperTextStyle.Heading),
            new PaperText("1. Các đơn vị đã triển khai đầy đủ."),
            new PaperText("- Một dòng liệt kê.", PaperTextStyle.ListLine),
            new PaperLabelled("Thời gian: ", "08 giờ 00, ngày 05/03/2027."),
            new PaperTable([new("STT", 1, true), new("Đơn vị", 4), new("Số liệu", 2, true)],
                [["1", "Xã An Lạc", "12"], ["2", "Xã Bình Đông\nhai dòng", "7"]]),
            new PaperText("Trên đây là báo cáo./."),
        ],
        recipients,
        signatures);

    [Fact]
    public void Render_EveryBlockWithRecipients_ValidAndPartyLayout()
    {
        var docx = PaperWriter.Render(Sample([new PaperSignature("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Đoàn Thị Ngọc Trâm")], ["Thường trực Huyện ủy (để b/c)", "Lưu BDVHU"]), Party);

        PaperLayout.AssertValid(docx, "paper.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("BÁO CÁO", "Số 03-BC/BDVHU", [["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Đoàn Thị Ngọc Trâm"]]));
    }

    [Fact]
    public void Render_TwoSignatures_SideBySideWithoutRecipients()
    {
        var docx = PaperWriter.Render(Sample([new PaperSignature("", "THƯ KÝ", "Đặng Thị Mai"), new PaperSignature("", "CHỦ TRÌ", "Trần Minh Khang")], []), Party);

        PaperLayout.AssertValid(docx, "two.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("BÁO CÁO", null, [["THƯ KÝ", "Đặng Thị Mai"], ["CHỦ TRÌ", "Trần Minh Khang"]], HasRecipients: false));
    }

    [Fact]
    public void Render_Table_GridOfWeightsFillsTheTextWidthAndHeaderRepeats()
    {
        var docx = PaperWriter.Render(Sample([new PaperSignature("", "TRƯỞNG BAN", "Phạm Quốc Bảo")], ["Lưu BDVHU"]), Party);

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var table = document.MainDocumentPart!.Document!.Body!.Elements<Table>().ElementAt(1);
        var widths = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(PaperWriter.Twips(210 - 35 - 15), widths.Sum());
        Assert.Equal(4, widths[1] / widths[0]);
        var rows = table.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal(["Xã Bình Đông", "hai dòng"], rows[2].Elements<TableCell>().ElementAt(1).Elements<Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public void Check_BrokenPaper_ReportsTheFailedRules()
    {
        // A Ban's paper printed with a landscape page and a wrong type name fails checks 5 and 8, and says so.
        var landscape = Party with { Page = Party.Page with { WidthMm = 297, HeightMm = 210 } };
        var docx = PaperWriter.Render(Sample([new PaperSignature("", "TRƯỞNG BAN", "Phạm Quốc Bảo")], ["Lưu BDVHU"]), landscape);

        var failures = PaperLayout.Check(docx, new PaperExpectation("KẾT LUẬN", null, [["TRƯỞNG BAN", "Phạm Quốc Bảo"]]));

        Assert.Contains(failures, f => f.StartsWith("5:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("8: A4", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.StartsWith("11:", StringComparison.Ordinal));
    }
}
