using System.Globalization;

namespace Briefings.Core.Conclusions;

internal enum TokenKind
{
    Word = 0,
    Punctuation = 1,
    LineBreak = 2,
}

/// <summary>A word or punctuation mark of an item's text, with its folded form and its position, so that
/// the rules can compare folded words but still read capital letters and cut the original text.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, string Folded, int Start)
{
    public int End => Start + Text.Length;
    public bool IsWord => Kind == TokenKind.Word;

    /// <summary>Unit names are written with capitals ("Phòng", "UBND"); verbs in running text are not.</summary>
    public bool IsCapitalized => IsWord && char.IsUpper(Text[0]);

    public bool IsLowerCase => IsWord && char.IsLower(Text[0]);

    public bool Is(string folded) => IsWord && Folded == folded;

    /// <summary>The word itself, diacritics included, in any case: tells "giao" (assign) from "giáo" (as in
    /// "Ban Tuyên giáo"), which fold to the same letters.</summary>
    public bool IsExactly(string word) => IsWord && string.Equals(Text.Normalize(System.Text.NormalizationForm.FormC), word, StringComparison.OrdinalIgnoreCase);

    public bool IsMark(char mark) => Kind == TokenKind.Punctuation && Text[0] == mark;

    /// <summary>Splits text into words and single punctuation marks. "TC-KH", "GDNN-GDTX", "đ/c" and
    /// "15/5/2017" stay one word; a spaced dash ("Tài chính - Kế hoạch") is a mark of its own.</summary>
    public static IReadOnlyList<Token> Split(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                tokens.Add(new Token(TokenKind.LineBreak, "\n", "\n", i++));
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsWordChar(c))
            {
                var start = i++;
                while (i < text.Length && (IsWordChar(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]))))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new Token(TokenKind.Word, word, FoldedText.FoldWord(word), start));
            }
            else
            {
                tokens.Add(new Token(TokenKind.Punctuation, c.ToString(), c.ToString(), i++));
            }
        }

        return tokens;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsJoiner(char c) => c is '-' or '/' or '.' or '&';
}
