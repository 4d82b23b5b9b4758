using Briefings.Core.Common;

namespace Briefings.Core.Organizations;

/// <summary>
/// A unit of the organization tree: an area, a body, a board, an organization or a branch.
/// The tree has any depth. <see cref="Path"/> is the materialized chain of ids from the root
/// ("/a/b/c/"), so "this unit and everything below it" is a prefix match that an index serves.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
    }

    public Guid Id { get; private set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public UnitKind Kind { get; set; }

    /// <summary>For organizations: which one it is (its papers' layout reads this, never the name).</summary>
    public OrganizationType OrganizationType { get; set; }

    /// <summary>For areas: the level as data ("Tỉnh", "Huyện", "Xã", "Ấp", ...).</summary>
    public string? Level { get; set; }

    /// <summary>For issuing bodies: the symbol in document numbers (HU, ĐU, TU, ...).</summary>
    public string? DocumentSymbol { get; set; }

    public Guid? ParentId { get; private set; }
    public string Path { get; private set; } = "";
    public int Depth { get; private set; }

    /// <summary>The "vertical line" (ngành dọc): the same organization one level up, e.g. the commune
    /// Farmers' Association points to the district Farmers' Association.</summary>
    public Guid? VerticalParentId { get; set; }

    public int SortOrder { get; set; }
    public DateTimeOffset? RetiredAt { get; private set; }
    public string SearchText { get; private set; } = "";

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public static Unit Create(Guid id, string code, string name, string shortName, UnitKind kind, Unit? parent)
    {
        var unit = new Unit { Id = id, Code = code.Trim(), Name = name.Trim(), ShortName = shortName.Trim(), Kind = kind };
        unit.PlaceUnder(parent);
        unit.Touch();
        return unit;
    }

    /// <summary>Recomputes derived state after an edit: search text and version.</summary>
    public void Touch()
    {
        SearchText = TextFolding.Fold($"{Name} {ShortName} {Code} {DocumentSymbol}");
        Version++;
    }

    /// <summary>Moves the unit (and implicitly its subtree) under a new parent. The caller must rewrite
    /// the paths of the descendants with <see cref="RebaseDescendant"/>.</summary>
    public Error? MoveTo(Unit? newParent)
    {
        if (newParent is not null && (newParent.Id == Id || newParent.Path.StartsWith(Path, StringComparison.Ordinal)))
        {
            return new Error("Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.", nameof(ParentId));
        }

        if (newParent is { IsRetired: true })
        {
            return new Error("Không thể chuyển vào một đơn vị đã ngừng hoạt động.", nameof(ParentId));
        }

        PlaceUnder(newParent);
        Touch();
        return null;
    }

    public void RebaseDescendant(string oldPrefix, string newPrefix, int depthDelta)
    {
        Path = string.Concat(newPrefix, Path.AsSpan(oldPrefix.Length));
        Depth += depthDelta;
    }

    public Error? Retire(DateTimeOffset at)
    {
        if (IsRetired)
        {
            return new Error("Đơn vị này đã ngừng hoạt động từ trước.");
        }

        RetiredAt = at;
        Touch();
        return null;
    }

    public void Reinstate()
    {
        RetiredAt = null;
        Touch();
    }

    public bool IsInSubtreeOf(string ancestorPath) => Path.StartsWith(ancestorPath, StringComparison.Ordinal);

    /// <summary>Ids of this unit's ancestors, root first, excluding itself.</summary>
    public IReadOnlyList<Guid> AncestorIds() =>
        UnitPath.Ids(Path).Where(id => id != Id).ToArray();

    private void PlaceUnder(Unit? parent)
    {
        ParentId = parent?.Id;
        Path = UnitPath.Child(parent?.Path, Id);
        Depth = parent is null ? 0 : parent.Depth + 1;
    }
}

public static class UnitPath
{
    public static string Child(string? parentPath, Guid id) => $"{parentPath ?? "/"}{id:N}/";

    public static IEnumerable<Guid> Ids(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N"));
}
