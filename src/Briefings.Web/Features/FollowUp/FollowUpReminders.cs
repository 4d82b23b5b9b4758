using System.Text;
using Briefings.Core.FollowUp;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.FollowUp;

/// <summary>The <c>FollowUp:Reminders</c> configuration section.</summary>
public sealed class FollowUpReminderOptions
{
    public const string Section = "FollowUp:Reminders";

    public bool Run { get; set; } = true;

    /// <summary>Days before the due day a reminder goes out (the due day itself always gets one).</summary>
    public int[] DaysBefore { get; set; } = [7, 1];

    /// <summary>Days overdue a reminder goes out in the first month, to the unit and escalated to the supervising
    /// leaders.</summary>
    public int[] DaysOverdue { get; set; } = [1, 7, 14, 21];

    /// <summary>From this many days overdue on, an open task is in its unit's digest every
    /// <see cref="OverdueEveryDays"/> days until it is done: pressure does not fade.</summary>
    public int OverdueSteadyFrom { get; set; } = 30;

    /// <summary>The steady cadence of overdue reminders after <see cref="OverdueSteadyFrom"/> (weekly).</summary>
    public int OverdueEveryDays { get; set; } = 7;

    /// <summary>Vietnam hour from which the day's digests are sent.</summary>
    public int FromHour { get; set; } = 7;
}

/// <summary>
/// Daily follow-up reminders: each run computes, per lead unit, its open tasks due in 7 and 1 days (configurable), due
/// today, overdue by 1, 7, 14 or 21 days, and — however long ago — overdue by 30 days and every 7 days after that
/// until done (configurable), and sends the unit ONE digest for the day — an in-app notice and
/// an e-mail to its people and accounts with an address. Overdue tasks are escalated in one digest per day to each
/// supervising leader: the accounts with role Leader whose scope covers the issuing body, the nearest ones only
/// (the district's leaders for the district's conclusions, not the province's).
/// <para>Exactly once: each digest is a <see cref="FollowUpDigest"/> row keyed (recipient, day) inserted in the same
/// transaction as its notice; of several app instances only one commits it, the others get a key violation and
/// skip. Since every reminder is tied to one day (due day − 7, due day + 30, …), a task's reminder is in exactly one
/// digest. A day the job does not run at all is not caught up (the next days' reminders still go).</para>
/// </summary>
public sealed class FollowUpReminders(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FollowUpReminderOptions> options, ILogger<FollowUpReminders> logger) : IBackgroundJob
{
    public string Name => "followup-reminders";

    public TimeSpan Interval => TimeSpan.FromMinutes(30);

    async Task IBackgroundJob.RunPassAsync(CancellationToken ct)
    {
        if (await RunOnceAsync(ct) is > 0 and var sent)
        {
            logger.LogInformation("Sent {Count} follow-up reminder digests.", sent);
        }
    }

    private sealed record Due(Guid Id, Guid LeadUnitId, Guid IssuerUnitId, string ConclusionNumber, int SectionOrder, int ItemNumber, string ItemText, DateOnly DueOn);

    /// <summary>Sends the day's digests not sent yet; returns how many this instance sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (Core.Common.VietnameseText.ToLocal(now).Hour < options.Value.FromHour)
        {
            return 0;
        }

        var today = FollowUpStatuses.LocalDate(now);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
        var baseUrl = scope.ServiceProvider.GetRequiredService<IOptions<MeetingOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        var oldest = await db.FollowUpTasks.Where(t => t.CompletedOn == null && t.DueOn != null).MinAsync(t => t.DueOn, ct);
        var days = ReminderDays(today, oldest);
        var tasks = await db.FollowUpTasks.AsNoTracking()
            .Where(t => t.CompletedOn == null && t.DueOn != null && days.Contains(t.DueOn.Value))
            .Select(t => new Due(t.Id, t.LeadUnitId, t.IssuerUnitId, t.ConclusionNumber, t.SectionOrder, t.ItemNumber, t.ItemText, t.DueOn!.Value))
            .ToListAsync(ct);
        if (tasks.Count == 0)
        {
            return 0;
        }

        var sent = 0;
        var unitIds = tasks.Select(t => t.LeadUnitId).Concat(tasks.Select(t => t.IssuerUnitId)).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var doneKeys = await db.FollowUpDigests.AsNoTracking().Where(d => d.Day == today).Select(d => d.Recipient).ToListAsync(ct);
        var done = doneKeys.ToHashSet();

