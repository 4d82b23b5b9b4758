using Briefings.Core.Common;

namespace Briefings.Core.Conclusions;

/// <summary>The limits of one reading: the longest text accepted, the time it may take, and when school years
/// fall due. The same for the editor's import, the JSON API and the command line.</summary>
public sealed record ConclusionReaderOptions
{
    /// <summary>About 150 pages of a conclusion; a longer paste is refused before any work is done.</summary>
    public int MaxCharacters { get; init; } = 400_000;

    /// <summary>The reader is linear (a 150 KB text takes well under a second); the budget guards the server anyway.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(5);

    public SchoolYearConvention SchoolYear { get; init; } = SchoolYearConvention.Default;

    /// <summary>The clock the budget runs on (tests give one whose time has already run out).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static ConclusionReaderOptions Default { get; } = new();
}

/// <summary>The signing block as written: "T/M BAN THƯỜNG VỤ", "BÍ THƯ", the signer's name.</summary>
public sealed record SignatureBlock(string SigningForm, string? SignerTitle, string? SignerName);

/// <summary>
/// Reads a conclusion, notice or letter (plain text, Markdown, or the text of a .docx) into its structure and its
/// directives — from numbered items, preambles, paragraphs and letters alike. The one code path behind the
/// editor's import, the JSON API and the command line. Linear in the text; refuses a text over
/// <see cref="ConclusionReaderOptions.MaxCharacters"/> and stops after <see cref="ConclusionReaderOptions.TimeBudget"/>,
/// each with a Vietnamese message; a cancelled <see cref="CancellationToken"/> (the client left) stops it at once.
/// </summary>
public static partial class ConclusionReader
{
    public static string TooLongMessage(ConclusionReaderOptions options) =>
        $"Văn bản quá dài: tối đa {options.MaxCharacters:N0} ký tự (khoảng {options.MaxCharacters / 1000:N0} KB). Hãy tách thành nhiều văn bản nhỏ hơn.".Replace(',', '.');

    public static string TooSlowMessage(ConclusionReaderOptions options) =>
        $"Không đọc xong văn bản trong {options.TimeBudget.TotalSeconds:0} giây. Hãy tách văn bản thành nhiều phần rồi nhập lại.";

    /// <summary>Reads <paramref name="text"/> with the default limits; throws on a refused text (for tests and tools).</summary>
    public static ConclusionReading Read(string? text) =>
        TryRead(text, ConclusionReaderOptions.Default, CancellationToken.None) is { Succeeded: true } r
            ? r.Value!
            : throw new ArgumentException("The text was refused.", nameof(text));

    /// <summary>Reads <paramref name="text"/>, or refuses it with a Vietnamese message (field "ImportText").
    /// Throws <see cref="OperationCanceledException"/> only when <paramref name="ct"/> itself is cancelled.</summary>
    public static Result<ConclusionReading> TryRead(string? text, ConclusionReaderOptions options, CancellationToken ct)
    {
        text ??= "";
        if (text.Length > options.MaxCharacters)
        {
            return new Error(TooLongMessage(options), "ImportText");
        }

        // Read as it will be stored: a zero-width space or a direction override pasted inside "UBND huyện" split the unit's
        // name, and the proposal carried characters the saved conclusion drops (walk-hostile5).
        text = Common.CleanText.Clean(text);
        using var timer = new CancellationTokenSource(options.TimeBudget, options.Clock);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            return Result<ConclusionReading>.Ok(ReadWithin(text, options, budget.Token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Error(TooSlowMessage(options), "ImportText");
        }
    }

    // "trong 05 ngày làm việc kể từ ngày ký": Monday to Friday, the Labour Code's public holidays skipped (the evaluation
    // README's convention; the editor's clerk may move it where the government shifted a day).
    private static DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var calendar = new Meetings.WorkingCalendar([.. Meetings.PublicHolidays.Defaults(from.Year).Concat(Meetings.PublicHolidays.Defaults(from.Year + 1)).Select(h => h.Date)]);
        var day = from;
        for (var n = 0; n < days; n++)
        {
            day = calendar.OnOrAfter(day.AddDays(1));
        }

        return day;
    }

