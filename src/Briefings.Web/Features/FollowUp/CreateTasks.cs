using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Data;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// Turns the directives of a conclusion being issued into tasks (see <see cref="FollowUpPlan"/>), in the issue's
/// transaction, and tells each lead and coordinating unit once. Also opens the tasks of periods that have begun
/// since (<see cref="OpenNewPeriodsAsync"/>, run daily by <see cref="FollowUpPeriodJob"/>).
/// </summary>
public sealed class CreateTasks(BriefingsDbContext db, TimeProvider clock, IOptions<FollowUpOptions> options) : IConclusionIssuedHandler
{
    public async Task OnIssuedAsync(Conclusion conclusion, DateTimeOffset at, CancellationToken ct)
    {
        var tasks = await PlanAsync(conclusion, existing: [], at, ct);
        db.FollowUpTasks.AddRange(tasks);
        await NotifyAsync(conclusion, tasks, at, ct);
    }

    /// <summary>Creates the missing tasks of recurring directives up to today's period. Safe to run on several
    /// instances at once: the unique key (conclusion, directive, period) lets only one insert win.</summary>
    public async Task<int> OpenNewPeriodsAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var conclusionIds = await db.FollowUpTasks.AsNoTracking().Where(t => t.PeriodKey != "").Select(t => t.ConclusionId).Distinct().ToListAsync(ct);
        var created = 0;
        foreach (var id in conclusionIds)
        {
            db.ChangeTracker.Clear();
            var conclusion = await db.Conclusions.AsNoTracking().AsSplitQuery().FirstAsync(c => c.Id == id, ct);
            var existing = await db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == id)
                .Select(t => new { t.DirectiveOrder, t.PeriodKey, t.LeadUnitId }).ToListAsync(ct);
            var tasks = await PlanAsync(conclusion, existing.Select(e => (e.DirectiveOrder, e.PeriodKey, e.LeadUnitId)).ToHashSet(), clock.GetUtcNow(), ct);
            if (tasks.Count == 0 || today < (conclusion.FollowUpFrom ?? conclusion.IssuedOn ?? today))
            {
                continue;
            }

