using System.Text;
using Briefings.Core.Common;

namespace Briefings.Core.Conclusions;

/// <summary>
/// A Markdown table of tasks — "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành |" — written
/// out as one sentence per row ("Phòng Kinh tế thực hiện Rà soát diện tích lúa, phối hợp với Phòng Nội vụ, thời hạn:
/// Trước 15/3/2026."), so that the rows are read like any other directive. A table whose header names no unit column
/// ("chủ trì", "thực hiện", "phụ trách") is left as it is. Linear: each line is looked at once.
/// </summary>
internal static class TableRows
{
    public static string AsSentences(string text)
    {
        if (!text.Contains("\n|", StringComparison.Ordinal) && !text.StartsWith('|'))
        {
            return text;
        }

        var lines = text.Split('\n');
        var sb = new StringBuilder(text.Length);
        Columns? columns = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var isRow = line.TrimStart().StartsWith('|');
            if (!isRow)
            {
                columns = null;
            }
            else if (columns is null)
            {
                // The header is the row above a separator ("|---|---|").
                if (i + 1 < lines.Length && IsSeparator(lines[i + 1]) && ColumnsOf(Cells(line)) is { } found)
                {
                    columns = found;
                    i++;
                    continue;
                }
            }
            else if (Sentence(Cells(line), columns) is { } sentence)
            {
                line = sentence;
            }

            sb.Append(line);
            if (i + 1 < lines.Length)
            {
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    private sealed record Columns(int Unit, int Task, int Partner, int Deadline);

    private static Columns? ColumnsOf(string[] header)
    {
        int Find(Func<string, bool> test) => Array.FindIndex(header, h => test(TextFolding.Fold(h)));
        var partner = Find(h => h.Contains("phoi hop", StringComparison.Ordinal));
        var unit = Find(h => !h.Contains("phoi hop", StringComparison.Ordinal) &&
            (h.Contains("chu tri", StringComparison.Ordinal) || h.Contains("thuc hien", StringComparison.Ordinal) ||
             h.Contains("phu trach", StringComparison.Ordinal) || h.Contains("don vi", StringComparison.Ordinal) || h.Contains("co quan", StringComparison.Ordinal)) &&
            !h.Contains("thoi", StringComparison.Ordinal) && !h.Contains("noi dung", StringComparison.Ordinal) &&
            !h.Contains("nhiem vu", StringComparison.Ordinal) && !h.Contains("cong viec", StringComparison.Ordinal));
        var task = Find(h => h.Contains("noi dung", StringComparison.Ordinal) || h.Contains("nhiem vu", StringComparison.Ordinal) || h.Contains("cong viec", StringComparison.Ordinal));
        var deadline = Find(h => h.Contains("thoi gian", StringComparison.Ordinal) || h.Contains("thoi han", StringComparison.Ordinal) ||
            h.Contains("tien do", StringComparison.Ordinal) || h == "han" || h.StartsWith("han ", StringComparison.Ordinal));
        return unit >= 0 && task >= 0 ? new Columns(unit, task, partner, deadline) : null;
    }

    private static string? Sentence(string[] cells, Columns c)
    {
        string Cell(int k) => k >= 0 && k < cells.Length ? cells[k].Trim().TrimEnd('.', ';') : "";
        var (unit, task) = (Cell(c.Unit), Cell(c.Task));
        if (unit.Length == 0 || task.Length == 0)
        {
            return null;
        }

        // The partners before the task ("Công an xã phối hợp với A, B thực hiện …"): a task that holds ";" would otherwise
        // end the clause before them; "Sở A; Sở B" in the coordinating cell are the members of one list.
        var sb = new StringBuilder().Append(unit);
        if (Cell(c.Partner) is { Length: > 0 } partner)
        {
            sb.Append(" phối hợp với ").Append(partner.Replace(";", ",", StringComparison.Ordinal));
        }

        sb.Append(" thực hiện ").Append(task);

        if (Cell(c.Deadline) is { Length: > 0 } deadline)
        {
            sb.Append(", thời hạn: ").Append(deadline);
        }

        return sb.Append('.').ToString();
    }

    private static string[] Cells(string line) => line.Trim().Trim('|').Split('|');

    private static bool IsSeparator(string line)
    {
        var t = line.Trim();
        return t.StartsWith('|') && t.Contains('-', StringComparison.Ordinal) && t.All(ch => ch is '|' or '-' or ':' or ' ' or '\r');
    }
}
