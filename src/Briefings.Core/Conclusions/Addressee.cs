namespace Briefings.Core.Conclusions;

/// <summary>A unit the issued document was sent to: every unit a "Nơi nhận" line names (a group line names many)
/// and every lead, coordinating and collective unit of a directive, fixed when the document is issued.</summary>
public sealed class Addressee
{
    public required Guid UnitId { get; init; }
}
