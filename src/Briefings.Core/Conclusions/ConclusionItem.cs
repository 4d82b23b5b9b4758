namespace Briefings.Core.Conclusions;

/// <summary>A numbered item of a section ("1.", "2.", ...).</summary>
/// <param name="Number">The item's number as written.</param>
/// <param name="Text">The item's full text without its number: the first paragraph, then its "- " / "+ "
/// sub-points and continuation paragraphs, one per line ('\n').</param>
/// <param name="Assignments">The tasks the item assigns, proposed for confirmation; empty when it assigns none.</param>
public sealed record ConclusionItem(int Number, string Text, IReadOnlyList<ProposedAssignment> Assignments);
