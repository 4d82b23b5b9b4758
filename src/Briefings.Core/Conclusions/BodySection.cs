namespace Briefings.Core.Conclusions;

/// <summary>A heading of the conclusion's body: "II. Một số kiến nghị, đề xuất". Items point to it by
/// <see cref="Order"/>. (The parser's proposal of a section is <see cref="ConclusionSection"/>.)</summary>
public sealed class BodySection
{
    /// <summary>Position in the body, 1 for the first section.</summary>
    public required int Order { get; init; }

    /// <summary>The numeral as printed ("II"), or "" for a body without numbered sections.</summary>
    public required string Numeral { get; init; }

    public required string Title { get; init; }
}
