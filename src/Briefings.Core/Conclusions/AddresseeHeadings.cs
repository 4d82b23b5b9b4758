using System.Text;
using System.Text.RegularExpressions;

namespace Briefings.Core.Conclusions;

/// <summary>
/// An addressee heading over items that name no subject of their own: "a) Sở Nông nghiệp và Môi trường:" then
/// "- Chủ trì …", "- Tổng hợp …"; "1. Đảng ủy xã Tân Phú:" then "- Lãnh đạo …"; "### 1. Sở Y tế" then "a) Chủ trì …
/// b) Hướng dẫn …". Each such item is read as the sentence it stands for, with the heading's units as its subject
/// ("Sở Y tế chủ trì …"), as a table row is. An item that opens with a unit or with "giao / đề nghị / yêu cầu" a unit
/// names its own addressee and is left as written; a line that gives a deadline ("Thời gian hoàn thành: …") is left
/// to the item before it. A heading lasts until a sibling item (same marker) or a plain line. Linear in the block.
/// </summary>
internal static partial class AddresseeHeadings
{
    private enum Marker { None, Bullet, Letter, Number }

    // Bullet is the bullet's character: "+" items under a "- **Đảng ủy UBND xã:**" heading are its items, not its siblings.
    // Level is the depth of a number ("2." 1, "2.1." 2): "1.1" items under a "1. Hội CCB xã:" heading are its items.
    private sealed record Segment(Marker Marker, string Prefix, string Text, char Bullet = ' ', int Level = 0);

    /// <summary>The block with every subjectless item under an addressee heading given the heading's units as subject;
    /// the block itself when it has no such heading.</summary>
    public static string Distribute(string block)
    {
        if (string.IsNullOrEmpty(block) || block.AsSpan().IndexOfAny('\n', ')', ':') < 0)
        {
            return block;
        }

        var segments = Split(block);

        string? heading = null;
        var headingMarker = Marker.None;
        var headingBullet = ' ';
        var headingLevel = 0;
        var itemSeen = false;
        var strong = false;
        var changed = false;
        var sb = new StringBuilder(block.Length + 64);
        foreach (var segment in segments)
        {
            var text = segment.Text;
            if (InlineAddressees(text) is { } inline)
            {
                text = inline;
                changed = true;
            }
            else if (HeadingUnits(text) is { } units)
            {
                (heading, headingMarker, headingBullet, headingLevel, itemSeen) = (units, segment.Marker, segment.Bullet, segment.Level, false);
                // A numbered or bulleted heading, one ending with its colon, or "Đối với X" goes on over blank lines and
                // takes a paragraph under it as its item; a bare line of capitals in a header does not.
                // An item's own first line ("Phòng Kinh tế" of "### 1. Phòng Kinh tế", its number read off) is one too.
                strong = segment.Marker != Marker.None || text.TrimEnd().TrimEnd('*').TrimEnd().EndsWith(':') || ForHeading().IsMatch(text.TrimStart(' ', '*')) ||
                    (ReferenceEquals(segment, segments[0]) && text.Any(char.IsLower));
                if (units.Length < text.Trim().Length && VerbHeading().IsMatch(text))
                {
                    // "3. Đề nghị Ủy ban MTTQ huyện, Huyện đoàn:" over items: the heading names the items' subject and asks
                    // nothing itself.
                    text = "";
                    changed = true;
                }
            }
            else if (LeadHeading(text) is { } lead)
            {
                // "Sở … giao Phòng X chủ trì, phối hợp với Trung tâm Y:" over "a) nâng cấp …", "b) tổ chức …": the lead with its
                // colon is each item's subject (lead and coordinating unit), and asks nothing itself.
                (heading, headingMarker, headingBullet, headingLevel, itemSeen, strong) = (lead, segment.Marker, segment.Bullet, segment.Level, false, true);
                text = "";
                changed = true;
            }
            else if (heading is not null && strong && segment.Marker == Marker.None && (text.Trim().Trim('*', '_').Length == 0 || IsDeadlineLine(text)))
            {
                // A blank line, or the item's "*Thời hạn:* …" line: the heading's items go on.
            }
            else if (heading is not null && strong && segment.Marker == Marker.None && !itemSeen && IsSubjectless(text))
            {
                // "**2. Đối với Ủy ban Kiểm tra Đảng ủy xã**" then a paragraph "Chủ trì, phối hợp …": the paragraph is its item.
                text = heading + " " + LowerFirst(text);
                changed = true;
            }
            else if (heading is not null && ((segment.Marker == headingMarker && segment.Bullet == headingBullet && segment.Level <= headingLevel) || segment.Marker == Marker.None))
            {
                // A sibling of the heading, or a plain line: the heading's items have ended.
                heading = null;
            }
            else if (heading is not null && IsSubjectless(text))
            {
                text = heading + " " + LowerFirst(text);
                changed = true;
                itemSeen = true;
            }
            else if (heading is not null)
            {
                itemSeen = true;
            }

            sb.Append(segment.Prefix).Append(text);
        }

        return changed ? sb.ToString() : block;
    }

