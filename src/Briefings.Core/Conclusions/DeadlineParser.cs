using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Briefings.Core.Common;

namespace Briefings.Core.Conclusions;

/// <summary>
/// Finds deadline expressions inside Vietnamese sentences: "trước 15/5/2017", "trước ngày 15 tháng 5 năm
/// 2017", "trong tháng 5/2017", "quý II/2017", "quý 2 năm 2017", "6 tháng đầu năm 2017", "năm học 2018 -
/// 2019", "trong năm 2018", "hằng năm", and the periodic forms offices write — "hằng tháng", "hằng
/// quý", "định kỳ hằng quý", "6 tháng một lần", "báo cáo sơ kết 6 tháng và tổng kết năm", "trước ngày 15 của tháng
/// cuối quý" — with or without diacritics. The editor, the import and the task generator all read deadlines here.
/// Matching runs on folded text; positions are reported in the original.
/// <para>Deliberately not deadlines: a bare date ("ngày 11/4/2017" is when something happened, so a date
/// needs "trước", "chậm nhất" or "hạn chót"), a bare year ("kinh phí năm 2017" is what is spent, so a year
/// needs "trong", "cuối" or "hết"), a period after "từ" ("từ quý II/2017 trở đi" is a start), and
/// "thường xuyên" in a sentence ("thường xuyên theo dõi", "thực hiện thường xuyên": how the work is done, not when it
/// is due — the evaluation conventions label it no deadline). A deadline field that holds only "thường xuyên" is the
/// ongoing kind (<see cref="ParseExact"/>), as a clerk types it.</para>
/// </summary>
public static partial class DeadlineParser
{
    /// <summary>The first deadline in <paramref name="text"/>, with its position in the original text.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Deadline? deadline, out int index, out int length)
    {
        if (FindFirst(text) is { } match)
        {
            (deadline, index, length) = (match.Deadline, match.Index, match.Length);
            return true;
        }

        (deadline, index, length) = (null, -1, 0);
        return false;
    }

    /// <summary>The first deadline in <paramref name="text"/>, or null.</summary>
    public static DeadlineMatch? FindFirst(string? text) => FindAll(text) is [var first, ..] ? first : null;