        foreach (var group in tasks.GroupBy(t => t.LeadUnitId))
        {
            var key = $"unit:{group.Key}";
            if (done.Contains(key))
            {
                continue;
            }

            var unitName = units.TryGetValue(group.Key, out var unit) ? unit.Name : "";
            var text = DigestText(unitName, today, group.ToList(), baseUrl);
            var overdue = group.Count(t => t.DueOn < today);
            var notice = $"Nhắc việc {Date(today)}: {group.Count()} nhiệm vụ cần chú ý" + (overdue > 0 ? $", trong đó {overdue} nhiệm vụ quá hạn." : ".");
            if (!await ClaimAsync(db, key, today, group.Count(), text, now, new Notification { UnitId = group.Key, CreatedAt = now, Link = "/tasks", Text = notice }, ct))
            {
                continue;
            }

            sent++;
            await MailAsync(mailer, await UnitAddressesAsync(db, group.Key, ct), today, text, ct);
        }

        var overdueTasks = tasks.Where(t => t.DueOn < today).ToList();
        if (overdueTasks.Count > 0)
        {
            foreach (var (leader, leaderTasks) in await SupervisorsAsync(db, overdueTasks, units, ct))
            {
                var key = $"leader:{leader.Id}";
                if (done.Contains(key))
                {
                    continue;
                }

                var text = DigestText("các đơn vị do đồng chí theo dõi", today, leaderTasks, baseUrl, units);
                var notice = $"Nhắc việc {Date(today)}: {leaderTasks.Count} nhiệm vụ quá hạn của các đơn vị do đồng chí {leader.FullName} theo dõi.";
                if (!await ClaimAsync(db, key, today, leaderTasks.Count, text, now, new Notification { UnitId = leader.UnitId, CreatedAt = now, Link = LeaderLink, Text = notice }, ct))
                {
                    continue;
                }

                sent++;
                await MailAsync(mailer, await LeaderAddressesAsync(db, leader, ct), today, text, ct);
            }
        }

