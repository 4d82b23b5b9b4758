using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;

namespace Briefings.Web.Documents;

/// <summary>How one issuer heads, numbers and signs its papers: the template file (the visual layout: national
/// heading, motto, mark, sizes), the number style, the lines above and of its name, and its collective signing form.
/// </summary>
/// <param name="Template">The template file's name (<see cref="PaperTemplates"/>).</param>
/// <param name="SuperiorFormat">The line above the name; "{upper}" is the area above the issuer's area in capitals
/// ("TỈNH LONG GIANG"). Null: the party rule of <see cref="IssuerLayouts.Heading"/>.</param>
/// <param name="SuperiorFallback">The line above when the directory has no area above ("HỘI LHPN VIỆT NAM"), or null.</param>
/// <param name="NameFormat">The body's printed name; "{area}" is its area in capitals ("HUYỆN TÂN PHONG"), a "\n" the
/// line break the paper makes when the name is too long for one line of the column. Null: the directory's name.</param>
/// <param name="CollectiveForm">"T/M BAN THƯỜNG VỤ {short}" — the form the head signs for the collective body;
/// "{short}" is the body's short name ("HUYỆN ĐOÀN"). Null: <see cref="SigningForms"/> by kind.</param>
public sealed record IssuerLayout(
    string Template,
    DocumentNumberStyle NumberStyle,
    string? SuperiorFormat = null,
    string? SuperiorFallback = null,
    string? NameFormat = null,
    string? CollectiveForm = null);

/// <summary>
/// The one rule for how each issuer stands on its papers (decisions.md, "walk-papers"): a party body as 36-HD/VPTW; a
/// People's Committee and the Fatherland Front as Nghị định 30; and each socio-political organization as its own
/// central body's guide writes it — Hội LHPN and Hội CCB with the national motto and state numbers ("Số: 01/KL-HPN"),
/// Hội Nông dân under "HỘI NÔNG DÂN VIỆT NAM" and the Đoàn under "ĐOÀN TNCS HỒ CHÍ MINH", both with party-style numbers
/// ("Số 01-KL/HĐTN") and a mark under the name. The organization is told by its type in the directory
/// (<see cref="Unit.OrganizationType"/>; its kind is "Organization" for all five); another type (Công đoàn) or none
/// takes the state layout.
/// Every paper, list and number asks here (through <see cref="PaperTemplates"/> and <see cref="PaperIssuer"/>).
/// </summary>
public static class IssuerLayouts
{
    private static readonly IssuerLayout Party = new(PaperTemplates.Party, DocumentNumberStyle.Party);
    private static readonly IssuerLayout State = new(PaperTemplates.State, DocumentNumberStyle.State);

    private static readonly IssuerLayout Women = new("organization-women", DocumentNumberStyle.State,
        "HỘI LHPN {upper}", "HỘI LHPN VIỆT NAM", "HỘI LHPN {area}", "T/M BAN THƯỜNG VỤ");

    private static readonly IssuerLayout Veterans = new("organization-veterans", DocumentNumberStyle.State,
        "HỘI CCB {upper}", "HỘI CCB VIỆT NAM", "HỘI CCB {area}", "T/M BAN THƯỜNG VỤ");

    private static readonly IssuerLayout Farmers = new("organization-farmers", DocumentNumberStyle.Party,
        "HỘI NÔNG DÂN\n{upper}", null, "BCH HỘI NÔNG DÂN\n{area}", "T/M BAN THƯỜNG VỤ");

    private static readonly IssuerLayout Youth = new("organization-youth", DocumentNumberStyle.Party,
        "BCH ĐOÀN\n{upper}", null, "BCH ĐOÀN\n{area}", "T/M BAN THƯỜNG VỤ {short}");

    public static IssuerLayout For(Unit unit) => For(unit.Kind, unit.OrganizationType);

