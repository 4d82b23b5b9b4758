using Briefings.Core.FollowUp;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// Who may see and act on a task:
/// <list type="bullet">
/// <item>the lead unit reports, asks to close and asks for an extension: its unit staff (and staff of a unit above
/// it granted its subunits), or a clerk whose own unit is the lead unit;</item>
/// <item>a coordinating unit, likewise, sees the task and adds its input;</item>
/// <item>the office of the issuing body (clerks and admins whose scope covers it) reviews: confirms or returns
/// completion, approves or refuses extensions;</item>
/// <item>leaders and clerks whose area covers the issuer or the lead unit read;</item>
/// <item>the unit that sent the proposal the directive answers reads (the proposals loop);</item>
/// <item>nobody else: 403, no data — another commune never sees the task, its reports or its files.</item>
/// </list>
/// </summary>
public sealed class TaskAccess(BriefingsDbContext db)
{
    public sealed record Grant(bool CanView, bool ActsForLead, IReadOnlyList<Guid> CoordinatorUnitIds, bool CanReview)
    {
        public bool ActsForCoordinator => CoordinatorUnitIds.Count > 0;
    }

    public static Grant None { get; } = new(false, false, [], false);

    public async Task<Grant> ForAsync(FollowUpTask task, UserContext? user, CancellationToken ct = default)
    {
        if (user is null)
        {
            return None;
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == task.IssuerUnitId, ct);
        var review = user.Scope.CanEditUnits && user.Scope.Covers(issuer.Id, issuer.Path) && !user.Scope.OverseesOnly(issuer);
        var lead = ActsFor(user, task.LeadUnitId, task.LeadUnitPath);
        var coordinating = task.Coordinators.Where(c => ActsFor(user, c.UnitId, c.UnitPath)).Select(c => c.UnitId).ToList();
        var oversees = (user.IsInRole(Roles.Leader) || user.Scope.CanEditUnits)
                       && (user.Scope.Covers(issuer.Id, issuer.Path) || user.Scope.Covers(task.LeadUnitId, task.LeadUnitPath));
        var view = lead || coordinating.Count > 0 || review || oversees || await ProposedAsync(task, user, ct);
        return view ? new Grant(true, lead, coordinating, review) : None;
    }

    private async Task<bool> ProposedAsync(FollowUpTask task, UserContext user, CancellationToken ct)
    {
        if (task.AnswersProposalId is not { } proposalId)
        {
            return false;
        }

        var proposer = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId)
            .Join(db.Units.AsNoTracking(), p => p.UnitId, u => u.Id, (p, u) => new { u.Id, u.Path }).FirstOrDefaultAsync(ct);
        return proposer is not null && ActsFor(user, proposer.Id, proposer.Path);
    }

    /// <summary>Whether the account acts for a unit. Overseers (admins, clerks, leaders) act only for their own unit,
    /// not for every unit of the area they watch; unit staff act for the units of their scope.</summary>
    public static bool ActsFor(UserContext user, Guid unitId, string unitPath)
    {
        if (user.IsInRole(Roles.Leader) || (user.IsInRole(Roles.Technician) && !user.IsInRole(Roles.UnitStaff)))
        {
            return false;
        }

        if (user.Scope.All || user.IsInRole(Roles.Clerk))
        {
            return user.Unit.Id == unitId;
        }

        return user.IsInRole(Roles.UnitStaff) && user.Scope.Covers(unitId, unitPath);
    }

    /// <summary>What the tasks an account acts on are keyed by: one unit (<paramref name="UnitId"/>), the units under a
    /// path (<paramref name="Path"/>), or none (both null). The same rule as <see cref="ActsFor"/>; <see cref="ActingOn"/>
    /// and the inbox's compiled queries (<see cref="BrowseTasks"/>) both read it.</summary>
    public readonly record struct Acting(Guid? UnitId, string? Path);

    public static Acting ActingKey(UserContext user)
    {
        if (user.IsInRole(Roles.Leader) || (user.IsInRole(Roles.Technician) && !user.IsInRole(Roles.UnitStaff)))
        {
            return default;
        }

        if (user.Scope.All || user.IsInRole(Roles.Clerk))
        {
            return new Acting(user.Unit.Id, null);
        }

        if (!user.IsInRole(Roles.UnitStaff))
        {
            return default;
        }

        return user.Scope switch
        {
            { SubtreePath: { } path } => new Acting(null, path),
            { SingleUnitId: { } id } => new Acting(id, null),
            _ => default,
        };
    }

    /// <summary>The tasks an account acts on (as lead or coordinating unit), in SQL: the same rule as <see cref="ActsFor"/>.</summary>
    public static IQueryable<FollowUpTask> ActingOn(IQueryable<FollowUpTask> tasks, UserContext user) => ActingKey(user) switch
    {
        { UnitId: { } id } => Ids(tasks, tasks.Where(t => t.LeadUnitId == id).Select(t => t.Id)
            .Concat(tasks.SelectMany(t => t.Coordinators).Where(c => c.UnitId == id).Select(c => EF.Property<Guid>(c, "TaskId")))),
        { Path: { } path } => Ids(tasks, tasks.LeadUnder(path).Select(t => t.Id)
            .Concat(tasks.SelectMany(t => t.Coordinators).Under(path).Select(c => EF.Property<Guid>(c, "TaskId")))),
        _ => tasks.Where(_ => false),
    };

    // "Lead OR coordinator" as one WHERE with an EXISTS made both databases scan every task (1.5 s over a million on
    // PostgreSQL): the ids of the two index look-ups, concatenated, keep it to the unit's own rows.
    private static IQueryable<FollowUpTask> Ids(IQueryable<FollowUpTask> tasks, IQueryable<Guid> ids) => tasks.Where(t => ids.Contains(t.Id));
}

