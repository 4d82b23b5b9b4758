namespace Briefings.Core.Common;

/// <summary>How a line of a <see cref="LineDiff"/> changed between the old and the new text.</summary>
public enum DiffKind
{
    Same,
    Removed,
    Added,
}

/// <summary>One line of a diff.</summary>
public sealed record DiffLine(DiffKind Kind, string Text);

/// <summary>
/// A line-by-line diff of two texts (longest common subsequence), for showing what changed between two versions
/// of a document: unchanged lines, lines removed from the old text and lines added in the new one, in reading
/// order (a changed line shows as removed then added). Documents are a few hundred lines, so the quadratic table
/// is small; texts above <see cref="MaxLines"/> lines fall back to "all removed, all added".
/// </summary>
public static class LineDiff
{
    public const int MaxLines = 5000;

    public static IReadOnlyList<DiffLine> Compare(string? oldText, string? newText)
    {
        var a = Lines(oldText);
        var b = Lines(newText);

        // Trim the common head and tail first: versions usually differ in a few lines.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
        {
            tail++;
        }

        var result = new List<DiffLine>(a.Length + b.Length);
        result.AddRange(a.Take(head).Select(l => new DiffLine(DiffKind.Same, l)));
        var midA = a[head..(a.Length - tail)];
        var midB = b[head..(b.Length - tail)];
        if (midA.Length > MaxLines || midB.Length > MaxLines)
        {
            result.AddRange(midA.Select(l => new DiffLine(DiffKind.Removed, l)));
            result.AddRange(midB.Select(l => new DiffLine(DiffKind.Added, l)));
        }
        else
        {
            result.AddRange(Middle(midA, midB));
        }

        result.AddRange(a.Skip(a.Length - tail).Select(l => new DiffLine(DiffKind.Same, l)));
        return result;
    }

    private static List<DiffLine> Middle(string[] a, string[] b)
    {
        // lcs[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var lines = new List<DiffLine>();
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(DiffKind.Same, a[x++]));
                y++;
            }
            else if (lcs[x + 1, y] >= lcs[x, y + 1])
            {
                lines.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }

        lines.AddRange(a.Skip(x).Select(l => new DiffLine(DiffKind.Removed, l)));
        lines.AddRange(b.Skip(y).Select(l => new DiffLine(DiffKind.Added, l)));
        return lines;
    }

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
