namespace Briefings.Core.Meetings;

/// <summary>One line of an endpoint's gap check: how many the composition requires under a label and how
/// many have confirmed (in person or through a substitute).</summary>
public sealed record GapLine(string Label, int Required, int Attending)
{
    public int Missing => Required - Attending;
}

/// <summary>Required composition versus confirmed attendees, per endpoint ("đầy đủ, đúng thành phần").</summary>
public static class CompositionGap
{
    public static IReadOnlyList<GapLine> For(IEnumerable<Invitation> invitations) =>
        invitations.GroupBy(i => i.RuleLabel)
            .Select(g => new GapLine(g.Key, g.Count(), g.Count(i => i.IsAttending)))
            .OrderBy(l => l.Label, StringComparer.Ordinal)
            .ToList();

    public static bool IsComplete(IEnumerable<GapLine> lines) => lines.All(l => l.Missing == 0);
}
