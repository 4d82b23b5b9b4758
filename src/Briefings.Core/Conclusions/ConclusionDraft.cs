namespace Briefings.Core.Conclusions;

/// <summary>
/// The structure proposed for a pasted conclusion text, for the clerk to review before it is saved.
/// Everything is as written in the text; nothing is matched to the directory yet.
/// </summary>
/// <param name="TypeName">The document type line: "KẾT LUẬN", "THÔNG BÁO"; null when none was found.</param>
/// <param name="Summary">The summary line under it: "Họp giao ban MTTQ, ... ngày 11/4/2017".</param>
/// <param name="Number">The number and symbol from the header ("Số 07-KL/HU"), when present.</param>
/// <param name="Place">The place before the date line ("An Phú" in "An Phú, ngày 11 tháng 4 năm 2017").</param>
/// <param name="IssuedOn">The date of that line.</param>
/// <param name="Preamble">The body before the first section: meeting, chair, participants, what was heard.
/// Paragraphs are separated by '\n'.</param>
/// <param name="Sections">The sections I, II, III ... with their numbered items.</param>
/// <param name="Closing">The closing paragraph after the items ("Trên đây là kết luận ..."), or "".</param>
/// <param name="Recipients">The "Nơi nhận:" list without dashes and trailing ';' or '.': "Thường trực Huyện ủy", ..., "Lưu VPHU".</param>
public sealed record ConclusionDraft(
    string? TypeName,
    string? Summary,
    DocumentNumber? Number,
    string? Place,
    DateOnly? IssuedOn,
    string Preamble,
    IReadOnlyList<ConclusionSection> Sections,
    string Closing,
    IReadOnlyList<string> Recipients)
{
    /// <summary>All numbered items, section by section.</summary>
    public IEnumerable<ConclusionItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>All proposed assignments, item by item.</summary>
    public IEnumerable<ProposedAssignment> Assignments => Items.SelectMany(i => i.Assignments);
}
