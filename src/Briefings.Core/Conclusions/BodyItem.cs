namespace Briefings.Core.Conclusions;

/// <summary>A numbered item of a section ("1.", "2.", ...). Directives point to it by
/// (<see cref="SectionOrder"/>, <see cref="Number"/>). (The parser's proposal is <see cref="ConclusionItem"/>.)</summary>
public sealed class BodyItem
{
    /// <summary>The <see cref="BodySection.Order"/> of the section it belongs to.</summary>
    public required int SectionOrder { get; init; }

    /// <summary>The item's number within its section, as printed.</summary>
    public required int Number { get; init; }

    /// <summary>The full text; sub-points and continuation paragraphs separated by '\n'.</summary>
    public required string Text { get; init; }

    /// <summary>Whether the item appears in the published version; an item about a person or an internal
    /// matter can be left out of it.</summary>
    public bool IsPublic { get; init; } = true;
}
