using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Briefings.Core.Conclusions;

/// <summary>
/// The number and symbol of an issued document: "Số 07-KL/HU" is conclusion (KL = Kết luận) number 7 of
/// the district party committee (HU = Huyện ủy). Party numbers run per document type through the
/// committee's whole term, so the sequence alone does not say the year.
/// <para>Party style is the primary one; state style ("Số: 123/TB-UBND") is parsed and written too.
/// Sequences below 10 are written with a leading zero ("07"), as both formatting rules do.</para>
/// <para>The default value (sequence 0) is not a number; create with <see cref="Party"/>, <see cref="State"/>
/// or <see cref="TryParse"/>.</para>
/// </summary>
public readonly partial record struct DocumentNumber
{
    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["KL"] = "Kết luận",
        ["TB"] = "Thông báo",
        ["NQ"] = "Nghị quyết",
        ["CT"] = "Chỉ thị",
        ["QĐ"] = "Quyết định",
        ["QĐi"] = "Quy định",
        ["QC"] = "Quy chế",
        ["BC"] = "Báo cáo",
        ["KH"] = "Kế hoạch",
        ["HD"] = "Hướng dẫn",
        ["CTr"] = "Chương trình",
        ["TTr"] = "Tờ trình",
        ["BB"] = "Biên bản",
        ["CV"] = "Công văn",
    };

    private DocumentNumber(int sequence, string typeCode, string issuerSymbol, DocumentNumberStyle style)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(typeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuerSymbol);
        Sequence = sequence;
        TypeCode = typeCode.Trim().Normalize(NormalizationForm.FormC);
        IssuerSymbol = issuerSymbol.Trim().Normalize(NormalizationForm.FormC);
        Style = style;
    }

    /// <summary>The running number, 1 or more.</summary>
    public int Sequence { get; }

    /// <summary>The document type: "KL" (Kết luận), "TB" (Thông báo), "NQ", "CT", ...</summary>
    public string TypeCode { get; }

    /// <summary>The issuer's symbol: "HU" (Huyện ủy), "ĐU" (Đảng ủy), "TU" (Tỉnh ủy), "UBND", ...</summary>
    public string IssuerSymbol { get; }

    public DocumentNumberStyle Style { get; }

    /// <summary>The Vietnamese name of <see cref="TypeCode"/> ("Kết luận"), or null for an unknown code.</summary>
    public string? TypeName => TypeCode is not null && TypeNames.TryGetValue(TypeCode, out var name) ? name : null;

    /// <summary>The number as written after "Số": "07-KL/HU" (party) or "123/TB-UBND" (state).</summary>
    public override string ToString() => Style switch
    {
        DocumentNumberStyle.Party => string.Create(CultureInfo.InvariantCulture, $"{Sequence:00}-{TypeCode}/{IssuerSymbol}"),
        DocumentNumberStyle.State => string.Create(CultureInfo.InvariantCulture, $"{Sequence:00}/{TypeCode}-{IssuerSymbol}"),
    };

    /// <summary>The line as printed on the document: "Số 07-KL/HU" (party, no colon) or "Số: 123/TB-UBND" (state).</summary>
    public string Display => Style switch
    {
        DocumentNumberStyle.Party => $"Số {this}",
        DocumentNumberStyle.State => $"Số: {this}",
    };

    /// <summary>A document named by the type in its stored number, as pages and papers name it: "Kết luận số 04-KL/HU",
    /// "Thông báo số 01-TB/HU" (a notice of conclusions is not called a "Kết luận"); "Kết luận số …" when the number
    /// is not read.</summary>
    public static string Named(string number) =>
        $"{(TryParse(number, out var n) && n.TypeName is { } type ? type : "Kết luận")} số {number}";

    public static DocumentNumber Party(int sequence, string typeCode, string issuerSymbol) =>
        new(sequence, typeCode, issuerSymbol, DocumentNumberStyle.Party);

    public static DocumentNumber State(int sequence, string typeCode, string issuerSymbol) =>
        new(sequence, typeCode, issuerSymbol, DocumentNumberStyle.State);

    /// <summary>A number in the style its issuer writes it (stored with the number: <see cref="Conclusion.NumberStyle"/>).</summary>
    public static DocumentNumber Of(int sequence, string typeCode, string issuerSymbol, DocumentNumberStyle style) =>
        new(sequence, typeCode, issuerSymbol, style);

    /// <summary>The number of a stored row ("07-KL/HU", "07/KL-MTTQ-BTT"), or null when it has none: the one way a list,
    /// a notice or an export writes a stored number.</summary>
    public static DocumentNumber? Of(int? sequence, string typeCode, string? issuerSymbol, DocumentNumberStyle style) =>
        sequence is { } s && issuerSymbol is { Length: > 0 } symbol ? new(s, typeCode, symbol, style) : null;

    /// <summary>Reads "Số 07-KL/HU", "07-KL/HU", "số 7-KL/HU" (party) or "Số: 123/TB-UBND" (state).
    /// State numbers without a type code ("Số: 45/UBND-VP", an official letter) are not read.</summary>
    public static bool TryParse(string? text, out DocumentNumber number)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Normalize(NormalizationForm.FormC);
        var style = DocumentNumberStyle.Party;
        var m = PartyPattern().Match(normalized);
        if (!m.Success)
        {
            style = DocumentNumberStyle.State;
            m = StatePattern().Match(normalized);
        }

        if (!m.Success || !int.TryParse(m.Groups["seq"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            return false;
        }

        number = new DocumentNumber(sequence, m.Groups["type"].Value, m.Groups["issuer"].Value, style);
        return true;
    }

    private const string Prefix = @"^\s*(?:s[ốo]\s*:?\s*)?";

    [GeneratedRegex(Prefix + @"(?<seq>[0-9]{1,6})\s*-\s*(?<type>\p{L}{1,5})\s*/\s*(?<issuer>\p{L}[\p{L}0-9-]{0,15})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartyPattern();

    [GeneratedRegex(Prefix + @"(?<seq>[0-9]{1,6})\s*/\s*(?<type>\p{L}{1,5})\s*-\s*(?<issuer>\p{L}[\p{L}0-9-]{0,15})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatePattern();
}
