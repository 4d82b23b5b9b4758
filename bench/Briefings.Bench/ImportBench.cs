using System.Diagnostics;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Tests.Conclusions.Evaluation;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;

namespace Briefings.Bench;

/// <summary>
/// Import parsing (issues "Conclusions", 11 and 12): the demo version of the reference conclusion read as the
/// import reads it — <see cref="ConclusionReader.TryRead"/> (structure and directives from the whole text) and the
/// editor's proposal (every unit phrase matched against the demo district's units) — many times over on one
/// thread and on every core; then texts of growing size (the evaluation set concatenated, and the same text as one
/// paragraph without line breaks, and cut into short lines) to show the time is linear in the size; then the
/// evaluation set's precision / recall / F1. The baseline in the same run reads the same text once through
/// (lines split and folded without diacritics): what any parser has to pay at least.
/// </summary>
public static class ImportBench
{
    public sealed record Figures(string Machine, string Load, int Documents, int TextChars, int Units, int DirectivesPerDocument,
        double ParseDocsPerSecond, double ParseParallelDocsPerSecond, int Cores, double BaselineDocsPerSecond, double MeanMicroseconds, double MatcherBuildMs,
        double ParseDocsPerCpuSecond, double BaselineDocsPerCpuSecond,
        IReadOnlyList<SizeFigures> Sizes, IReadOnlyList<EvaluationFigures> Evaluation);

    public sealed record SizeFigures(string Shape, int Chars, int Directives, double MedianMs, double MicrosecondsPerKb, double BaselineMs);

    public static Figures Run(int documents, string? evaluationFolder)
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

        // Wall time, and this process's CPU time: on a shared machine (other builds running) the CPU time says what
        // one document costs whatever the load, the wall time what a user waited.
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < documents; i++)
        {
            Import(text, matcher);
        }

        var serial = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var serialCpu = (process.TotalProcessorTime - cpu).TotalSeconds;

        watch.Restart();
        Parallel.For(0, documents, _ => Import(text, matcher));
        var parallel = watch.Elapsed.TotalSeconds;

        process.Refresh();
        cpu = process.TotalProcessorTime;
        watch.Restart();
        var sink = 0;
        for (var i = 0; i < documents; i++)
        {
            sink += Baseline(text);
        }

        var baseline = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var baselineCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        GC.KeepAlive(sink);

        var folder = evaluationFolder ?? EvaluationScorer.Folder(Directory.GetCurrentDirectory());
        // One long document: the bodies of the 40 evaluation texts (down to their "Nơi nhận"), repeated, under one
        // header and above one signature block.
        var bodies = string.Join("\n\n", new[] { "dev", "heldout" }.SelectMany(h => EvaluationScorer.Load(folder, h))
            .Select(t => t.Text.Split("Nơi nhận")[0]));
        var sizes = new List<SizeFigures>();
        foreach (var size in new[] { 10_000, 50_000, 150_000, 300_000 })
        {
            sizes.Add(Time("one document, paragraphs", Document(Repeat(bodies, size))));
        }

        // The shapes that made the old parser quadratic: one paragraph without a line break, and short broken lines.
        foreach (var size in new[] { 10_000, 50_000, 150_000, 300_000 })
        {
            sizes.Add(Time("one paragraph, no line break", Document(Repeat(bodies, size).Replace('\n', ' '))));
        }

        var words = Repeat(bodies, 150_000).Replace('\n', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        sizes.Add(Time("short broken lines (6 words)", Document(string.Join('\n', words.Chunk(6).Select(c => string.Join(' ', c))))));

        // Every split is scored; only "dev"'s misses are printed here (the blind splits' never are: README next to them).
        var evaluation = Halves(folder).Select(h => EvaluationScorer.Score(folder, h, Read))
            .Select(f => f.Half == "dev" ? f : f with { Misses = [] }).ToList();
        return new Figures(Environment.MachineName, Machine.LoadAverage(), documents, text.Length, units.Count, rows,
            documents / serial, documents / parallel, Environment.ProcessorCount, documents / baseline, serial / documents * 1e6, matcherMs,
            documents / serialCpu, documents / baselineCpu, sizes, evaluation);
    }

    /// <summary>The evaluation splits scored by the bench, each reported separately: every folder of the set, in the
    /// order they were written (dev, heldout, unseen-2, …, unseen-10).</summary>
    public static IReadOnlyList<string> Halves(string folder) =>
        [.. Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .OrderBy(h => h.StartsWith("unseen-", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(h => int.TryParse(h.AsSpan(h.LastIndexOf('-') + 1), out var n) ? n : 0)
            .ThenBy(h => h, StringComparer.Ordinal)];

    /// <summary>Only the evaluation set's figures (no timing): what `Briefings.Bench evaluate` prints.</summary>
    public static IReadOnlyList<EvaluationFigures> Evaluate(string? evaluationFolder)
    {
        var folder = evaluationFolder ?? EvaluationScorer.Folder(Directory.GetCurrentDirectory());
        return [.. Halves(folder).Select(h => EvaluationScorer.Score(folder, h, Read)).Select(f => f.Half == "dev" ? f : f with { Misses = [] })];
    }

    /// <summary>One line per split, for the report under the JSON.</summary>
    public static string Summary(IEnumerable<EvaluationFigures> evaluation) =>
        string.Join('\n', evaluation.Select(f => $"evaluation {f.Half} ({f.Texts} texts): assignees {f.Assignees}; deadlines {f.Deadlines}"));

    private static IReadOnlyList<ScoredDirective> Read(string text) =>
        [.. ConclusionReader.Read(text).Directives.Select(d => new ScoredDirective(d.Assignees, d.DeadlineText, d.Deadline?.DueDate, d.ReportRequired))];

    private static string Document(string body) =>
        "HUYỆN ỦY TÂN PHONG\nSố 1-TB/HU\nTHÔNG BÁO\nKết luận dài\n" + body + "\nNơi nhận:\n- Lưu VPHU.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Văn A";

    private static string Repeat(string corpus, int size)
    {
        var sb = new System.Text.StringBuilder(size + corpus.Length);
        while (sb.Length < size)
        {
            sb.Append(corpus).Append("\n\n");
        }

        return sb.ToString(0, size);
    }

    private static SizeFigures Time(string shape, string text)
    {
        var times = new List<double>();
        var baselines = new List<double>();
        var directives = 0;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            var result = ConclusionReader.TryRead(text, ConclusionReaderOptions.Default, CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
            directives = result.Succeeded ? result.Value!.Directives.Count : -1;
            watch.Restart();
            GC.KeepAlive(Baseline(text));
            baselines.Add(watch.Elapsed.TotalMilliseconds);
        }

        var median = times.Order().ElementAt(times.Count / 2);
        return new SizeFigures(shape, text.Length, directives, median, median * 1000 / (text.Length / 1000.0), baselines.Order().ElementAt(baselines.Count / 2));
    }

    private static int Baseline(string text)
    {
        var sum = 0;
        foreach (var line in text.Split('\n'))
        {
            sum += TextFolding.Fold(line).Length;
        }

        return sum;
    }

    /// <summary>What the import does with a pasted text before showing it: read, then propose directive rows.</summary>
    private static int Import(string text, Core.Conclusions.UnitMatcher matcher) =>
        ConclusionReader.TryRead(text, ConclusionReaderOptions.Default, CancellationToken.None) is { Succeeded: true } r
            ? PrepareConclusionForm.Propose(r.Value!, matcher).Count
            : -1;
}
