using System.Globalization;
using Briefings.Core.Common;

namespace Briefings.Core.Conclusions;

/// <summary>
/// Text folded with <see cref="TextFolding.Fold"/> one character at a time, so that a match found in the
/// folded text ("quy ii/2017") can be reported at its place in the original ("quý II/2017").
/// Unlike <see cref="TextFolding.Fold"/> it keeps every whitespace character (as a space) and does not
/// trim, so positions stay meaningful; combining marks of decomposed input fold to nothing.
/// </summary>
internal sealed class FoldedText
{
    // For each folded character, the index of the original character it came from.
    private readonly int[] map;

    // The fold of every character below U+2000 (Latin, Vietnamese letters, combining marks), computed once: folding
    // character by character through TextFolding.Fold normalizes a one-character string each time, which made
    // reading a conclusion cost more in folding than in all its rules.
    private static readonly string[] Table = BuildTable();

    private static string[] BuildTable()
    {
        var table = new string[0x2000];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            table[c] = char.IsWhiteSpace(ch) ? " " : char.IsSurrogate(ch) ? ch.ToString() : TextFolding.Fold(ch.ToString());
        }

        return table;
    }

    /// <summary>The fold of one character, as <see cref="TextFolding.Fold"/> folds it alone (whitespace → " ").</summary>
    public static string Fold(char ch) =>
        ch < Table.Length ? Table[ch] : char.IsWhiteSpace(ch) ? " " : char.IsSurrogate(ch) ? ch.ToString() : TextFolding.Fold(ch.ToString());

    /// <summary>A line folded as <see cref="TextFolding.Fold"/> folds it (one space between words, trimmed), through
    /// the table: for the many small tests a parser makes on each line.</summary>
    public static string FoldLine(string? line)
    {
        var sb = new System.Text.StringBuilder(line?.Length ?? 0);
        var lastWasSpace = true;
        foreach (var ch in line ?? "")
        {
            var piece = Fold(ch);
            if (piece == " ")
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(piece);
            lastWasSpace = piece.Length == 0 && lastWasSpace;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>The fold of a word (no whitespace inside): the same as <see cref="TextFolding.Fold"/> for it.</summary>
    public static string FoldWord(string word)
    {
        var ascii = true;
        foreach (var ch in word)
        {
            if (ch >= 0x80 || char.IsUpper(ch))
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return word;
        }

        var sb = new System.Text.StringBuilder(word.Length);
        foreach (var ch in word)
        {
            sb.Append(Fold(ch));
        }

        return sb.ToString();
    }

    public FoldedText(string original)
    {
        Original = original;
        var folded = new System.Text.StringBuilder(original.Length);
        var positions = new List<int>(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            // Lone surrogate halves cannot be normalized (kept), and no Vietnamese letter lives outside the BMP.
            var piece = Fold(original[i]);

            foreach (var f in piece)
            {
                folded.Append(f);
                positions.Add(i);
            }
        }

        Text = folded.ToString();
        map = [.. positions];
    }

    public string Original { get; }

    /// <summary>The folded text: lower case, no diacritics, đ → d, one space per whitespace character.</summary>
    public string Text { get; }

    /// <summary>The original span of a folded span, including any combining marks that trail its last letter.</summary>
    public (int Index, int Length) ToOriginal(int foldedIndex, int foldedLength)
    {
        if (foldedLength <= 0)
        {
            var at = foldedIndex < map.Length ? map[foldedIndex] : Original.Length;
            return (at, 0);
        }

        var start = map[foldedIndex];
        var end = map[foldedIndex + foldedLength - 1] + 1;
        while (end < Original.Length && CharUnicodeInfo.GetUnicodeCategory(Original[end]) == UnicodeCategory.NonSpacingMark)
        {
            end++;
        }

        return (start, end - start);
    }
}
