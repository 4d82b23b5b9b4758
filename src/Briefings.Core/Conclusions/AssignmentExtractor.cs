using System.Text.RegularExpressions;
using Briefings.Core.Common;

namespace Briefings.Core.Conclusions;

/// <summary>
/// Reads the assignments out of one conclusion item. An assignment opens with
/// <list type="bullet">
/// <item>"Giao &lt;unit&gt; ..." (also "giao cho", "giao nhiệm vụ cho"; the unit must be capitalized, which
/// tells "giao Ban Dân vận" from "họp giao ban" and "giáo dục"),</item>
/// <item>"Đề nghị &lt;unit&gt; ..." or "Yêu cầu &lt;unit&gt; ...",</item>
/// <item>"&lt;unit&gt; chủ trì, ..." when no verb came before it;</item>
/// </list>
/// then "phối hợp với &lt;units&gt;" names the coordinating units, and the rest of the paragraph, up to the
/// next assignment, gives the deadline and the expected output.
/// <para>This proposes; a person confirms. Sentences that assign without one of these openings
/// ("Đảng ủy các xã phải ...") are left to that person.</para>
/// </summary>
public static partial class AssignmentExtractor
{
    public static IReadOnlyList<ProposedAssignment> Extract(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = Token.Split(text);
        var triggers = FindTriggers(tokens);
        var result = new List<ProposedAssignment>();
        for (var i = 0; i < triggers.Count; i++)
        {
            var trigger = triggers[i];

            // An assignment runs to the end of its paragraph or to the next assignment, whichever is first.
            var spanEnd = NextIndex(tokens, trigger.Start, t => t.Kind == TokenKind.LineBreak, tokens.Count);
            if (i + 1 < triggers.Count)
            {
                spanEnd = Math.Min(spanEnd, triggers[i + 1].Start);
            }

            var from = tokens[trigger.Start].Start;
            var to = spanEnd < tokens.Count ? tokens[spanEnd].Start : text.Length;
            var span = text[from..to].TrimEnd();

            var sentenceEnd = NextIndex(tokens, trigger.LeadEnd, t => t.IsMark('.') || t.IsMark(';'), spanEnd);
            var coordinating = Coordinating(tokens, trigger.LeadEnd, Math.Min(sentenceEnd, spanEnd));
            var deadline = PickDeadline(span) ?? DeadlineBefore(text, tokens, trigger.Start);
            var output = OutputOf(span);

            foreach (var lead in trigger.Leads)
            {
                result.Add(new ProposedAssignment(lead, coordinating, deadline?.Deadline, deadline?.Text, output, span));
            }
        }

        return result;
    }

    private sealed record Trigger(int Start, IReadOnlyList<string> Leads, int LeadEnd);

    private static List<Trigger> FindTriggers(IReadOnlyList<Token> t)
    {
        var triggers = new List<Trigger>();
        for (var j = 0; j < t.Count; j++)
        {
            var open = OpeningOfLead(t, j);
            if (open >= 0 && UnitPhrases.CanOpen(t, open))
            {
                var (units, stop) = UnitPhrases.Scan(t, open, t.Count);
                if (units.Count > 0)
                {
                    var leadEnd = UnitPhrases.Matches(t, stop, "chu", "tri") ? stop + 2 : stop;
                    triggers.Add(new Trigger(j, Texts(t, units), leadEnd));
                    j = leadEnd - 1;
                    continue;
                }
            }

            // "Phòng TC-KH huyện chủ trì, phối hợp ...": the lead is the clause before "chủ trì".
            if (t[j].IsLowerCase && UnitPhrases.Matches(t, j, "chu", "tri"))
            {
                var clause = ClauseStart(t, j, triggers.Count > 0 ? triggers[^1].LeadEnd : 0);
                if (clause < j && t[clause].IsCapitalized)
                {
                    var (units, stop) = UnitPhrases.Scan(t, clause, j);
                    if (units.Count > 0 && stop == j)
                    {
                        triggers.Add(new Trigger(clause, Texts(t, units), j + 2));
                        j++;
                    }
                }
            }
        }

        return triggers;
    }

    /// <summary>Where the lead unit starts if an assignment verb stands at <paramref name="j"/>, else -1.</summary>
    private static int OpeningOfLead(IReadOnlyList<Token> t, int j)
    {
        var before = j > 0 && t[j - 1].IsWord ? t[j - 1].Folded : "";
        if (t[j].IsExactly("giao"))
        {
            // "bàn giao", "được giao", "đã giao", "chuyển giao" hand something over; they do not assign.
            if (j > 0 && t[j - 1].IsLowerCase && before is "ban" or "duoc" or "da" or "chuyen")
            {
                return -1;
            }

            var k = j + 1;
            k = UnitPhrases.Matches(t, k, "nhiem", "vu") ? k + 2 : k;
            return UnitPhrases.Matches(t, k, "cho") ? k + 1 : k;
        }

        if ((UnitPhrases.Matches(t, j, "de", "nghi") && t[j].IsExactly("đề") && t[j + 1].IsExactly("nghị"))
            || (UnitPhrases.Matches(t, j, "yeu", "cau") && t[j].IsExactly("yêu") && t[j + 1].IsExactly("cầu")))
        {
            // "theo đề nghị của", "đáp ứng yêu cầu", "đạt yêu cầu" use the words as nouns.
            return before is "theo" or "ung" or "dat" or "voi" ? -1 : j + 2;
        }

        return -1;
    }

