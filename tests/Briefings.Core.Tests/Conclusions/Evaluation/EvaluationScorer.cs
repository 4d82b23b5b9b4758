using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Briefings.Core.Tests.Conclusions.Evaluation;

/// <summary>A directive as the scorer compares it: assignee phrases as written (lead first), the deadline as
/// written and the day it allows, whether a report is due.</summary>
public sealed record ScoredDirective(IReadOnlyList<string> Assignees, string? Deadline, DateOnly? Due, bool Report);

/// <summary>Precision, recall and F1 of one kind of label over a set of texts.</summary>
public sealed record PrecisionRecall(int Proposed, int Labelled, int Matched)
{
    public double Precision => Proposed == 0 ? 0 : (double)Matched / Proposed;
    public double Recall => Labelled == 0 ? 0 : (double)Matched / Labelled;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (matched {Matched}, proposed {Proposed}, labelled {Labelled})");
}

public sealed record EvaluationFigures(string Half, int Texts, PrecisionRecall Assignees, PrecisionRecall Deadlines, IReadOnlyList<string> Misses);

/// <summary>
/// Scores a reader against the hand-labelled evaluation set (see README.md next to this file): per text, the
/// multiset of assignee phrases (folded, punctuation trimmed) and the multiset of deadlines (keyed by the due day,
/// or the folded text when the label gives no day), summed over the half.
/// </summary>
public static class EvaluationScorer
{
    /// <summary>The evaluation folder: next to the test assembly (copied there) or under the repository root.</summary>
    public static string Folder(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        for (var d = dir; d is not null; d = d.Parent)
        {
            foreach (var candidate in new[] { "Conclusions/Evaluation", "tests/Briefings.Core.Tests/Conclusions/Evaluation" })
            {
                var path = Path.Combine(d.FullName, candidate);
                if (Directory.Exists(Path.Combine(path, "dev")))
                {
                    return path;
                }
            }
        }

        throw new DirectoryNotFoundException("Evaluation set not found above " + dir.FullName);
    }

    public static IReadOnlyList<(string Name, string Text, IReadOnlyList<ScoredDirective> Labels)> Load(string folder, string half)
    {
        var result = new List<(string, string, IReadOnlyList<ScoredDirective>)>();
        foreach (var json in Directory.GetFiles(Path.Combine(folder, half), "*.json").Order(StringComparer.Ordinal))
        {
            var stem = Path.ChangeExtension(json, null);
            var textFile = new[] { ".md", ".txt" }.Select(e => stem + e).First(File.Exists);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var labels = doc.RootElement.GetProperty("directives").EnumerateArray().Select(d => new ScoredDirective(
                [.. d.GetProperty("assignees").EnumerateArray().Select(a => a.GetString()!)],
                d.GetProperty("deadline").GetString(),
                d.GetProperty("due").GetString() is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                d.GetProperty("report").GetBoolean())).ToList();
            result.Add((Path.GetFileName(textFile), File.ReadAllText(textFile), labels));
        }

        return result;
    }

    public static EvaluationFigures Score(string folder, string half, Func<string, IReadOnlyList<ScoredDirective>> read)
    {
        var texts = Load(folder, half);
        int aP = 0, aL = 0, aM = 0, dP = 0, dL = 0, dM = 0;
        var misses = new List<string>();
        foreach (var (name, text, labels) in texts)
        {
            var found = read(text);
            var (p, l, m, missA) = Compare(labels.SelectMany(d => d.Assignees).Select(Key), found.SelectMany(d => d.Assignees).Select(Key));
            (aP, aL, aM) = (aP + p, aL + l, aM + m);
            var (p2, l2, m2, missD) = Compare(labels.Where(d => d.Deadline is not null).Select(DeadlineKey), found.Where(d => d.Deadline is not null).Select(DeadlineKey));
            (dP, dL, dM) = (dP + p2, dL + l2, dM + m2);
            if (missA.Length > 0 || missD.Length > 0)
            {
                misses.Add($"{name}: assignees {missA} deadlines {missD}");
            }
        }

        return new EvaluationFigures(half, texts.Count, new PrecisionRecall(aP, aL, aM), new PrecisionRecall(dP, dL, dM), misses);
    }

    private static (int Proposed, int Labelled, int Matched, string Misses) Compare(IEnumerable<string> labelled, IEnumerable<string> proposed)
    {
        var left = labelled.ToList();
        var proposedList = proposed.ToList();
        var extra = new List<string>();
        var matched = 0;
        foreach (var p in proposedList)
        {
            if (left.Remove(p))
            {
                matched++;
            }
            else
            {
                extra.Add(p);
            }
        }

        var misses = (left.Count > 0 ? "missed [" + string.Join(" | ", left) + "] " : "") + (extra.Count > 0 ? "extra [" + string.Join(" | ", extra) + "]" : "");
        return (proposedList.Count, proposedList.Count - extra.Count + left.Count, matched, misses);
    }

    private static string DeadlineKey(ScoredDirective d) =>
        d.Due is { } due ? due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Key(d.Deadline!);

    /// <summary>Lower case, no diacritics, đ → d, one space between words, no punctuation around the phrase.</summary>
    public static string Key(string phrase)
    {
        var decomposed = phrase.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', '.', ',', ';', ':', '*', '_', '"');
    }
}
