using System.Text;

namespace Briefings.Core.Conclusions;

/// <summary>
/// Plain-text forms of a conclusion: the body as a clerk types it ("I. ...", "1. ...", sub-points on their own
/// lines), which <see cref="ConclusionTextParser"/> reads back; and the whole record as a readable snapshot, one
/// fact per line, which is what a version keeps and what a diff between two versions compares.
/// </summary>
public static class ConclusionText
{
    /// <summary>The body: each section's numeral and title, then its numbered items.</summary>
    public static string FormatBody(IEnumerable<BodySection> sections, IEnumerable<BodyItem> items)
    {
        var all = items.ToList();
        var text = new StringBuilder();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(section.Numeral.Length > 0 ? $"{section.Numeral}. {section.Title}" : section.Title).Append('\n');
            foreach (var item in all.Where(i => i.SectionOrder == section.Order).OrderBy(i => i.Number))
            {
                text.Append(item.Number).Append(". ").Append(item.Text).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>The label of an item as the office says it: "II.1" (section numeral, item number).</summary>
    public static string ItemLabel(IEnumerable<BodySection> sections, int sectionOrder, int itemNumber)
    {
        return ItemLabel(sections.FirstOrDefault(s => s.Order == sectionOrder)?.Numeral, itemNumber);
    }

    /// <summary>An item as the document numbers it under its section's numeral ("II.1"; "1" in a section without one).</summary>
    public static string ItemLabel(string? numeral, int itemNumber) =>
        string.IsNullOrEmpty(numeral) ? $"{itemNumber}" : $"{numeral}.{itemNumber}";

    /// <summary>Everything a reader of the document (and of its directives) sees, one fact per line.
    /// <paramref name="unitName"/> names a unit by id; <paramref name="proposalTitle"/> a proposal.</summary>
    public static string Snapshot(Conclusion c, Func<Guid, string> unitName, Func<Guid, string>? proposalTitle = null)
    {
        var lines = new List<string>
        {
            $"Cơ quan ban hành: {unitName(c.IssuerUnitId)}",
            $"Loại văn bản: {c.TypeName} ({c.TypeCode})",
            $"Trích yếu: {c.Summary}",
            $"Nơi ban hành: {c.Place}",
            $"Ngày: {(c.IssuedOn is { } date ? date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "(khi ban hành)")}",
            $"Công khai: {(c.IsPublic ? "có" : "không")}",
            "",
        };
        lines.AddRange(c.Preamble.Split('\n'));
        lines.Add("");
        foreach (var section in c.Sections.OrderBy(s => s.Order))
        {
            lines.Add(section.Numeral.Length > 0 ? $"{section.Numeral}. {section.Title}" : section.Title);
            foreach (var item in c.Items.Where(i => i.SectionOrder == section.Order).OrderBy(i => i.Number))
            {
                var itemLines = item.Text.Split('\n');
                lines.Add($"{item.Number}. {itemLines[0]}{(item.IsPublic ? "" : " [không công khai]")}");
                lines.AddRange(itemLines.Skip(1));
            }
        }

        if (c.Closing.Length > 0)
        {
            lines.AddRange(c.Closing.Split('\n'));
        }

        lines.Add("");
        foreach (var d in c.Directives.OrderBy(d => d.SectionOrder).ThenBy(d => d.ItemNumber))
        {
            var lead = d.GroupName is { } group ? $"{group} ({d.GroupUnitIds.Count} đơn vị)" : unitName(d.LeadUnitId);
            var line = new StringBuilder($"Nhiệm vụ mục {ItemLabel(c.Sections, d.SectionOrder, d.ItemNumber)}: chủ trì {lead}");
            if (d.CoordinatingUnitIds.Count > 0)
            {
                line.Append("; phối hợp ").Append(string.Join(", ", d.CoordinatingUnitIds.Select(unitName)));
            }

            line.Append("; thời hạn ").Append(d.Deadline?.ToString() ?? "không ghi");
            if (d.ExpectedOutput != ExpectedOutput.None)
            {
                line.Append("; sản phẩm: ").Append(OutputName(d.ExpectedOutput));
            }

            if (d.AnswersProposalId is { } proposal && proposalTitle is not null)
            {
                line.Append("; trả lời kiến nghị: ").Append(proposalTitle(proposal));
            }

            lines.Add(line.ToString());
        }

        lines.Add("");
        lines.Add("Nơi nhận:");
        lines.AddRange(c.Recipients.OrderBy(r => r.Order).Select(r => $"- {r.Text}"));
        lines.Add($"Ký: {c.SigningForm} / {c.SignerTitle} / {c.SignerName}");
        return string.Join('\n', lines);
    }

    /// <summary>The expected output as the office names it.</summary>
    public static string OutputName(ExpectedOutput output) => output switch
    {
        ExpectedOutput.WrittenReply => "trả lời bằng văn bản cho nơi kiến nghị",
        ExpectedOutput.ReportBack => "báo cáo kết quả về Thường trực",
        ExpectedOutput.GuidanceDocument => "văn bản hướng dẫn",
        ExpectedOutput.DirectiveDocument => "văn bản chỉ đạo",
        ExpectedOutput.Plan => "kế hoạch, phương án",
        _ => "không yêu cầu riêng",
    };
}
