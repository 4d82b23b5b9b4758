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

    public async Task<IReadOnlyList<Row>> MineAsync(UserContext user, bool done, CancellationToken ct = default)
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

    private async Task<IReadOnlyList<Row>> RowsAsync(IQueryable<FollowUpTask> query, UserContext user, CancellationToken ct)
    {
        var today = clock.Today();
        var tasks = await query.Take(Limit).Select(t => new
        {
            t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitId, t.LeadUnitPath, t.DeadlineText, t.PeriodLabel, t.DueOn, t.CompletedOn,
            t.Percent, t.State, Pending = t.PendingExtensionId != null, t.SectionOrder,
            // The lead unit's name in the same query (a second query with the ids as a list parameter missed EF's
            // command cache on every request: issue 14.5, docs/benchmarks.md).
            LeadUnitName = db.Units.Where(u => u.Id == t.LeadUnitId).Select(u => u.Name).FirstOrDefault(),
        }).ToListAsync(ct);
        return await NameDaysOffAsync([.. tasks.Select(t => new Row(t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitName ?? "",
            TaskAccess.ActsFor(user, t.LeadUnitId, t.LeadUnitPath), t.DeadlineText, t.PeriodLabel, t.DueOn, t.Percent, t.State, t.Pending, FollowUpStatuses.Of(t.DueOn, t.CompletedOn, today), t.SectionOrder))],
            holidays, ct);
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
