using System.Text.RegularExpressions;
using Briefings.Core.Common;
using Briefings.Core.Organizations;

namespace Briefings.Core.Conclusions;

/// <summary>A unit of the directory as <see cref="UnitGroupResolver"/> sees it: where it sits, what kind it is,
/// and for areas their level as data ("Huyện", "Xã", "Ấp").</summary>
public sealed record DirectoryUnit(Guid Id, Guid? ParentId, string Name, string ShortName, UnitKind Kind, string? Level, bool IsRetired);

/// <summary>What a line or phrase names: a group of units ("Đảng ủy, UBND các xã"), one unit ("Phòng TC-KH
/// huyện"), or nothing of the directory ("Đăng Website Huyện ủy", "Lưu VPHU").</summary>
public sealed record UnitSet(IReadOnlyList<Guid> UnitIds, bool IsGroup)
{
    public static UnitSet None { get; } = new([], false);
}

/// <summary>
/// Resolves the phrases offices write for groups of units — in "Nơi nhận" lines and in collective directives —
/// to the units of the directory, within the issuer's area. One resolver for both, so a line and a directive
/// naming the same group reach the same units.
/// <list type="bullet">
/// <item>A group is a plural phrase ("các ...") naming kinds of bodies: "Đảng ủy, UBND các xã", "MTTQ và các
/// đoàn thể chính trị - xã hội huyện", "các chi, đảng bộ cơ sở", "các ban xây dựng Đảng Huyện ủy". Abbreviations
/// are expanded first (<see cref="UnitAbbreviations"/>: MTTQ, UBND, CT-XH, ...).</item>
/// <item>Where: "các &lt;level&gt;" means every area of that level inside the issuer's area, the level word read
/// from the directory's own areas (never a list in code: "các xã", "các phường", "các ấp" work as the data has
/// them); "cơ sở" means the areas one step below the issuer's area; otherwise the issuer's own area.</item>
/// <item>Which bodies: by <see cref="UnitKind"/> — party committees (đảng ủy, đảng bộ, chi bộ), people's
/// committees, the Front, the socio-political organizations (đoàn thể), the party boards (ban xây dựng Đảng),
/// departments (các phòng) — whose nearest area is one of those areas. Retired units never.</item>
/// <item>Anything else is tried as one unit: its exact name or short name, then <see cref="UnitMatcher"/>.</item>
/// </list>
/// </summary>
public sealed class UnitGroupResolver
{
    // Kinds of bodies, by the folded words that name them in a group phrase.
    private static readonly (Regex Words, UnitKind Kind)[] KindWords =
    [
        (Words(@"dang uy|dang bo|chi bo|cap uy"), UnitKind.PartyCommittee),
        (Words(@"uy ban nhan dan"), UnitKind.PeoplesCommittee),
        (Words(@"mat tran to quoc"), UnitKind.FatherlandFront),
        (Words(@"doan the|hoi doan the|to chuc chinh tri xa hoi"), UnitKind.Organization),
        (Words(@"ban xay dung dang"), UnitKind.PartyBoard),
        (Words(@"cac phong|phong ban chuyen mon|phong, ban chuyen mon"), UnitKind.Department),
    ];

    private static readonly Regex Plural = Words("cac");
    private static readonly Regex Grassroots = Words("co so");
    private static readonly Regex Brackets = new(@"\([^)]*\)", RegexOptions.CultureInvariant);

    private readonly Dictionary<Guid, DirectoryUnit> byId;
    private readonly List<DirectoryUnit> units;
    private readonly DirectoryUnit? area;
    private readonly Lazy<UnitMatcher> matcher;

    /// <param name="units">The units of the issuer's area (the area itself included), in directory order.</param>
    /// <param name="issuerUnitId">The issuing body: its nearest area is where "huyện", "các xã" are read.</param>
    public UnitGroupResolver(IEnumerable<DirectoryUnit> units, Guid issuerUnitId)
    {
        this.units = [.. units];
        byId = this.units.ToDictionary(u => u.Id);
        area = byId.TryGetValue(issuerUnitId, out var issuer) ? NearestArea(issuer, includeSelf: true) : null;
        matcher = new(() => new UnitMatcher(this.units.Where(u => !u.IsRetired).Select(u => new UnitCandidate(u.Id, u.Name, u.ShortName))));
    }

