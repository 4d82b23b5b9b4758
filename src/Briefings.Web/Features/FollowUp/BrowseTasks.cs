using Briefings.Core.FollowUp;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// The inbox of tasks ("Nhiệm vụ được giao"): the open tasks of the units the account acts for, as lead or
/// coordinating unit, by due day (undated ones last); and, for the office, the tasks of conclusions its bodies
/// issued that wait for it (a completion request or an extension request).
/// </summary>
public sealed class BrowseTasks(BriefingsDbContext db, TimeProvider clock, Meetings.HolidayStore holidays)
{
    public const int Limit = 300;

    public sealed record Row(Guid Id, Guid ConclusionId, string ConclusionNumber, int ItemNumber, string ItemText, string LeadUnitName, bool IsLead,
        string DeadlineText, string? PeriodLabel, DateOnly? DueOn, int Percent, TaskState State, bool ExtensionPending, FollowUpStatus Status, int SectionOrder = 0)
    {
        /// <summary>The due day the conclusion set, when an extension moved it (the row then says so: next to the
        /// deadline's words "trước 2/11/2026" a later due day read as a mistake).</summary>
        public DateOnly? ExtendedFrom { get; init; }

        /// <summary>The office returned the unit's completion request and the task is open again (the task page's red
        /// box, walk-clerk): the lead unit's row says so.</summary>
        public bool CompletionReturned { get; init; }

        /// <summary>The office refused the last extension asked and none is pending.</summary>
        public bool ExtensionRefused { get; init; }

        /// <summary>What makes the due day a day off ("Chủ nhật", a holiday's name), null on a working day or when not looked up.</summary>
        public string? DueDayOff { get; init; }

        /// <summary>The due day as the exports write it, with the day off named ("31/01/2027 (Chủ nhật, ngày nghỉ)"),
        /// or the period or the deadline's words when there is no single due day.</summary>
        public string DueText => DueOn is { } d
            ? FollowUpText.Date(d) + (DueDayOff is { } off ? $" ({Meetings.HolidayStore.DayOffText(off)})" : "")
            : PeriodLabel ?? DeadlineText;

        /// <summary>The item with its section, as the conclusion numbers it: "II.4" (item 4 of section II); the bare
        /// number when the section is not known.</summary>
        public string Item => FollowUpText.Item(SectionOrder, ItemNumber);
    }

