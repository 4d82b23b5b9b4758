namespace Briefings.Core.Conclusions;

/// <summary>
/// A task assigned by an item: "Giao Ban Dân vận Huyện ủy chủ trì, phối hợp với MTTQ ..., hoàn thành trong
/// tháng 5/2017, có báo cáo kết quả về Thường trực Huyện ủy". It points to its item by
/// (<see cref="SectionOrder"/>, <see cref="ItemNumber"/>); one item may assign several.
/// </summary>
public sealed class Directive
{
    public required int SectionOrder { get; init; }
    public required int ItemNumber { get; init; }

    /// <summary>The unit that leads ("chủ trì") or is addressed ("Đề nghị ...").</summary>
    public required Guid LeadUnitId { get; init; }

    /// <summary>For a collective directive ("UBND các xã", "các đoàn thể huyện"): the group as written; null for a
    /// directive to one unit.</summary>
    public string? GroupName { get; init; }

    /// <summary>For a collective directive: every unit of the group (resolved when saved, again at issue); each
    /// gets a task of its own. <see cref="LeadUnitId"/> is then the group's first unit.</summary>
    public List<Guid> GroupUnitIds { get; init; } = [];

    public bool IsCollective => GroupUnitIds.Count > 0;

    /// <summary>The units that lead this directive: the group's units, or the one lead unit.</summary>
    public IReadOnlyList<Guid> LeadUnitIds => IsCollective ? GroupUnitIds : [LeadUnitId];

    /// <summary>The units named after "phối hợp với", in the order written.</summary>
    public List<Guid> CoordinatingUnitIds { get; init; } = [];

    // The deadline is stored as its kind and period rather than as text, so overdue queries run in SQL.
    public DeadlineKind? DeadlineKind { get; private init; }
    public DateOnly? DeadlineStart { get; private init; }
    public DateOnly? DeadlineDue { get; private init; }

    /// <summary>A periodic deadline's due day in each period's last month (<see cref="Conclusions.Deadline.DueDay"/>).</summary>
    public int? DeadlineDueDay { get; private init; }

    /// <summary>The time limit, or null when the item gives none.</summary>
    public Deadline? Deadline
    {
        get => DeadlineKind is { } kind ? Conclusions.Deadline.Restore(kind, DeadlineStart, DeadlineDue, DeadlineDueDay) : null;
        init
        {
            DeadlineKind = value?.Kind;
            DeadlineStart = value?.Start;
            DeadlineDue = value?.DueDate;
            DeadlineDueDay = value?.DueDay;
        }
    }

    public ExpectedOutput ExpectedOutput { get; init; }

    /// <summary>The proposal ("kiến nghị, đề xuất") sent for the meeting that this directive answers, if any:
    /// the proposing unit follows the answer and its progress.</summary>
    public Guid? AnswersProposalId { get; init; }
}