        return sent;
    }

    /// <summary>The due days reminded on <paramref name="today"/>: before and on the due day, the first month's overdue
    /// days, and every <see cref="FollowUpReminderOptions.OverdueEveryDays"/> days from
    /// <see cref="FollowUpReminderOptions.OverdueSteadyFrom"/> back to the oldest open task's due day.</summary>
    private List<DateOnly> ReminderDays(DateOnly today, DateOnly? oldest)
    {
        var o = options.Value;
        var days = o.DaysBefore.Where(d => d > 0).Select(d => today.AddDays(d)).Append(today)
            .Concat(o.DaysOverdue.Where(d => d > 0).Select(d => today.AddDays(-d)));
        if (o.OverdueSteadyFrom > 0 && oldest is { } first)
        {
            var every = Math.Max(1, o.OverdueEveryDays);
            for (var due = today.AddDays(-o.OverdueSteadyFrom); due >= first; due = due.AddDays(-every))
            {
                days = days.Append(due);
            }
        }

        return days.Distinct().ToList();
    }

    /// <summary>The digest row and its notice in one transaction: a key violation means another instance sent it.</summary>
    private static async Task<bool> ClaimAsync(BriefingsDbContext db, string recipient, DateOnly day, int count, string text, DateTimeOffset now, Notification notice, CancellationToken ct)
    {
        db.FollowUpDigests.Add(new FollowUpDigest { Recipient = recipient, Day = day, Tasks = count, Text = text, SentAt = now });
        db.Notifications.Add(notice);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The nearest leaders covering each overdue task's issuing body.</summary>
    private static async Task<List<(ApplicationUser Leader, List<Due> Tasks)>> SupervisorsAsync(BriefingsDbContext db, List<Due> overdue, Dictionary<Guid, Unit> units, CancellationToken ct)
    {
        var leaders = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Leader), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.AsNoTracking(), id => id, u => u.Id, (_, u) => u).ToListAsync(ct);
        var leaderUnitIds = leaders.Select(l => l.UnitId).Distinct().ToList();
        var leaderUnits = await db.Units.AsNoTracking().Where(u => leaderUnitIds.Contains(u.Id)).ToListAsync(ct);
        var ancestorIds = leaderUnits.SelectMany(u => u.AncestorIds()).Distinct().ToList();
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync(ct);
        var scoped = leaders.Select(l =>
        {
            var unit = leaderUnits.First(u => u.Id == l.UnitId);
            var ids = unit.AncestorIds();
            return (Leader: l, Scope: AccessScope.For([Roles.Leader], unit, ancestors.Where(a => ids.Contains(a.Id)).ToList(), false));
        }).ToList();

        var result = new Dictionary<string, (ApplicationUser Leader, List<Due> Tasks)>();
        foreach (var byIssuer in overdue.GroupBy(t => t.IssuerUnitId))
        {
            if (!units.TryGetValue(byIssuer.Key, out var issuer))
            {
                continue;
            }

            var covering = scoped.Where(s => s.Scope.Covers(issuer)).ToList();
            if (covering.Count == 0)
            {
                continue;
            }

            var nearest = covering.Max(s => s.Scope.All ? 0 : s.Scope.SubtreePath?.Length ?? int.MaxValue);
            foreach (var (leader, _) in covering.Where(s => (s.Scope.All ? 0 : s.Scope.SubtreePath?.Length ?? int.MaxValue) == nearest))
            {
                if (!result.TryGetValue(leader.Id, out var entry))
                {
                    entry = (leader, []);
                    result[leader.Id] = entry;
                }

                entry.Tasks.AddRange(byIssuer);
            }
        }

        return [.. result.Values];
    }

    private static async Task<List<(string, string)>> UnitAddressesAsync(BriefingsDbContext db, Guid unitId, CancellationToken ct)
    {
        var people = await db.People.AsNoTracking().Where(p => p.UnitId == unitId && p.RetiredAt == null && p.Email != null && p.Email != "")
            .Select(p => new { p.FullName, p.Email }).ToListAsync(ct);
        var accounts = await db.Users.AsNoTracking().Where(u => u.UnitId == unitId && u.Email != null && u.Email != "")
            .Select(u => new { u.FullName, u.Email }).ToListAsync(ct);
        return people.Concat(accounts).DistinctBy(x => x.Email!.ToLowerInvariant()).Select(x => (x.FullName, x.Email!)).ToList();
    }

    /// <summary>A leader's address: the account's own, or else that of the directory record the account belongs to.</summary>
    private static async Task<List<(string, string)>> LeaderAddressesAsync(BriefingsDbContext db, ApplicationUser leader, CancellationToken ct)
    {
        var address = leader.Email;
        if (string.IsNullOrWhiteSpace(address) && leader.PersonId is { } personId)
        {
            address = await db.People.AsNoTracking().Where(p => p.Id == personId && p.RetiredAt == null).Select(p => p.Email).FirstOrDefaultAsync(ct);
        }

        return string.IsNullOrWhiteSpace(address) ? [] : [(leader.FullName, address)];
    }

    private static Task MailAsync(Mailer mailer, List<(string, string)> to, DateOnly day, string text, CancellationToken ct) =>
        mailer.SendAsync(to, $"Nhắc việc thực hiện kết luận ngày {Date(day)}", text, ct);

    private static string DigestText(string recipient, DateOnly today, IReadOnlyList<Due> tasks, string baseUrl, Dictionary<Guid, Unit>? unitNames = null)
    {
        var sb = new StringBuilder();
        sb.Append("Nhắc việc ngày ").Append(Date(today)).Append(" — ").Append(recipient).Append(": ").Append(tasks.Count).AppendLine(" nhiệm vụ.");
        void Section(string title, IEnumerable<Due> items)
        {
            var list = items.OrderBy(t => t.DueOn).ThenBy(t => t.ConclusionNumber).ThenBy(t => t.SectionOrder).ThenBy(t => t.ItemNumber).ToList();
            if (list.Count == 0)
            {
                return;
            }

            sb.AppendLine().Append(title).Append(" (").Append(list.Count).AppendLine("):");
            foreach (var t in list)
            {
                sb.Append("- Kết luận ").Append(t.ConclusionNumber).Append(", mục ").Append(FollowUpText.Item(t.SectionOrder, t.ItemNumber)).Append(", hạn ").Append(Date(t.DueOn));
                if (unitNames is not null && unitNames.TryGetValue(t.LeadUnitId, out var unit))
                {
                    sb.Append(", đơn vị chủ trì: ").Append(unit.Name);
                }

                sb.Append(": ").AppendLine(FollowUpText.Excerpt(t.ItemText, 160));
                sb.Append("  ").Append(baseUrl).Append("/tasks/").Append(t.Id.ToString()).AppendLine();
            }
        }

        Section("Quá hạn", tasks.Where(t => t.DueOn < today));
        Section("Đến hạn hôm nay", tasks.Where(t => t.DueOn == today));
        foreach (var d in tasks.Where(t => t.DueOn > today).Select(t => t.DueOn.DayNumber - today.DayNumber).Distinct().Order())
        {
            Section($"Còn {d} ngày đến hạn", tasks.Where(t => t.DueOn.DayNumber - today.DayNumber == d));
        }

        // A unit reports on its own list; a leader reads the overdue tasks of the units it follows, listed (the dashboard
        // itself ignores a status and showed every task of the scope, under a menu the mail did not name).
        sb.AppendLine().Append(unitNames is null
            ? "Xem chi tiết và báo cáo tại mục \"Nhiệm vụ được giao\": " + baseUrl + "/tasks"
            : "Xem danh sách nhiệm vụ quá hạn tại mục \"Tình hình thực hiện\": " + baseUrl + LeaderLink).AppendLine();
        return sb.ToString();
    }

    /// <summary>Where a leader's reminder leads: the list of overdue tasks in the leader's scope.</summary>
    public const string LeaderLink = "/followup/tasks?status=overdue";

    private static string Date(DateOnly day) => FollowUpText.Date(day);
}
