using System.Diagnostics;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;

namespace Briefings.Bench;

/// <summary>
/// Import parsing throughput: the demo version of the reference conclusion read into sections, items and
/// directives (ConclusionTextParser + the editor's proposal with every unit phrase matched against the demo
/// district's 300-odd units), as the import page does it, many times over on one thread and on every core.
/// The baseline in the same run reads the same text once through (lines split and folded without diacritics):
/// what any parser has to pay at least.
/// </summary>
public static class ImportBench
{
    public sealed record Figures(string Machine, string Load, int Documents, int TextChars, int Units, int DirectivesPerDocument,
        double ParseDocsPerSecond, double ParseParallelDocsPerSecond, int Cores, double BaselineDocsPerSecond, double MeanMicroseconds, double MatcherBuildMs);

    public static Figures Run(int documents)
    {
        var units = DemoDistrict.Build().Units
            .Select(u => new ConclusionEditor.UnitOption(u.Id, u.Code, u.Name, u.ShortName, u.IsRetired)).ToList();
        var text = DemoConclusionText.Text;
        // The page builds the matcher over its district's units once; a batch import reuses it for every document.
        var build = Stopwatch.StartNew();
        var matcher = PrepareConclusionForm.MatcherFor(units);
        var matcherMs = build.Elapsed.TotalMilliseconds;

        // Warm-up: JIT and regex caches.
        var rows = 0;
        for (var i = 0; i < 50; i++)
        {
            rows = Import(text, matcher);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < documents; i++)
        {
            Import(text, matcher);
        }

        var serial = watch.Elapsed.TotalSeconds;

        watch.Restart();
        Parallel.For(0, documents, _ => Import(text, matcher));
        var parallel = watch.Elapsed.TotalSeconds;

        watch.Restart();
        var sink = 0;
        for (var i = 0; i < documents; i++)
        {
            foreach (var line in text.Split('\n'))
            {
                sink += TextFolding.Fold(line).Length;
            }
        }

        var baseline = watch.Elapsed.TotalSeconds;
        GC.KeepAlive(sink);
        return new Figures(Environment.MachineName, Machine.LoadAverage(), documents, text.Length, units.Count, rows,
            documents / serial, documents / parallel, Environment.ProcessorCount, documents / baseline, serial / documents * 1e6, matcherMs);
    }

    /// <summary>What the import does with a pasted text before showing it: parse, then propose directives.</summary>
    private static int Import(string text, UnitMatcher matcher) =>
        PrepareConclusionForm.Propose(ConclusionTextParser.Parse(text), matcher).Count;
}