    /// <summary>The deadline alone, when the whole text is one deadline expression ("quý II/2017");
    /// null otherwise. For form fields where a person types a deadline.</summary>
    public static Deadline? ParseExact(string? text)
    {
        if (text is not null && OngoingPattern().IsMatch(TextFolding.Fold(text.Trim())))
        {
            return Deadline.Ongoing;
        }

        if (FindAll(text) is [var only] && only.Text.Trim().Length == text!.Trim().Length)
        {
            return only.Deadline;
        }

        // In a field that holds nothing but a deadline, "năm 2026" is the year (as Deadline.ToString writes it);
        // in running text the words are too common to mean a deadline without "trong".
        return text is not null && YearAlone().Match(text.Trim()) is { Success: true } year
            ? Deadline.InYear(int.Parse(year.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    [GeneratedRegex(@"^(?:năm|nam)\s+((?:19|20)[0-9]{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YearAlone();

    /// <summary>Every deadline in <paramref name="text"/>, in order, never overlapping: where two forms
    /// start at the same place the longer wins ("trong tháng 5 năm 2017" is a month, not a year).</summary>
    public static IReadOnlyList<DeadlineMatch> FindAll(string? text) => FindAll(text, SchoolYearConvention.Default);

    /// <summary>As <see cref="FindAll(string?)"/>, with school years due by <paramref name="schoolYear"/>.</summary>
    public static IReadOnlyList<DeadlineMatch> FindAll(string? text, SchoolYearConvention schoolYear) =>
        FindAll(text, new DeadlineContext(schoolYear));

    /// <summary>As <see cref="FindAll(string?)"/>, in a document written on <see cref="DeadlineContext.Written"/>: a
    /// day, month or quarter written without its year ("trước ngày 30/6", "trong tháng 12", "trong quý IV") is read too.</summary>
    public static IReadOnlyList<DeadlineMatch> FindAll(string? text, DeadlineContext context)
    {
        var schoolYear = context.SchoolYear;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var folded = new FoldedText(text);
        // Most sentences hold no digit: the forms that need one are not run on them.
        var hasDigit = folded.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        var candidates = new List<(int Index, int Length, Deadline Deadline)>();
        foreach (var (pattern, needsDigit, read) in Forms)
        {
            if (needsDigit && !hasDigit)
            {
                continue;
            }

            foreach (Match m in pattern.Matches(folded.Text))
            {
                if (!FollowsFrom(text, folded.ToOriginal(m.Index, m.Length).Index) && read(m) is { } deadline)
                {
                    deadline = deadline.Kind == DeadlineKind.SchoolYear ? schoolYear.For(deadline.Start!.Value.Year) : deadline;
                    candidates.Add((m.Index, m.Length, deadline));
                }
            }
        }

        if (context.Written is not null)
        {
            foreach (var (pattern, needsDigit, read) in YearlessForms)
            {
                if (needsDigit && !hasDigit)
                {
                    continue;
                }

                foreach (Match m in pattern.Matches(folded.Text))
                {
                    if (!FollowsFrom(text, folded.ToOriginal(m.Index, m.Length).Index) && read(m, context) is { } deadline)
                    {
                        candidates.Add((m.Index, m.Length, deadline));
                    }
                }
            }
        }

        var result = new List<DeadlineMatch>();
        var end = 0;
        foreach (var c in candidates.OrderBy(c => c.Index).ThenByDescending(c => c.Length))
        {
            if (c.Index < end)
            {
                continue;
            }

            var (index, length) = folded.ToOriginal(c.Index, c.Length);
            result.Add(new DeadlineMatch(c.Deadline, index, length, text.Substring(index, length)));
            end = c.Index + c.Length;
        }

        return result;
    }

    private static readonly (Regex Pattern, bool NeedsDigit, Func<Match, Deadline?> Read)[] Forms =
    [
        (DatePattern(), true, m => Day(m)),
        (MeetingDayPattern(), true, m => Day(m)),
        (FirstWeekPattern(), true, m => Number(m, "m") is var month and >= 1 and <= 12 ? Deadline.By(new DateOnly(Number(m, "y"), month, 7)) : null),
        (MonthPattern(), true, m => Before(m, Month(m))),
        (QuarterPattern(), true, m => Before(m, Quarter(m))),
        (HalfYearPattern(), true, m => Deadline.InHalfYear(Number(m, "y"), m.Groups["h"].Value == "dau" ? 1 : 2)),
        (SchoolYearPattern(), true, m => Number(m, "y2") == Number(m, "y1") + 1 ? Deadline.InSchoolYear(Number(m, "y1")) : null),
        (YearPattern(), true, m => Deadline.InYear(Number(m, "y"))),
        (YearlyPattern(), false, m => Every(m, DeadlineKind.Yearly)),
        (MonthlyPattern(), false, m => Every(m, DeadlineKind.Monthly)),
        (QuarterlyPattern(), false, m => Every(m, DeadlineKind.Quarterly)),
        (HalfYearlyPattern(), false, m => Every(m, DeadlineKind.HalfYearly)),
    ];

    // A day, month or quarter without its year, in the year the document's date gives it.
    private static readonly (Regex Pattern, bool NeedsDigit, Func<Match, DeadlineContext, Deadline?> Read)[] YearlessForms =
    [
        (YearlessDatePattern(), true, (m, c) => Number(m, "m") is var mo and >= 1 and <= 12 && Number(m, "d") is var d and >= 1 && d <= DateTime.DaysInMonth(2024, mo) &&
            c.YearOf(mo, d) is { } y && d <= DateTime.DaysInMonth(y, mo) ? Deadline.By(new DateOnly(y, mo, d)) : null),
        (YearlessMonthPattern(), true, (m, c) => Number(m, "m") is var mo and >= 1 and <= 12 && c.YearOf(mo, 0) is { } y ? Before(m, Deadline.InMonth(y, mo)) : null),
        (YearlessHalfYearPattern(), false, (m, c) => (m.Groups["h"].Value == "dau" ? 6 : 12) is var last && c.YearOf(last, 0) is { } y ? Deadline.InHalfYear(y, last == 6 ? 1 : 2) : null),
        (YearlessYearPattern(), false, (m, c) => c.YearOf(12, 0) is { } y ? Deadline.InYear(y) : null),
        (YearlessQuarterPattern(), false, (m, c) => QuarterNumber(m) is var q and >= 1 and <= 4 && c.YearOf(q * 3, 0) is { } y ? Before(m, Deadline.InQuarter(y, q)) : null),
    ];

    // A periodic deadline, with the due day of each period's last month when the text names one ("ngày 15").
    private static Deadline? Every(Match m, DeadlineKind kind) =>
        !m.Groups["dd"].Success ? Deadline.Periodic(kind)
        : Number(m, "dd") is var day and >= 1 and <= 31 ? Deadline.Periodic(kind, day)
        : null;

    // "từ quý II/2017 trở đi" and "kể từ tháng 5/2017" name when something starts, not when it is due. Read in the
    // original: "chủ đầu tư chậm nhất ngày …" ends in "tư" (investment), not "từ" (from); "tu" typed without marks counts.
    private static bool FollowsFrom(string original, int index)
    {
        var before = original.AsSpan(0, index).TrimEnd();
        var word = before[(before.LastIndexOfAny(' ', '\n', '\t') + 1)..].ToString().Normalize(System.Text.NormalizationForm.FormC);
        return word.Equals("từ", StringComparison.OrdinalIgnoreCase) || word.Equals("tu", StringComparison.OrdinalIgnoreCase);
    }

    private static int Number(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static Deadline? Day(Match m)
    {
        var (d, mo, y) = (Number(m, "d"), Number(m, "m"), Number(m, "y"));
        return mo is >= 1 and <= 12 && y is >= 1900 and <= 2999 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)
            ? Deadline.By(new DateOnly(y, mo, d))
            : null;
    }

    private static Deadline? Month(Match m) =>
        Number(m, "m") is var month and >= 1 and <= 12 ? Deadline.InMonth(Number(m, "y"), month) : null;

    private static Deadline? Quarter(Match m) =>
        QuarterNumber(m) is var quarter and >= 1 and <= 4 ? Deadline.InQuarter(Number(m, "y"), quarter) : null;

    private static int QuarterNumber(Match m)
    {
        var q = m.Groups["q"].Value;
        return char.IsAsciiDigit(q[0]) ? q[0] - '0' : RomanNumerals.TryParse(q, out var r) ? r : 0;
    }

    // "trước tháng 6/2017" means finished before June starts, so it is due on 31/5/2017, not 30/6.
    private static Deadline? Before(Match m, Deadline? period) =>
        m.Groups["before"].Success && period?.Start is { } start ? Deadline.By(start.AddDays(-1)) : period;

    // "trước ngày", "chậm nhất ngày", "hạn chót", "Hạn báo cáo: ngày", "đến hết ngày", with an hour before the day
    // ("trước 16 giờ 00 ngày 29/5/2026"); "(từ nay) đến ngày", "trong ngày", "vào ngày" followed by the word "ngày", also
    // after a weekday ("vào thứ Sáu ngày 23/10/2026").
    private const string DayCue =
        @"\b(?:truoc|cham nhat(?: la)?|khong qua|han chot(?: la)?|han(?:\s+(?:bao cao|hoan thanh|nop))?\s*:?|den het|(?:den|trong|vao)(?=\s+(?:(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu\s+nhat)\s*,?\s+)?ngay\s+[0-9]))" +
        @"(?:\s+[0-9]{1,2}\s*(?:gio|h)(?:\s*[0-9]{1,2})?(?:\s*phut)?(?:\s*,)?)?(?:\s+(?:thu\s+(?:hai|ba|tu|nam|sau|bay)|chu\s+nhat)(?:\s*,)?)?(?:\s+ngay)?\s+";
    // "15/3/2026", "15-3-2026", "15.3.2026", "ngày 15 tháng 3 năm 2026", and the mixed "15/3 năm 2026".
    private const string DayValue =
        @"(?:(?<d>[0-9]{1,2})\s*([/.-])\s*(?<m>[0-9]{1,2})\s*\1\s*(?<y>[0-9]{4})|(?<d>[0-9]{1,2})\s+thang\s+(?<m>[0-9]{1,2})\s+nam\s+(?<y>[0-9]{4})|(?<d>[0-9]{1,2})\s*/\s*(?<m>[0-9]{1,2})\s+nam\s+(?<y>[0-9]{4}))\b";

    // No year follows: not "/2026", "-2026", ".2026" nor "năm 2026" (those are the forms above).
    private const string NoYear = @"(?![0-9])(?!\s*[/.-]\s*[0-9])(?!\s+nam\s+[0-9])";

    [GeneratedRegex(DayCue + @"(?:(?<d>[0-9]{1,2})\s*[/.-]\s*(?<m>[0-9]{1,2})|(?<d>[0-9]{1,2})\s+thang\s+(?<m>[0-9]{1,2}))" + NoYear, RegexOptions.CultureInvariant)]
    private static partial Regex YearlessDatePattern();

    // A month or quarter without its year needs "trong" or "trước": "tháng 12" alone is too common to be a deadline.
    [GeneratedRegex(@"\b(?:(?<before>truoc)|trong)\s+thang\s+(?<m>[0-9]{1,2})" + NoYear, RegexOptions.CultureInvariant)]
    private static partial Regex YearlessMonthPattern();

    [GeneratedRegex(@"\b(?:(?<before>truoc)|trong)\s+quy\s+(?<q>iv|i{1,3}|[1-4])\b" + NoYear, RegexOptions.CultureInvariant)]
    private static partial Regex YearlessQuarterPattern();

    // "trong 6 tháng đầu năm", "trong 6 tháng cuối năm (nay)", a target's "phấn đấu 6 tháng cuối năm đạt …": "sơ kết 6
    // tháng đầu năm" alone names a meeting.
    [GeneratedRegex(@"(?:\btrong\s+|(?<=\bphan dau\s+))(?:0?6|sau)\s+thang\s+(?<h>dau|cuoi)\s+nam(?:\s+nay)?\b" + NoYear, RegexOptions.CultureInvariant)]
    private static partial Regex YearlessHalfYearPattern();

    // "hoàn thành trong năm.", "trước cuối năm nay,": the year alone, where the clause ends with it.
    [GeneratedRegex(@"\b(?:trong|cuoi|het|den het)\s+nam(?:\s+nay)?(?=\s*(?:[.;,)]|$))", RegexOptions.CultureInvariant)]
    private static partial Regex YearlessYearPattern();

    // Month and quarter separate the year with "/", "-", "." or the word "năm".
    private const string YearAfter = @"\s*(?:[/.-]\s*|\s+nam\s+)(?<y>[0-9]{4})\b";

    [GeneratedRegex(DayCue + DayValue, RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    // A weekday may stand before the day: "xong trước thứ Sáu ngày 21/8/2026" (due that day).
    // "báo cáo kết quả tại cuộc họp giao ban ngày 30/11/2026": a report due at a dated meeting is due that day. Only after
    // "báo cáo" in the same clause: "Tại hội nghị ngày 12/3/2026, …" tells where something was said. The look-behind
    // runs only where "tai" matched, so the scan stays linear.
    [GeneratedRegex(@"\btai(?<=\bbao cao\b[^.;]{0,100}tai)\s+(?:(?:cuoc|phien|ky|buoi)\s+(?:hop|giao\s+ban)|hoi\s+nghi)(?:\s+[a-z]+){0,4}?\s+ngay\s+" + DayValue, RegexOptions.CultureInvariant)]
    private static partial Regex MeetingDayPattern();

    // "trong tuần đầu tháng 12/2026": the first seven days of the month, due on the 7th.
    [GeneratedRegex(@"\b(?:trong\s+)?tuan\s+(?:dau|dau tien)\s+(?:cua\s+)?thang\s+(?<m>[0-9]{1,2})" + YearAfter, RegexOptions.CultureInvariant)]
    private static partial Regex FirstWeekPattern();

    // The lookbehind keeps "ngày 15 tháng 5 năm 2017" (a date) from reading as a month.
    [GeneratedRegex(@"\b(?:(?:(?<before>truoc)|trong)\s+)?(?<![0-9]\s*)thang\s+(?<m>[0-9]{1,2})" + YearAfter, RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"\b(?:(?:(?<before>truoc)|trong)\s+)?quy\s+(?<q>iv|i{1,3}|[1-4])" + YearAfter, RegexOptions.CultureInvariant)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\b(?:trong\s+)?(?:0?6|sau)\s+thang\s+(?<h>dau|cuoi)\s+nam\s+(?<y>[0-9]{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex HalfYearPattern();

    [GeneratedRegex(@"\b(?:trong\s+)?nam\s+hoc\s+(?<y1>[0-9]{4})\s*[-–—/]\s*(?<y2>[0-9]{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex SchoolYearPattern();

    [GeneratedRegex(@"\b(?:trong|cuoi|het|den het)\s+nam\s+(?<y>[0-9]{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    // "hằng năm", "định kỳ hằng năm", "hằng năm, trước ngày 15 của tháng cuối năm".
    [GeneratedRegex(@"\b(?:(?:vao\s+)?cuoi\s+)?(?:dinh ky\s+)?(?:hang|moi)\s+nam\b(?!\s+hoc)" + DueDayTail + @"nam\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex YearlyPattern();

    // "định kỳ 6 tháng, năm", "hằng quý, 6 tháng và năm": the longer periods of one report series, read as one phrase
    // (its first, shortest period is the kind); "hằng quý, năm 2026" is a year, not a period.
    private const string LongerPeriods = @"(?:\s*(?:,|va)\s*(?:hang\s+)?(?:quy|(?:0?6|sau)\s+thang|nam)\b(?!\s*(?:[0-9]|hoc\b|nay\b|toi\b|sau\b|truoc\b|tiep\b)))*";

    // What may follow a periodic word to name each period's due day: ", trước ngày 15 của tháng cuối quý".
    private const string DueDayTail = @"(?:\s*,?\s*" + DueDayInLastMonth;
    private const string DueDayInLastMonth = @"(?:truoc|cham nhat|han)\s+ngay\s+(?<dd>[0-9]{1,2})\s+(?:cua\s+)?thang\s+cuoi\s+(?:cua\s+)?(?:moi\s+)?";

    // "hằng tháng", "mỗi tháng", "vào cuối mỗi tháng" (the period's end is still each period), "định kỳ hằng tháng", "trước ngày 20 hằng tháng", "hằng tháng, trước ngày 20".
    [GeneratedRegex(@"\b(?:(?:truoc|cham nhat|han|vao)\s+ngay\s+(?<dd>[0-9]{1,2})\s+(?:cua\s+)?(?:dinh ky\s+)?(?:hang|moi)\s+thang|(?:(?:vao\s+)?cuoi\s+)?(?:dinh ky\s+)?(?:hang|moi)\s+thang(?:\s*,?\s*(?:truoc|cham nhat)\s+ngay\s+(?<dd>[0-9]{1,2})(?!\s*(?:[/.-]|thang)))?|(?:dinh ky\s+)?theo\s+thang)\b(?!\s*[0-9])" + LongerPeriods, RegexOptions.CultureInvariant)]
    private static partial Regex MonthlyPattern();

    // "hằng quý", "mỗi quý", "định kỳ (hằng) quý", "trước ngày 15 của tháng cuối quý" (alone or after "hằng quý,").
    [GeneratedRegex(@"\b(?:(?:(?:dinh ky\s+(?:hang\s+|moi\s+)?|hang\s+|moi\s+)quy\s*,?\s*)?" + DueDayInLastMonth + @"quy|(?:dinh ky\s+(?:hang\s+|moi\s+)?|(?:(?:vao\s+)?cuoi\s+)?(?:hang|moi)\s+)quy|(?:dinh ky\s+)?theo\s+quy(?!\s+(?:dinh|che|hoach|trinh|mo|chuan|tac|uoc|pham|luat|cach|doi|tu|nap|dao|hoa|ho|trach)\b))\b(?!\s+(?:iv|i{1,3}|[1-4])\b)" + LongerPeriods, RegexOptions.CultureInvariant)]
    private static partial Regex QuarterlyPattern();

    // "6 tháng một lần", "định kỳ 6 tháng", "hằng 6 tháng", "báo cáo sơ kết 6 tháng và tổng kết năm" (two reports a year:
    // the half-year review and the year's, one per half), optionally with ", trước ngày 15 của tháng cuối kỳ".
    [GeneratedRegex(@"\b(?:(?:dinh ky\s+)?(?:0?6|sau)\s+thang\s+(?:mot|1)\s+lan|dinh ky\s+(?:0?6|sau)\s+thang(?!\s+(?:dau|cuoi)\b)|(?:hang|moi)\s+(?:0?6|sau)\s+thang|(?:bao cao\s+)?so ket\s+(?:0?6|sau)\s+thang\s+va\s+tong ket\s+nam)\b" + LongerPeriods + DueDayTail + @"ky\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex HalfYearlyPattern();

    [GeneratedRegex(@"^thuong xuyen\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex OngoingPattern();
}