    // The open inbox, the page every unit opens first, as compiled queries: one per shape of TaskAccess.ActingKey (a
    // unit, the units under a path). Built from LINQ on every request, its expression tree and EF's walk over it to find
    // the parameters were a quarter of what the inbox allocated (issue 14.5, docs/benchmarks.md "Signed-in pages,
    // round 5"). The same SQL as ActingOn + the ordering + RowsAsync's projection below; TaskAccess's tests and
    // BrowseTasksTests (the compiled inbox equals the LINQ one) keep them together.
    private static readonly Func<BriefingsDbContext, Guid, IAsyncEnumerable<Raw>> OpenOfUnit = EF.CompileAsyncQuery(
        (BriefingsDbContext db, Guid id) => db.FollowUpTasks.AsNoTracking()
            .Where(t => db.FollowUpTasks.AsNoTracking().Where(x => x.LeadUnitId == id).Select(x => x.Id)
                .Concat(db.FollowUpTasks.AsNoTracking().SelectMany(x => x.Coordinators).Where(c => c.UnitId == id).Select(c => EF.Property<Guid>(c, "TaskId")))
                .Contains(t.Id))
            .Where(t => t.CompletedOn == null)
            .OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.ConclusionNumber).ThenBy(t => t.ItemNumber)
            .Take(Limit)
            .Select(t => new Raw(t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitId, t.LeadUnitPath, t.DeadlineText, t.PeriodLabel,
                t.DueOn, t.CompletedOn, t.Percent, t.State, t.PendingExtensionId != null, t.SectionOrder, t.OriginalDueOn,
                db.Units.Where(u => u.Id == t.LeadUnitId).Select(u => u.Name).FirstOrDefault(),
                t.State == TaskState.Open && db.TaskReports.Any(r => r.TaskId == t.Id && r.Kind == TaskReportKind.CompletionRequest && r.Review == ReviewOutcome.Returned),
                t.PendingExtensionId == null && db.TaskExtensions.Where(e => e.TaskId == t.Id).OrderByDescending(e => e.RequestedAt).Select(e => e.State).FirstOrDefault() == ExtensionState.Refused)));

    // Under a path: PathQueries.LeadUnder / Under written out (a compiled query cannot call them), end = PathQueries.Successor(path).
    private static readonly Func<BriefingsDbContext, string, string, IAsyncEnumerable<Raw>> OpenUnderPath = EF.CompileAsyncQuery(
        (BriefingsDbContext db, string path, string end) => db.FollowUpTasks.AsNoTracking()
            .Where(t => db.FollowUpTasks.AsNoTracking()
                .Where(x => x.LeadUnitPath.StartsWith(path) && string.Compare(x.LeadUnitPath, path) >= 0 && string.Compare(x.LeadUnitPath, end) < 0).Select(x => x.Id)
                .Concat(db.FollowUpTasks.AsNoTracking().SelectMany(x => x.Coordinators)
                    .Where(c => c.UnitPath.StartsWith(path) && string.Compare(c.UnitPath, path) >= 0 && string.Compare(c.UnitPath, end) < 0)
                    .Select(c => EF.Property<Guid>(c, "TaskId")))
                .Contains(t.Id))
            .Where(t => t.CompletedOn == null)
            .OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.ConclusionNumber).ThenBy(t => t.ItemNumber)
            .Take(Limit)
            .Select(t => new Raw(t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitId, t.LeadUnitPath, t.DeadlineText, t.PeriodLabel,
                t.DueOn, t.CompletedOn, t.Percent, t.State, t.PendingExtensionId != null, t.SectionOrder, t.OriginalDueOn,
                db.Units.Where(u => u.Id == t.LeadUnitId).Select(u => u.Name).FirstOrDefault(),
                t.State == TaskState.Open && db.TaskReports.Any(r => r.TaskId == t.Id && r.Kind == TaskReportKind.CompletionRequest && r.Review == ReviewOutcome.Returned),
                t.PendingExtensionId == null && db.TaskExtensions.Where(e => e.TaskId == t.Id).OrderByDescending(e => e.RequestedAt).Select(e => e.State).FirstOrDefault() == ExtensionState.Refused)));

    public async Task<IReadOnlyList<Row>> MineAsync(UserContext user, bool done, CancellationToken ct = default)
    {
        var acting = TaskAccess.ActingKey(user);
        if (!done && (acting.UnitId is not null || acting.Path is not null))
        {
            var rows = acting.UnitId is { } id ? OpenOfUnit(db, id) : OpenUnderPath(db, acting.Path!, PathQueries.Successor(acting.Path!));
            var list = new List<Raw>();
            await foreach (var r in rows.WithCancellation(ct))
            {
                list.Add(r);
            }

            return await RowsAsync(list, user, ct);
        }

        return await MineByLinqAsync(user, done, ct);
    }

    /// <summary>The same rows built with LINQ on every call (the finished tasks; and for BrowseTasksTests, the
    /// reference the compiled open inbox is compared with).</summary>
    internal async Task<IReadOnlyList<Row>> MineByLinqAsync(UserContext user, bool done, CancellationToken ct = default)
    {
        var query = TaskAccess.ActingOn(db.FollowUpTasks.AsNoTracking(), user);
        query = done ? query.Where(t => t.CompletedOn != null) : query.Where(t => t.CompletedOn == null);
        query = done
            ? query.OrderByDescending(t => t.CompletedOn)
            : query.OrderBy(t => t.DueOn == null).ThenBy(t => t.DueOn).ThenBy(t => t.ConclusionNumber).ThenBy(t => t.ItemNumber);
        return await RowsAsync(query, user, ct);
    }

    /// <summary>Tasks waiting for the office: only for accounts that review (clerks and admins covering the issuer).</summary>
    public async Task<IReadOnlyList<Row>> WaitingForOfficeAsync(UserContext user, CancellationToken ct = default)
    {
        if (!user.Scope.CanEditUnits)
        {
            return [];
        }

        var issuers = db.Units.AsNoTracking().Within(user.Scope).Select(u => u.Id);
        var query = db.FollowUpTasks.AsNoTracking()
            .Where(t => issuers.Contains(t.IssuerUnitId) && (t.State == TaskState.AwaitingConfirmation || t.PendingExtensionId != null))
            .OrderBy(t => t.LastReportedAt);
        return await RowsAsync(query, user, ct);
    }

    /// <summary>A task as the lists read it, with its lead unit's name.</summary>
    private sealed record Raw(Guid Id, Guid ConclusionId, string ConclusionNumber, int ItemNumber, string ItemText, Guid LeadUnitId, string LeadUnitPath,
        string DeadlineText, string? PeriodLabel, DateOnly? DueOn, DateOnly? CompletedOn, int Percent, TaskState State, bool Pending, int SectionOrder,
        DateOnly? OriginalDueOn, string? LeadUnitName, bool CompletionReturned, bool ExtensionRefused);

    private async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<FollowUpTask> query, UserContext user, CancellationToken ct)
    {
        var tasks = await query.Take(Limit).Select(t => new Raw(t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitId, t.LeadUnitPath,
            t.DeadlineText, t.PeriodLabel, t.DueOn, t.CompletedOn, t.Percent, t.State, t.PendingExtensionId != null, t.SectionOrder, t.OriginalDueOn,
            // The lead unit's name in the same query (a second query with the ids as a list parameter missed EF's
            // command cache on every request: issue 14.5, docs/benchmarks.md).
            db.Units.Where(u => u.Id == t.LeadUnitId).Select(u => u.Name).FirstOrDefault(),
            t.State == TaskState.Open && db.TaskReports.Any(r => r.TaskId == t.Id && r.Kind == TaskReportKind.CompletionRequest && r.Review == ReviewOutcome.Returned),
            t.PendingExtensionId == null && db.TaskExtensions.Where(e => e.TaskId == t.Id).OrderByDescending(e => e.RequestedAt).Select(e => e.State).FirstOrDefault() == ExtensionState.Refused)).ToListAsync(ct);
        return await RowsAsync(tasks, user, ct);
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(List<Raw> tasks, UserContext user, CancellationToken ct)
    {
        var today = clock.Today();
        return await NameDaysOffAsync([.. tasks.Select(t => new Row(t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitName ?? "",
            TaskAccess.ActsFor(user, t.LeadUnitId, t.LeadUnitPath), t.DeadlineText, t.PeriodLabel, t.DueOn, t.Percent, t.State, t.Pending, FollowUpStatuses.Of(t.DueOn, t.CompletedOn, today), t.SectionOrder)
            {
                ExtendedFrom = t.OriginalDueOn != t.DueOn ? t.OriginalDueOn : null,
                CompletionReturned = t.CompletionReturned,
                ExtensionRefused = t.ExtensionRefused,
            })], holidays, ct);
    }

    /// <summary>The rows with the day off named on each open task whose due day is a weekend day or on the office's
    /// holiday list (the deadline stays as the conclusion wrote it; the unit sees its last working day comes before).</summary>
    public static async Task<IReadOnlyList<Row>> NameDaysOffAsync(IReadOnlyList<Row> rows, Meetings.HolidayStore holidays, CancellationToken ct)
    {
        var off = await holidays.DaysOffAsync(rows.Where(r => r.State != TaskState.Done && r.DueOn is not null).Select(r => r.DueOn!.Value), ct);
        return off.Count == 0 ? rows
            : [.. rows.Select(r => r.State != TaskState.Done && r.DueOn is { } due && off.TryGetValue(due, out var name) ? r with { DueDayOff = name } : r)];
    }
}
