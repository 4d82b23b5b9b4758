using System.Globalization;
using Briefings.Core.FollowUp;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// The follow-up dashboard ("Tình hình thực hiện kết luận"): counts in the four statuses and "không thời hạn", overdue
/// ageing (over 30, 90, 120 days) and the completion rate — in total, per lead unit and per conclusion — for a
/// period, a conclusion and a unit. Scoped like the directory: an account counts only tasks whose lead unit is in
/// its <see cref="AccessScope"/> (a commune sees its own units; the district office its area). The status rule is
/// <see cref="FollowUpStatuses"/>' one classifier, which EF writes into SQL; counts are grouped by it.
/// </summary>
public sealed class FollowUpDashboard(BriefingsDbContext db, TimeProvider clock, Meetings.HolidayStore holidays)
{
    public const int UnitLimit = 500;

    /// <summary>Filters from the query string; all optional. <see cref="UnitId"/> is a unit with everything under it
    /// ("unit=", a commune or a department's area); <see cref="LeadId"/> is exactly one lead unit ("lead=", a line of
    /// the per-unit table, whose counts are grouped by the lead unit itself, so that its drill-down lists exactly them).</summary>
    public sealed record Filter(Guid? ConclusionId = null, Guid? UnitId = null, string? Period = null, string? Status = null, Guid? LeadId = null)
    {
        public string Query(string? status = null, Guid? unitId = null, Guid? conclusionId = null, Guid? leadId = null)
        {
            var parts = new List<string>();
            if ((conclusionId ?? ConclusionId) is { } c)
            {
                parts.Add($"conclusion={c}");
            }

            if ((unitId ?? UnitId) is { } u)
            {
                parts.Add($"unit={u}");
            }

            if ((leadId ?? LeadId) is { } l)
            {
                parts.Add($"lead={l}");
            }

            if (!string.IsNullOrEmpty(Period))
            {
                parts.Add($"period={Uri.EscapeDataString(Period)}");
            }

            if ((status ?? Status) is { Length: > 0 } s)
            {
                parts.Add($"status={s}");
            }

            return string.Join('&', parts);
        }
    }

    public sealed record Counts(int DoneOnTime, int DoneLate, int OpenOnTime, int OpenOverdue, int NoDeadline, int Over30, int Over90, int Over120)
    {
        public static Counts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

        public int Total => DoneOnTime + DoneLate + OpenOnTime + OpenOverdue + NoDeadline;
        public int Done => DoneOnTime + DoneLate;

        /// <summary>Completed (on time or late) over all tasks, in percent; null without tasks.</summary>
        public int? CompletionRate => Total == 0 ? null : (int)Math.Round(100.0 * Done / Total);

        /// <summary>The count of one status.</summary>
        public int Of(FollowUpStatus status) => status switch
        {
            FollowUpStatus.DoneOnTime => DoneOnTime,
            FollowUpStatus.DoneLate => DoneLate,
            FollowUpStatus.OpenOnTime => OpenOnTime,
            FollowUpStatus.OpenOverdue => OpenOverdue,
            FollowUpStatus.NoDeadline => NoDeadline,
        };

        /// <summary>Open tasks overdue beyond one of <see cref="FollowUpStatuses.AgeingDays"/>.</summary>
        public int Beyond(int days) => days switch
        {
            >= 120 => Over120,
            >= 90 => Over90,
            _ => Over30,
        };

        public Counts Add(Counts o) => new(DoneOnTime + o.DoneOnTime, DoneLate + o.DoneLate, OpenOnTime + o.OpenOnTime, OpenOverdue + o.OpenOverdue,
            NoDeadline + o.NoDeadline, Over30 + o.Over30, Over90 + o.Over90, Over120 + o.Over120);
    }

    public sealed record Line(Guid Id, string Name, Counts Counts);

    /// <param name="AwaitingConfirmation">Tasks whose lead unit asked the office to confirm completion ("chờ Văn phòng xác nhận").</param>
    /// <param name="ExtensionsPending">Tasks with an extension request the office has not decided.</param>
    public sealed record Report(DateOnly Today, Filter Filter, string? PeriodLabel, string? UnitName, string? ConclusionNumber, Counts Total,
        IReadOnlyList<Line> Units, IReadOnlyList<Line> Conclusions, int AwaitingConfirmation = 0, int ExtensionsPending = 0)
    {
        /// <summary>Tasks waiting for the office ("chờ Văn phòng xử lý"): either request, a task with both counted once.</summary>
        public int WaitingForOffice { get; init; }
    }

