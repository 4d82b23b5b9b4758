using System.Globalization;
using Briefings.Core.Conclusions;
using Xunit.Abstractions;

namespace Briefings.Core.Tests.Conclusions;

/// <summary>How often the extractor agrees exactly with a reader on the labelled sentences. Misses are
/// printed so a failing run shows what to look at.</summary>
public sealed class AssignmentAccuracyTests(ITestOutputHelper output)
{
    [Fact]
    public void Extract_LabelledSentences_AtLeastNinetyPercentExact()
    {
        var (leads, coordinating, deadlines, outputs) = Score(LabelledAssignments.All);

        Assert.True(LabelledAssignments.All.Length >= 25);
        Assert.True(leads >= 0.9, $"lead units exact {leads:P1}");
        Assert.True(deadlines >= 0.9, $"deadlines exact {deadlines:P1}");
        Assert.True(coordinating >= 0.8, $"coordinating units exact {coordinating:P1}");
        Assert.True(outputs >= 0.8, $"outputs exact {outputs:P1}");
    }

    // Written after the rules, so a lower bar: this guards against regressions, the printout is the estimate.
    [Fact]
    public void Extract_HeldOutSentences_MostlyExact()
    {
        var (leads, _, deadlines, _) = Score(LabelledAssignments.HeldOut);

        Assert.True(leads >= 0.8, $"lead units exact {leads:P1}");
        Assert.True(deadlines >= 0.8, $"deadlines exact {deadlines:P1}");
    }

    private (double Leads, double Coordinating, double Deadlines, double Outputs) Score(LabelledAssignment[] cases)
    {
        int leads = 0, coordinating = 0, deadlines = 0, outputs = 0;
        foreach (var expected in cases)
        {
            var found = AssignmentExtractor.Extract(expected.Text);
            var first = found.Count > 0 ? found[0] : null;

            var leadOk = found.Select(a => a.LeadUnit).SequenceEqual(expected.Leads);
            var coordinatingOk = (first?.CoordinatingUnits ?? []).SequenceEqual(expected.Coordinating);
            var deadlineOk = first?.Deadline?.ToString() == expected.Deadline;
            var outputOk = (first?.Output ?? ExpectedOutput.None) == expected.Output;
            leads += leadOk ? 1 : 0;
            coordinating += coordinatingOk ? 1 : 0;
            deadlines += deadlineOk ? 1 : 0;
            outputs += outputOk ? 1 : 0;

            if (!(leadOk && coordinatingOk && deadlineOk && outputOk))
            {
                output.WriteLine($"MISS: {expected.Text}");
                output.WriteLine($"  lead [{string.Join(" | ", found.Select(a => a.LeadUnit))}] expected [{string.Join(" | ", expected.Leads)}]");
                output.WriteLine($"  coordinating [{string.Join(" | ", first?.CoordinatingUnits ?? [])}] expected [{string.Join(" | ", expected.Coordinating)}]");
                output.WriteLine($"  deadline {first?.Deadline} expected {expected.Deadline}; output {first?.Output} expected {expected.Output}");
            }
        }

        double Rate(int n) => (double)n / cases.Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases.Length} sentences: lead {Rate(leads):P1}, coordinating {Rate(coordinating):P1}, deadline {Rate(deadlines):P1}, output {Rate(outputs):P1}"));
        return (Rate(leads), Rate(coordinating), Rate(deadlines), Rate(outputs));
    }
}
