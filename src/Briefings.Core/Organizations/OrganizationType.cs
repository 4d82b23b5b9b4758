namespace Briefings.Core.Organizations;

/// <summary>Which socio-political organization a unit of kind <see cref="UnitKind.Organization"/> is. The five share
/// one kind; their papers differ (decisions.md, "walk-papers", "walk-orgtype"), so the directory says which each is
/// instead of the app guessing from its name — a renamed organization keeps its layout. Stored as its number.</summary>
public enum OrganizationType
{
    /// <summary>Not said (or not an organization): the neutral (state) layout.</summary>
    None = 0,
    WomenUnion = 1,
    Veterans = 2,
    Farmers = 3,
    Youth = 4,
    Labour = 5,
    Other = 9,
}

public static class OrganizationTypes
{
    public static string DisplayName(this OrganizationType type) => type switch
    {
        OrganizationType.WomenUnion => "Hội Liên hiệp Phụ nữ",
        OrganizationType.Veterans => "Hội Cựu chiến binh",
        OrganizationType.Farmers => "Hội Nông dân",
        OrganizationType.Youth => "Đoàn TNCS Hồ Chí Minh",
        OrganizationType.Labour => "Công đoàn (Liên đoàn Lao động)",
        OrganizationType.Other => "Tổ chức khác",
        _ => "Chưa xác định",
    };

    /// <summary>Parses a type from its Vietnamese display name or its English identifier (for imports); a blank
    /// cell is <see cref="OrganizationType.None"/>, an unknown text null.</summary>
    public static OrganizationType? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return OrganizationType.None;
        }

        var folded = Common.TextFolding.Fold(text);
        foreach (var type in Enum.GetValues<OrganizationType>())
        {
            if (Common.TextFolding.Fold(type.DisplayName()) == folded ||
                string.Equals(type.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The type an organization's name says, used once to classify the rows that existed before the type
    /// was stored (the migration's SQL says the same in LIKE patterns) and a new organization's row of an import whose
    /// type cell is blank (the unit form asks for the type; "Chưa xác định" stays as chosen): "phụ nữ",
    /// "cựu chiến binh"/"CCB", "nông dân", "đoàn thanh niên"/"huyện đoàn"…, "lao động"/"công đoàn".</summary>
    public static OrganizationType Guess(string? name)
    {
        var folded = Common.TextFolding.Fold(name);
        return folded.Contains("phu nu", StringComparison.Ordinal) ? OrganizationType.WomenUnion
            : folded.Contains("cuu chien binh", StringComparison.Ordinal) || folded.Contains("ccb", StringComparison.Ordinal) ? OrganizationType.Veterans
            : folded.Contains("nong dan", StringComparison.Ordinal) ? OrganizationType.Farmers
            : folded.Contains("doan thanh nien", StringComparison.Ordinal) || folded.Contains("doan tncs", StringComparison.Ordinal)
                || folded.StartsWith("huyen doan", StringComparison.Ordinal) || folded.StartsWith("tinh doan", StringComparison.Ordinal)
                || folded.StartsWith("thanh doan", StringComparison.Ordinal) || folded.StartsWith("quan doan", StringComparison.Ordinal) ? OrganizationType.Youth
            : folded.Contains("lao dong", StringComparison.Ordinal) || folded.Contains("cong doan", StringComparison.Ordinal) ? OrganizationType.Labour
            : OrganizationType.None;
    }
}
