using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Web.Tests.Documents;

/// <summary>What a paper is expected to carry beyond the common layout.</summary>
/// <param name="TypeName">"KẾT LUẬN", "GIẤY MỜI", "BIÊN BẢN", "BÁO CÁO".</param>
/// <param name="NumberLine">The exact number line ("Số 01-GM/BDVHU"), or null for any party number line.</param>
/// <param name="Signatures">Each signature block, top to bottom, as printed (form line if any, position, blanks
/// dropped, name).</param>
/// <param name="HasRecipients">Whether "Nơi nhận" stands bottom left (every paper but a biên bản).</param>
public sealed record PaperExpectation(string TypeName, string? NumberLine, IReadOnlyList<IReadOnlyList<string>> Signatures, bool HasRecipients = true);

/// <summary>
/// The twelve layout checks of DOMAIN.md, read from a .docx's XML, for every paper of the one writer; and the Open XML
/// SDK's validator. Returns every failure as a sentence so a test shows all that is wrong at once.
/// </summary>
public static partial class PaperLayout
{
    private const string Font = "Times New Roman";

    public static void AssertValid(byte[] file, string name)
    {
        var errors = ValidationErrors(file, name);
        Assert.True(errors.Count == 0, $"{name}: {errors.Count} schema errors:\n" + string.Join("\n", errors.Take(20)));
    }

