using System.Globalization;
using System.Text.RegularExpressions;

namespace Briefings.Core.Conclusions;

/// <summary>
/// Proposes the structure of a conclusion pasted as plain text (or Markdown): header (type name, summary,
/// number, place and date), preamble, sections "I.", "II." with numbered items "1.", "2.", the closing
/// paragraph, and the "Nơi nhận:" list. Each item's assignments come from <see cref="AssignmentExtractor"/>.
/// <para>Text copied from a printed or PDF page often breaks a sentence across lines ("... giao" / "UBND
/// huyện chỉ đạo ..."). A line joins the previous one when it starts in lower case, or when the previous
/// line stopped without punctuation, unless it starts a section, an item or a sub-point.</para>
/// </summary>
public static partial class ConclusionTextParser
{
    private static readonly string[] TypeNames =
    [
        "ket luan", "thong bao", "nghi quyet", "chi thi", "quyet dinh", "quy dinh", "quy che", "bao cao", "ke hoach",
        "huong dan", "to trinh", "chuong trinh", "bien ban",
    ];

    /// <summary>The text is read as it will be stored (<see cref="Common.CleanText"/>): no zero-width or direction
    /// characters inside a unit's name. Numbers are ASCII digits: "１." or "١٥/٥/٢٠٢٧" is text, never an error.</summary>
    public static ConclusionDraft Parse(string? text) => Parse(text is null ? null : Common.CleanText.Clean(text), withAssignments: true);

    /// <summary>The structure alone, items without their assignments (the reader finds the directives itself).</summary>
    internal static ConclusionDraft Parse(string? text, bool withAssignments)
    {
        var lines = Lines(text);

        var header = ReadHeader(lines);
        var bodyEnd = lines.FindIndex(header.BodyStart, IsEndOfBody);
        if (bodyEnd < 0)
        {
            bodyEnd = lines.Count;
        }

        var paragraphs = JoinBrokenLines(lines.GetRange(header.BodyStart, bodyEnd - header.BodyStart));
        var (preamble, sections, closing) = ReadBody(paragraphs, withAssignments);
        return new ConclusionDraft(
            header.TypeName, header.Summary, header.Number, header.Place, header.IssuedOn,
            preamble, sections, closing, ReadRecipients(lines, bodyEnd));
    }

    private sealed record Header(string? TypeName, string? Summary, DocumentNumber? Number, string? Place, DateOnly? IssuedOn, int BodyStart);

    private static Header ReadHeader(List<string> lines)
    {
        // The type name stands above the body: an all-capital "BÁO CÁO" further down is not a title.
        var firstStructural = lines.FindIndex(l => SectionHeading(l) is not null || ItemNumber(l, null) is not null);
        var title = lines.FindIndex(0, firstStructural < 0 ? lines.Count : firstStructural, IsTypeName);
        if (title < 0)
        {
            // A letter (công văn) has no type name, but its place and date stand in its header all the same.
            var dated = lines.Take(firstStructural < 0 ? 12 : Math.Min(firstStructural, 12)).Select(ReadPlaceAndDate).FirstOrDefault(d => d is not null);
            return new Header(null, null, null, dated?.Place, dated?.Date, 0);
        }

        DocumentNumber? number = null;
        string? place = null;
        DateOnly? issuedOn = null;
        foreach (var line in lines.Take(title))
        {
            if (DocumentNumber.TryParse(line, out var n))
            {
                number = n;
            }
            else if (ReadPlaceAndDate(line) is { } dated)
            {
                (place, issuedOn) = dated;
            }
        }

        // The summary is the line under the type name; a wrapped summary continues in lower case.
        var next = title + 1;
        string? summary = null;
        if (next < lines.Count && !IsStructural(lines[next], null) && !IsEndOfBody(lines[next]))
        {
            summary = lines[next++];
            while (next < lines.Count && StartsLowerCase(lines[next]))
            {
                summary += " " + lines[next++];
            }
        }

        return new Header(lines[title], summary, number, place, issuedOn, next);
    }

