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
public sealed class BrowseTasks(BriefingsDbContext db, TimeProvider clock)
{
    public const int Limit = 300;

    public sealed record Row(Guid Id, Guid ConclusionId, string ConclusionNumber, int ItemNumber, string ItemText, string LeadUnitName, bool IsLead,
        string DeadlineText, string? PeriodLabel, DateOnly? DueOn, int Percent, TaskState State, bool ExtensionPending, FollowUpStatus Status, int SectionOrder = 0)
    {
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
        return tasks.Select(t => new Row(t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitName ?? "",
            TaskAccess.ActsFor(user, t.LeadUnitId, t.LeadUnitPath), t.DeadlineText, t.PeriodLabel, t.DueOn, t.Percent, t.State, t.Pending, FollowUpStatuses.Of(t.DueOn, t.CompletedOn, today), t.SectionOrder)).ToList();
    }
}