    // Lines, and inside a line the letter items ("… năm 2026. b) Sở Tài chính …", "Sở Y tế a) Chủ trì …").
    private static List<Segment> Split(string block)
    {
        var result = new List<Segment>();
        var first = true;
        foreach (var rawLine in block.Split('\n'))
        {
            var line = rawLine;
            var prefix = first ? "" : "\n";
            first = false;
            var marker = Marker.None;
            var bullet = ' ';
            var level = 0;
            if (LineMarker().Match(line) is { Success: true } m)
            {
                marker = m.Groups["b"].Success ? Marker.Bullet : m.Groups["l"].Success ? Marker.Letter : Marker.Number;
                bullet = m.Groups["b"].Success ? m.Groups["b"].Value[0] : ' ';
                level = m.Groups["n"].Success ? m.Groups["n"].Value.TrimEnd('.', ')').Count(c => c == '.') + 1 : 0;
                prefix += m.Value;
                line = line[m.Length..];
            }

            var at = 0;
            foreach (var inner in line.Contains(')', StringComparison.Ordinal) ? InnerLetter().Matches(line) : (IEnumerable<Match>)[])
            {
                result.Add(new Segment(marker, prefix, line[at..inner.Index], bullet, level));
                (marker, prefix, at, bullet, level) = (Marker.Letter, inner.Value, inner.Index + inner.Length, ' ', 0);
            }

            result.Add(new Segment(marker, prefix, line[at..], bullet, level));
        }

        return result;
    }

    // "Sở Nông nghiệp và Môi trường:", "Đảng ủy xã Tân Phú:", "Sở Y tế" (a heading line of its own): units and nothing
    // else. A heading that names no unit ("Các sở, ngành và địa phương") is none.
    private static string? HeadingUnits(string segment)
    {
        var trimmed = segment.Trim().Trim('*').Trim();
        var colon = trimmed.EndsWith(':');
        trimmed = trimmed.TrimEnd(':').TrimEnd('*').TrimEnd();
        // "Đối với UBND xã" names UBND xã; "Đề nghị A, B, C:" (with its colon) names A, B, C. After one of these a collective
        // phrase is the addressee ("Đối với các chi bộ thôn").
        var introduced = false;
        if (ForHeading().Match(trimmed) is { Success: true } lead && (colon || !VerbHeading().IsMatch(trimmed)))
        {
            trimmed = trimmed[lead.Length..];
            introduced = true;
        }

        if (trimmed.Length is 0 or > 160 || (!colon && segment.Length > 0 && !IsWholeLine(segment)))
        {
            return null;
        }

        // "Số 37-TB/ĐU" is a document's number, not a "Sở".
        if (trimmed.StartsWith("Số", StringComparison.Ordinal) && trimmed.Length > 2 && !char.IsLetter(trimmed[2]) && trimmed.Any(char.IsAsciiDigit))
        {
            return null;
        }

        var t = Token.Split(trimmed);
        // "Các sở, ngành và địa phương", "Các xã:" name kinds of units, not an addressee (the evaluation README's convention).
        if (t.Count == 0 || !UnitPhrases.StartsUnit(t, 0) || (t[0].Folded == "cac" && !introduced))
        {
            return null;
        }

        var (units, stop) = UnitPhrases.Scan(t, 0, t.Count);
        return units.Count > 0 && stop >= t.Count ? trimmed : null;
    }

    // "(Sở … ) giao Phòng X chủ trì, phối hợp với Trung tâm Y:" — a lead that names its units, ends with "phối hợp với" units
    // and a colon, and nothing after: its text without the colon, to stand before each item.
    private static string? LeadHeading(string segment)
    {
        var trimmed = segment.Trim().Trim('*').Trim();
        if (!trimmed.EndsWith(':') || trimmed.Length > 240)
        {
            return null;
        }

        trimmed = trimmed.TrimEnd(':').TrimEnd('*').TrimEnd();
        var t = Token.Split(trimmed);
        for (var k = 0; k + 3 < t.Count; k++)
        {
            if (UnitPhrases.Matches(t, k, "phoi", "hop", "voi") && k >= 2 &&
                (UnitPhrases.Matches(t, k - 2, "chu", "tri") || (k >= 3 && t[k - 1].IsMark(',') && UnitPhrases.Matches(t, k - 3, "chu", "tri"))) &&
                UnitPhrases.Scan(t, k + 3, t.Count) is { Units.Count: > 0, Stop: var stop } && stop >= t.Count)
            {
                return trimmed;
            }
        }

        return null;
    }

