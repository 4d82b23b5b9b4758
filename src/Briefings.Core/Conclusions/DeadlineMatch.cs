namespace Briefings.Core.Conclusions;

/// <summary>A deadline found in a text, with where it was written: <paramref name="Index"/> and
/// <paramref name="Length"/> are positions in the original text (with its diacritics), and
/// <paramref name="Text"/> is that span, e.g. "trong tháng 5/2017".</summary>
public readonly record struct DeadlineMatch(Deadline Deadline, int Index, int Length, string Text);
