namespace Briefings.Core.Conclusions;

/// <summary>The first time a recipient unit opened an issued conclusion: who, when. One row per
/// (conclusion, unit); later openings change nothing, so the office sees who has read it and who has not.</summary>
public sealed class ConclusionReceipt
{
    public required Guid ConclusionId { get; init; }

    public required Guid UnitId { get; init; }

    public required DateTimeOffset FirstOpenedAt { get; init; }

    /// <summary>The account (user name) that opened it first for the unit.</summary>
    public required string FirstOpenedBy { get; init; }
}