    private static ConclusionReading ReadWithin(string text, ConclusionReaderOptions options, CancellationToken ct)
    {
        // A table of tasks is read row by row, each row as the sentence it stands for.
        text = TableRows.AsSentences(text);
        var draft = ConclusionTextParser.Parse(text, withAssignments: false);
        ct.ThrowIfCancellationRequested();
        var directives = new List<FoundDirective>();
        var dates = new DeadlineContext(options.SchoolYear, draft.IssuedOn ?? FirstFullDate(text));
        List<FoundDirective> Add(string block, int? section, int? item)
        {
            var found = new List<FoundDirective>();
            // Items under an addressee heading ("a) Sở Y tế:" then "- Chủ trì …") are read with the heading as their subject.
            foreach (var d in AssignmentExtractor.Find(AddresseeHeadings.Distribute(block), dates, ct))
            {
                // A plain-text header in two columns ("UBND TỈNH …   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") joins the issuer
                // and the national motto into one line: it assigns nothing. Only the preamble holds a header.
                if (section is null && IsNationalHeader(d.Text))
                {
                    continue;
                }

                // "đồng chí" before a position, "ông"/"bà"/"anh"/"chị" before a name are honorifics, not part of the
                // addressee (the evaluation README's conventions); the matcher ignores them either way.
                var coordinating = d.Coordinating.Select(WithoutHonorific).ToList();
                var assignees = WithoutApposition(d.Addressees).Select(WithoutHonorific).Concat(coordinating).ToList();
                // "trong thời hạn 15 ngày kể từ ngày ký" is due 15 days after the date in the header, when it gives one.
                var deadline = d.Deadline?.Deadline ??
                    (d.DaysFromSigning is { } days && draft.IssuedOn is { } issued ? Deadline.By(d.WorkingDays ? AddWorkingDays(issued, days) : issued.AddDays(days)) : null);
                found.Add(new FoundDirective(d.Text, assignees, assignees[0], coordinating, [.. assignees.Where(IsCollective)],
                    d.Deadline?.Text ?? d.UnreadDeadline, deadline, d.ReportRequired, d.Output, section, item) { OpenedByVerb = !d.BySubject });
            }

            directives.AddRange(found);
            return found;
        }

        // The items keep their assignments, as ConclusionTextParser.Parse gives them. The closing ("Trên đây là
        // kết luận ... Đề nghị các cơ quan, đơn vị nghiêm túc thực hiện") is a formula and is not read.
        Add(draft.Preamble, null, null);
        var sections = new List<ConclusionSection>(draft.Sections.Count);
        foreach (var section in draft.Sections)
        {
            Add(section.Introduction, section.Number, null);
            var items = new List<ConclusionItem>(section.Items.Count);
            foreach (var item in section.Items)
            {
                items.Add(item with { Assignments = ToAssignments(Add(item.Text, section.Number, item.Number)) });
            }

            sections.Add(section with { Items = items });
        }

        var header = ConclusionTextParser.Lines(text).Take(2);
        return new ConclusionReading(draft with { Sections = sections }, directives)
        {
            Signature = ReadSignature(text),
            IssuerLevel = UnitMatcher.LevelOf(string.Join(' ', header)),
        };
    }

    private static bool IsNationalHeader(string sentence)
    {
        var folded = TextFolding.Fold(sentence);
        return folded.Contains("cong hoa xa hoi chu nghia viet nam", StringComparison.Ordinal) ||
            folded.Contains("doc lap - tu do - hanh phuc", StringComparison.Ordinal);
    }

