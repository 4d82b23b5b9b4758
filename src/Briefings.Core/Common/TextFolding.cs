using System.Globalization;
using System.Text;

namespace Briefings.Core.Common;

/// <summary>
/// Folds Vietnamese text for diacritics-insensitive search: lower case, combining marks removed,
/// and đ/Đ mapped to d (they have no Unicode decomposition, so no tokenizer folds them).
/// "Đảng ủy xã An Phú" and "dang uy xa an phu" fold to the same string.
/// </summary>
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var decomposed = CleanText.Clean(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = ch switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(c);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A download's file name in plain ASCII, case kept: marks dropped, Đ/đ → D/d, "/" and anything else outside
    /// letters, digits, ".", "_" and "-" → "-". "ket-luan-05-KL/ĐU" → "ket-luan-05-KL-DU". Found from outside: a
    /// commune's conclusion "Số 05-KL/ĐU" downloaded on a phone as a file named "download", without ".pdf".</summary>
    public static string AsciiFileName(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in CleanText.Clean(text).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(ch switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                _ when char.IsAsciiLetterOrDigit(ch) || ch is '.' or '_' or '-' => ch,
                _ => '-',
            });
        }

        return sb.ToString();
    }

    /// <summary>The folded words of a search query, each of which must occur in a match.</summary>
    public static IReadOnlyList<string> QueryTokens(string? query) =>
        Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8).ToArray();
}
