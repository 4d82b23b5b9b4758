namespace Briefings.Core.Conclusions;

/// <summary>A section of a conclusion's body: "II. Một số kiến nghị, đề xuất".</summary>
/// <param name="Number">The section's number (2 for "II"); 0 for the untitled section that holds numbered
/// items of a conclusion without Roman-numeral sections.</param>
/// <param name="Numeral">The numeral as written ("II"), or "" for the untitled section.</param>
/// <param name="Title">The heading after the numeral: "Một số kiến nghị, đề xuất".</param>
/// <param name="Introduction">Text between the heading and the first numbered item, usually empty.</param>
/// <param name="Items">The numbered items, in order.</param>
public sealed record ConclusionSection(int Number, string Numeral, string Title, string Introduction, IReadOnlyList<ConclusionItem> Items);