    /// <summary>Drill-down keys of what waits for the office: a completion request, an extension request, either.</summary>
    public const string AwaitingKey = "awaiting", ExtensionKey = "extension", OfficeKey = "office";

    /// <summary>The status filter values of drill-down links, in display order.</summary>
    public static readonly IReadOnlyList<(string Key, FollowUpStatus Status)> StatusKeys =
    [
        ("done-on-time", FollowUpStatus.DoneOnTime), ("done-late", FollowUpStatus.DoneLate),
        ("open", FollowUpStatus.OpenOnTime), ("overdue", FollowUpStatus.OpenOverdue), ("none", FollowUpStatus.NoDeadline),
    ];

    /// <summary>Every filter value with its label: the statuses and the ageing buckets ("over30", ...).</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Statuses =
    [
        .. StatusKeys.Select(s => (s.Key, s.Status.Label())),
        .. FollowUpStatuses.AgeingDays.Select(d => (AgeKey(d), FollowUpStatuses.AgeLabel(d))),
        (OfficeKey, "Chờ Văn phòng xử lý"), (AwaitingKey, "Chờ Văn phòng xác nhận hoàn thành"), (ExtensionKey, "Đề nghị gia hạn chờ Văn phòng xem xét"),
    ];

    public static string AgeKey(int days) => string.Create(CultureInfo.InvariantCulture, $"over{days}");

    /// <summary>Shown (403) when the filter names a unit or a conclusion outside the account's scope, or one that does not exist.</summary>
    public const string OutOfScope = "Đơn vị hoặc văn bản trong bộ lọc nằm ngoài phạm vi theo dõi của tài khoản bạn (hoặc không tồn tại). Hãy mở lại trang Tình hình thực hiện và chọn trong danh sách.";

    /// <summary>A body's own scope that is not its area (the Front's office, an organization's, a Ban's staff with its
    /// subunits): it also follows the tasks its own conclusions gave to units outside it — the Front's conclusion
    /// assigns the commune Fronts, which sit under their communes, not under the district Front.</summary>
    private static bool CountsIssued(AccessScope scope) =>
        !scope.All && scope.SubtreePath is { } path && scope.AreaPath is { } area && path != area;

    private IQueryable<FollowUpTask> LeadOrIssuedUnder(IQueryable<FollowUpTask> tasks, string path)
    {
        var issuers = db.Units.AsNoTracking().Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
        var ids = tasks.LeadUnder(path).Select(t => t.Id).Concat(tasks.Where(t => issuers.Contains(t.IssuerUnitId)).Select(t => t.Id));
        return tasks.Where(t => ids.Contains(t.Id));
    }

    /// <summary>The tasks an account may count: lead unit inside its scope (and for a body's own scope, the tasks of
    /// its conclusions), narrowed by the filter.</summary>
    public async Task<IQueryable<FollowUpTask>?> TasksAsync(UserContext user, Filter filter, CancellationToken ct = default)
    {
        var scope = user.Scope;
        var tasks = db.FollowUpTasks.AsNoTracking();
        tasks = scope.All ? tasks
            : CountsIssued(scope) ? LeadOrIssuedUnder(tasks, scope.SubtreePath!)
            : scope.SubtreePath is { } path ? tasks.LeadUnder(path)
            : scope.SingleUnitId is { } id ? tasks.Where(t => t.LeadUnitId == id)
            : tasks.Where(_ => false);
        if (filter.UnitId is { } unitId)
        {
            var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(ct);
            if (unit is null || !scope.Covers(unit.Id, unit.Path))
            {
                return null;
            }

            tasks = scope.SingleUnitId is not null ? tasks.Where(t => t.LeadUnitId == unit.Id) : tasks.LeadUnder(unit.Path);
        }

        if (filter.LeadId is { } leadId)
        {
            var lead = await db.Units.AsNoTracking().Where(u => u.Id == leadId).Select(u => new { u.Id, u.Path }).FirstOrDefaultAsync(ct);
            if (lead is null || !scope.Covers(lead.Id, lead.Path))
            {
                return null;
            }

            tasks = tasks.Where(t => t.LeadUnitId == lead.Id);
        }

        if (filter.ConclusionId is { } conclusionId)
        {
            tasks = tasks.Where(t => t.ConclusionId == conclusionId);
        }

        if (ParsePeriod(filter.Period) is { } period)
        {
            var (from, to) = (period.From, period.To);
            tasks = tasks.Where(t => (t.DueOn >= from && t.DueOn <= to) || (t.DueOn == null && t.PeriodStart <= to && t.PeriodEnd >= from));
        }

        switch (filter.Status)
        {
            case AwaitingKey: return tasks.Where(t => t.State == TaskState.AwaitingConfirmation);
            case ExtensionKey: return tasks.Where(t => t.PendingExtensionId != null);
            case OfficeKey: return tasks.Where(t => t.State == TaskState.AwaitingConfirmation || t.PendingExtensionId != null);
        }

        var today = clock.Today();
        foreach (var (key, status) in StatusKeys)
        {
            if (filter.Status == key)
            {
                return tasks.Where(FollowUpStatuses.Is(status, today));
            }
        }

        foreach (var days in FollowUpStatuses.AgeingDays)
        {
            if (filter.Status == AgeKey(days))
            {
                return tasks.Where(FollowUpStatuses.OverdueBeyond(days, today));
            }
        }

        return tasks;
    }