    /// <summary>Every error of the Open XML SDK's validator (Office 2019 rules), as "part path: description".</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] file, string name)
    {
        using var stream = new MemoryStream(file);
        using OpenXmlPackage package = name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? SpreadsheetDocument.Open(stream, false)
            : WordprocessingDocument.Open(stream, false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        return validator.Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    public static void AssertLayout(byte[] docx, PaperExpectation expected)
    {
        var failures = Check(docx, expected);
        Assert.True(failures.Count == 0, $"{expected.TypeName}: layout checks failed:\n" + string.Join("\n", failures));
    }

    public static IReadOnlyList<string> Check(byte[] docx, PaperExpectation expected)
    {
        var failures = new List<string>();
        void Expect(bool ok, string what)
        {
            if (!ok)
            {
                failures.Add(what);
            }
        }

        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;
        var blocks = body.ChildElements.Where(e => e is Paragraph or Table).ToList();
        if (blocks.FirstOrDefault() is not Table header || blocks.LastOrDefault() is not Table bottom)
        {
            return ["the paper must open with the header table and end with the bottom (signature) table"];
        }

        var headerRows = header.Elements<TableRow>().ToList();
        Expect(headerRows.Count >= 2, "1-4: the header has a row for the bodies and one for the number and date");
        if (headerRows.Count < 2)
        {
            return failures;
        }

        // 1. Superior (capitals 14), issuer (capitals 14 bold), "*".
        var issuerLines = Lines(headerRows[0], 0);
        Expect(issuerLines.Count >= 2 && issuerLines[^1].Text == "*" && issuerLines[^1].Alignment == JustificationValues.Center, "1: a centred \"*\" under the issuer");
        if (issuerLines.Count >= 2)
        {
            var issuer = issuerLines[^2];
            Expect(issuer.Text.Length > 0 && issuer.Text == issuer.Text.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) && issuer.Bold && issuer.Points == 14,
                $"1: the issuer in capitals 14 bold (\"{issuer.Text}\", {issuer.Points} pt, bold {issuer.Bold})");
            foreach (var superior in issuerLines.Take(issuerLines.Count - 2))
            {
                Expect(superior.Text == superior.Text.ToUpper(CultureInfo.GetCultureInfo("vi-VN")) && !superior.Bold && superior.Points == 14,
                    $"1: the superior body in capitals 14, not bold (\"{superior.Text}\")");
            }
        }

        // 2. "Số 07-KL/HU" in 14, upright, no colon.
        var number = Lines(headerRows[1], 0).SingleOrDefault();
        Expect(number is not null && NumberLine().IsMatch(number.Text) && number.Points == 14 && !number.Italic && !number.Text.Contains(':', StringComparison.Ordinal),
            $"2: the number line \"Số NN-XX/YY\" in 14, upright, no colon (\"{number?.Text}\")");
        if (expected.NumberLine is not null)
        {
            Expect(number?.Text == expected.NumberLine, $"2: the number is {expected.NumberLine} (\"{number?.Text}\")");
        }

        // 3. "ĐẢNG CỘNG SẢN VIỆT NAM" capitals 15 bold, underlined.
        var heading = Lines(headerRows[0], 1).FirstOrDefault();
        Expect(heading is { Text: "ĐẢNG CỘNG SẢN VIỆT NAM", Points: 15, Bold: true, Underline: true }, "3: ĐẢNG CỘNG SẢN VIỆT NAM in 15 bold with a line under it");

        // 4. Place and date in 14 italic.
        var date = Lines(headerRows[1], 1).SingleOrDefault();
        Expect(date is not null && DateLine().IsMatch(date.Text) && date.Points == 14 && date.Italic, $"4: place and date in 14 italic (\"{date?.Text}\")");

        // 5-6. The type name centred in capitals 15-16 bold; the summary centred 14-15 bold.
        var paragraphs = blocks.Skip(1).Take(blocks.Count - 2).ToList();
        var texts = paragraphs.OfType<Paragraph>().Where(p => p.InnerText.Length > 0).Select(Line.Of).ToList();
        var title = texts.FirstOrDefault();
        Expect(title is not null && title.Text == expected.TypeName && title.Bold && title.Points is 15 or 16 && title.Alignment == JustificationValues.Center,
            $"5: \"{expected.TypeName}\" centred, capitals 15-16 bold (\"{title?.Text}\", {title?.Points} pt)");
        var summary = texts.Skip(1).FirstOrDefault();
        Expect(summary is not null && summary.Bold && summary.Points is 14 or 15 && summary.Alignment == JustificationValues.Center,
            $"6: the summary centred 14-15 bold (\"{summary?.Text}\")");

        // 7. Body 14-15, justified, first-line indent; numbered items.
        var bodyLines = texts.Skip(2).ToList();
        Expect(bodyLines.Count > 0, "7: the paper has a body");
        foreach (var line in bodyLines)
        {
            Expect(line.Points is 14 or 15 && line.Alignment == JustificationValues.Both && line.FirstLineIndent > 0,
                $"7: body text 14-15, justified, first-line indent (\"{Clip(line.Text)}\": {line.Points} pt, {line.Alignment}, indent {line.FirstLineIndent})");
        }

        foreach (var grid in paragraphs.OfType<Table>())
        {
            var columns = grid.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() ?? 0;
            Expect(columns > 0 && grid.Elements<TableRow>().All(r => r.Elements<TableCell>().Count() == columns), "7: each body table has a column grid matching its cells");
        }

        // 8. A4 portrait, 25/25/35/15 mm, mirrored.
        var section = body.GetFirstChild<SectionProperties>();
        var size = section?.GetFirstChild<PageSize>();
        var margin = section?.GetFirstChild<PageMargin>();
        Expect(size is not null && size.Width?.Value == 11906u && size.Height?.Value == 16838u && size.Orient?.Value != PageOrientationValues.Landscape, "8: A4 portrait");
        Expect(margin is not null && margin.Top?.Value == 1417 && margin.Bottom?.Value == 1417 && margin.Left?.Value == 1984u && margin.Right?.Value == 850u,
            $"8: margins 25/25/35/15 mm ({margin?.Top?.Value}/{margin?.Bottom?.Value}/{margin?.Left?.Value}/{margin?.Right?.Value} twips)");
        Expect(main.DocumentSettingsPart?.Settings?.GetFirstChild<MirrorMargins>() is not null, "8: margins mirrored on the back");

        // 9. Times New Roman throughout.
        foreach (var run in body.Descendants<Run>())
        {
            var fonts = run.RunProperties?.RunFonts;
            Expect(fonts?.Ascii?.Value == Font && fonts.HighAnsi?.Value == Font && fonts.ComplexScript?.Value == Font, $"9: Times New Roman for \"{Clip(run.InnerText)}\"");
        }

        // 10-11. Bottom: "Nơi nhận" and its dash list ending "Lưu ...", the signature block(s), on one page.
        var bottomRow = bottom.Elements<TableRow>().Single();
        Expect(bottomRow.TableRowProperties?.GetFirstChild<CantSplit>() is not null, "11: the signature row may not split over a page");
        Expect(bottom.Descendants<Paragraph>().All(p => p.ParagraphProperties?.KeepNext is not null), "11: every line of the bottom block is kept with the next");
        Expect(paragraphs.LastOrDefault() is Paragraph spacer && spacer.ParagraphProperties?.KeepNext is not null, "11: the paragraph before the signature is kept with it");
        var left = Lines(bottomRow, 0).Where(l => l.Text.Length > 0).ToList();
        var right = Lines(bottomRow, 1).Where(l => l.Text.Length > 0).ToList();
        if (expected.HasRecipients)
        {
            Expect(left.FirstOrDefault() is { Text: "Nơi nhận:", Bold: true, Italic: true }, "10: \"Nơi nhận:\" bold italic bottom left");
            Expect(left.Count >= 2 && left.Skip(1).All(l => l.Text.StartsWith("- ", StringComparison.Ordinal)), "10: recipients as a dash list");
            Expect(left.Count >= 2 && left[^1].Text.StartsWith("- Lưu ", StringComparison.Ordinal) && left[^1].Text.EndsWith('.'), $"10: the list ends with \"- Lưu ....\" (\"{left.LastOrDefault()?.Text}\")");
            Expect(expected.Signatures.Count == 1, "11: one signature beside the recipients");
            CheckSignature(right, expected.Signatures.FirstOrDefault() ?? [], "right", Expect);
        }
        else
        {
            Expect(expected.Signatures.Count == 2, "11: two signatures side by side");
            CheckSignature(left, expected.Signatures.ElementAtOrDefault(0) ?? [], "left", Expect);
            CheckSignature(right, expected.Signatures.ElementAtOrDefault(1) ?? [], "right", Expect);
        }

        // 12. Page numbers from page 2, centred, 10 mm from the top; none on page 1.
        Expect(section?.GetFirstChild<TitlePage>() is not null && margin?.Header?.Value == 567u, "12: a different first page, headers 10 mm from the top");
        var headers = section?.Elements<HeaderReference>().ToDictionary(r => r.Type!.Value, r => (HeaderPart)main.GetPartById(r.Id!.Value!)) ?? [];
        Expect(headers.TryGetValue(HeaderFooterValues.Default, out var numbered) && numbered.Header!.Descendants<FieldCode>().Any(f => f.Text.Contains("PAGE", StringComparison.Ordinal))
            && numbered.Header.Descendants<Justification>().First().Val!.Value == JustificationValues.Center, "12: the page number, centred, in the header of pages 2 on");
        Expect(headers.TryGetValue(HeaderFooterValues.First, out var first) && first.Header!.InnerText.Length == 0, "12: no page number on page 1");
        return failures;
    }

    private static void CheckSignature(List<Line> lines, IReadOnlyList<string> expected, string side, Action<bool, string> expect)
    {
        expect(lines.Select(l => l.Text).SequenceEqual(expected), $"11: the signature {side}: [{string.Join(" / ", expected)}] (found [{string.Join(" / ", lines.Select(l => l.Text))}])");
        expect(lines.All(l => l.Bold && l.Alignment == JustificationValues.Center && l.Points == 14), $"11: the signature {side} centred 14 bold");
    }

    private static string Clip(string text) => text.Length > 50 ? text[..50] + "…" : text;

    private static List<Line> Lines(TableRow row, int column) =>
        row.Elements<TableCell>().ElementAt(column).Elements<Paragraph>().Select(Line.Of).ToList();

    [GeneratedRegex(@"^Số [0-9 ]*-[A-Z]{2,3}/[A-ZĐ]+$")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"^\S.*, ngày [0-9 ]+ tháng [0-9 ]+ năm [0-9 ]+$")]
    private static partial Regex DateLine();

    /// <summary>A paragraph as printed: text, the size and style of its first run, alignment, indent.</summary>
    private sealed record Line(string Text, int Points, bool Bold, bool Italic, bool Underline, JustificationValues? Alignment, int FirstLineIndent)
    {
        public static Line Of(Paragraph p)
        {
            var run = p.Elements<Run>().FirstOrDefault()?.RunProperties;
            var indent = p.ParagraphProperties?.Indentation?.FirstLine?.Value;
            return new Line(
                p.InnerText,
                run?.FontSize?.Val?.Value is { } half ? int.Parse(half, CultureInfo.InvariantCulture) / 2 : 0,
                run?.Bold is not null,
                run?.Italic is not null,
                run?.Underline is not null,
                p.ParagraphProperties?.Justification?.Val?.Value,
                indent is null ? 0 : int.Parse(indent, CultureInfo.InvariantCulture));
        }
    }
}
