namespace Briefings.Core.Conclusions;

/// <summary>
/// A task read from a conclusion item, proposed for a person to confirm: who leads it, who helps, by when,
/// and what they hand in. Units are the text as written ("Phòng TC-KH huyện"); <see cref="UnitMatcher"/>
/// links them to the directory.
/// </summary>
/// <param name="LeadUnit">The unit that leads, as written: "Ban Dân vận Huyện ủy". An item addressing several
/// units at once ("Đề nghị Đảng ủy, UBND các xã ...") gives one assignment per unit.</param>
/// <param name="CoordinatingUnits">The units named after "phối hợp với", as written.</param>
/// <param name="Deadline">The deadline, or null when the item gives none.</param>
/// <param name="DeadlineText">The deadline as written ("trong tháng 5/2017"), or null.</param>
/// <param name="Output">The expected output.</param>
/// <param name="Text">The part of the item the assignment was read from, from its verb ("Giao", "Đề nghị")
/// to the next assignment or the end of the paragraph.</param>
public sealed record ProposedAssignment(
    string LeadUnit,
    IReadOnlyList<string> CoordinatingUnits,
    Deadline? Deadline,
    string? DeadlineText,
    ExpectedOutput Output,
    string Text);
