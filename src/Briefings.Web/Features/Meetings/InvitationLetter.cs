using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Web.Features.Meetings;

/// <summary>What goes on one printed invitation letter ("Giấy mời"). Times are already in Vietnam time.</summary>
/// <param name="IssuerName">Issuing body, e.g. "BAN DÂN VẬN"; printed in capitals.</param>
/// <param name="IssuerSuperior">Its direct superior, e.g. "HUYỆN ỦY TÂN PHONG"; printed in capitals when given.</param>
/// <param name="Number">Number and code without the "Số " prefix, e.g. "12-GM/BDVHU".</param>
/// <param name="Place">Place name of the date line, e.g. "Tân Phong".</param>
/// <param name="StartsLocal">Meeting start, Vietnam local time.</param>
/// <param name="EndsLocal">Meeting end, Vietnam local time (not printed: an invitation states the start).</param>
/// <param name="MeetingPlace">Where the meeting is held.</param>
/// <param name="ModeText">How it is held, e.g. "Trực tiếp kết hợp trực tuyến".</param>
/// <param name="SigningForm">Signing authority, e.g. "T/M BAN DÂN VẬN"; printed in capitals.</param>
/// <param name="SignerTitle">Signer's position, e.g. "TRƯỞNG BAN"; printed in capitals.</param>
/// <param name="ArchiveCode">Archive mark after "Lưu", e.g. "VT"; printed as "- Lưu VT.".</param>
public sealed record InvitationLetterModel(
    string IssuerName,
    string? IssuerSuperior,
    string? Number,
    string Place,
    DateOnly IssuedOn,
    string Title,
    IReadOnlyList<string> Recipients,
    DateTime StartsLocal,
    DateTime EndsLocal,
    string MeetingPlace,
    string ModeText,
    string? JoinLink,
    string? Chair,
    IReadOnlyList<string> Composition,
    IReadOnlyList<string> Agenda,
    string SigningForm,
    string SignerTitle,
    string SignerName,
    string ArchiveCode);

/// <summary>
/// Renders an invitation letter as .docx in the party's administrative style: A4 portrait, margins
/// 20/20/30/15 mm (top/bottom/left/right), Times New Roman, body 14 pt, the issuer and the "ĐẢNG CỘNG SẢN VIỆT NAM"
/// heading side by side, recipients list at the end and the signature block on the right.
/// </summary>
public static class InvitationLetter
{
    private const string Font = "Times New Roman";
    private const int BodyPoints = 14;

    // A4 in twentieths of a point; margins from millimetres (1 mm = 1440 / 25.4 twips).
    private const int PageWidth = 11906;
    private const int PageHeight = 16838;
    private const int MarginTop = 1134;    // 20 mm
    private const int MarginBottom = 1134; // 20 mm
    private const int MarginLeft = 1701;   // 30 mm
    private const int MarginRight = 850;   // 15 mm
    private const int TextWidth = PageWidth - MarginLeft - MarginRight;
    private const int LeftColumn = 3969;   // 7 cm: issuer block and "Nơi nhận"
    private const int FirstLineIndent = 567; // 1 cm

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Render(InvitationLetterModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = "Giấy mời - " + model.Title;
            document.PackageProperties.Language = "vi-VN";

            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = DefaultStyles();

            var body = new Body();
            body.Append(HeaderTable(model));
            body.Append(
                Para(Align.Center, 0, before: 360, new Piece("GIẤY MỜI", 16, Bold: true)),
                Para(Align.Center, 0, before: 0, new Piece(model.Title, BodyPoints, Bold: true)));
            AppendRecipients(body, model.Recipients);

            body.Append(
                Labelled("Thời gian: ", MeetingTime(model.StartsLocal)),
                Labelled("Địa điểm: ", model.MeetingPlace),
                Labelled("Hình thức: ", model.ModeText));
            if (model.JoinLink is not null)
            {
                body.Append(Labelled("Đường dẫn tham dự trực tuyến: ", model.JoinLink));
            }
            if (!string.IsNullOrWhiteSpace(model.Chair))
            {
                body.Append(Labelled("Chủ trì: ", model.Chair));
            }

            body.Append(Labelled("Thành phần:", ""));
            foreach (var line in model.Composition)
            {
                body.Append(Para(Align.Both, FirstLineIndent, before: 0, new Piece("- " + line, BodyPoints)));
            }

            body.Append(Labelled("Nội dung:", ""));
            for (var i = 0; i < model.Agenda.Count; i++)
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                body.Append(Para(Align.Both, FirstLineIndent, before: 0, new Piece(number + ". " + model.Agenda[i], BodyPoints)));
            }

