using System.Text;

namespace Briefings.Core.Common;

/// <summary>
/// The one rule for text the system keeps: Unicode NFC (so "Nguyễn" typed on a Mac equals "Nguyễn" typed on
/// Windows), line breaks as "\n", and nothing that XML 1.0 (Word, Atom, .xlsx) cannot carry or that only hides
/// text. A vertical tab or form feed (Word's manual line and page break when pasted) becomes a line break;
/// other control characters, lone surrogates, U+FFFE/U+FFFF, zero-width spaces, the byte-order mark, the word
/// joiner and bidirectional overrides are removed. Zero-width joiner and non-joiner stay (emoji, some scripts),
/// and are valid in XML. Applied to every string property when saved (<c>BriefingsDbContext</c>).
/// </summary>
public static class CleanText
{
    /// <summary>The cleaned text; the same instance when nothing needed to change.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            switch (Classify(c))
            {
                case Kind.Keep:
                    builder.Append(c);
                    break;
                case Kind.LineBreak:
                    // "\r\n" is one break.
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    builder.Append('\n');
                    break;
                case Kind.Drop:
                    break;
            }
        }

        var result = builder.ToString();
        return result.IsNormalized(NormalizationForm.FormC) ? result : result.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Null stays null.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    public static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (Classify(c) != Kind.Keep)
            {
                return false;
            }
        }

        return text.IsNormalized(NormalizationForm.FormC);
    }

    private enum Kind
    {
        Keep,
        LineBreak,
        Drop,
    }

    private static Kind Classify(char c) => c switch
    {
        '\n' or '\t' => Kind.Keep,
        '\r' or '\v' or '\f' or '\u2028' or '\u2029' => Kind.LineBreak,
        < '\u0020' => Kind.Drop,
        >= '\u007F' and <= '\u009F' => Kind.Drop,
        '\u200B' or '\u2060' or '\uFEFF' => Kind.Drop,
        >= '\u202A' and <= '\u202E' => Kind.Drop,
        >= '\u2066' and <= '\u2069' => Kind.Drop,
        '\uFFFE' or '\uFFFF' => Kind.Drop,
        _ when char.IsSurrogate(c) => Kind.Drop, // a lone half of a pair
        _ => Kind.Keep,
    };
}
