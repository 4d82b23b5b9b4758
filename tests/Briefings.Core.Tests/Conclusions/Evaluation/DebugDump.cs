using Briefings.Core.Conclusions;
using Xunit.Abstractions;

namespace Briefings.Core.Tests.Conclusions.Evaluation;

public sealed class DebugDump(ITestOutputHelper output)
{
    [Fact]
    public void Dump()
    {
        var file = Environment.GetEnvironmentVariable("DUMP_FILE");
        var m = typeof(AssignmentExtractor).GetMethod("AsksOnlyToCarryOut", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        var cm = typeof(AssignmentExtractor).GetMethod("CarryOutOnly", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
        var rx = (System.Text.RegularExpressions.Regex)cm!.Invoke(null, null)!;
        output.WriteLine("RX " + rx.IsMatch("quan tam, trien khai thuc hien.") + " " + rx.ToString());
        if (file is null) return;
        foreach (var f in file.Split(','))
        {
            var text = File.ReadAllText(f);
            output.WriteLine("=== " + f);
            foreach (var d in ConclusionReader.Read(text).Directives)
            {
                output.WriteLine($"* [{string.Join(" | ", d.Assignees)}] DL={d.DeadlineText} due={d.Deadline?.DueDate} rep={d.ReportRequired}");
                output.WriteLine("    " + d.Sentence.Replace("\n", " / "));
            }
        }
    }
}