    /// <summary>The text's lines, cleaned of Markdown, without empty ones nor a page's footer or number ("Trang 1/2",
    /// "- 2 -"): a scanned copy's text carries them into the middle of an item.</summary>
    internal static List<string> Lines(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Split('\n').Select(Clean).Where(l => l.Length > 0 && !PageMark().IsMatch(l)).ToList();

    [GeneratedRegex(@"^(?:(?:trang|page)\s+[0-9]{1,3}(?:\s*(?:/|trên|of)\s*[0-9]{1,3})?|-\s*[0-9]{1,3}\s*-)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PageMark();

    /// <summary>Where the body ends in <paramref name="lines"/>: the recipients or the signature.</summary>
    internal static int BodyEnd(List<string> lines) => lines.FindIndex(IsEndOfBody);

    private static (string Preamble, List<ConclusionSection> Sections, string Closing) ReadBody(List<string> paragraphs, bool withAssignments)
    {
        var preamble = new List<string>();
        var closing = new List<string>();
        var sections = new List<SectionBuilder>();
        SectionBuilder? section = null;
        ItemBuilder? item = null;

        foreach (var p in paragraphs)
        {
            if (closing.Count > 0 || (item is not null && FoldedText.FoldLine(p).StartsWith("tren day", StringComparison.Ordinal)))
            {
                closing.Add(p);
            }
            else if (SectionHeading(p) is { } heading)
            {
                section = new SectionBuilder(heading.Number, heading.Numeral, heading.Title);
                sections.Add(section);
                item = null;
            }
            else if (ItemLine().Match(p) is { Success: true } m && ItemNumber(m, item?.Number) is { } number)
            {
                if (section is null)
                {
                    section = new SectionBuilder(0, "", "");
                    sections.Add(section);
                }

                item = new ItemBuilder(number, [m.Groups["text"].Value], withAssignments);
                section.Items.Add(item);
            }
            else if (item is not null)
            {
                item.Paragraphs.Add(p);
            }
            else if (section is not null)
            {
                section.Introduction.Add(p);
            }
            else
            {
                preamble.Add(p);
            }
        }

        return (string.Join('\n', preamble), [.. sections.Select(s => s.Build())], string.Join('\n', closing));
    }

    private sealed record ItemBuilder(int Number, List<string> Paragraphs, bool WithAssignments)
    {
        public ConclusionItem Build()
        {
            var text = string.Join('\n', Paragraphs);
            return new ConclusionItem(Number, text, WithAssignments ? AssignmentExtractor.Extract(text) : []);
        }
    }

    private sealed record SectionBuilder(int Number, string Numeral, string Title)
    {
        public List<string> Introduction { get; } = [];
        public List<ItemBuilder> Items { get; } = [];

        public ConclusionSection Build() =>
            new(Number, Numeral, Title, string.Join('\n', Introduction), [.. Items.Select(i => i.Build())]);
    }

    // Linear: a paragraph of many broken lines is built once, not copied at every line.
    private static List<string> JoinBrokenLines(List<string> lines)
    {
        var result = new List<string>();
        var current = new System.Text.StringBuilder();
        string? last = null;
        bool lastIsHeading = false;
        int? lastItem = null;
        foreach (var line in lines)
        {
            // A short line without a final mark is a heading or a header line ("Về lấn chiếm vỉa hè", "TỈNH ỦY
            // ĐÔNG THẠNH"), not half a sentence, unless the next line goes on in lower case.
            if (last is not null && !IsStructural(line, lastItem) && !lastIsHeading && (StartsLowerCase(line) || (StopsMidSentence(last) && last.Length >= 50)))
            {
                current.Append(' ').Append(line);
            }
            else
            {
                if (last is not null)
                {
                    result.Add(current.ToString());
                }

                current.Clear().Append(line);
                lastIsHeading = SectionHeading(line) is not null;
                lastItem = lastIsHeading ? null : ItemNumber(line, lastItem) ?? lastItem;
            }

            last = line;
        }

        if (last is not null)
        {
            result.Add(current.ToString());
        }

        return result;
    }

    private static List<string> ReadRecipients(List<string> lines, int bodyEnd)
    {
        var recipients = new List<string>();
        if (bodyEnd >= lines.Count || !FoldedText.FoldLine(lines[bodyEnd]).StartsWith("noi nhan", StringComparison.Ordinal))
        {
            return recipients;
        }

        foreach (var line in lines.Skip(bodyEnd + 1))
        {
            if (!IsBullet(line))
            {
                break;
            }

            recipients.Add(line.TrimStart('-', '–', '+', '•', ' ').TrimEnd(';', '.', ',', ' '));
        }

        return recipients;
    }

    private static (int Number, string Numeral, string Title)? SectionHeading(string line) =>
        SectionLine().Match(line) is { Success: true } m && RomanNumerals.TryParse(m.Groups["num"].Value, out var n) && n <= 30
            ? (n, m.Groups["num"].Value, m.Groups["title"].Value.Trim())
            : null;

    private static (string Place, DateOnly Date)? ReadPlaceAndDate(string line)
    {
        var folded = FoldedText.FoldLine(line);
        if (PlaceDateLine().Match(folded) is not { Success: true } m)
        {
            return null;
        }

        var (d, mo, y) = (Number(m, "d"), Number(m, "m"), Number(m, "y"));
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo))
        {
            return null;
        }

        var comma = line.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 ? (line[..comma].Trim(), new DateOnly(y, mo, d)) : null;
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static bool IsTypeName(string line)
    {
        if (line.Length > 60 || !line.Any(char.IsLetter) || !line.Where(char.IsLetter).All(char.IsUpper))
        {
            return false;
        }

        var folded = FoldedText.FoldLine(line);
        return TypeNames.Any(t => folded.StartsWith(t, StringComparison.Ordinal));
    }

    // The body stops at the recipients or, if they are missing, at the signature ("T/M", "K/T", "TM.", "KT.").
    private static bool IsEndOfBody(string line)
    {
        var folded = FoldedText.FoldLine(line);
        return folded.StartsWith("noi nhan", StringComparison.Ordinal) || SignatureLine().IsMatch(folded);
    }

    private static bool IsStructural(string line, int? previousItem) =>
        SectionHeading(line) is not null || ItemNumber(line, previousItem) is not null || IsBullet(line) || line[0] == '*' ||
        FoldedText.FoldLine(line).StartsWith("tren day", StringComparison.Ordinal) || IsEndOfBody(line);

    /// <summary>The number of the item <paramref name="line"/> opens, or null. Up to 99 a number opening a line is an
    /// item; from 100 on only the item after <paramref name="previous"/> (100 after 99, 101 after 100) is one, so a
    /// line that starts with an amount or a count ("150. Hộ nghèo …", "250) …") stays text.</summary>
    private static int? ItemNumber(string line, int? previous) =>
        ItemLine().Match(line) is { Success: true } m ? ItemNumber(m, previous) : null;

    private static int? ItemNumber(Match m, int? previous)
    {
        var n = int.Parse(m.Groups["num"].ValueSpan, CultureInfo.InvariantCulture);
        return n <= MaxFreeItemNumber || n == previous + 1 ? n : null;
    }

    // Past this an item number must follow the previous item: a section rarely reaches 100 items, a line often starts
    // with a count.
    private const int MaxFreeItemNumber = 99;

    private static bool IsBullet(string line) => line[0] is '-' or '–' or '+' or '•';

    private static bool StartsLowerCase(string line) => char.IsLower(line[0]);

    // A line cut mid-sentence ends in a word or a comma rather than in ". ; : ! ?" or a closing mark.
    private static bool StopsMidSentence(string line) => char.IsLetterOrDigit(line[^1]) || line[^1] is ',' or '-' or '–';

    // Markdown leftovers of a pasted document: heading marks, bold and italic marks (* and _), escaped
    // asterisks. The star that party documents put under the committee's name or before "Thành phần:" stays.
    private static string Clean(string line)
    {
        var trimmed = MarkdownHeading().Replace(line.Trim(), "").Trim();
        if (trimmed is "*" or "\\*")
        {
            return "*";
        }

        var star = trimmed.StartsWith("* ", StringComparison.Ordinal) || trimmed.StartsWith("\\* ", StringComparison.Ordinal);
        var rest = star ? trimmed[(trimmed.IndexOf(' ', StringComparison.Ordinal) + 1)..] : trimmed;
        rest = Emphasis().Replace(rest.Replace("\\*", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal), "").Trim();
        return star ? "* " + rest : rest;
    }

    // "_word_" emphasis: an underscore at the edge of a word.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])_+(?=\S)|(?<=\S)_+(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    // Sections go up to a few; "C." or "L." opening a line are not sections, nor "V/v" (a letter's subject line).
    [GeneratedRegex(@"^(?<num>[IVX]{1,5})(?!/[vV]\b)\s*[.)/:-]\s*(?<title>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SectionLine();

    // "1." or "1)" followed by text, but not "1.000 người" (a number in a continuation line) nor "2017." (a year); a
    // number of three digits is an item only in sequence (ItemNumber).
    [GeneratedRegex(@"^(?<num>[0-9]{1,3})\s*[.)](?![0-9])\s*(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^(?<place>[^,]+),\s*ngay\s+(?<d>[0-9]{1,2})\s+thang\s+(?<m>[0-9]{1,2})\s+nam\s+(?<y>[0-9]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDateLine();

    [GeneratedRegex(@"^(?:t/m|k/t|t/l|tm\.|kt\.|tl\.)\s", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureLine();

    [GeneratedRegex(@"^#{1,6}\s*", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownHeading();
}
