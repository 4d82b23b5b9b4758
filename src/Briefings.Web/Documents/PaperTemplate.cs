using System.Text.Json;
using System.Text.Json.Serialization;
using Briefings.Core.Conclusions;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Documents;

/// <summary>
/// The layout of every printed paper (conclusion, giấy mời, biên bản, báo cáo) as data: page, margins, font, type sizes and the fixed texts
/// ("ĐẢNG CỘNG SẢN VIỆT NAM", the signing forms). Party rules were reissued in 2026 and a new formatting
/// guide may replace 36-HD, so an admin replaces the JSON file instead of waiting for a release.
/// </summary>
public sealed record PaperTemplate
{
    public required string Name { get; init; }

    /// <summary>Party ("Số 07-KL/HU") or state ("Số: 123/TB-UBND") numbering.</summary>
    public DocumentNumberStyle NumberStyle { get; init; } = DocumentNumberStyle.Party;

    public string Font { get; init; } = "Times New Roman";

    public required PageLayout Page { get; init; }

    public required TypeSizes Sizes { get; init; }

    /// <summary>Width of the left column of the header and of "Nơi nhận".</summary>
    public double HeaderLeftColumnMm { get; init; } = 75;

    public double FirstLineIndentMm { get; init; } = 10;

    /// <summary>The top right heading: "ĐẢNG CỘNG SẢN VIỆT NAM" or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".</summary>
    public required string NationalHeading { get; init; }

    /// <summary>Party style draws the line under the heading itself.</summary>
    public bool UnderlineNationalHeading { get; init; }

    /// <summary>State style: "Độc lập - Tự do - Hạnh phúc" under the heading, underlined; null for none.</summary>
    public string? NationalMotto { get; init; }

    /// <summary>The mark centred under the issuing body: "*" in party documents, none in state ones.</summary>
    public string? IssuerMark { get; init; }

    /// <summary>State style draws a short line under the issuing body instead of the "*" (Nghị định 30: a solid
    /// line a third to a half as long as the name, centred under it).</summary>
    public bool UnderlineIssuer { get; init; }

    /// <summary>The word before the number when it differs from the style's ("Số:" for the Đoàn, whose guide
    /// 29-HD/TWĐTN-VP writes "Số: 29-HD/TWĐTN-VP": a party-form number after a colon); null: the style's own.</summary>
    public string? NumberLabel { get; init; }

    /// <summary>The number line as this template prints it (<see cref="NumberLabel"/>).</summary>
    public string Labelled(string numberLine)
    {
        if (NumberLabel is not { } label || !numberLine.StartsWith("Số", StringComparison.Ordinal))
        {
            return numberLine;
        }

        var rest = numberLine.StartsWith("Số:", StringComparison.Ordinal) ? numberLine[3..] : numberLine[2..];
        return label + (rest.StartsWith(' ') ? rest : " " + rest);
    }

    public string RecipientsLabel { get; init; } = "Nơi nhận:";

    /// <summary>How the record's signing form is written in this style: the record keeps the party form
    /// ("T/M ...") and state documents write "TM. ...".</summary>
    public Dictionary<string, string> SigningFormReplacements { get; init; } = [];

    /// <summary>Empty lines left for the signature and the seal.</summary>
    public int SignatureBlankLines { get; init; } = 4;

    public string SigningForm(string form)
    {
        foreach (var (from, to) in SigningFormReplacements)
        {
            if (form.StartsWith(from, StringComparison.Ordinal))
            {
                return to + form[from.Length..];
            }
        }

        return form;
    }

    /// <summary>What is wrong with a template file, so a bad replacement is refused with a reason at load.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Font))
        {
            yield return "thiếu phông chữ (font)";
        }

        if (string.IsNullOrWhiteSpace(NationalHeading))
        {
            yield return "thiếu quốc hiệu hoặc tiêu đề (nationalHeading)";
        }

        if (Page.WidthMm < 100 || Page.HeightMm < 100 || Page.MarginLeftMm + Page.MarginRightMm >= Page.WidthMm - 50
            || Page.MarginTopMm < 0 || Page.MarginBottomMm < 0 || Page.MarginLeftMm < 0 || Page.MarginRightMm < 0)
        {
            yield return "khổ giấy hoặc lề không hợp lệ (page)";
        }

        if (HeaderLeftColumnMm <= 20 || HeaderLeftColumnMm >= Page.WidthMm - Page.MarginLeftMm - Page.MarginRightMm - 20)
        {
            yield return "độ rộng cột trái không hợp lệ (headerLeftColumnMm)";
        }

