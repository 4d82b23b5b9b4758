using System.Text.Json;
using System.Text.Encodings.Web;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Briefings.Data;

/// <summary>
/// Turns tracked changes of audited entities into <see cref="AuditEntry"/> rows saved in the same
/// transaction, so no state change escapes the log. Only changed fields are written; secrets are masked.
/// </summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> Ignored =
        ["SearchText", "Version", "ConcurrencyStamp", "SecurityStamp", "NormalizedEmail", "NormalizedUserName", "LastSeenAt", "LastSource"];

    private static readonly HashSet<string> Masked = ["PasswordHash"];

    private const int BulkThreshold = 20;

    // File bodies are not copied into the log; their name and size are.
    private static readonly HashSet<string> Skipped = ["Content"];

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<List<AuditEntry>> CollectAsync(BriefingsDbContext db, IAuditActor actor, DateTimeOffset now, CancellationToken ct)
    {
        // The context detected the changes before calling (BriefingsDbContext.SaveChangesAsync).
        var changedPositions = db.ChangeTracker.Entries<Position>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .GroupBy(e => (Guid)e.Property("PersonId").CurrentValue!)
            .ToDictionary(g => g.Key, g => g.ToList());

        var result = new List<AuditEntry>();
        var unitIdsToResolve = new HashSet<Guid>();
        var pending = new List<(AuditEntry Entry, Guid? UnitId)>();
        var areaOfMeeting = new Dictionary<Guid, Guid>();

        // A composition adds thousands of invitations at once: they are logged as one entry per meeting
        // (who was invited, by whom, when) instead of one row each, which doubled the cost of the save.
        var bulkInvitations = db.ChangeTracker.Entries<Invitation>()
            .Where(e => e.State == EntityState.Added)
            .GroupBy(e => e.Entity.MeetingId)
            .Where(g => g.Count() > BulkThreshold)
            .ToList();
        var summarized = bulkInvitations.SelectMany(g => g).Select(e => e.Entity).ToHashSet();
        foreach (var group in bulkInvitations)
        {
            var meeting = db.ChangeTracker.Entries<Meeting>().FirstOrDefault(e => e.Entity.Id == group.Key)?.Entity
                ?? await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == group.Key, ct);
            var summary = new Dictionary<string, object?>
            {
                ["Count"] = group.Count(),
                ["Endpoints"] = group.Select(e => e.Entity.EndpointId).Distinct().Count(),
                ["PersonIds"] = group.Select(e => e.Entity.PersonId).ToList(),
            };
            unitIdsToResolve.Add(meeting.BodyAreaId);
            pending.Add((new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                EntityType = nameof(Invitation),
                EntityId = group.Key.ToString(),
                Action = "Tạo mới",
                After = JsonSerializer.Serialize(summary, Json),
            }, meeting.BodyAreaId));
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is not (Unit or Person or ApplicationUser or Meeting or MeetingEndpoint or Invitation or Proposal or SpeakingRegistration or MeetingDocument or ReadinessTick or SettingEntry
                    or Conclusion or BodySection or BodyItem or Directive or Recipient or Addressee or DocumentRegister or ConclusionReceipt
                    or LiveRoom or Speech or AttendanceMark or MinutesEntry or EndpointPresence or MeetingExclusion or MeetingGuest
                    or FollowUpTask or TaskCoordinator or TaskReport or TaskAttachment or TaskExtension or FollowUpReview
                    or SigningCertificate or SignedPdf))
            {
                continue;
            }

            if (entry.Entity is Invitation invited && summarized.Contains(invited))
            {
                continue;
            }

            var personPositions = entry.Entity is Person p && changedPositions.TryGetValue(p.Id, out var list) ? list : null;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) && personPositions is null)
            {
                continue;
            }

            var (before, after) = Diff(entry);
            if (entry.Entity is MinutesEntry minutes)
            {
                // Minutes are saved every few seconds: their text lives in the kept versions, the log records
                // who saved which revision and how long it was.
                if (before.Remove(nameof(MinutesEntry.Text)))
                {
                    before["TextLength"] = ((string?)entry.Property(nameof(MinutesEntry.Text)).OriginalValue)?.Length ?? 0;
                }

                if (after.Remove(nameof(MinutesEntry.Text)))
                {
                    after["TextLength"] = minutes.Text.Length;
                }
            }

            if (personPositions is not null)
            {
                var person = (Person)entry.Entity;
                after["Positions"] = string.Join("; ", person.Positions.OrderBy(x => x.SortOrder).Select(x => x.Title));
                if (entry.State != EntityState.Added)
                {
                    var old = db.ChangeTracker.Entries<Position>()
                        .Where(e => (Guid)e.Property("PersonId").CurrentValue! == person.Id && e.State is EntityState.Deleted or EntityState.Unchanged or EntityState.Modified)
                        .Select(e => e.State == EntityState.Modified ? (string)e.Property(nameof(Position.Title)).OriginalValue! : e.Entity.Title);
                    before["Positions"] = string.Join("; ", old);
                }
            }

            if (before.Count == 0 && after.Count == 0)
            {
                continue;
            }

            var audit = new AuditEntry
            {
                At = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                EntityType = entry.Metadata.ClrType.Name,
                // A readiness tick is logged under its endpoint: that is the record people look up.
                EntityId = (entry.Entity switch
                {
                    ReadinessTick => entry.Property("EndpointId").CurrentValue,
                    // The parts of a conclusion are looked up with the conclusion they belong to.
                    BodySection or BodyItem or Directive or Recipient or Addressee => entry.Property("ConclusionId").CurrentValue,
                    DocumentRegister register => $"{register.IssuerUnitId}/{register.TypeCode}/{register.PeriodKey}",
                    // A receipt is looked up with its conclusion.
                    ConclusionReceipt receipt => receipt.ConclusionId,
                    // Everything of a task (its coordinators, reports, files, extensions) is looked up with the task.
                    TaskCoordinator => entry.Property("TaskId").CurrentValue,
                    TaskReport report => report.TaskId,
                    TaskAttachment attachment => attachment.TaskId,
                    TaskExtension extension => extension.TaskId,
                    SettingEntry setting => setting.Key,
                    LiveRoom room => room.MeetingId,
                    AttendanceMark mark => mark.InvitationId,
                    // A removal is looked up with the meeting it was removed from.
                    MeetingExclusion exclusion => exclusion.MeetingId,
                    EndpointPresence presence => presence.EndpointId,
                    FollowUpReview review => review.MeetingId,
                    _ => entry.Property("Id").CurrentValue,
                })?.ToString() ?? "",
                Action = entry.State switch
                {
                    EntityState.Added => "Tạo mới",
                    EntityState.Deleted => "Xóa",
                    _ => "Cập nhật",
                },
                Before = before.Count == 0 ? null : JsonSerializer.Serialize(before, Json),
                After = after.Count == 0 ? null : JsonSerializer.Serialize(after, Json),
            };

            Guid? unitId = null;
            switch (entry.Entity)
            {
                case Unit u:
                    audit.ScopePath = u.Path;
                    break;
                case Person person:
                    unitId = person.UnitId;
                    break;
                case ApplicationUser user:
                    unitId = user.UnitId;
                    break;
                case Meeting m:
                    unitId = m.BodyAreaId;
                    break;
                case MeetingEndpoint e:
                    unitId = e.AreaUnitId;
                    break;
                case ReadinessTick:
                    var endpointId = (Guid)entry.Property("EndpointId").CurrentValue!;
                    unitId = db.ChangeTracker.Entries<MeetingEndpoint>().FirstOrDefault(x => x.Entity.Id == endpointId)?.Entity.AreaUnitId;
                    break;
                case Invitation i:
                    unitId = i.UnitId;
                    break;
                case Proposal proposal:
                    unitId = proposal.UnitId;
                    break;
                case SpeakingRegistration r:
                    unitId = r.UnitId;
                    break;
                case Conclusion c:
                    unitId = c.IssuerUnitId;
                    break;
                case BodySection or BodyItem or Directive or Recipient:
                    var conclusionId = (Guid)entry.Property("ConclusionId").CurrentValue!;
                    unitId = db.ChangeTracker.Entries<Conclusion>().FirstOrDefault(x => x.Entity.Id == conclusionId)?.Entity.IssuerUnitId;
                    break;
                case DocumentRegister register:
                    unitId = register.IssuerUnitId;
                    break;
                case ConclusionReceipt receipt:
                    unitId = receipt.UnitId;
                    break;
                case LiveRoom room:
                    unitId = await AreaOfMeetingAsync(db, room.MeetingId, areaOfMeeting, ct);
                    break;
                case MinutesEntry minutesEntry:
                    unitId = await AreaOfMeetingAsync(db, minutesEntry.MeetingId, areaOfMeeting, ct);
                    break;
                case Speech speech:
                    unitId = speech.UnitId;
                    break;
                case AttendanceMark mark:
                    unitId = mark.UnitId;
                    break;
                case MeetingExclusion exclusion:
                    unitId = exclusion.UnitId;
                    break;
                case MeetingGuest guest:
                    unitId = await AreaOfMeetingAsync(db, guest.MeetingId, areaOfMeeting, ct);
                    break;
                case EndpointPresence presence:
                    unitId = presence.AreaUnitId;
                    break;
                case FollowUpReview review:
                    unitId = db.ChangeTracker.Entries<Meeting>().FirstOrDefault(x => x.Entity.Id == review.MeetingId)?.Entity.BodyAreaId;
                    break;
                case SigningCertificate certificate:
                    unitId = certificate.UnitId;
                    break;
                case SignedPdf signed:
                    unitId = signed.UnitId;
                    break;
                case FollowUpTask task:
                    audit.ScopePath = task.LeadUnitPath;
                    break;
                case TaskCoordinator or TaskReport or TaskAttachment or TaskExtension:
                    audit.ScopePath = await TaskScopeAsync(db, (Guid)entry.Property(entry.Entity is TaskCoordinator ? "TaskId" : nameof(TaskReport.TaskId)).CurrentValue!, ct);
                    break;
                default:
                    break;
            }

            if (unitId is { } id)
            {
                unitIdsToResolve.Add(id);
            }

            pending.Add((audit, unitId));
        }

        if (unitIdsToResolve.Count > 0)
        {
            var tracked = db.ChangeTracker.Entries<Unit>().Select(e => e.Entity).Where(u => unitIdsToResolve.Contains(u.Id)).ToDictionary(u => u.Id, u => u.Path);
            var missing = unitIdsToResolve.Where(id => !tracked.ContainsKey(id)).ToList();
            if (missing.Count > 0)
            {
                foreach (var row in await db.Units.AsNoTracking().Where(u => missing.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(ct))
                {
                    tracked[row.Id] = row.Path;
                }
            }

            foreach (var (audit, unitId) in pending)
            {
                if (unitId is { } id && tracked.TryGetValue(id, out var path))
                {
                    audit.ScopePath = path;
                }
            }
        }

        result.AddRange(pending.Select(x => x.Entry));
        return result;
    }

    private static async Task<Guid?> AreaOfMeetingAsync(BriefingsDbContext db, Guid meetingId, Dictionary<Guid, Guid> cache, CancellationToken ct)
    {
        if (!cache.TryGetValue(meetingId, out var area))
        {
            area = db.ChangeTracker.Entries<Meeting>().FirstOrDefault(e => e.Entity.Id == meetingId)?.Entity.BodyAreaId
                ?? await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => m.BodyAreaId).FirstOrDefaultAsync(ct);
            cache[meetingId] = area;
        }

        return area == Guid.Empty ? null : area;
    }

    /// <summary>A task's records are scoped like the task: by its lead unit.</summary>
    private static async Task<string?> TaskScopeAsync(BriefingsDbContext db, Guid taskId, CancellationToken ct) =>
        db.ChangeTracker.Entries<FollowUpTask>().FirstOrDefault(e => e.Entity.Id == taskId)?.Entity.LeadUnitPath
        ?? await db.FollowUpTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.LeadUnitPath).FirstOrDefaultAsync(ct);

    private static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Diff(EntityEntry entry)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var prop in entry.Properties)
        {
            var name = prop.Metadata.Name;
            if (Ignored.Contains(name) || Skipped.Contains(name))
            {
                continue;
            }

            var masked = Masked.Contains(name);
            switch (entry.State)
            {
                case EntityState.Added when prop.CurrentValue is not null:
                    after[name] = masked ? "***" : prop.CurrentValue;
                    break;
                case EntityState.Deleted:
                    before[name] = masked ? "***" : prop.OriginalValue;
                    break;
                case EntityState.Modified when prop.IsModified && !Equals(prop.OriginalValue, prop.CurrentValue):
                    before[name] = masked ? "***" : prop.OriginalValue;
                    after[name] = masked ? "*** (đã đổi)" : prop.CurrentValue;
                    break;
                default:
                    break;
            }
        }

        return (before, after);
    }
}
