using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Documents;

/// <summary>How an issuing body stands on its papers, read from the directory: the line above it, its name, its
/// symbol in numbers ("HU", "BDVHU"), the place of the date line, and who heads it (the signer).</summary>
/// <param name="Superior">"HUYỆN ỦY TÂN PHONG" above a Ban or the office; "ĐẢNG BỘ TỈNH LONG GIANG" above a
/// district committee; null when nothing stands above.</param>
/// <param name="Place">The area's short name ("Tân Phong").</param>
/// <param name="Head">The person heading the body, or null when the directory has none.</param>
/// <param name="HeadTitle">The head's position in the body ("Trưởng Ban Dân vận Huyện ủy").</param>
public sealed record PaperIssuer(Unit Unit, string? Superior, string Name, string Symbol, string Place, Person? Head, string? HeadTitle)
{
    /// <summary>The signature the rule of <see cref="SigningForms"/> gives the head of this body.</summary>
    public PaperSignature Signature()
    {
        var form = IssuerLayouts.Signing(Unit, HeadTitle);
        return new PaperSignature(form.Form, form.Title, Head?.FullName ?? "");
    }

    /// <summary>How this body's numbers are written (<see cref="PaperTemplates.NumberStyleFor"/>).</summary>
    public Briefings.Core.Conclusions.DocumentNumberStyle NumberStyle => IssuerLayouts.NumberStyleFor(Unit);

    /// <summary>The number line of one of this body's papers, or its blank before it is numbered.</summary>
    public string NumberLine(int? sequence, string typeCode) => Paper.NumberOf(sequence, typeCode, Symbol, NumberStyle);

    /// <summary>"VPHU", the office's symbol for "Lưu ..."; the body's own symbol when it has no office.</summary>
    public string ArchiveMark { get; init; } = Symbol;

    /// <summary>Whom a report of this body goes to "(để b/c)": a party body its own superior ("Thường trực Huyện ủy
    /// Tân Phong"); the Front, an organization or a People's Committee the party committee of its area ("Thường trực
    /// Huyện ủy"), as a new draft's «Nơi nhận» writes it — never its heading's line above in capitals ("Thường trực
    /// HỘI LHPN TỈNH LONG GIANG"). Null: none known.</summary>
    public string? ReportsTo { get; init; }

    /// <summary>The body an account writes for: its own unit, or for an account of an area (a commune's office) the
    /// area's party committee.</summary>
    public static async Task<PaperIssuer> ForAccountAsync(BriefingsDbContext db, Unit unit, CancellationToken ct)
    {
        var committee = unit.Kind != UnitKind.Area ? null : await db.Units.AsNoTracking()
            .Where(u => u.ParentId == unit.Id && u.Kind == UnitKind.PartyCommittee && u.RetiredAt == null).OrderBy(u => u.SortOrder).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return await ReadAsync(db, committee ?? unit.Id, ct);
    }

    public static async Task<PaperIssuer> ReadAsync(BriefingsDbContext db, Guid unitId, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == unitId, ct);
        var ancestorIds = unit.AncestorIds();
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync(ct);
        var area = unit.Kind == UnitKind.Area ? unit : ancestors.Where(u => u.Kind == UnitKind.Area).OrderByDescending(u => u.Depth).FirstOrDefault();
        var (superior, name) = IssuerLayouts.Heading(unit, ancestors);

        // The committee's office keeps the copy ("Lưu VPHU") of what the committee and its office issue.
        var committee = unit.Kind == UnitKind.PartyCommittee ? unit : ancestors.Where(u => u.Kind == UnitKind.PartyCommittee).OrderByDescending(u => u.Depth).FirstOrDefault();
        var office = committee is null ? null : await db.Units.AsNoTracking()
            .Where(u => u.ParentId == committee.Id && u.Kind == UnitKind.Office && u.RetiredAt == null).OrderBy(u => u.SortOrder).FirstOrDefaultAsync(ct);

        var people = await db.People.AsNoTracking().Where(p => p.RetiredAt == null && p.Positions.Any(x => x.UnitId == unit.Id)).ToListAsync(ct);
        var heads = people
            .Select(p => (Person: p, Position: p.Positions.Where(x => x.UnitId == unit.Id).OrderBy(x => x.SortOrder).First()))
            .OrderBy(h => IsHead(h.Position.Title) ? 0 : 1).ThenBy(h => h.Position.SortOrder).ThenBy(h => h.Person.FullName, VietnameseText.Order)
            .ToList();
        var head = heads.FirstOrDefault();
        var symbol = unit.DocumentSymbol ?? unit.ShortName;
        var outsideParty = unit.Kind is UnitKind.FatherlandFront or UnitKind.Organization or UnitKind.PeoplesCommittee or UnitKind.Department;
        var areaCommittee = !outsideParty || area is null ? null : await db.Units.AsNoTracking()
            .Where(u => u.ParentId == area.Id && u.Kind == UnitKind.PartyCommittee && u.RetiredAt == null).OrderBy(u => u.Id).Select(u => u.ShortName).FirstOrDefaultAsync(ct);
        return new PaperIssuer(unit, superior, name, symbol, area?.ShortName ?? "", head.Person, head.Position?.Title)
        {
            // A body outside the party (the Front, an organization, a People's Committee) files its copy with its own
            // clerk ("Lưu VT", as Nghị định 30 and the Front's offices write it), never with the party committee's
            // office: "Lưu VPHU" under a Front's conclusion sent its file to another body.
            ArchiveMark = unit.Kind switch
            {
                UnitKind.PartyBoard => symbol,
                UnitKind.FatherlandFront or UnitKind.Organization or UnitKind.PeoplesCommittee or UnitKind.Department => "VT",
                _ => office?.DocumentSymbol ?? symbol,
            },
            ReportsTo = outsideParty
                ? areaCommittee is null ? null : "Thường trực " + areaCommittee
                : superior is null ? null : "Thường trực " + superior.Replace('\n', ' '),
        };
    }

    /// <summary>A head's position, not a deputy's, a member's or a clerk's.</summary>
    private static bool IsHead(string title)
    {
        var folded = TextFolding.Fold(title);
        return !(folded.StartsWith("pho ", StringComparison.Ordinal) || folded.StartsWith("chuyen vien", StringComparison.Ordinal)
            || folded.StartsWith("uy vien", StringComparison.Ordinal));
    }
}
