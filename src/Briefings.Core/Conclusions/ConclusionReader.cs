namespace Briefings.Core.Conclusions;

/// <summary>
/// Reads a conclusion, notice or letter (plain text or Markdown) into its structure and its directives. The one
/// code path behind the editor's import, the JSON API and the command line.
/// </summary>
public static class ConclusionReader
{
    public static ConclusionReading Read(string? text)
    {
        var draft = ConclusionTextParser.Parse(text);
        var directives = new List<FoundDirective>();
        foreach (var section in draft.Sections)
        {
            foreach (var item in section.Items)
            {
                foreach (var group in item.Assignments.GroupBy(a => a.Text))
                {
                    var first = group.First();
                    var leads = group.Select(a => a.LeadUnit).ToList();
                    directives.Add(new FoundDirective(group.Key, [.. leads, .. first.CoordinatingUnits], leads[0], first.CoordinatingUnits, [],
                        first.DeadlineText, first.Deadline, first.Output == ExpectedOutput.ReportBack, first.Output, section.Number, item.Number));
                }
            }
        }

        return new ConclusionReading(draft, directives);
    }
}