    /// <summary>The layout of a kind and, for an organization, its type in the directory (never its name: a renamed
    /// organization keeps its layout). An organization whose type is not said, or another one (Công đoàn, a type
    /// this version does not know), prints the neutral state layout.</summary>
    public static IssuerLayout For(UnitKind kind, OrganizationType type) => kind switch
    {
        UnitKind.PeoplesCommittee or UnitKind.FatherlandFront => State,
        UnitKind.Organization => type switch
        {
            OrganizationType.WomenUnion => Women,
            OrganizationType.Veterans => Veterans,
            OrganizationType.Farmers => Farmers,
            OrganizationType.Youth => Youth,
            _ => State,
        },
        _ => Party,
    };

    /// <summary>How the issuer's numbers are written: stored with each number when it is given
    /// (<see cref="Conclusion.NumberStyle"/>), so every list reads the number as the paper prints it.</summary>
    public static DocumentNumberStyle NumberStyleFor(Unit unit) => For(unit).NumberStyle;

    /// <summary>The line above the issuer and its printed name, from its ancestors in the directory. Party rule: a
    /// board prints the committee above it ("HUYỆN ỦY TÂN PHONG" over "BAN DÂN VẬN"); a committee its province's
    /// party organization ("ĐẢNG BỘ TỈNH LONG GIANG"); an organization its own line ("HỘI LHPN TỈNH LONG GIANG" over
    /// "HỘI LHPN HUYỆN TÂN PHONG").</summary>
    public static (string? Superior, string Name) Heading(Unit unit, IReadOnlyCollection<Unit> ancestors)
    {
        var parent = ancestors.FirstOrDefault(u => u.Id == unit.ParentId);
        var area = unit.Kind == UnitKind.Area ? unit : ancestors.Where(u => u.Kind == UnitKind.Area).OrderByDescending(u => u.Depth).FirstOrDefault();
        var layout = For(unit);
        if (layout.NameFormat is { } nameFormat && area is not null)
        {
            var upper = ancestors.Where(u => u.Kind == UnitKind.Area && u.Depth < area.Depth).OrderByDescending(u => u.Depth).FirstOrDefault();
            var superior = upper is not null && layout.SuperiorFormat is { } format
                ? Lines(format.Replace("{upper}", Caps(upper.Name), StringComparison.Ordinal))
                : layout.SuperiorFallback;
            return (superior, Lines(nameFormat.Replace("{area}", Caps(area.Name), StringComparison.Ordinal)));
        }

        string? partySuperior = parent switch
        {
            null => null,
            { Kind: not UnitKind.Area } => parent.Name,
            _ when unit.Kind == UnitKind.PartyCommittee && ancestors.FirstOrDefault(u => u.Id == parent.ParentId) is { Kind: UnitKind.Area } province
                => "Đảng bộ " + province.Name,
            _ => null,
        };
        return (partySuperior, unit.Name);
    }

    /// <summary>The form and position of the head (or a deputy) signing for this issuer: the layout's collective form
    /// when it has one ("T/M BAN THƯỜNG VỤ HUYỆN ĐOÀN / BÍ THƯ", a deputy "K/T BÍ THƯ / PHÓ BÍ THƯ"), else
    /// <see cref="SigningForms"/> by kind.</summary>
    public static SigningForm Signing(Unit unit, string? signerTitle)
    {
        var layout = For(unit);
        if (layout.CollectiveForm is not { } collective)
        {
            return SigningForms.For(unit.Kind, signerTitle);
        }

        var folded = TextFolding.Fold(signerTitle);
        var head = folded.Contains("bi thu", StringComparison.Ordinal) ? "BÍ THƯ" : "CHỦ TỊCH";
        if (folded.StartsWith("pho ", StringComparison.Ordinal))
        {
            return new SigningForm("K/T " + head, "PHÓ " + head);
        }

        return new SigningForm(collective.Replace("{short}", Caps(unit.ShortName), StringComparison.Ordinal).Trim(), head);
    }

    /// <summary>A heading line of up to this many letters stands on one line of the header's column (14 pt bold
    /// capitals fill about 75 mm with 22); a longer one breaks where its format says.</summary>
    private const int OneLine = 20;

    private static string Lines(string text) =>
        text.Replace("\n", " ", StringComparison.Ordinal).Length <= OneLine ? text.Replace("\n", " ", StringComparison.Ordinal) : text;

    private static string Caps(string text) => text.Trim().ToUpper(VietnameseText.Culture);
}