    // Without a dated header, the first full date of the text ("Ngày 02/3/2026, ...") tells the year of a day written
    // without one ("trước ngày 20/3").
    private static DateOnly? FirstFullDate(string text)
    {
        foreach (System.Text.RegularExpressions.Match m in FullDate().Matches(text.Length > 4_000 ? text[..4_000] : text))
        {
            var (d, mo, y) = (int.Parse(m.Groups["d"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["m"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["y"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture));
            if (mo is >= 1 and <= 12 && y is >= 1990 and <= 2100 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
            {
                return new DateOnly(y, mo, d);
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})/(?<m>[0-9]{1,2})/(?<y>[0-9]{4})(?![0-9])|ngày\s+(?<d>[0-9]{1,2})\s+tháng\s+(?<m>[0-9]{1,2})\s+năm\s+(?<y>[0-9]{4})", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex FullDate();

    private static List<ProposedAssignment> ToAssignments(IEnumerable<FoundDirective> directives) =>
        [.. directives.SelectMany(d => d.Assignees.Take(d.Assignees.Count - d.Coordinating.Count)
            .Select(a => new ProposedAssignment(a, d.Coordinating, d.Deadline, d.DeadlineText, d.Output, d.Sentence)))];

    /// <summary>"các xã", "UBND các xã, phường", "các đoàn thể huyện", "mỗi đơn vị", "UBND huyện, xã": many units at
    /// once. Compared with diacritics: "Môi trường" is no "mỗi".</summary>
    public static bool IsCollective(string phrase)
    {
        var words = phrase.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant()
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w is "các" or "cac" or "mỗi" or "từng") || KindList().IsMatch(phrase);
    }

    // "huyện, xã", "xã, phường", "phòng, ban": a comma before a lower-case kind.
    private static string WithoutHonorific(string phrase) => Honorific().Replace(phrase, "");

    // "đồng chí Lê Văn An, Phó Chủ tịch UBND xã", "chị Lục Thị Hoa, cán bộ chuyên trách": a person named by an honorific and
    // the name, then the position in apposition — one addressee, the name (the evaluation README's convention).
    private static IReadOnlyList<string> WithoutApposition(IReadOnlyList<string> addressees)
    {
        if (addressees.Count < 2 || !addressees.Take(addressees.Count - 1).Any(a => NamedPerson().IsMatch(a)))
        {
            return addressees;
        }

        var result = new List<string>(addressees.Count);
        for (var i = 0; i < addressees.Count; i++)
        {
            result.Add(addressees[i]);
            if (i + 1 < addressees.Count && NamedPerson().IsMatch(addressees[i]) && Position().IsMatch(addressees[i + 1]))
            {
                i++;
            }
        }

        return result;
    }

    // An honorific, then two to four capitalized words that name no unit or position.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:đồng\s+chí|đ/c|ông|bà|anh|chị)\s+(?!(?:Chủ|Phó|Bí|Trưởng|Giám|Chánh|Thủ|Hiệu|Chỉ|Tổ|Ủy)\b)\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NamedPerson();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:Phó\s+)?(?:Chủ\s+tịch|Bí\s+thư|Trưởng|Giám\s+đốc|Chánh|Thủ\s+trưởng|Hiệu\s+trưởng|Chỉ\s+huy|Tổ\s+trưởng|Ủy\s+viên|Tỉnh\s+ủy\s+viên|Huyện\s+ủy\s+viên|cán\s+bộ|công\s+chức|chuyên\s+viên)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Position();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:(?:đồng\s+chí|đ/c)\s+(?=\S)|(?:ông|bà|anh|chị)\s+(?=\p{Lu}))", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Honorific();

    [System.Text.RegularExpressions.GeneratedRegex(@",\s*\p{Ll}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex KindList();

    /// <summary>The signing block: its form ("T/M", "K/T", "TM.", "KT.", "TL.", "T/L" …), the title line under it
    /// when in capitals, and the signer's name (the last line) — from Markdown, plain text or a .docx's text alike.</summary>
    public static SignatureBlock? ReadSignature(string? text)
    {
        var lines = ConclusionTextParser.Lines(text);
        var at = lines.FindLastIndex(IsSigningForm);
        if (at < 0)
        {
            return null;
        }

        // "TL. CHỦ TỊCH" / "KT. CHÁNH VĂN PHÒNG" / "PHÓ CHÁNH VĂN PHÒNG": the form is the first of the block.
        while (at > 0 && IsSigningForm(lines[at - 1]))
        {
            at--;
        }

        var title = at + 1 < lines.Count && IsCapitals(lines[at + 1]) ? lines[at + 1] : null;
        var nameAt = lines.Count - 1;
        var name = nameAt > at && !IsCapitals(lines[nameAt]) ? lines[nameAt] : null;
        return new SignatureBlock(lines[at], title, name);
    }

    private static bool IsSigningForm(string line) =>
        line.StartsWith("T/M ", StringComparison.Ordinal) || line.StartsWith("K/T ", StringComparison.Ordinal) ||
        line.StartsWith("T/L ", StringComparison.Ordinal) || line.StartsWith("TM. ", StringComparison.Ordinal) ||
        line.StartsWith("KT. ", StringComparison.Ordinal) || line.StartsWith("TL. ", StringComparison.Ordinal) ||
        line.StartsWith("Q. ", StringComparison.Ordinal);

    private static bool IsCapitals(string line) => line.Any(char.IsLetter) && line.Where(char.IsLetter).All(char.IsUpper);
}
