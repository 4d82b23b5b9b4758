namespace Briefings.Core.Organizations;

/// <summary>What a unit is. Levels (province, district, commune, hamlet) are not kinds: they are data on
/// <see cref="UnitKind.Area"/> units, so the 2017 four-level model and the 2025 two-level model both fit.</summary>
public enum UnitKind
{
    /// <summary>An administrative area (tỉnh, huyện, xã, ấp) that groups the bodies working in it.</summary>
    Area = 0,
    PartyCommittee = 1,
    StandingBoard = 2,
    PartyBoard = 3,
    Office = 4,
    PeoplesCommittee = 5,
    Department = 6,
    FatherlandFront = 7,
    Organization = 8,
    HamletBranch = 9,
    SteeringBoard = 10,
    Other = 11,
}

public static class UnitKinds
{
    public static string DisplayName(this UnitKind kind) => kind switch
    {
        UnitKind.Area => "Địa bàn",
        UnitKind.PartyCommittee => "Cấp ủy đảng",
        UnitKind.StandingBoard => "Ban Thường vụ",
        UnitKind.PartyBoard => "Ban xây dựng Đảng",
        UnitKind.Office => "Văn phòng",
        UnitKind.PeoplesCommittee => "Ủy ban nhân dân",
        UnitKind.Department => "Phòng, ban chuyên môn",
        UnitKind.FatherlandFront => "Mặt trận Tổ quốc",
        UnitKind.Organization => "Đoàn thể chính trị - xã hội",
        UnitKind.HamletBranch => "Chi hội ấp",
        UnitKind.SteeringBoard => "Ban chỉ đạo",
        UnitKind.Other => "Khác",
    };

    /// <summary>Parses a kind from its Vietnamese display name or its English identifier (for imports).</summary>
    public static UnitKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = Common.TextFolding.Fold(text);
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            if (Common.TextFolding.Fold(kind.DisplayName()) == folded ||
                string.Equals(kind.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return null;
    }
}