/// <summary>Loads a task for a change: tracked, with the caller's grant, refusing a missing task (404), an account
/// without access (403) and a page older than the task (409, someone else changed it meanwhile).</summary>
public sealed class TaskLoader(BriefingsDbContext db, TaskAccess access)
{
    /// <param name="may">What the action needs of the grant beyond reading the task (reviewing, acting for the lead
    /// unit); an account without it is refused after the version check.</param>
    public async Task<Core.Common.Result<(FollowUpTask Task, TaskAccess.Grant Grant)>> LoadAsync(Guid taskId, int? version, UserContext user, CancellationToken ct,
        Func<TaskAccess.Grant, bool>? may = null)
    {
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return Core.Common.Error.NotFound;
        }

        var grant = await access.ForAsync(task, user, ct);
        if (!grant.CanView)
        {
            return Core.Common.Error.Forbidden;
        }

        if (version is { } v && v != task.Version)
        {
            return Core.Common.Error.Conflict;
        }

        if (may is not null && !may(grant))
        {
            return Core.Common.Error.Forbidden;
        }

        return Core.Common.Result<(FollowUpTask, TaskAccess.Grant)>.Ok((task, grant));
    }

    public void Add(TaskReport report) => db.TaskReports.Add(report);

    public void Add(TaskExtension extension) => db.TaskExtensions.Add(extension);

    /// <summary>Tells a unit about a change of its task.</summary>
    public void Notify(Guid unitId, FollowUpTask task, string text, DateTimeOffset at) =>
        db.Notifications.Add(new Notification { UnitId = unitId, Link = $"/tasks/{task.Id}", Text = text, CreatedAt = at });

    /// <summary>Tells the unit that sent the proposal a task answers that the answer is confirmed (the loop closes).</summary>
    public async Task NotifyProposerAsync(FollowUpTask task, DateTimeOffset at, CancellationToken ct)
    {
        if (task.AnswersProposalId is not { } id
            || await db.Proposals.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.UnitId, p.MeetingId, p.Title }).FirstOrDefaultAsync(ct) is not { } proposal)
        {
            return;
        }

        db.Notifications.Add(new Notification
        {
            UnitId = proposal.UnitId,
            Link = $"/meetings/{proposal.MeetingId}",
            Text = $"Kiến nghị \"{proposal.Title}\" đã được trả lời ({FollowUpText.Directive(task.ConclusionNumber, task.SectionOrder, task.ItemNumber)}).",
            CreatedAt = at,
        });
    }

    /// <summary>When the unit already sent this same input on the task (not withdrawn): a resend, not a new note.</summary>
    public async Task<DateTimeOffset?> SameInputSentAtAsync(FollowUpTask task, Guid unitId, string text, CancellationToken ct)
    {
        var trimmed = text.Trim();
        var sent = await db.TaskReports.AsNoTracking()
            .Where(r => r.TaskId == task.Id && r.UnitId == unitId && r.Kind == TaskReportKind.CoordinatorInput && r.State != TaskReportState.Withdrawn)
            .Select(r => new { r.Text, r.At }).ToListAsync(ct);
        return sent.Where(r => r.Text.Trim() == trimmed).Select(r => (DateTimeOffset?)r.At).Max();
    }

    public async Task<TaskReport?> ReportAsync(FollowUpTask task, Guid reportId, CancellationToken ct) =>
        await db.TaskReports.FirstOrDefaultAsync(r => r.Id == reportId && r.TaskId == task.Id, ct);

    public async Task<TaskExtension?> ExtensionAsync(FollowUpTask task, Guid extensionId, CancellationToken ct) =>
        await db.TaskExtensions.FirstOrDefaultAsync(e => e.Id == extensionId && e.TaskId == task.Id, ct);

    /// <summary>Saves, turning a concurrent change of the same task into <see cref="Core.Common.Error.Conflict"/>.</summary>
    public async Task<IReadOnlyList<Core.Common.Error>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            return [Core.Common.Error.Conflict];
        }
    }
}
