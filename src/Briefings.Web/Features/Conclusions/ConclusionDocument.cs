using System.Globalization;
using Briefings.Core.Conclusions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Web.Features.Conclusions;

/// <summary>What is printed on a conclusion, already resolved from the record and the directory.</summary>
/// <param name="IssuerSuperior">The body above the issuer as printed above it ("ĐẢNG BỘ TỈNH LONG GIANG"), or null.</param>
/// <param name="IssuerName">The issuing body ("Huyện ủy Tân Phong"); printed in capitals.</param>
/// <param name="Sequence">The register number, or null for a draft (the number is left blank to be filled in).</param>
/// <param name="TypeCode">"KL", "TB".</param>
/// <param name="IssuerSymbol">"HU", "UBND".</param>
/// <param name="Place">The place of the date line ("Tân Phong").</param>
/// <param name="IssuedOn">The date, or null for a draft not yet dated.</param>
/// <param name="TypeName">"KẾT LUẬN", "THÔNG BÁO KẾT LUẬN".</param>
/// <param name="Preamble">Paragraphs before section I.</param>
/// <param name="Closing">Paragraphs after the last item ("Trên đây là kết luận ...").</param>
/// <param name="Recipients">"Nơi nhận" lines in order, without dashes or final punctuation.</param>
public sealed record ConclusionDocumentModel(
    string? IssuerSuperior,
    string IssuerName,
    int? Sequence,
    string TypeCode,
    string IssuerSymbol,
    string Place,
    DateOnly? IssuedOn,
    string TypeName,
    string Summary,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<ConclusionDocumentSection> Sections,
    IReadOnlyList<string> Recipients,
    string SigningForm,
    string SignerTitle,
    string SignerName,
    IReadOnlyList<string>? Closing = null)
{
    /// <summary>"Số 07-KL/HU" (party) or "Số: 07/KL-UBND" (state); a draft shows the blank to be filled in.</summary>
    public string NumberLine(DocumentNumberStyle style)
    {
        if (Sequence is { } sequence)
        {
            var number = style == DocumentNumberStyle.State
                ? DocumentNumber.State(sequence, TypeCode, IssuerSymbol)
                : DocumentNumber.Party(sequence, TypeCode, IssuerSymbol);
            return number.Display;
        }

        return style == DocumentNumberStyle.State ? $"Số:      /{TypeCode}-{IssuerSymbol}" : $"Số      -{TypeCode}/{IssuerSymbol}";
    }

    /// <summary>"Tân Phong, ngày 11 tháng 4 năm 2027"; a draft leaves day and month blank.</summary>
    public string DateLine() => IssuedOn is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{Place}, ngày {d.Day} tháng {d.Month} năm {d.Year:D4}")
        : $"{Place}, ngày      tháng      năm      ";
}

/// <summary>A section heading ("I", "Đánh giá ...") and its numbered items.</summary>
public sealed record ConclusionDocumentSection(string Numeral, string Title, IReadOnlyList<ConclusionDocumentItem> Items)
{
    public string Heading => Numeral.Length > 0 ? $"{Numeral}. {Title}" : Title;
}

/// <summary>A numbered item; its text's further lines (sub-points "- ...", continuations) follow as paragraphs.</summary>
public sealed record ConclusionDocumentItem(int Number, string Text)
{
    public IReadOnlyList<string> Paragraphs()
    {
        var lines = Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return lines.Select((line, i) => i == 0 ? string.Create(CultureInfo.InvariantCulture, $"{Number}. {line}") : line).ToList();
    }
}

