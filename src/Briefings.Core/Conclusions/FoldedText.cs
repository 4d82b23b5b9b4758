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

    public FoldedText(string original)
    {
        Original = original;
        var folded = new System.Text.StringBuilder(original.Length);
        var positions = new List<int>(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var ch = original[i];
            string piece;
            if (char.IsWhiteSpace(ch))
            {
                piece = " ";
            }
            else if (char.IsSurrogate(ch))
            {
                // Lone halves cannot be normalized, and no Vietnamese letter lives outside the BMP.
                piece = ch.ToString();
            }
            else
            {
                piece = TextFolding.Fold(ch.ToString());
            }

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