            body.Append(Para(Align.Both, FirstLineIndent, before: 120,
                new Piece("Đề nghị các đồng chí tham dự đầy đủ, đúng thành phần và chuẩn bị ý kiến phát biểu./.", BodyPoints)));
            body.Append(Para(Align.Left, 0, before: 0)); // a gap above the signature block
            body.Append(SignatureTable(model));
            body.Append(PageSetup());

            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>"08 giờ 00, ngày 05/03/2027".</summary>
    internal static string MeetingTime(DateTime local) =>
        local.ToString("HH 'giờ' mm', ngày 'dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Tân Phong, ngày 5 tháng 3 năm 2027".</summary>
    internal static string DateLine(string place, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {date.Day} tháng {date.Month} năm {date.Year:D4}");

    private static Table HeaderTable(InvitationLetterModel model)
    {
        var left = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(model.IssuerSuperior))
        {
            left.Add(Para(Align.Center, 0, before: 0, new Piece(Caps(model.IssuerSuperior), 13)));
        }
        left.Add(Para(Align.Center, 0, before: 0, new Piece(Caps(model.IssuerName), BodyPoints, Bold: true)));
        left.Add(Para(Align.Center, 0, before: 0, new Piece("*", BodyPoints)));
        if (!string.IsNullOrWhiteSpace(model.Number))
        {
            left.Add(Para(Align.Center, 0, before: 0, new Piece("Số " + model.Number, BodyPoints)));
        }

        var right = new List<Paragraph>
        {
            Para(Align.Center, 0, before: 0, new Piece("ĐẢNG CỘNG SẢN VIỆT NAM", 15, Bold: true, Underline: true)),
            Para(Align.Center, 0, before: 240, new Piece(DateLine(model.Place, model.IssuedOn), BodyPoints, Italic: true)),
        };
        return TwoColumns(left, right);
    }

    private static Table SignatureTable(InvitationLetterModel model)
    {
        var left = new List<Paragraph>
        {
            Para(Align.Left, 0, before: 0, new Piece("Nơi nhận:", 12, Bold: true, Italic: true)),
            Para(Align.Left, 0, before: 0, new Piece("- Như trên;", 12)),
            Para(Align.Left, 0, before: 0, new Piece("- Lưu " + model.ArchiveCode + ".", 12)),
        };
        var right = new List<Paragraph>
        {
            Para(Align.Center, 0, before: 0, new Piece(Caps(model.SigningForm), BodyPoints, Bold: true)),
            Para(Align.Center, 0, before: 0, new Piece(Caps(model.SignerTitle), BodyPoints, Bold: true)),
        };
        // Room for the signature and the seal.
        for (var i = 0; i < 4; i++)
        {
            right.Add(Para(Align.Center, 0, before: 0));
        }
        right.Add(Para(Align.Center, 0, before: 0, new Piece(model.SignerName, BodyPoints, Bold: true)));

        return TwoColumns(left, right);
    }

    private static void AppendRecipients(Body body, IReadOnlyList<string> recipients)
    {
        if (recipients.Count == 1)
        {
            body.Append(Para(Align.Center, 0, before: 240,
                new Piece("Kính gửi: ", BodyPoints), new Piece(recipients[0], BodyPoints)));
            return;
        }
        body.Append(Para(Align.Left, FirstLineIndent * 2, before: 240, new Piece("Kính gửi:", BodyPoints)));
        foreach (var recipient in recipients)
        {
            body.Append(Para(Align.Left, FirstLineIndent * 4, before: 0, new Piece("- " + recipient, BodyPoints)));
        }
    }

    private static Paragraph Labelled(string label, string value)
    {
        var paragraph = Para(Align.Both, FirstLineIndent, before: 60, new Piece(label, BodyPoints, Bold: true));
        if (value.Length > 0)
        {
            paragraph.Append(TextRun(new Piece(value, BodyPoints)));
        }
        return paragraph;
    }

    private static string Caps(string text) => text.ToUpper(Vietnamese);

    private enum Align { Left, Center, Both }

    private readonly record struct Piece(string Text, int Points, bool Bold = false, bool Italic = false, bool Underline = false);

    /// <summary>A paragraph of runs; spacing in twips before it, indent of its first line in twips.</summary>
    private static Paragraph Para(Align align, int firstLineIndent, int before, params Piece[] pieces)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines
            {
                Before = before.ToString(CultureInfo.InvariantCulture),
                After = "0",
                Line = "276",
                LineRule = LineSpacingRuleValues.Auto,
            },
            new Indentation { FirstLine = firstLineIndent.ToString(CultureInfo.InvariantCulture) },
            new Justification
            {
                Val = align switch
                {
                    Align.Left => JustificationValues.Left,
                    Align.Center => JustificationValues.Center,
                    Align.Both => JustificationValues.Both,
                },
            },
            new ParagraphMarkRunProperties(Fonts(), new FontSize { Val = HalfPoints(BodyPoints) }));

        var paragraph = new Paragraph(properties);
        foreach (var piece in pieces)
        {
            paragraph.Append(TextRun(piece));
        }
        return paragraph;
    }

    private static Run TextRun(Piece piece)
    {
        var properties = new RunProperties(Fonts());
        if (piece.Bold)
        {
            properties.Append(new Bold(), new BoldComplexScript());
        }
        if (piece.Italic)
        {
            properties.Append(new Italic(), new ItalicComplexScript());
        }
        properties.Append(
            new FontSize { Val = HalfPoints(piece.Points) },
            new FontSizeComplexScript { Val = HalfPoints(piece.Points) });
        if (piece.Underline)
        {
            properties.Append(new Underline { Val = UnderlineValues.Single });
        }
        properties.Append(new Languages { Val = "vi-VN" });
        return new Run(properties, new Text(piece.Text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static RunFonts Fonts() =>
        new() { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font };

    private static string HalfPoints(int points) => (points * 2).ToString(CultureInfo.InvariantCulture);

    private static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right)
    {
        const int rightColumn = TextWidth - LeftColumn;
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None },
            new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None },
            new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(
                new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                none,
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(
                new GridColumn { Width = LeftColumn.ToString(CultureInfo.InvariantCulture) },
                new GridColumn { Width = rightColumn.ToString(CultureInfo.InvariantCulture) }),
            new TableRow(Cell(LeftColumn, left), Cell(rightColumn, right)));
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs);
        return cell;
    }

    private static SectionProperties PageSetup() => new(
        new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
        new PageMargin
        {
            Top = MarginTop,
            Bottom = MarginBottom,
            Left = MarginLeft,
            Right = MarginRight,
            Header = 567,
            Footer = 567,
            Gutter = 0,
        });

    private static Styles DefaultStyles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                Fonts(),
                new FontSize { Val = HalfPoints(BodyPoints) },
                new FontSizeComplexScript { Val = HalfPoints(BodyPoints) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        });
}