    /// <summary>The units a "Nơi nhận" line or a directive's addressee names; <see cref="UnitSet.None"/> when it
    /// names nothing of the directory.</summary>
    public UnitSet Resolve(string? phrase)
    {
        var text = (phrase ?? "").Trim().TrimStart('-', '–', ' ').TrimEnd(';', '.', ',', ' ');
        if (text.Length == 0)
        {
            return UnitSet.None;
        }

        // "Lưu VPHU", "Lưu VT": the file copy kept by the office, not a unit the document is sent to.
        if (TextFolding.Fold(text).StartsWith("luu ", StringComparison.Ordinal))
        {
            return UnitSet.None;
        }

        if (Exact(text) is { } exact)
        {
            return new UnitSet([exact], false);
        }

        // "Thường trực Tỉnh ủy (để b/c)": the purpose in brackets is not part of the name.
        var bare = Brackets.Replace(text, " ").Trim();
        if (Group(bare) is { } group)
        {
            return new UnitSet(group, true);
        }

        if (bare != text && Exact(bare) is { } named)
        {
            return new UnitSet([named], false);
        }

        return matcher.Value.Match(bare) is { } match && byId.TryGetValue(match.Unit.Id, out var unit) && !unit.IsRetired
            ? new UnitSet([unit.Id], false)
            : UnitSet.None;
    }

    /// <summary>The units of a group phrase, or null when the phrase is no group (no "các", no kind of body).</summary>
    public IReadOnlyList<Guid>? Group(string phrase)
    {
        if (area is null)
        {
            return null;
        }

        var text = Expand(phrase);
        if (!Plural.IsMatch(text))
        {
            return null;
        }

        var kinds = KindWords.Where(k => k.Words.IsMatch(text)).Select(k => k.Kind).ToHashSet();
        if (kinds.Count == 0)
        {
            return null;
        }

        var areas = TargetAreas(text);
        return [.. units.Where(u => !u.IsRetired && kinds.Contains(u.Kind) && NearestArea(u, includeSelf: false) is { } a && areas.Contains(a.Id)).Select(u => u.Id)];
    }

    /// <summary>"các xã" → every area whose level is "Xã" inside the issuer's area; "cơ sở" → the areas right
    /// below it; otherwise the issuer's own area ("huyện").</summary>
    private HashSet<Guid> TargetAreas(string text)
    {
        var below = units.Where(u => u.Kind == UnitKind.Area && u.Id != area!.Id && IsUnder(u, area.Id)).ToList();
        foreach (var level in below.Select(u => u.Level).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => TextFolding.Fold(l!)).Distinct())
        {
            if (Regex.IsMatch(text, $@"\bcac (\w+ )?{Regex.Escape(level)}\b", RegexOptions.CultureInvariant))
            {
                return [.. below.Where(u => u.Level is { } l && TextFolding.Fold(l) == level).Select(u => u.Id)];
            }
        }

        if (Grassroots.IsMatch(text))
        {
            return [.. below.Where(u => u.ParentId == area!.Id).Select(u => u.Id)];
        }

        return [area!.Id];
    }

    private Guid? Exact(string text)
    {
        var folded = TextFolding.Fold(text);
        var found = units.Where(u => !u.IsRetired && TextFolding.Fold(u.Name) == folded).ToList();
        if (found.Count == 0)
        {
            found = [.. units.Where(u => !u.IsRetired && TextFolding.Fold(u.ShortName) == folded)];
        }

        return found.Count == 1 ? found[0].Id : null;
    }

    private DirectoryUnit? NearestArea(DirectoryUnit unit, bool includeSelf)
    {
        var current = includeSelf ? unit : Parent(unit);
        for (var guard = 0; current is not null && guard < 64; guard++)
        {
            if (current.Kind == UnitKind.Area)
            {
                return current;
            }

            current = Parent(current);
        }

        return null;
    }

    private bool IsUnder(DirectoryUnit unit, Guid ancestorId)
    {
        var current = Parent(unit);
        for (var guard = 0; current is not null && guard < 64; guard++)
        {
            if (current.Id == ancestorId)
            {
                return true;
            }

            current = Parent(current);
        }

        return false;
    }

    private DirectoryUnit? Parent(DirectoryUnit unit) => unit.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent : null;

    /// <summary>Folded words with abbreviations expanded and commas kept as separate marks:
    /// "Đảng ủy, UBND các xã" → "dang uy , uy ban nhan dan cac xa".</summary>
    private static string Expand(string phrase)
    {
        var spaced = phrase.Replace(",", " , ", StringComparison.Ordinal).Replace(";", " , ", StringComparison.Ordinal);
        var words = spaced.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => w == "," ? [","] : UnitAbbreviations.ExpandedWords(w))
            .Where(w => w.Length > 0 && w != "-");
        return string.Join(' ', words).Replace(" , ", ", ", StringComparison.Ordinal);
    }

    private static Regex Words(string alternatives) =>
        new($@"\b(?:{alternatives})\b", RegexOptions.CultureInvariant);
}
