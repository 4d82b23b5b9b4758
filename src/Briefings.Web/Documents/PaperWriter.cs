using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Web.Documents;

/// <summary>
/// The one Word writer of the product: renders a <see cref="Paper"/> as .docx in the layout a
/// <see cref="PaperTemplate"/> describes (page, margins, font, sizes, fixed texts). Its building blocks are the
/// party header (issuer, "*", number | national heading, place and date), the title, body paragraphs, bordered
/// tables with a column grid, and the bottom block ("Nơi nhận" and the signature, or two signatures) held on one page.
/// Every element is written in the schema's order, so the Open XML SDK's validator finds nothing.
/// </summary>
public static class PaperWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The bookmark on the (right-hand) signer's name. LibreOffice exports it as a PDF named destination,
    /// which tells the signing step where the signature block is (the visible stamp goes right above the name).</summary>
    public const string SignatureBookmark = "ChuKy";

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static byte[] Render(Paper paper, PaperTemplate template)
    {
        ArgumentNullException.ThrowIfNull(paper);
        ArgumentNullException.ThrowIfNull(template);
        var writer = new Writer(template);

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"{paper.TypeName} {paper.Summary}".Trim();
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
            body.Append(writer.HeaderTable(paper));
            body.Append(writer.Para(Align.Center, 0, 360, new Piece(Caps(paper.TypeName), template.Sizes.TypeName, Bold: true)));
            if (!string.IsNullOrWhiteSpace(paper.Summary))
            {
                body.Append(writer.Para(Align.Center, 0, 0, new Piece(paper.Summary, template.Sizes.Summary, Bold: true)));
            }

            body.Append(writer.Para(Align.Center, 0, 0));
            foreach (var block in paper.Body)
            {
                body.Append(writer.Block(block));
            }

            // The last paragraph goes over the page with the signature: a page holding only "Nơi nhận" and the
            // signature is not accepted by offices.
            if (body.LastChild is Paragraph last)
            {
                last.ParagraphProperties!.PrependChild(new KeepNext());
            }

            var spacer = writer.Para(Align.Left, 0, 0);
            spacer.ParagraphProperties!.PrependChild(new KeepNext());
            body.Append(spacer);
            body.Append(writer.BottomTable(paper));
            body.Append(writer.PageSetup(main));

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    /// <summary>Millimetres to twentieths of a point.</summary>
    public static int Twips(double mm) => (int)Math.Round(mm * 1440 / 25.4, MidpointRounding.AwayFromZero);

    private static string Caps(string text) => text.ToUpper(Vietnamese);

    private enum Align { Left, Center, Both }

    private readonly record struct Piece(string Text, int Points, bool Bold = false, bool Italic = false, bool Underline = false);

    private sealed class Writer(PaperTemplate template)
    {
        private readonly TypeSizes sizes = template.Sizes;

        private int Indent { get; } = Twips(template.FirstLineIndentMm);

        private int TextWidth => Twips(template.Page.WidthMm - template.Page.MarginLeftMm - template.Page.MarginRightMm);

        private int LeftColumn => Twips(template.HeaderLeftColumnMm);

        public OpenXmlElement Block(PaperBlock block) => block switch
        {
            PaperText { Style: PaperTextStyle.Heading } t => Para(Align.Both, Indent, 120, new Piece(t.Text, sizes.Body, Bold: true)),
            PaperText { Style: PaperTextStyle.ListLine } t => Para(Align.Both, Indent, 0, new Piece(t.Text, sizes.Body)),
            PaperText { Style: PaperTextStyle.Centered } t => Para(Align.Center, 0, 120, new Piece(t.Text, sizes.Body)),
            PaperText t => Para(Align.Both, Indent, 120, new Piece(t.Text, sizes.Body)),
            PaperLabelled l => l.Value.Length == 0
                ? Para(Align.Both, Indent, 60, new Piece(l.Label, sizes.Body, Bold: true))
                : Para(Align.Both, Indent, 60, new Piece(l.Label, sizes.Body, Bold: true), new Piece(l.Value, sizes.Body)),
            PaperTable t => Grid(t),
            _ => throw new InvalidOperationException($"Unknown block {block.GetType().Name}."),
        };

        public Table HeaderTable(Paper paper)
        {
            var left = new List<Paragraph>();
            if (!string.IsNullOrWhiteSpace(paper.Superior))
            {
                left.Add(Para(Align.Center, 0, 0, new Piece(Caps(paper.Superior), sizes.Superior)));
            }

            left.Add(Para(Align.Center, 0, 0, new Piece(Caps(paper.Issuer), sizes.Issuer, Bold: true)));
            if (template.UnderlineIssuer)
            {
                left.Add(ShortRule(Caps(paper.Issuer)));
            }
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
            var number = new List<Paragraph> { Para(Align.Center, 0, 120, new Piece(template.Labelled(paper.NumberLine), sizes.Number)) };
            var date = new List<Paragraph> { Para(Align.Center, 0, 120, new Piece(paper.DateLine, sizes.DateLine, Italic: true)) };
            return TwoColumns(LeftColumn, [(left, right), (number, date)]);
        }

        /// <summary>Nghị định 30's line under the issuing body's name: solid, about two fifths as long as the name's
        /// longest line (bold capitals of Times New Roman are about 0.68 of their size wide), centred — not an
        /// underline of the whole name. An empty paragraph of 6 pt with a top border between indents.</summary>
        private Paragraph ShortRule(string name)
        {
            var longest = name.Split('\n').Max(l => l.Length);
            var cell = LeftColumn - 216; // the cell's default margins, 0.19 cm each side
            var nameWidth = Math.Min(cell, (int)(longest * sizes.Issuer * 20 * 0.68));
            var rule = Math.Max(nameWidth * 2 / 5, 567);
            var side = Math.Max(0, (cell - rule) / 2).ToString(CultureInfo.InvariantCulture);
            return new Paragraph(new ParagraphProperties(
                new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6U, Space = 0U, Color = "000000" }),
                new SpacingBetweenLines { Before = "40", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
                new Indentation { Left = side, Right = side },
                new Justification { Val = JustificationValues.Center },
                new ParagraphMarkRunProperties(new FontSize { Val = "4" })));
        }

        /// <summary>"Nơi nhận" left and the signature right; or two signatures side by side. One row that may not
        /// split, every paragraph kept with the next: the block never breaks over a page.</summary>
        public Table BottomTable(Paper paper)
        {
            List<Paragraph> left;
            List<Paragraph> right;
            var leftWidth = LeftColumn;
            if (paper.Signatures.Count >= 2)
            {
                left = Signature(paper.Signatures[0], marked: false);
                right = Signature(paper.Signatures[1], marked: true);
                leftWidth = TextWidth / 2;
            }
            else
            {
                left = [Para(Align.Left, 0, 0, new Piece(template.RecipientsLabel, sizes.RecipientsLabel, Bold: true, Italic: true))];
                for (var i = 0; i < paper.Recipients.Count; i++)
                {
                    var end = i == paper.Recipients.Count - 1 ? "." : ";";
                    left.Add(Para(Align.Left, 0, 0, new Piece("- " + paper.Recipients[i].TrimEnd(';', '.', ',') + end, sizes.Recipients)));
                }

                right = paper.Signatures.Count == 1 ? Signature(paper.Signatures[0], marked: true) : [Para(Align.Center, 0, 0)];
            }

            foreach (var paragraph in left.Concat(right))
            {
                paragraph.ParagraphProperties!.PrependChild(new KeepNext());
            }

            var table = TwoColumns(leftWidth, [(left, right)]);
            table.Elements<TableRow>().Single().PrependChild(new TableRowProperties(new CantSplit()));
            return table;
        }

        private List<Paragraph> Signature(PaperSignature signature, bool marked)
        {
            var lines = new List<Paragraph>();
            if (!string.IsNullOrWhiteSpace(signature.Form))
            {
                lines.Add(Para(Align.Center, 0, 0, new Piece(FormLines(Caps(template.SigningForm(signature.Form))), sizes.Signature, Bold: true)));
            }

            lines.Add(Para(Align.Center, 0, 0, new Piece(Caps(signature.Title), sizes.Signature, Bold: true)));
            for (var i = 0; i < template.SignatureBlankLines; i++)
            {
                lines.Add(Para(Align.Center, 0, 0));
            }

            var name = Para(Align.Center, 0, 0, new Piece(signature.Name, sizes.Signature, Bold: true));
            if (marked)
            {
                name.InsertAfter(new BookmarkStart { Id = "9000", Name = SignatureBookmark }, name.ParagraphProperties);
                name.AppendChild(new BookmarkEnd { Id = "9000" });
            }

            lines.Add(name);
            return lines;
        }

        /// <summary>A form too long for one line of the signature's column ("TM. BAN THƯỜNG VỤ HUYỆN ĐOÀN") breaks
        /// after the collective body's board, the body's name on its own line, instead of wherever the column ends.</summary>
        private static string FormLines(string form) =>
            form.Length > 24 && form.IndexOf("BAN THƯỜNG VỤ ", StringComparison.Ordinal) is >= 0 and var at
                ? form.Insert(at + "BAN THƯỜNG VỤ".Length, "\n").Remove(at + "BAN THƯỜNG VỤ".Length + 1, 1)
                : form;

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
            // A line break the text asks for (an organization's name broken before its area, "BCH HỘI NÔNG DÂN" /
            // "HUYỆN TÂN PHONG", IssuerLayouts) instead of wherever the column happens to end.
            var run = new Run(properties);
            var lines = piece.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    run.Append(new Break());
                }

                run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }

            return run;
        }

        private RunFonts Fonts() => new() { Ascii = template.Font, HighAnsi = template.Font, ComplexScript = template.Font, EastAsia = template.Font };

        private static string HalfPoints(int points) => (points * 2).ToString(CultureInfo.InvariantCulture);

        private static string Dxa(int twips) => twips.ToString(CultureInfo.InvariantCulture);

        /// <summary>Borders in the schema's order: top, left, bottom, right, inside horizontal, inside vertical.</summary>
        private static TableBorders Borders(BorderValues value, uint size) => new(
            new TopBorder { Val = value, Size = size },
            new LeftBorder { Val = value, Size = size },
            new BottomBorder { Val = value, Size = size },
            new RightBorder { Val = value, Size = size },
            new InsideHorizontalBorder { Val = value, Size = size },
            new InsideVerticalBorder { Val = value, Size = size });

        private Table TwoColumns(int leftWidth, IEnumerable<(List<Paragraph> Left, List<Paragraph> Right)> rows)
        {
            var rightColumn = TextWidth - leftWidth;
            var table = new Table(
                new TableProperties(
                    new TableWidth { Width = Dxa(TextWidth), Type = TableWidthUnitValues.Dxa },
                    Borders(BorderValues.None, 0),
                    new TableLayout { Type = TableLayoutValues.Fixed }),
                new TableGrid(new GridColumn { Width = Dxa(leftWidth) }, new GridColumn { Width = Dxa(rightColumn) }));
            foreach (var (left, right) in rows)
            {
                table.Append(new TableRow(Cell(leftWidth, left), Cell(rightColumn, right)));
            }

            return table;
        }

        /// <summary>A bordered table whose columns share the text width by weight; the heading row bold, centred
        /// and repeated on every page; rows never split over a page.</summary>
        private Table Grid(PaperTable grid)
        {
            var total = Math.Max(1, grid.Columns.Sum(c => Math.Max(1, c.Weight)));
            var widths = grid.Columns.Select(c => TextWidth * Math.Max(1, c.Weight) / total).ToArray();
            widths[^1] += TextWidth - widths.Sum();
            var points = grid.Points ?? sizes.Table;
            var table = new Table(
                new TableProperties(
                    new TableWidth { Width = Dxa(TextWidth), Type = TableWidthUnitValues.Dxa },
                    Borders(BorderValues.Single, 4),
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableCellMarginDefault(
                        new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                        new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })),
                new TableGrid(widths.Select(w => new GridColumn { Width = Dxa(w) })));
            var head = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
            for (var i = 0; i < widths.Length; i++)
            {
                head.Append(Cell(widths[i], [Para(Align.Center, 0, 0, new Piece(grid.Columns[i].Header, points, Bold: true))]));
            }

            table.Append(head);
            foreach (var row in grid.Rows)
            {
                var line = new TableRow(new TableRowProperties(new CantSplit()));
                for (var i = 0; i < widths.Length; i++)
                {
                    var text = i < row.Count ? row[i] : "";
                    var align = grid.Columns[i].Centered ? Align.Center : Align.Left;
                    line.Append(Cell(widths[i], text.Split('\n').Select(t => Para(align, 0, 0, new Piece(t, points))).ToList()));
                }

                table.Append(line);
            }

            return table;
        }

        private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Dxa(width), Type = TableWidthUnitValues.Dxa }));
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