    // "Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường: thực hiện nghiêm …": the addressees, a colon,
    // then their task with no subject — read as "Thủ trưởng …, Chủ tịch … thực hiện nghiêm …".
    private static string? InlineAddressees(string segment)
    {
        var colon = segment.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || colon > 160 || !char.IsUpper(segment[0]))
        {
            return null;
        }

        var rest = segment[(colon + 2)..].TrimStart('*', ' ');
        if (rest.Length == 0 || HeadingUnits(segment[..(colon + 1)].Replace(";", ",", StringComparison.Ordinal)) is not { } units || !IsSubjectless(rest))
        {
            return null;
        }

        return units + " " + LowerFirst(rest);
    }

    private static bool IsDeadlineLine(string segment) =>
        DeadlineLine().IsMatch(segment.TrimStart(' ', '*', '_'));

    [GeneratedRegex(@"^(?:Thời\s+hạn|Thời\s+gian\s+(?:hoàn\s+thành|thực\s+hiện)|Hạn\s+(?:hoàn\s+thành|báo\s+cáo)|Tiến\s+độ|Mốc\s+thời\s+gian)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DeadlineLine();

    [GeneratedRegex(@"^(?:Đối\s+với|Đề\s+nghị|Yêu\s+cầu|Giao)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ForHeading();

    [GeneratedRegex(@"^\W*(?:Đề\s+nghị|Yêu\s+cầu|Giao)\s", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex VerbHeading();

    // A heading without a colon stands alone on its line ("Sở Y tế" under "### 1.") and is short.
    // reader-fix7: up to 120 characters, for a heading that lists units ("### 3. Công đoàn các Khu công nghiệp tỉnh, Công
    // đoàn Viên chức tỉnh và các công đoàn ngành"); the line must still hold units and nothing else.
    private static bool IsWholeLine(string segment) => segment.Trim().Length <= 120;

    private static bool IsSubjectless(string segment)
    {
        var t = Token.Split(segment.Trim());
        var j = 0;
        while (j < t.Count && !t[j].IsWord)
        {
            j++;
        }

        if (j >= t.Count)
        {
            return false;
        }

        // "Giao / Đề nghị / Yêu cầu / Phân công Phòng X …" names its own addressee; "Thời gian hoàn thành: …",
        // "Hạn …", "Hoàn thành trước …" give a deadline to the item before.
        if (t[j].Folded is "giao" or "thoi" or "han" or "moc" or "tien" or "cham" or "truoc" ||
            UnitPhrases.Matches(t, j, "de", "nghi") || UnitPhrases.Matches(t, j, "yeu", "cau") || UnitPhrases.Matches(t, j, "phan", "cong") ||
            // "Hoàn thành trước …" gives a deadline; "- Hoàn thành cấp giấy chứng nhận …" under a heading is a task.
            (UnitPhrases.Matches(t, j, "hoan", "thanh") && (j + 2 >= t.Count || !t[j + 2].IsWord ||
                t[j + 2].Folded is "truoc" or "trong" or "cham" or "xong" or "dung" or "vao" or "han" or "ngay" or "tu" or "den" or "trong" or "thang" or "quy" or "nam")))
        {
            return false;
        }

        // "Chỉ đạo UBND xã …" under "Đảng ủy xã:" is the heading's chain; any other item that opens with a unit has its subject.
        // "Số hóa hồ sơ …" folds like "Sở" but opens no unit.
        return UnitPhrases.Matches(t, j, "chi", "dao") || UnitPhrases.Matches(t, j, "lanh", "dao") || !UnitPhrases.StartsUnit(t, j) ||
            (t[j].Is("so") && !t[j].IsExactly("Sở") && !t[j].IsExactly("sở"));
    }

    private static string LowerFirst(string text)
    {
        var s = text.TrimStart();
        return s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;
    }

    // "1.", "a)", "-", and the forms clerks add: a bold number ("**2.2.**"), a number of several levels ("2.1.", "1.1").
    [GeneratedRegex(@"^\s*(?:(?<b>[-+*•–])|(?<l>[a-zđ]\))|(?:\*\*)?(?<n>[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}\.?|[0-9]{1,2}[.)])(?:\*\*)?)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex LineMarker();

    // A letter item inside a line: "a) " after a sentence's end, a colon, or after the heading it follows, and before a
    // capital ("… năm 2026. b) Sở Tài chính", "Sở Y tế a) Chủ trì").
    // After a colon or a semicolon the item may open in lower case ("…, phối hợp với Trung tâm Y: a) nâng cấp …; b) tổ chức …").
    [GeneratedRegex(@"(?<=[:;])\s+[a-zđ]\)\s+(?=\p{L})|(?<=\S)\s+[a-zđ]\)\s+(?=\p{Lu})", RegexOptions.CultureInvariant)]
    private static partial Regex InnerLetter();
}
