namespace Briefings.Core.Meetings;

/// <summary>One position of an endpoint's gap check: whether the composition requires it, how many it requires,
/// how many the directory gave (invited) and how many have confirmed (in person or through a substitute).</summary>
public sealed record GapLine(string Label, int Required, int Attending, bool IsRequired = true, int Invited = -1)
{
    /// <summary>Required people not (yet) confirmed; optional positions never miss anyone.</summary>
    public int Missing => IsRequired ? Math.Max(0, Required - Attending) : 0;

    /// <summary>The endpoint has fewer holders of the position than the rule asks (none in the directory): the
    /// gap is in the directory itself, not in the answers.</summary>
    public bool Unfilled => IsRequired && Invited >= 0 && Invited < Required;
}

/// <summary>Required composition versus confirmed attendees, per endpoint and per position ("đầy đủ, đúng thành
/// phần").</summary>
public static class CompositionGap
{
    /// <summary>Label of people invited one by one, outside the rules.</summary>
    public const string AddedLabel = "Mời thêm";

    /// <summary>The lines of one endpoint: each position of <paramref name="rules"/> (those of the endpoint's level)
    /// — including a required position nobody holds there — and each other label its invitations carry (people
    /// invited one by one, or under rules since changed).</summary>
    public static IReadOnlyList<GapLine> For(IEnumerable<Invitation> invitations, IEnumerable<CompositionRule>? rules = null)
    {
        var byLabel = invitations.GroupBy(i => i.RuleLabel).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var lines = new List<GapLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules ?? [])
        {
            if (!seen.Add(rule.Label))
            {
                continue;
            }

            var invited = byLabel.GetValueOrDefault(rule.Label) ?? [];
            var required = rule.Required ? Math.Max(rule.MinCount, invited.Count(i => !i.IsOptional)) : 0;
            if (invited.Count == 0 && required == 0)
            {
                continue;
            }

            lines.Add(new GapLine(rule.Label, required, invited.Count(i => i.IsAttending), rule.Required, invited.Count));
        }

        foreach (var (label, invited) in byLabel.Where(g => !seen.Contains(g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var required = invited.Count(i => !i.IsOptional);
            lines.Add(new GapLine(label, required, invited.Count(i => i.IsAttending), required > 0, invited.Count));
        }

        return lines;
    }

    public static bool IsComplete(IEnumerable<GapLine> lines) => lines.All(l => l.Missing == 0);
}
