using Briefings.Core.Common;

namespace Briefings.Core.Organizations;

/// <summary>The signing form and position a paper of an issuer carries.</summary>
/// <param name="Form">"T/M BAN THƯỜNG VỤ", "T/L BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", or "" when the head signs in
/// the body's own name (a Ban's "TRƯỞNG BAN").</param>
/// <param name="Title">The position under it: "BÍ THƯ", "CHÁNH VĂN PHÒNG", "PHÓ TRƯỞNG BAN".</param>
public sealed record SigningForm(string Form, string Title);

/// <summary>
/// Who signs how, by the kind of the issuing body (DOMAIN.md, "Signing forms"): the committee signs "T/M BAN THƯỜNG
/// VỤ" (the Bí thư, or a Phó Bí thư for the collective); the office signs by the committee's order, "T/L BAN THƯỜNG VỤ
/// / CHÁNH VĂN PHÒNG"; a Ban signs in its own name, "TRƯỞNG BAN", or "K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN" for a deputy —
/// never "T/M".
/// </summary>
public static class SigningForms
{
    /// <summary>The form for a paper of an issuer of <paramref name="kind"/> signed by someone holding
    /// <paramref name="signerTitle"/> ("Phó Trưởng Ban" makes a deputy's form).</summary>
    public static SigningForm For(UnitKind kind, string? signerTitle)
    {
        var deputy = IsDeputy(signerTitle);
        return kind switch
        {
            UnitKind.PartyCommittee or UnitKind.StandingBoard => new("T/M BAN THƯỜNG VỤ", deputy ? "PHÓ BÍ THƯ" : "BÍ THƯ"),
            UnitKind.Office => new("T/L BAN THƯỜNG VỤ", deputy ? "PHÓ CHÁNH VĂN PHÒNG" : "CHÁNH VĂN PHÒNG"),
            UnitKind.PartyBoard => deputy ? new("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN") : new("", "TRƯỞNG BAN"),
            UnitKind.FatherlandFront => new("T/M BAN THƯỜNG TRỰC", deputy ? "PHÓ CHỦ TỊCH" : "CHỦ TỊCH"),
            UnitKind.Organization => new("T/M BAN THƯỜNG VỤ", Caps(signerTitle) ?? "CHỦ TỊCH"),
            UnitKind.PeoplesCommittee => deputy ? new("K/T CHỦ TỊCH", "PHÓ CHỦ TỊCH") : new("T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
            _ => new("", Caps(signerTitle) ?? ""),
        };
    }

    /// <summary>Why <paramref name="form"/> may not stand on a paper of an issuer of <paramref name="kind"/>, or
    /// null: a Ban never signs "T/M"; the office signs only "T/L".</summary>
    public static string? Problem(UnitKind kind, string? form)
    {
        var text = (form ?? "").Trim().ToUpper(VietnameseText.Culture);
        return kind switch
        {
            UnitKind.PartyBoard when text.StartsWith("T/M", StringComparison.Ordinal) =>
                "Ban của cấp ủy ký bằng danh nghĩa của Ban (TRƯỞNG BAN hoặc K/T TRƯỞNG BAN), không ký \"T/M\".",
            UnitKind.Office when text.Length > 0 && !text.StartsWith("T/L", StringComparison.Ordinal) =>
                "Văn phòng ký thừa lệnh Ban Thường vụ (\"T/L BAN THƯỜNG VỤ\").",
            _ => null,
        };
    }

    private static bool IsDeputy(string? title) =>
        TextFolding.Fold(title).StartsWith("pho ", StringComparison.Ordinal);

    private static string? Caps(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToUpper(VietnameseText.Culture);
}