            db.FollowUpTasks.AddRange(tasks);
            await NotifyAsync(conclusion, tasks, clock.GetUtcNow(), ct);
            try
            {
                await db.SaveChangesAsync(ct);
                created += tasks.Count;
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // Another instance opened the same periods first.
            }
        }

        db.ChangeTracker.Clear();
        return created;
    }

    private async Task<List<FollowUpTask>> PlanAsync(Conclusion conclusion, HashSet<(int, string, Guid)> existing, DateTimeOffset at, CancellationToken ct)
    {
        // A brought-in document is followed from the day the clerk chose, never back-filled since its old date.
        var issuedOn = conclusion.FollowUpFrom ?? conclusion.IssuedOn ?? FollowUpStatuses.LocalDate(at);
        // A collective directive ("UBND các xã") gives each unit of its group a task of its own.
        var followed = await FollowedBeforeAsync(conclusion, ct);
        var slots = FollowUpPlan.Due(conclusion.Directives, issuedOn, clock.Today(), options.Value.OngoingCadence)
            .SelectMany(s => s.Directive.IsCollective ? s.Directive.GroupUnitIds.Select(u => s with { Directive = ForUnit(s.Directive, u) }) : [s])
            .Where(s => !existing.Contains((s.DirectiveOrder, s.PeriodKey, s.Directive.LeadUnitId)))
            .Where(s => !followed.Contains((s.Directive.SectionOrder, s.Directive.ItemNumber, s.Directive.LeadUnitId))).ToList();
        if (slots.Count == 0)
        {
            return [];
        }

        var unitIds = conclusion.Directives.SelectMany(d => d.CoordinatingUnitIds.Concat(d.LeadUnitIds)).Distinct().ToList();
        var paths = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var number = conclusion.Number?.ToString() ?? conclusion.TypeCode;
        return slots.Select(s =>
        {
            var item = conclusion.Items.First(i => i.SectionOrder == s.Directive.SectionOrder && i.Number == s.Directive.ItemNumber);
            var coordinators = s.Directive.CoordinatingUnitIds.Where(paths.ContainsKey)
                .Select(id => new TaskCoordinator { UnitId = id, UnitPath = paths[id] });
            return FollowUpTask.Create(conclusion.Id, conclusion.IssuerUnitId, number, s.DirectiveOrder, s.Directive, item.Text,
                paths[s.Directive.LeadUnitId], coordinators, s.Period, s.DueOn, at);
        }).ToList();
    }

    /// <summary>The directives (section, item, lead unit) already followed as tasks of the documents a correction
    /// ("đính chính") corrects, directly or through earlier corrections. A correction re-issues its document: the units
    /// keep reporting on the tasks they have (their reports, files and extensions stay there); only what the correction
    /// adds, or gives to another unit, becomes a task of its own — never a second copy of the same task.</summary>
    private async Task<HashSet<(int Section, int Item, Guid Lead)>> FollowedBeforeAsync(Conclusion conclusion, CancellationToken ct)
    {
        var corrected = new List<Guid>();
        for (var id = conclusion.CorrectsConclusionId; id is { } next && !corrected.Contains(next) && next != conclusion.Id;)
        {
            corrected.Add(next);
            id = await db.Conclusions.AsNoTracking().Where(c => c.Id == next).Select(c => c.CorrectsConclusionId).FirstOrDefaultAsync(ct);
        }

        if (corrected.Count == 0)
        {
            return [];
        }

        var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => corrected.Contains(t.ConclusionId))
            .Select(t => new { t.SectionOrder, t.ItemNumber, t.LeadUnitId }).Distinct().ToListAsync(ct);
        return tasks.Select(t => (t.SectionOrder, t.ItemNumber, t.LeadUnitId)).ToHashSet();
    }

    /// <summary>The part of a collective directive that falls to one unit of its group.</summary>
    private static Directive ForUnit(Directive d, Guid unitId) => new()
    {
        SectionOrder = d.SectionOrder, ItemNumber = d.ItemNumber, LeadUnitId = unitId, CoordinatingUnitIds = d.CoordinatingUnitIds,
        Deadline = d.Deadline, ExpectedOutput = d.ExpectedOutput, AnswersProposalId = d.AnswersProposalId, GroupName = d.GroupName,
    };

    /// <summary>One notice per unit, however many tasks it got, naming the unit and the document.</summary>
    private async Task NotifyAsync(Conclusion conclusion, List<FollowUpTask> tasks, DateTimeOffset at, CancellationToken ct)
    {
        var unitIds = tasks.SelectMany(t => t.Coordinators.Select(c => c.UnitId).Prepend(t.LeadUnitId)).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        // "Kết luận số 04-KL/HU", as pages name it: the document's capitals ("KẾT LUẬN Số …") shouted in a sentence.
        var named = conclusion.Number is { } n ? DocumentNumber.Named(n.ToString()) : conclusion.TypeName;
        var number = $"{named} “{conclusion.Summary}”";
        var lead = tasks.GroupBy(t => t.LeadUnitId);
        foreach (var g in lead)
        {
            db.Notifications.Add(new Notification
            {
                UnitId = g.Key,
                CreatedAt = at,
                Link = "/tasks",
                Text = string.Create(VietnameseText.Culture, $"Nhiệm vụ mới: {number} giao {names.GetValueOrDefault(g.Key, "đơn vị")} chủ trì {g.Count()} nhiệm vụ."),
            });
        }

        foreach (var g in tasks.SelectMany(t => t.Coordinators.Select(c => c.UnitId)).GroupBy(id => id).Where(g => !lead.Any(l => l.Key == g.Key)))
        {
            db.Notifications.Add(new Notification
            {
                UnitId = g.Key,
                CreatedAt = at,
                Link = "/tasks",
                Text = string.Create(VietnameseText.Culture, $"Nhiệm vụ mới: {number} giao {names.GetValueOrDefault(g.Key, "đơn vị")} phối hợp {g.Count()} nhiệm vụ."),
            });
        }
    }
}

/// <summary>Opens the tasks of new reporting periods a few times a day. Several instances may run it: the unique
/// key makes the work idempotent.</summary>
public sealed class FollowUpPeriodJob(IServiceScopeFactory scopes, ILogger<FollowUpPeriodJob> logger) : IBackgroundJob
{
    public string Name => "followup-periods";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateTasks>().OpenNewPeriodsAsync(ct);
        if (created > 0)
        {
            logger.LogInformation("Opened {Count} follow-up tasks of new periods", created);
        }
    }
}
