namespace Briefings.Core.Conclusions;

/// <summary>
/// A directive read from anywhere in a conclusion, notice or letter — a numbered item, a paragraph of the
/// preamble, a letter's prose — with the sentence it came from, for a clerk to confirm.
/// </summary>
/// <param name="Sentence">The sentence (or clause) the directive was read from.</param>
/// <param name="Assignees">Every unit or person it addresses, as written, lead first, then the other addressees
/// (the second level of "giao UBND huyện chỉ đạo Phòng Y tế"), then the coordinating units.</param>
/// <param name="Lead">The first assignee.</param>
/// <param name="Coordinating">The units named after "phối hợp (với)".</param>
/// <param name="Collective">The assignees that name many units at once ("các xã", "các đoàn thể huyện"): a
/// collective directive, never matched to one unit.</param>
/// <param name="DeadlineText">The deadline as written, or null.</param>
/// <param name="Deadline">The deadline read, or null (also when the text gives one no rule reads, such as "trước Tết").</param>
/// <param name="ReportRequired">Whether the directive asks for a report back.</param>
/// <param name="Output">The expected output.</param>
/// <param name="SectionNumber">The section of the numbered item it stands in, or null outside numbered items.</param>
/// <param name="ItemNumber">The numbered item it stands in, or null.</param>
public sealed record FoundDirective(
    string Sentence,
    IReadOnlyList<string> Assignees,
    string Lead,
    IReadOnlyList<string> Coordinating,
    IReadOnlyList<string> Collective,
    string? DeadlineText,
    Deadline? Deadline,
    bool ReportRequired,
    ExpectedOutput Output,
    int? SectionNumber,
    int? ItemNumber)
{
    /// <summary>Whether an opening verb ("Giao", "Đề nghị", "Yêu cầu" …) introduced it, rather than its subject
    /// ("Sở Tài chính chủ động …").</summary>
    public bool OpenedByVerb { get; init; } = true;

    /// <summary>Whether every assignee names many units ("Đảng ủy các xã", "UBND huyện, xã").</summary>
    public bool IsCollective => Collective.Count == Assignees.Count;
}

/// <summary>A text read whole: its structure (header, sections, items with their assignments, recipients), its
/// directives from anywhere in the text, and its signing block.</summary>
public sealed record ConclusionReading(ConclusionDraft Draft, IReadOnlyList<FoundDirective> Directives)
{
    public SignatureBlock? Signature { get; init; }

    /// <summary>The level of the issuing body named in the header ("huyen" for "HUYỆN ỦY TÂN PHONG"), or null:
    /// "đồng chí Chủ tịch LĐLĐ" is the LĐLĐ of that level.</summary>
    public string? IssuerLevel { get; init; }
}
