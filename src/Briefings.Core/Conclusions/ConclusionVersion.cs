namespace Briefings.Core.Conclusions;

/// <summary>A saved state of a conclusion: every save of a draft and the issued text keep one, so the office
/// can see who changed what and compare any two (<see cref="Common.LineDiff"/>).</summary>
public sealed class ConclusionVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConclusionId { get; init; }

    /// <summary>1 for the first save, then 2, 3, ...</summary>
    public int Number { get; init; }

    /// <summary>The whole record as <see cref="ConclusionText.Snapshot"/> writes it.</summary>
    public required string Snapshot { get; init; }

    /// <summary>What happened: "Tạo dự thảo", "Sửa dự thảo", "Ban hành", ...</summary>
    public required string Note { get; init; }

    public required string SavedBy { get; init; }
    public DateTimeOffset SavedAt { get; init; }
}
