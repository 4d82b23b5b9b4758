using System.Globalization;
using Briefings.Core.Conclusions;

namespace Briefings.Web.Documents;

/// <summary>
/// One party paper as the <see cref="PaperWriter"/> prints it: the header (issuer, number | national heading, place
/// and date), the type name and summary, the body blocks, and at the bottom "Nơi nhận" with the signature, or two
/// signatures side by side (a biên bản). Every paper of a briefing — conclusion, giấy mời, biên bản, báo cáo — is
/// one of these, so the twelve layout rules live in one writer.
/// </summary>
/// <param name="Superior">The body above the issuer ("HUYỆN ỦY TÂN PHONG" over a Ban), or null.</param>
/// <param name="Issuer">The issuing body as the directory names it; printed in capitals.</param>
/// <param name="NumberLine">"Số 07-KL/HU", or the blank a draft leaves ("Số      -BB/HU").</param>
/// <param name="DateLine">"Tân Phong, ngày 11 tháng 4 năm 2027".</param>
/// <param name="TypeName">"KẾT LUẬN", "GIẤY MỜI", "BIÊN BẢN", "BÁO CÁO"; printed in capitals.</param>
/// <param name="Summary">The line under the type name, or null.</param>
/// <param name="Recipients">"Nơi nhận" lines without dashes or final punctuation; empty for none.</param>
/// <param name="Signatures">One signature (right, beside "Nơi nhận"), or two side by side (left, right).</param>
public sealed record Paper(
    string? Superior,
    string Issuer,
    string NumberLine,
    string DateLine,
    string TypeName,
    string? Summary,
    IReadOnlyList<PaperBlock> Body,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<PaperSignature> Signatures)
{
    /// <summary>"Số 07-KL/HU" (a state body or the Front: "Số: 07/KL-MTTQ-BTT"), or with no sequence yet the blank a
    /// clerk fills in by hand ("Số      -GM/HU", "Số:      /GM-MTTQ-BTT").</summary>
    public static string NumberOf(int? sequence, string typeCode, string issuerSymbol, DocumentNumberStyle style = DocumentNumberStyle.Party) =>
        (sequence, style) switch
        {
            ({ } n, DocumentNumberStyle.State) => DocumentNumber.State(n, typeCode, issuerSymbol).Display,
            ({ } n, _) => DocumentNumber.Party(n, typeCode, issuerSymbol).Display,
            (null, DocumentNumberStyle.State) => $"Số:      /{typeCode}-{issuerSymbol}",
            (null, _) => $"Số      -{typeCode}/{issuerSymbol}",
        };

    /// <summary>An area's name inside a sentence: "Xã An Lạc" → "xã An Lạc" (the level word in lower case).</summary>
    public static string InSentence(string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && char.IsLower(name[1]) && name.IndexOf(' ', StringComparison.Ordinal) is > 0 and < 7
            ? char.ToLower(name[0], CultureInfo.GetCultureInfo("vi-VN")) + name[1..]
            : name;

    /// <summary>"Tân Phong, ngày 5 tháng 3 năm 2027"; without a date the blanks of a draft.</summary>
    public static string DateLineOf(string place, DateOnly? date) => date is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {d.Day} tháng {d.Month} năm {d.Year:D4}")
        : $"{place}, ngày      tháng      năm      ";
}

/// <summary>A piece of the body of a paper.</summary>
public abstract record PaperBlock;

/// <summary>How a body paragraph stands.</summary>
public enum PaperTextStyle
{
    /// <summary>Justified with a first-line indent: the running text.</summary>
    Body,

    /// <summary>A section heading ("I. ..."): bold, justified, indented like the body.</summary>
    Heading,

    /// <summary>A line of a list ("- ...") indented like the body.</summary>
    ListLine,

    /// <summary>Centred (a "Kính gửi" line).</summary>
    Centered,
}

public sealed record PaperText(string Text, PaperTextStyle Style = PaperTextStyle.Body) : PaperBlock;

/// <summary>"Thời gian: 08 giờ 00 ..." — the label bold, the value plain; an empty value leaves the label alone.</summary>
public sealed record PaperLabelled(string Label, string Value) : PaperBlock;

/// <summary>A column of a table: its heading and its share of the text width.</summary>
public sealed record PaperColumn(string Header, int Weight, bool Centered = false);

/// <summary>A bordered table with a column grid; the heading row repeats on every page. <paramref name="Points"/>
/// sets a smaller type for a table of many narrow columns (the template's table size otherwise).</summary>
public sealed record PaperTable(IReadOnlyList<PaperColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, int? Points = null) : PaperBlock;

/// <summary>A signature block: the signing form ("T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", or "" when the head signs
/// in the body's own name), the position ("BÍ THƯ", "TRƯỞNG BAN", "THƯ KÝ") and the signer's name.</summary>
public sealed record PaperSignature(string Form, string Title, string Name);