    // One row per (group, status, age bucket), counted in SQL, with the status and age from the one rule; the per-unit
    // rows are also split by the two requests waiting for the office (a completion request, an extension request), so
    // that what waits for the office is summed from them instead of a query more (issue 14.5, round 6).
    internal sealed record Tally(Guid Group, string? Number, FollowUpStatus Status, int Age, int Count, bool Awaiting = false, bool Extension = false);

    private static async Task<List<Tally>> ListAsync(IAsyncEnumerable<Tally> rows, CancellationToken ct)
    {
        var list = new List<Tally>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }

        return list;
    }

    /// <summary>
    /// The dashboard's two groupings (per lead unit, per conclusion) for one day — the status rule's "today" is written
    /// into them as the rule's own expression (<see cref="FollowUpStatuses.Keyed"/>) — and, for the unfiltered
    /// dashboard of a subtree or of one unit, the same as compiled queries. Built once a day: a dashboard built its
    /// grouping expressions and had EF walk them on every request (a quarter of what it allocated: issue 14.5).
    /// </summary>
    internal sealed class Counting
    {
        private static Counting? current;

        private Counting(DateOnly day)
        {
            Day = day;
            var unitKey = FollowUpStatuses.Keyed(day, (t, status, age) => new
            {
                t.LeadUnitId, status, age, Awaiting = t.State == TaskState.AwaitingConfirmation, Extension = t.PendingExtensionId != null,
            });
            var unitRow = Row(unitKey, g => new Tally(g.Key.LeadUnitId, null, g.Key.status, g.Key.age, g.Count(), g.Key.Awaiting, g.Key.Extension));
            var conclusionKey = FollowUpStatuses.Keyed(day, (t, status, age) => new { t.ConclusionId, t.ConclusionNumber, status, age });
            var conclusionRow = Row(conclusionKey, g => new Tally(g.Key.ConclusionId, g.Key.ConclusionNumber, g.Key.status, g.Key.age, g.Count()));
            ByUnit = Group(unitKey, unitRow);
            ByConclusion = Group(conclusionKey, conclusionRow);
            UnitsUnder = Under(unitKey, unitRow);
            UnitsOf = Of(unitKey, unitRow);
            ConclusionsUnder = Under(conclusionKey, conclusionRow);
            ConclusionsOf = Of(conclusionKey, conclusionRow);
        }

        public DateOnly Day { get; }

        /// <summary>The counts per lead unit of any set of tasks (the filtered dashboards).</summary>
        public Func<IQueryable<FollowUpTask>, IQueryable<Tally>> ByUnit { get; }

        /// <summary>The counts per conclusion of any set of tasks.</summary>
        public Func<IQueryable<FollowUpTask>, IQueryable<Tally>> ByConclusion { get; }

        public Func<BriefingsDbContext, string, string, IAsyncEnumerable<Tally>> UnitsUnder { get; }

        public Func<BriefingsDbContext, Guid, IAsyncEnumerable<Tally>> UnitsOf { get; }

        public Func<BriefingsDbContext, string, string, IAsyncEnumerable<Tally>> ConclusionsUnder { get; }

        public Func<BriefingsDbContext, Guid, IAsyncEnumerable<Tally>> ConclusionsOf { get; }

        public static Counting For(DateOnly day)
        {
            var counting = Volatile.Read(ref current);
            if (counting is null || counting.Day != day)
            {
                counting = new Counting(day);
                Volatile.Write(ref current, counting);
            }

            return counting;
        }

        private static System.Linq.Expressions.Expression<Func<IGrouping<TKey, FollowUpTask>, Tally>> Row<TKey>(
            System.Linq.Expressions.Expression<Func<FollowUpTask, TKey>> key, System.Linq.Expressions.Expression<Func<IGrouping<TKey, FollowUpTask>, Tally>> row) => row;

        private static Func<IQueryable<FollowUpTask>, IQueryable<Tally>> Group<TKey>(
            System.Linq.Expressions.Expression<Func<FollowUpTask, TKey>> key, System.Linq.Expressions.Expression<Func<IGrouping<TKey, FollowUpTask>, Tally>> row) =>
            tasks => tasks.GroupBy(key).Select(row);

        // TasksAsync's scope, written out (a compiled query cannot call PathQueries.LeadUnder): lead unit under the path.
        private static Func<BriefingsDbContext, string, string, IAsyncEnumerable<Tally>> Under<TKey>(
            System.Linq.Expressions.Expression<Func<FollowUpTask, TKey>> key, System.Linq.Expressions.Expression<Func<IGrouping<TKey, FollowUpTask>, Tally>> row) =>
            EF.CompileAsyncQuery((BriefingsDbContext db, string path, string end) => db.FollowUpTasks.AsNoTracking()
                .Where(t => t.LeadUnitPath.StartsWith(path) && string.Compare(t.LeadUnitPath, path) >= 0 && string.Compare(t.LeadUnitPath, end) < 0)
                .GroupBy(key).Select(row));

        private static Func<BriefingsDbContext, Guid, IAsyncEnumerable<Tally>> Of<TKey>(
            System.Linq.Expressions.Expression<Func<FollowUpTask, TKey>> key, System.Linq.Expressions.Expression<Func<IGrouping<TKey, FollowUpTask>, Tally>> row) =>
            EF.CompileAsyncQuery((BriefingsDbContext db, Guid id) => db.FollowUpTasks.AsNoTracking().Where(t => t.LeadUnitId == id).GroupBy(key).Select(row));
    }

    private static Counts Sum(IEnumerable<Tally> rows)
    {
        var list = rows.ToList();
        int Of(FollowUpStatus s) => list.Where(r => r.Status == s).Sum(r => r.Count);
        int Beyond(int days) => list.Where(r => r.Age >= days).Sum(r => r.Count);
        return new Counts(Of(FollowUpStatus.DoneOnTime), Of(FollowUpStatus.DoneLate), Of(FollowUpStatus.OpenOnTime), Of(FollowUpStatus.OpenOverdue),
            Of(FollowUpStatus.NoDeadline), Beyond(30), Beyond(90), Beyond(120));
    }

    public async Task<Report?> RunAsync(UserContext user, Filter filter, CancellationToken ct = default)
    {
        var today = clock.Today();
        var day = Counting.For(today);
        // The scope and filter as a query (no database read when the filter names no unit); null when the filter names
        // a unit outside the account's scope.
        if (await TasksAsync(user, filter with { Status = null }, ct) is not { } tasks)
        {
            return null;
        }

        List<Tally> unitRows, conclusionRows;
        if (filter with { Status = null } == new Filter() && user.Scope is { All: false, SubtreePath: { } path } && !CountsIssued(user.Scope))
        {
            // The unfiltered dashboard, the one every unit opens, as compiled queries (issue 14.5, round 5): the same
            // scope (TasksAsync: lead unit under the path) and the same grouping as below.
            var end = PathQueries.Successor(path);
            unitRows = await ListAsync(day.UnitsUnder(db, path, end), ct);
            conclusionRows = await ListAsync(day.ConclusionsUnder(db, path, end), ct);
        }
        else if (filter with { Status = null } == new Filter() && user.Scope is { All: false, SubtreePath: null, SingleUnitId: { } id })
        {
            unitRows = await ListAsync(day.UnitsOf(db, id), ct);
            conclusionRows = await ListAsync(day.ConclusionsOf(db, id), ct);
        }
        else
        {
            unitRows = await day.ByUnit(tasks).ToListAsync(ct);
            conclusionRows = await day.ByConclusion(tasks).ToListAsync(ct);
        }

        var byUnit = unitRows.GroupBy(r => r.Group).ToList();
        var byConclusion = conclusionRows.GroupBy(r => (r.Group, r.Number)).ToList();

        var unitIds = byUnit.Select(u => u.Key).Append(filter.UnitId ?? Guid.Empty).Append(filter.LeadId ?? Guid.Empty).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var units = byUnit.Select(g => new Line(g.Key, names.GetValueOrDefault(g.Key, ""), Sum(g)))
            .OrderByDescending(l => l.Counts.OpenOverdue)
            // Of two units late as often, the one late the longest first: the chair reads whose is late from the top.
            .ThenByDescending(l => l.Counts.Over120).ThenByDescending(l => l.Counts.Over90).ThenByDescending(l => l.Counts.Over30)
            .ThenBy(l => l.Name, StringComparer.Create(Core.Common.VietnameseText.Culture, false)).Take(UnitLimit).ToList();
        var conclusions = byConclusion.Select(g => new Line(g.Key.Group, g.Key.Number ?? "", Sum(g)))
            .OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        var total = Sum(byUnit.SelectMany(g => g));
        // What waits for the office, in the same scope and filter: the per-unit rows carry the two flags.
        var waiting = unitRows.Where(r => r.Awaiting || r.Extension).ToList();
        return new Report(today, filter, ParsePeriod(filter.Period)?.Label, (filter.LeadId ?? filter.UnitId) is { } uid ? names.GetValueOrDefault(uid) : null,
            filter.ConclusionId is { } cid ? conclusions.FirstOrDefault(c => c.Id == cid)?.Name : null, total, units, conclusions,
            waiting.Where(w => w.Awaiting).Sum(w => w.Count), waiting.Where(w => w.Extension).Sum(w => w.Count))
        {
            WaitingForOffice = waiting.Sum(w => w.Count),
        };
    }

    /// <summary>The tasks behind a count (drill-down), scoped and filtered like the counts.</summary>
    public async Task<IReadOnlyList<BrowseTasks.Row>?> ListAsync(UserContext user, Filter filter, int limit = BrowseTasks.Limit, CancellationToken ct = default)
    {
        if (await TasksAsync(user, filter, ct) is not { } tasks)
        {
            return null;
        }

        var today = clock.Today();
        var rows = await tasks.OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.ConclusionNumber).ThenBy(t => t.ItemNumber).Take(limit)
            .Select(t => new
            {
                t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitId, t.LeadUnitPath, t.DeadlineText, t.PeriodLabel, t.DueOn, t.CompletedOn,
                t.Percent, t.State, Pending = t.PendingExtensionId != null, t.SectionOrder, t.OriginalDueOn,
            }).ToListAsync(ct);
        var unitIds = rows.Select(t => t.LeadUnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return await BrowseTasks.NameDaysOffAsync([.. rows.Select(t => new BrowseTasks.Row(t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, names.GetValueOrDefault(t.LeadUnitId, ""),
            TaskAccess.ActsFor(user, t.LeadUnitId, t.LeadUnitPath), t.DeadlineText, t.PeriodLabel, t.DueOn, t.Percent, t.State, t.Pending,
            FollowUpStatuses.Of(t.DueOn, t.CompletedOn, today), t.SectionOrder) { ExtendedFrom = t.OriginalDueOn != t.DueOn ? t.OriginalDueOn : null })], holidays, ct);
    }

    /// <summary>"2026" (a year) or "2026-Q2" (a quarter); null for anything else.</summary>
    public static (DateOnly From, DateOnly To, string Label)? ParsePeriod(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var parts = key.Trim().Split("-Q");
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"Năm {year}");
        }

        if (parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4)
        {
            var from = new DateOnly(year, (q - 1) * 3 + 1, 1);
            return (from, from.AddMonths(3).AddDays(-1), $"Quý {new[] { "I", "II", "III", "IV" }[q - 1]}/{year}");
        }

        return null;
    }

    /// <summary>The periods offered in the filter: this year and the previous one, by year and quarter.</summary>
    public static IEnumerable<(string Key, string Label)> PeriodChoices(DateOnly today)
    {
        foreach (var year in new[] { today.Year + 1, today.Year, today.Year - 1 })
        {
            yield return ($"{year}", $"Năm {year}");
            for (var q = 1; q <= 4; q++)
            {
                yield return ($"{year}-Q{q}", ParsePeriod($"{year}-Q{q}")!.Value.Label);
            }
        }
    }
}
