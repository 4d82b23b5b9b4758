using Briefings.Core.Conclusions;

namespace Briefings.Core.FollowUp;

/// <summary>
/// Which tasks an issued conclusion's directives give.
/// <list type="bullet">
/// <item>A dated deadline (day, month, quarter, half year, school year, year): one task, due on the deadline's
/// last day. No deadline at all: one task without a due day ("không thời hạn").</item>
/// <item>Ongoing ("thường xuyên"): one task per reporting period (<see cref="PeriodCadence.Quarter"/> by
/// default, configurable), without a due day: each period's task closes when its period's report is
/// confirmed.</item>
/// <item>Periodic ("hằng tháng", "hằng quý", "6 tháng một lần", "hằng năm"): one task per month, quarter, half year or
/// year, due on the period's last day or on the day the deadline names in the period's last month
/// (<see cref="Deadline.DueIn"/>; "trước ngày 15 của tháng cuối quý" → 15 March, 15 June, ...).</item>
/// </list>
/// Recurring tasks are created from the period containing the issue day through the period containing
/// today — never ahead — so a daily job (or any later issue) calls <see cref="Due"/> again to open each new
/// period as it starts; the unique key (conclusion, directive, period) makes repeated calls harmless.
/// </summary>
public static class FollowUpPlan
{
    /// <summary>One task to create: the directive (by its position), the period (null for a one-off task), the due day.</summary>
    public sealed record Slot(int DirectiveOrder, Directive Directive, ReportingPeriod? Period, DateOnly? DueOn)
    {
        public string PeriodKey => Period?.Key ?? "";
    }

    public static IReadOnlyList<Slot> Due(IReadOnlyList<Directive> directives, DateOnly issuedOn, DateOnly today, PeriodCadence ongoingCadence)
    {
        var through = today < issuedOn ? issuedOn : today;
        var slots = new List<Slot>();
        for (var order = 0; order < directives.Count; order++)
        {
            var d = directives[order];
            switch (d.Deadline?.Kind)
            {
                case Conclusions.DeadlineKind.Ongoing:
                    slots.AddRange(ReportingPeriod.Between(issuedOn, through, ongoingCadence).Select(p => new Slot(order, d, p, null)));
                    break;
                case { } kind when d.Deadline!.IsPeriodic:
                    // A period whose due day came before the issue ("trước ngày 15 của tháng cuối quý" issued on 20 March)
                    // cannot be asked of anyone: the first task is the next period's.
                    var deadline = d.Deadline;
                    slots.AddRange(ReportingPeriod.Between(issuedOn, through, CadenceOf(kind))
                        .Select(p => new Slot(order, d, p, deadline.DueIn(p.End)))
                        .Where(s => s.DueOn >= issuedOn));
                    break;
                default:
                    slots.Add(new Slot(order, d, null, d.Deadline?.DueDate));
                    break;
            }
        }

        return slots;
    }

    /// <summary>The reporting period of a periodic deadline kind.</summary>
    public static PeriodCadence CadenceOf(Conclusions.DeadlineKind kind) => kind switch
    {
        Conclusions.DeadlineKind.Monthly => PeriodCadence.Month,
        Conclusions.DeadlineKind.Quarterly => PeriodCadence.Quarter,
        Conclusions.DeadlineKind.HalfYearly => PeriodCadence.HalfYear,
        Conclusions.DeadlineKind.Yearly => PeriodCadence.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a periodic deadline kind."),
    };
}
