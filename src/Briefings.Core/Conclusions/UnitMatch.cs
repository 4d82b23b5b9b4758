namespace Briefings.Core.Conclusions;

/// <summary>A directory unit matched to a phrase, with a score from 0 (nothing shared) to 1 (same words).</summary>
public sealed record UnitMatch(UnitCandidate Unit, double Score);