        int[] sizes = [Sizes.Superior, Sizes.Issuer, Sizes.Number, Sizes.NationalHeading, Sizes.NationalMotto, Sizes.DateLine, Sizes.TypeName,
            Sizes.Summary, Sizes.Body, Sizes.RecipientsLabel, Sizes.Recipients, Sizes.Signature, Sizes.PageNumber, Sizes.Table];
        if (sizes.Any(s => s is < 8 or > 30))
        {
            yield return "cỡ chữ phải từ 8 đến 30 (sizes)";
        }
    }
}

/// <summary>Paper and margins in millimetres.</summary>
public sealed record PageLayout
{
    public double WidthMm { get; init; } = 210;
    public double HeightMm { get; init; } = 297;
    public double MarginTopMm { get; init; }
    public double MarginBottomMm { get; init; }
    public double MarginLeftMm { get; init; }
    public double MarginRightMm { get; init; }

    /// <summary>Left and right swap on the back of a page printed on both sides.</summary>
    public bool MirrorMargins { get; init; }

    /// <summary>Where the page number sits, from the top edge.</summary>
    public double HeaderFromTopMm { get; init; } = 10;

    /// <summary>Page numbers from page 2 on, none on the first page.</summary>
    public bool PageNumbersFromPage2 { get; init; } = true;
}

/// <summary>Type sizes in points.</summary>
public sealed record TypeSizes
{
    public int Superior { get; init; } = 14;
    public int Issuer { get; init; } = 14;
    public int Number { get; init; } = 14;
    public int NationalHeading { get; init; } = 15;
    public int NationalMotto { get; init; } = 14;
    public int DateLine { get; init; } = 14;
    public int TypeName { get; init; } = 16;
    public int Summary { get; init; } = 14;
    public int Body { get; init; } = 14;
    public int RecipientsLabel { get; init; } = 12;
    public int Recipients { get; init; } = 12;
    public int Signature { get; init; } = 14;
    public int PageNumber { get; init; } = 14;

    /// <summary>Text inside the tables of a report.</summary>
    public int Table { get; init; } = 12;
}

/// <summary>Where the template files are: <c>Conclusions:TemplateFolder</c>, relative paths under the app's content
/// root; default: the app's own <c>Templates</c> folder.</summary>
public sealed class PaperTemplateOptions
{
    public string? TemplateFolder { get; set; }
}

/// <summary>Reads the template files. Read on every use (they are a few hundred bytes) so that an admin's
/// replaced file takes effect at once, without a restart.</summary>
public sealed class PaperTemplates(IOptions<PaperTemplateOptions> options, IWebHostEnvironment environment)
{
    public const string Party = "conclusion-party";
    public const string State = "conclusion-state";

    /// <summary>The template of an issuer's papers, by the one rule of <see cref="IssuerLayouts"/>: every paper
    /// (conclusion, giấy mời, biên bản, báo cáo) asks here, so a Front's or a Women's Union's giấy mời never carries
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".</summary>
    public static string For(Briefings.Core.Organizations.Unit issuer) => IssuerLayouts.For(issuer).Template;

    /// <summary>How an issuer's numbers are written (<see cref="IssuerLayouts.NumberStyleFor"/>).</summary>
    public static DocumentNumberStyle NumberStyleFor(Briefings.Core.Organizations.Unit issuer) => IssuerLayouts.NumberStyleFor(issuer);

    /// <summary>The template of an issuer's papers (<see cref="For(Briefings.Core.Organizations.Unit)"/>).</summary>
    public PaperTemplate LoadFor(Briefings.Core.Organizations.Unit issuer) => Load(For(issuer));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Folder => ResolveFolder(options.Value.TemplateFolder, environment.ContentRootPath);

    public PaperTemplate Load(string name)
    {
        var path = Path.Combine(Folder, name + ".json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"Không tìm thấy mẫu văn bản {path}.");
        }

        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    public static PaperTemplate Parse(Stream json, string source)
    {
        PaperTemplate? template;
        try
        {
            template = JsonSerializer.Deserialize<PaperTemplate>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Mẫu văn bản {source} không đúng định dạng JSON: {ex.Message}", ex);
        }

        if (template is null)
        {
            throw new InvalidOperationException($"Mẫu văn bản {source} trống.");
        }

        var problems = template.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Mẫu văn bản {source} không hợp lệ: {string.Join("; ", problems)}.");
        }

        return template;
    }

    internal static string ResolveFolder(string? configured, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            // Under WebApplicationFactory and `dotnet run` the content root is the project folder; a published
            // app has the files copied next to it.
            var inRoot = Path.Combine(contentRoot, "Templates");
            return System.IO.Directory.Exists(inRoot) ? inRoot : Path.Combine(AppContext.BaseDirectory, "Templates");
        }

        return Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured);
    }
}
