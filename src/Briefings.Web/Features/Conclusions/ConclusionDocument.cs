using System.Globalization;
using Briefings.Core.Conclusions;
using Briefings.Web.Documents;

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
    public string NumberLine(DocumentNumberStyle style) => Briefings.Web.Documents.Paper.NumberOf(Sequence, TypeCode, IssuerSymbol, style);

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
/// Renders a conclusion as the official document (.docx) through the one <see cref="PaperWriter"/>: the header, the
/// type name and summary, the preamble, the sections with their numbered items, the closing, "Nơi nhận" and the
/// signature block in the layout a <see cref="PaperTemplate"/> describes.
/// </summary>
public static class ConclusionDocument
{
    public const string ContentType = PaperWriter.ContentType;

    /// <summary>The bookmark on the signer's name. LibreOffice exports it as a PDF named destination, which tells the
    /// signing step where the signature block is (the visible stamp goes right above the name).</summary>
    public const string SignatureBookmark = PaperWriter.SignatureBookmark;

    public static byte[] Render(ConclusionDocumentModel model, PaperTemplate template)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(template);
        return PaperWriter.Render(ToPaper(model, template), template);
    }

    public static Paper ToPaper(ConclusionDocumentModel model, PaperTemplate template)
    {
        var body = new List<PaperBlock>();
        body.AddRange(model.Preamble.Select(p => new PaperText(p)));
        foreach (var section in model.Sections)
        {
            body.Add(new PaperText(section.Heading, PaperTextStyle.Heading));
            body.AddRange(section.Items.SelectMany(i => i.Paragraphs()).Select(p => new PaperText(p)));
        }

        body.AddRange((model.Closing ?? []).Select(p => new PaperText(p)));
        return new Paper(
            model.IssuerSuperior,
            model.IssuerName,
            model.NumberLine(template.NumberStyle),
            model.DateLine(),
            model.TypeName,
            model.Summary,
            body,
            model.Recipients,
            [new PaperSignature(model.SigningForm, model.SignerTitle, model.SignerName)]);
    }

    /// <summary>Millimetres to twentieths of a point.</summary>
    internal static int Twips(double mm) => PaperWriter.Twips(mm);
}
