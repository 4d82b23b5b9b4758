using Briefings.Core.FollowUp;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.FollowUp;

/// <summary>Everything the task page shows, for an account that may see the task (otherwise only the grant).</summary>
public sealed class ReadTask(BriefingsDbContext db, TaskAccess access, Meetings.HolidayStore holidays)
{
    /// <param name="DueDayOff">What makes the due day a day off ("thứ Bảy", "Chủ nhật" or the holiday's name, from the
    /// office's holiday list), or null on a working day. The deadline stays as the conclusion wrote it; the unit sees
    /// that its last working day comes before.</param>
    public sealed record View(
        FollowUpTask Task, TaskAccess.Grant Grant, IReadOnlyDictionary<Guid, string> UnitNames, IReadOnlyList<TaskReport> Reports,
        ILookup<Guid, TaskAttachment> Attachments, IReadOnlyList<TaskExtension> Extensions, string? ProposalTitle, string? DueDayOff = null);

    /// <summary>Null when the task does not exist; a view with <c>Grant.CanView == false</c> and nothing else when refused.</summary>
    public async Task<View?> RunAsync(Guid id, UserContext? user, CancellationToken ct = default)
    {
        var task = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return null;
        }

        var grant = await access.ForAsync(task, user, ct);
        if (!grant.CanView)
        {
            return new View(task, grant, new Dictionary<Guid, string>(), [], Array.Empty<TaskAttachment>().ToLookup(a => a.ReportId), [], null);
        }

        var reports = await db.TaskReports.AsNoTracking().Where(r => r.TaskId == id).OrderBy(r => r.At).ToListAsync(ct);
        var attachments = await db.TaskAttachments.AsNoTracking().Where(a => a.TaskId == id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        var extensions = await db.TaskExtensions.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.RequestedAt).ToListAsync(ct);
        var unitIds = task.Coordinators.Select(c => c.UnitId).Append(task.LeadUnitId).Append(task.IssuerUnitId).Concat(reports.Select(r => r.UnitId)).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var proposal = task.AnswersProposalId is { } pid
            ? await db.Proposals.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Title).FirstOrDefaultAsync(ct)
            : null;
        return new View(task, grant, names, reports, attachments.ToLookup(a => a.ReportId), extensions, proposal, await DayOffAsync(task.DueOn, ct));
    }

    private async Task<string?> DayOffAsync(DateOnly? due, CancellationToken ct) =>
        due is { } day ? (await holidays.DaysOffAsync([day], ct)).GetValueOrDefault(day) : null;
}
