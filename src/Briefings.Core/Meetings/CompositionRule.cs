using Briefings.Core.Common;
using Briefings.Core.Organizations;

namespace Briefings.Core.Meetings;

/// <summary>Which level a rule applies to: the body's own area, or each area directly below it (communes),
/// including the hamlets under those.</summary>
public enum CompositionLevel
{
    Body = 0,
    Below = 1,
}

/// <summary>
/// One line of a composition ("thành phần"): people holding a position whose title contains one
/// of <see cref="TitleKeywords"/> in a unit of <see cref="Kind"/>, at <see cref="Level"/>. Matching is
/// diacritics-insensitive. An empty keyword list means every position of such units.
/// <see cref="Required"/> positions count in the gap check ("đầy đủ, đúng thành phần"); optional ones are invited
/// and never a gap. <see cref="MinCount"/> is how many each endpoint must have: an endpoint whose directory holds
/// fewer (no Phó Chủ tịch UBND xã) shows the position as a gap; 0 means "everyone the directory holds".
/// </summary>
public sealed record CompositionRule(CompositionLevel Level, UnitKind Kind, IReadOnlyList<string> TitleKeywords, string Label, bool Required = true, int MinCount = 0)
{
    public const int MaxMinCount = 50;

    public bool Matches(UnitKind kind, string title)
    {
        if (kind != Kind)
        {
            return false;
        }

        if (TitleKeywords.Count == 0)
        {
            return true;
        }

        var folded = TextFolding.Fold(title);
        return TitleKeywords.Any(k => folded.Contains(TextFolding.Fold(k), StringComparison.Ordinal));
    }
}

/// <summary>The reference's two lists (district level, commune level): the rules of every body until its office
/// edits them (all required, as many as the directory holds — the behaviour before rules were data).</summary>
public static class CompositionTemplates
{
    public const string ReferenceName = "Giao ban quý I, III (theo Kết luận)";

    public static IReadOnlyList<CompositionRule> Reference { get; } =
    [
        new(CompositionLevel.Body, UnitKind.PartyCommittee, ["Bí thư"], "Thường trực cấp ủy"),
        new(CompositionLevel.Body, UnitKind.PeoplesCommittee, ["Chủ tịch"], "Lãnh đạo UBND"),
        new(CompositionLevel.Body, UnitKind.PartyBoard, ["Trưởng ban", "Trưởng Ban", "Chủ nhiệm"], "Các Ban xây dựng Đảng"),
        new(CompositionLevel.Body, UnitKind.Office, ["Chánh Văn phòng", "Chuyên viên"], "Văn phòng cấp ủy"),
        new(CompositionLevel.Body, UnitKind.Department, ["Trưởng phòng Tài chính"], "Phòng TC-KH"),
        new(CompositionLevel.Body, UnitKind.FatherlandFront, ["Chủ tịch"], "Lãnh đạo MTTQ"),
        new(CompositionLevel.Body, UnitKind.Organization, ["Chủ tịch", "Bí thư"], "Lãnh đạo các đoàn thể"),
        new(CompositionLevel.Below, UnitKind.PartyCommittee, ["Bí thư"], "Thường trực Đảng ủy xã"),
        new(CompositionLevel.Below, UnitKind.FatherlandFront, ["Chủ tịch"], "Ban Thường vụ MTTQ xã"),
        new(CompositionLevel.Below, UnitKind.Organization, ["Chủ tịch", "Bí thư"], "Ban Thường vụ các đoàn thể xã"),
        new(CompositionLevel.Below, UnitKind.HamletBranch, [], "Trưởng các chi hội ấp"),
    ];
}

/// <summary>The rules of a Front's or an organization's own briefing with its branches ("ngành dọc", DOMAIN.md: from Q2 each
/// organization holds thematic online briefings with its own branches), until its office edits them: the body's own
/// people in the host room, the standing members of each commune branch, the heads of the hamlet branches — of its own
/// vertical line only (<c>ApplyComposition</c> keeps the units of that line).</summary>
public static class VerticalLineTemplate
{
    public static IReadOnlyList<CompositionRule> For(UnitKind bodyKind) =>
    [
        new(CompositionLevel.Body, bodyKind, [], bodyKind == UnitKind.FatherlandFront ? "Ban Thường trực Ủy ban MTTQ" : "Ban Thường vụ, cơ quan"),
        new(CompositionLevel.Below, bodyKind, ["Chủ tịch", "Bí thư"], bodyKind == UnitKind.FatherlandFront ? "Ban Thường trực MTTQ xã" : "Ban Thường vụ cấp xã"),
        new(CompositionLevel.Below, UnitKind.HamletBranch, [], "Trưởng các chi hội, chi đoàn ấp", Required: false),
    ];
}

public static class CompositionLevels
{
    public static string DisplayName(this CompositionLevel level) => level switch
    {
        CompositionLevel.Body => "Điểm cầu chính (cấp mình)",
        CompositionLevel.Below => "Điểm cầu cấp dưới (xã, phường)",
    };
}