/// <summary>
/// Renders a conclusion as the official document (.docx) in the layout a <see cref="ConclusionTemplate"/>
/// describes: the two-column header (issuing body, "*", number | national heading, place and date), the type
/// name and summary, the body, "Nơi nhận" and the signature block; page numbers in the header from page 2.
/// </summary>
public static class ConclusionDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The bookmark on the signer's name. LibreOffice exports it as a PDF named destination, which tells the
    /// signing step where the signature block is (the visible stamp goes right above the name).</summary>
    public const string SignatureBookmark = "ChuKy";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Render(ConclusionDocumentModel model, ConclusionTemplate template)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(template);
        var writer = new Writer(template);

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"{model.TypeName} {model.Summary}".Trim();
            document.PackageProperties.Language = "vi-VN";

            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = writer.DefaultStyles();
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings();
            if (template.Page.MirrorMargins)
            {
                settings.Settings.Append(new MirrorMargins());
            }

            var body = new Body();
            body.Append(writer.HeaderTable(model));
            body.Append(
                writer.Para(Align.Center, 0, 360, new Piece(Caps(model.TypeName), template.Sizes.TypeName, Bold: true)),
                writer.Para(Align.Center, 0, 0, new Piece(model.Summary, template.Sizes.Summary, Bold: true)),
                writer.Para(Align.Center, 0, 0));

            foreach (var paragraph in model.Preamble)
            {
                body.Append(writer.BodyPara(paragraph));
            }

            foreach (var section in model.Sections)
            {
                body.Append(writer.Para(Align.Both, writer.Indent, 120, new Piece(section.Heading, template.Sizes.Body, Bold: true)));
                foreach (var item in section.Items)
                {
                    foreach (var paragraph in item.Paragraphs())
                    {
                        body.Append(writer.BodyPara(paragraph));
                    }
                }
            }

            foreach (var paragraph in model.Closing ?? [])
            {
                body.Append(writer.BodyPara(paragraph));
            }

            // The last paragraph goes over the page with the signature: a page holding only "Nơi nhận" and the
            // signature is not accepted by offices.
            body.Elements<Paragraph>().LastOrDefault()?.ParagraphProperties?.PrependChild(new KeepNext());
            var spacer = writer.Para(Align.Left, 0, 0);
            spacer.ParagraphProperties!.PrependChild(new KeepNext());
            body.Append(spacer);
            body.Append(writer.BottomTable(model));
            body.Append(writer.PageSetup(main));

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>Millimetres to twentieths of a point.</summary>
    internal static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4, MidpointRounding.AwayFromZero);

    private static string Caps(string text) => text.ToUpper(Vietnamese);

    private enum Align { Left, Center, Both }

    private readonly record struct Piece(string Text, int Points, bool Bold = false, bool Italic = false, bool Underline = false);

    private sealed class Writer(ConclusionTemplate template)
    {
        private readonly TypeSizes sizes = template.Sizes;

        public int Indent { get; } = Twips(template.FirstLineIndentMm);

        private int TextWidth => Twips(template.Page.WidthMm - template.Page.MarginLeftMm - template.Page.MarginRightMm);

        private int LeftColumn => Twips(template.HeaderLeftColumnMm);

        public Paragraph BodyPara(string text) => Para(Align.Both, Indent, 120, new Piece(text, sizes.Body));

        public Table HeaderTable(ConclusionDocumentModel model)
        {
            var left = new List<Paragraph>();
            if (!string.IsNullOrWhiteSpace(model.IssuerSuperior))
            {
                left.Add(Para(Align.Center, 0, 0, new Piece(Caps(model.IssuerSuperior), sizes.Superior)));
            }

            left.Add(Para(Align.Center, 0, 0, new Piece(Caps(model.IssuerName), sizes.Issuer, Bold: true, Underline: template.UnderlineIssuer)));
            if (!string.IsNullOrEmpty(template.IssuerMark))
            {
                left.Add(Para(Align.Center, 0, 0, new Piece(template.IssuerMark, sizes.Issuer)));
            }

            var right = new List<Paragraph>
            {
                Para(Align.Center, 0, 0, new Piece(template.NationalHeading, sizes.NationalHeading, Bold: true, Underline: template.UnderlineNationalHeading)),
            };
            if (!string.IsNullOrWhiteSpace(template.NationalMotto))
            {
                right.Add(Para(Align.Center, 0, 0, new Piece(template.NationalMotto, sizes.NationalMotto, Bold: true, Underline: true)));
            }

            // The number and the date share the second row so they stand on one line, as both guides show them.
            var number = new List<Paragraph> { Para(Align.Center, 0, 120, new Piece(model.NumberLine(template.NumberStyle), sizes.Number)) };
            var date = new List<Paragraph> { Para(Align.Center, 0, 120, new Piece(model.DateLine(), sizes.DateLine, Italic: true)) };
            return TwoColumns([(left, right), (number, date)]);
        }

        public Table BottomTable(ConclusionDocumentModel model)
        {
            var left = new List<Paragraph> { Para(Align.Left, 0, 0, new Piece(template.RecipientsLabel, sizes.RecipientsLabel, Bold: true, Italic: true)) };
            for (var i = 0; i < model.Recipients.Count; i++)
            {
                var end = i == model.Recipients.Count - 1 ? "." : ";";
                left.Add(Para(Align.Left, 0, 0, new Piece("- " + model.Recipients[i].TrimEnd(';', '.', ',') + end, sizes.Recipients)));
            }

            var right = new List<Paragraph>
            {
                Para(Align.Center, 0, 0, new Piece(Caps(template.SigningForm(model.SigningForm)), sizes.Signature, Bold: true)),
                Para(Align.Center, 0, 0, new Piece(Caps(model.SignerTitle), sizes.Signature, Bold: true)),
            };
            for (var i = 0; i < template.SignatureBlankLines; i++)
            {
                right.Add(Para(Align.Center, 0, 0));
            }

            var name = Para(Align.Center, 0, 0, new Piece(model.SignerName, sizes.Signature, Bold: true));
            name.InsertAfter(new BookmarkStart { Id = "9000", Name = SignatureBookmark }, name.ParagraphProperties);
            name.AppendChild(new BookmarkEnd { Id = "9000" });
            right.Add(name);
            var table = TwoColumns([(left, right)]);
            table.Elements<TableRow>().Single().PrependChild(new TableRowProperties(new CantSplit()));
            return table;
        }

        /// <summary>A paragraph of runs; spacing in twips before it, indent of its first line in twips.</summary>
        public Paragraph Para(Align align, int firstLineIndent, int before, params Piece[] pieces)
        {
            var properties = new ParagraphProperties(
                new SpacingBetweenLines
                {
                    Before = before.ToString(CultureInfo.InvariantCulture),
                    After = "0",
                    Line = "264",
                    LineRule = LineSpacingRuleValues.Auto,
                },
                new Indentation { FirstLine = firstLineIndent.ToString(CultureInfo.InvariantCulture) },
                new Justification
                {
                    Val = align switch
                    {
                        Align.Left => JustificationValues.Left,
                        Align.Center => JustificationValues.Center,
                        _ => JustificationValues.Both,
                    },
                },
                new ParagraphMarkRunProperties(Fonts(), new FontSize { Val = HalfPoints(sizes.Body) }));

            var paragraph = new Paragraph(properties);
            foreach (var piece in pieces)
            {
                paragraph.Append(TextRun(piece));
            }

            return paragraph;
        }

        private Run TextRun(Piece piece)
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

            properties.Append(new FontSize { Val = HalfPoints(piece.Points) }, new FontSizeComplexScript { Val = HalfPoints(piece.Points) });
            if (piece.Underline)
            {
                properties.Append(new Underline { Val = UnderlineValues.Single });
            }

            properties.Append(new Languages { Val = "vi-VN" });
            return new Run(properties, new Text(piece.Text) { Space = SpaceProcessingModeValues.Preserve });
        }

        private RunFonts Fonts() => new() { Ascii = template.Font, HighAnsi = template.Font, ComplexScript = template.Font, EastAsia = template.Font };

        private static string HalfPoints(int points) => (points * 2).ToString(CultureInfo.InvariantCulture);

        private Table TwoColumns(IEnumerable<(List<Paragraph> Left, List<Paragraph> Right)> rows)
        {
            var rightColumn = TextWidth - LeftColumn;
            var none = new TableBorders(
                new TopBorder { Val = BorderValues.None },
                new BottomBorder { Val = BorderValues.None },
                new LeftBorder { Val = BorderValues.None },
                new RightBorder { Val = BorderValues.None },
                new InsideHorizontalBorder { Val = BorderValues.None },
                new InsideVerticalBorder { Val = BorderValues.None });
            var table = new Table(
                new TableProperties(
                    new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    none,
                    new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(
                    new GridColumn { Width = LeftColumn.ToString(CultureInfo.InvariantCulture) },
                    new GridColumn { Width = rightColumn.ToString(CultureInfo.InvariantCulture) }));
            foreach (var (left, right) in rows)
            {
                table.Append(new TableRow(Cell(LeftColumn, left), Cell(rightColumn, right)));
            }

            return table;
        }

        private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
        {
            var cell = new TableCell(new TableCellProperties(
                new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(paragraphs);
            return cell;
        }

        /// <summary>A4 and margins; with page numbers from page 2, a numbered default header and an empty
        /// first-page header ("title page different").</summary>
        public SectionProperties PageSetup(MainDocumentPart main)
        {
            var page = template.Page;
            var section = new SectionProperties();
            if (page.PageNumbersFromPage2)
            {
                var numbered = main.AddNewPart<HeaderPart>();
                numbered.Header = new Header(PageNumberParagraph());
                var first = main.AddNewPart<HeaderPart>();
                first.Header = new Header(Para(Align.Center, 0, 0));
                section.Append(
                    new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(numbered) },
                    new HeaderReference { Type = HeaderFooterValues.First, Id = main.GetIdOfPart(first) });
            }

            section.Append(
                new PageSize { Width = (uint)Twips(page.WidthMm), Height = (uint)Twips(page.HeightMm), Orient = PageOrientationValues.Portrait },
                new PageMargin
                {
                    Top = Twips(page.MarginTopMm),
                    Bottom = Twips(page.MarginBottomMm),
                    Left = (uint)Twips(page.MarginLeftMm),
                    Right = (uint)Twips(page.MarginRightMm),
                    Header = (uint)Twips(page.HeaderFromTopMm),
                    Footer = (uint)Twips(page.HeaderFromTopMm),
                    Gutter = 0,
                },
                new PageNumberType { Format = NumberFormatValues.Decimal });
            if (page.PageNumbersFromPage2)
            {
                section.Append(new TitlePage());
            }

            return section;
        }

        private Paragraph PageNumberParagraph()
        {
            var paragraph = Para(Align.Center, 0, 0);
            RunProperties Props() => new(Fonts(), new FontSize { Val = HalfPoints(sizes.PageNumber) }, new FontSizeComplexScript { Val = HalfPoints(sizes.PageNumber) });
            paragraph.Append(
                new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(Props(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(Props(), new Text("2")),
                new Run(Props(), new FieldChar { FieldCharType = FieldCharValues.End }));
            return paragraph;
        }

        public Styles DefaultStyles() => new(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(),
                    new FontSize { Val = HalfPoints(sizes.Body) },
                    new FontSizeComplexScript { Val = HalfPoints(sizes.Body) },
                    new Languages { Val = "vi-VN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph,
                StyleId = "Normal",
                Default = true,
            });
    }
}