    private static int ClauseStart(IReadOnlyList<Token> t, int j, int floor)
    {
        var k = j;
        while (k > floor && t[k - 1].IsWord)
        {
            k--;
        }

        // Connectives that open a clause are not part of the unit's name.
        while (k < j && (t[k].Is("va") || UnitPhrases.Matches(t, k, "dong", "thoi") || UnitPhrases.Matches(t, k, "sau", "do")))
        {
            k += t[k].Is("va") ? 1 : 2;
        }

        return k;
    }

    private static IReadOnlyList<string> Coordinating(IReadOnlyList<Token> t, int from, int end)
    {
        for (var k = from; k < end; k++)
        {
            if (!UnitPhrases.Matches(t, k, "phoi", "hop"))
            {
                continue;
            }

            var m = k + 2;
            m = UnitPhrases.Matches(t, m, "chat", "che") ? m + 2 : m;
            m = m < end && t[m].Folded is "voi" or "cung" ? m + 1 : m;
            m = UnitPhrases.Matches(t, m, "voi") ? m + 1 : m;
            if (UnitPhrases.CanOpen(t, m))
            {
                var (units, _) = UnitPhrases.Scan(t, m, end);
                return Texts(t, units);
            }
        }

        return [];
    }

    private static IReadOnlyList<string> Texts(IReadOnlyList<Token> t, List<(int First, int End)> units) =>
        [.. units.Select(u => Cut(t, u.First, u.End))];

    private static string Cut(IReadOnlyList<Token> t, int first, int end)
    {
        var words = new List<string>();
        for (var k = first; k < end; k++)
        {
            words.Add(t[k].Text);
        }

        return string.Join(' ', words);
    }

    private static int NextIndex(IReadOnlyList<Token> t, int from, Func<Token, bool> isEnd, int otherwise)
    {
        for (var k = from; k < Math.Min(otherwise, t.Count); k++)
        {
            if (isEnd(t[k]))
            {
                return k;
            }
        }

        return otherwise;
    }

    // A sentence may carry several dates ("kinh phí quý I/2017 ... hoàn thành trước 15/5/2017"). A deadline
    // introduced as one ("hoàn thành", "trước", "trong", "thời hạn") wins over a period merely mentioned.
    private static DeadlineMatch? PickDeadline(string span)
    {
        var matches = DeadlineParser.FindAll(span);
        foreach (var m in matches)
        {
            if (IsIntroducedAsDeadline(span, m))
            {
                return m;
            }
        }

        return matches.Count > 0 ? matches[0] : null;
    }

    private static bool IsIntroducedAsDeadline(string span, DeadlineMatch m)
    {
        if (m.Deadline.Kind is DeadlineKind.Date or DeadlineKind.Yearly or DeadlineKind.Ongoing)
        {
            return true;
        }

        var own = TextFolding.Fold(m.Text);
        var before = TextFolding.Fold(span[..m.Index]);
        var tail = before.Length > 30 ? before[^30..] : before;
        return own.StartsWith("trong", StringComparison.Ordinal) || own.StartsWith("truoc", StringComparison.Ordinal) ||
            tail.Contains("hoan thanh", StringComparison.Ordinal) || tail.Contains("thoi han", StringComparison.Ordinal) ||
            tail.EndsWith("xong", StringComparison.Ordinal) || tail.EndsWith("thuc hien", StringComparison.Ordinal) ||
            tail.EndsWith("trien khai", StringComparison.Ordinal);
    }

    // "Trong quý III/2017, đề nghị ...": a deadline may open the clause before the verb.
    private static DeadlineMatch? DeadlineBefore(string text, IReadOnlyList<Token> t, int start)
    {
        var k = start;
        while (k > 0 && !(t[k - 1].Kind == TokenKind.LineBreak || t[k - 1].IsMark('.') || t[k - 1].IsMark(';') || t[k - 1].IsMark(':')))
        {
            k--;
        }

        if (k == start)
        {
            return null;
        }

        var clause = text[t[k].Start..t[start].Start];
        return DeadlineParser.FindAll(clause) is [.., var last] ? last : null;
    }

    private static ExpectedOutput OutputOf(string span)
    {
        var m = OutputPattern().Match(TextFolding.Fold(span));
        return !m.Success ? ExpectedOutput.None
            : m.Groups["reply"].Success ? ExpectedOutput.WrittenReply
            : m.Groups["report"].Success ? ExpectedOutput.ReportBack
            : m.Groups["guidance"].Success ? ExpectedOutput.GuidanceDocument
            : m.Groups["directive"].Success ? ExpectedOutput.DirectiveDocument
            : ExpectedOutput.Plan;
    }

    // The earliest output named wins: "ban hành hướng dẫn ... và báo cáo kết quả" expects the guidance.
    [GeneratedRegex(
        @"(?<reply>\btra loi\b)|(?<report>\bbao cao\b)" +
        @"|(?<guidance>\bban hanh (?:van ban )?huong dan\b|\bvan ban huong dan\b|\bco huong dan\b)" +
        @"|(?<directive>\bvan ban chi dao\b|\bban hanh chi thi\b)" +
        @"|(?<plan>\b(?:xay dung|lap|ban hanh|co|de ra|de xuat)\s+(?:ke hoach|phuong an)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex OutputPattern();
}
