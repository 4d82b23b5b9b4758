using Briefings.Core.FollowUp;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.FollowUp;

/// <summary>Fills the meeting page's slot for answers: each directive answering a proposal, its task's status and
/// progress, and — once the office has confirmed it — the written reply. The meeting page shows a proposal only
/// to its unit and the managers, so the answers go to the same people.</summary>
public sealed class AnswersToProposals(BriefingsDbContext db, TimeProvider clock) : IProposalAnswers
{
    public async Task<IReadOnlyList<ProposalAnswer>> ForAsync(IReadOnlyList<Guid> proposalIds, CancellationToken ct)
    {
        if (proposalIds.Count == 0)
        {
            return [];
        }

        var ids = proposalIds.Select(id => (Guid?)id).ToList();
        var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => ids.Contains(t.AnswersProposalId))
            .OrderBy(t => t.CreatedAt).ToListAsync(ct);
        if (tasks.Count == 0)
        {
            return [];
        }

        var taskIds = tasks.Select(t => t.Id).ToList();
        var replies = await db.TaskReports.AsNoTracking()
            .Where(r => taskIds.Contains(r.TaskId) && r.Kind == TaskReportKind.CompletionRequest && r.Review == ReviewOutcome.Confirmed)
            .ToDictionaryAsync(r => r.TaskId, r => r.ReplyText, ct);
        var unitIds = tasks.Select(t => t.LeadUnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var today = clock.Today();
        return tasks.Select(t => new ProposalAnswer(
            t.AnswersProposalId!.Value,
            $"{FollowUpText.Directive(t.ConclusionNumber, t.SectionOrder, t.ItemNumber)}: giao {names.GetValueOrDefault(t.LeadUnitId)} chủ trì{(t.DeadlineText.Length > 0 ? $", thời hạn {t.DeadlineText}" : "")}.",
            $"{t.StatusOn(today).Label()} — {t.Percent} %",
            replies.GetValueOrDefault(t.Id),
            $"/tasks/{t.Id}")).ToList();
    }
}
