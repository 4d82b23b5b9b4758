using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// Diacritics-insensitive search ("ra soat ho ngheo" finds "Rà soát hộ nghèo") over issued conclusions (summary and
/// items), tasks and reports, showing only what the account may open:
/// <list type="bullet">
/// <item>tasks: those it acts on (lead or coordinating unit, <see cref="TaskAccess.ActingOn"/>) and, for leaders,
/// clerks and admins, those whose lead unit or issuing body lies in their scope — the rule of <see cref="TaskAccess"/>;</item>
/// <item>reports: the reports of those tasks;</item>
/// <item>conclusions: issued ones it received (a recipient unit in its scope) or, for leaders, clerks and admins,
/// issued by a body in its scope — the rule of the conclusion page.</item>
/// </list>
/// Tasks and reports match on their folded <c>SearchText</c> column in SQL (all words, LIKE; trigram index on
/// PostgreSQL). Conclusions are few: the latest <see cref="ConclusionCandidates"/> visible ones are folded in memory.
/// </summary>
public sealed class FollowUpSearch(BriefingsDbContext db, TimeProvider clock)
{
    public const int Limit = 50;
    public const int ConclusionCandidates = 2000;

    public sealed record ConclusionHit(Guid Id, string Number, string Summary, DateOnly? IssuedOn, IReadOnlyList<(int Number, string Text)> Items);

    public sealed record ReportHit(Guid TaskId, Guid ReportId, string ConclusionNumber, int ItemNumber, string Text, DateTimeOffset At, int SectionOrder = 0);

    public sealed record Results(IReadOnlyList<ConclusionHit> Conclusions, IReadOnlyList<BrowseTasks.Row> Tasks, IReadOnlyList<ReportHit> Reports)
    {
        public int Count => Conclusions.Count + Tasks.Count + Reports.Count;
    }

    public async Task<Results> RunAsync(UserContext user, string? query, CancellationToken ct = default)
    {
        var tokens = TextFolding.QueryTokens(query);
        if (tokens.Count == 0)
        {
            return new Results([], [], []);
        }

        var visible = Visible(user);
        var tasks = visible;
        var reports = db.TaskReports.AsNoTracking().Where(r => visible.Any(t => t.Id == r.TaskId));
        foreach (var token in tokens)
        {
            var pattern = "%" + token.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            tasks = tasks.Where(t => EF.Functions.Like(EF.Property<string>(t, "SearchText"), pattern, "\\"));
            reports = reports.Where(r => EF.Functions.Like(EF.Property<string>(r, "SearchText"), pattern, "\\"));
        }

        var today = clock.Today();
        var taskRows = await tasks.OrderBy(t => t.CompletedOn != null).ThenBy(t => t.DueOn).Take(Limit).Select(t => new
        {
            t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, t.LeadUnitId, t.LeadUnitPath, t.DeadlineText, t.PeriodLabel, t.DueOn, t.CompletedOn,
            t.Percent, t.State, Pending = t.PendingExtensionId != null, t.SectionOrder,
        }).ToListAsync(ct);
        var unitIds = taskRows.Select(t => t.LeadUnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var taskHits = taskRows.Select(t => new BrowseTasks.Row(t.Id, t.ConclusionId, t.ConclusionNumber, t.ItemNumber, t.ItemText, names.GetValueOrDefault(t.LeadUnitId, ""),
            TaskAccess.ActsFor(user, t.LeadUnitId, t.LeadUnitPath), t.DeadlineText, t.PeriodLabel, t.DueOn, t.Percent, t.State, t.Pending, FollowUpStatuses.Of(t.DueOn, t.CompletedOn, today), t.SectionOrder)).ToList();

        var reportHits = await reports.OrderByDescending(r => r.At).Take(Limit)
            .Join(db.FollowUpTasks.AsNoTracking(), r => r.TaskId, t => t.Id, (r, t) => new ReportHit(t.Id, r.Id, t.ConclusionNumber, t.ItemNumber, r.Text, r.At, t.SectionOrder))
            .ToListAsync(ct);

        return new Results(await ConclusionsAsync(user, tokens, ct), taskHits, reportHits);
    }

    /// <summary>The tasks an account may open, in SQL (see <see cref="TaskAccess"/>; the proposer's read access to the
    /// answering task is left to the proposals page).</summary>
    public IQueryable<FollowUpTask> Visible(UserContext user)
    {
        var tasks = db.FollowUpTasks.AsNoTracking();
        var acting = TaskAccess.ActingOn(tasks, user).Select(t => t.Id);
        if (!(user.IsInRole(Roles.Leader) || user.Scope.CanEditUnits))
        {
            return tasks.Where(t => acting.Contains(t.Id));
        }

        if (user.Scope.All)
        {
            return tasks;
        }

        if (user.Scope.SubtreePath is { } path)
        {
            var issuers = db.Units.AsNoTracking().Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
            return tasks.Where(t => t.LeadUnitPath.StartsWith(path) || issuers.Contains(t.IssuerUnitId) || acting.Contains(t.Id));
        }

        if (user.Scope.SingleUnitId is { } id)
        {
            return tasks.Where(t => t.LeadUnitId == id || t.IssuerUnitId == id || acting.Contains(t.Id));
        }

        return tasks.Where(t => acting.Contains(t.Id));
    }

    private async Task<IReadOnlyList<ConclusionHit>> ConclusionsAsync(UserContext user, IReadOnlyList<string> tokens, CancellationToken ct)
    {
        var scoped = db.Units.AsNoTracking().Within(user.Scope).Select(u => (Guid?)u.Id);
        var conclusions = db.Conclusions.AsNoTracking().Where(c => c.Status == ConclusionStatus.Issued);
        if (!user.Scope.All)
        {
            var overseer = user.IsInRole(Roles.Leader) || user.Scope.CanEditUnits;
            conclusions = overseer
                ? conclusions.Where(c => scoped.Contains(c.IssuerUnitId) || c.Recipients.Any(r => scoped.Contains(r.UnitId)))
                : conclusions.Where(c => c.Recipients.Any(r => scoped.Contains(r.UnitId)));
        }

        var candidates = await conclusions.OrderByDescending(c => c.IssuedOn).Take(ConclusionCandidates).Select(c => new
        {
            c.Id, c.Summary, c.Sequence, c.TypeCode, c.IssuerSymbol, c.NumberStyle, c.IssuedOn,
            Items = c.Items.Select(i => new { i.Number, i.Text }).ToList(),
        }).ToListAsync(ct);

        bool Matches(string text)
        {
            var folded = TextFolding.Fold(text);
            return tokens.All(t => folded.Contains(t, StringComparison.Ordinal));
        }

        var hits = new List<ConclusionHit>();
        foreach (var c in candidates)
        {
            var number = DocumentNumber.Of(c.Sequence, c.TypeCode, c.IssuerSymbol, c.NumberStyle)?.ToString() ?? "";
            var items = c.Items.Where(i => Matches(i.Text)).Select(i => (i.Number, i.Text)).ToList();
            if (items.Count > 0 || Matches($"{number} {c.Summary}"))
            {
                hits.Add(new ConclusionHit(c.Id, number, c.Summary, c.IssuedOn, items));
                if (hits.Count >= Limit)
                {
                    break;
                }
            }
        }

        return hits;
    }
}
