using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// Reminds invited units before a meeting at the configured offsets (default 1 day and 60 minutes — the
/// time technicians are expected on site), in-app and by e-mail. Each (meeting, offset) is claimed by
/// inserting a <see cref="SentReminder"/> row with a unique key, so with several app instances on one
/// database each reminder is sent exactly once. A reminder whose moment passed before the invitations went out,
/// or that a later reminder supersedes, is claimed without a message, so late invitations never set off every
/// reminder at once; each invited person gets one e-mail per reminder, however many invitations name them.
/// </summary>
public sealed class MeetingReminders(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MeetingOptions> options, ILogger<MeetingReminders> logger) : IBackgroundJob
{
    public string Name => "meeting-reminders";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    async Task IBackgroundJob.RunPassAsync(CancellationToken ct)
    {
        if (await RunOnceAsync(ct) is > 0 and var sent)
        {
            logger.LogInformation("Sent {Count} meeting reminders.", sent);
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var now = clock.GetUtcNow();
        var offsets = options.Value.ReminderMinutes.Where(m => m > 0).Distinct().ToList();
        if (offsets.Count == 0)
        {
            return 0;
        }

        var horizon = now.AddMinutes(offsets.Max());
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Invited && m.StartsAt > now && m.StartsAt <= horizon)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var meeting in meetings)
        {
            var handled = await db.SentReminders.AsNoTracking().Where(r => r.MeetingId == meeting.Id).Select(r => r.OffsetMinutes).ToListAsync(ct);
            var (send, skip) = Due(meeting, offsets.Except(handled).ToList(), now);
            foreach (var minutes in skip)
            {
                // Claimed without a message: its moment passed before the invitations went out, or a later reminder
                // (closer to the start) is due as well and says the same. Never two reminders of one meeting at once.
                if (await ClaimAsync(db, meeting.Id, minutes, now, ct))
                {
                    logger.LogInformation("Reminder {Minutes} min before meeting {MeetingId} skipped: its moment had passed.", minutes, meeting.Id);
                }
            }

            if (send is { } offset && await ClaimAsync(db, meeting.Id, offset, now, ct))
            {
                await NotifyAsync(db, mailer, meeting, baseUrl, now, ct);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>Which of a meeting's unhandled reminders to send now, and which to drop: of those whose moment has
    /// come, only the one closest to the start is sent, and not even that one when its moment came before the
    /// invitations went out (the invitation said it already).</summary>
    private static (int? Send, IReadOnlyList<int> Skip) Due(Meeting meeting, IReadOnlyList<int> unhandled, DateTimeOffset now)
    {
        var passed = unhandled.Where(m => meeting.StartsAt.AddMinutes(-m) <= now).Order().ToList();
        if (passed.Count == 0)
        {
            return (null, []);
        }

        var latest = passed[0];
        var invitedAt = meeting.InvitationsSentAt ?? DateTimeOffset.MinValue;
        return meeting.StartsAt.AddMinutes(-latest) >= invitedAt ? (latest, passed.Skip(1).ToList()) : (null, passed);
    }

    // One in-app notice per invited unit and one e-mail per invited person, each naming the unit and the meeting.
    private static async Task NotifyAsync(BriefingsDbContext db, Mailer mailer, Meeting meeting, string baseUrl, DateTimeOffset now, CancellationToken ct)
    {
        var invitees = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id && i.Response != InvitationResponse.Declined)
            .Join(db.People.AsNoTracking(), i => i.PersonId, p => p.Id, (i, p) => new { i.UnitId, p.FullName, p.Email })
            .Join(db.Units.AsNoTracking(), x => x.UnitId, u => u.Id, (x, u) => new { x.UnitId, UnitName = u.Name, x.FullName, x.Email })
            .ToListAsync(ct);
        var link = $"/meetings/{meeting.Id}";
        var when = $"{VietnameseText.DateTime(meeting.StartsAt)} tại {meeting.Place}";
        foreach (var unit in invitees.GroupBy(i => (i.UnitId, i.UnitName)))
        {
            db.Notifications.Add(new Notification
            {
                UnitId = unit.Key.UnitId, CreatedAt = now, Link = link,
                Text = $"Nhắc lịch: {meeting.Title} bắt đầu lúc {when} — {unit.Key.UnitName} được mời {unit.Count()} người.",
            });
        }

        await db.SaveChangesAsync(ct);
        foreach (var person in invitees.Where(i => !string.IsNullOrWhiteSpace(i.Email)).GroupBy(i => i.Email!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var first = person.First();
            var units = string.Join(", ", person.Select(p => p.UnitName).Distinct());
            var body = $"Kính gửi đồng chí {first.FullName} ({units}).\nNhắc lịch: {meeting.Title} bắt đầu lúc {when}.\nChi tiết: {baseUrl}{link}\n";
            await mailer.SendAsync([(first.FullName, person.Key)], "Nhắc lịch họp: " + meeting.Title, body, ct);
        }
    }

    private static async Task<bool> ClaimAsync(BriefingsDbContext db, Guid meetingId, int minutes, DateTimeOffset now, CancellationToken ct)
    {
        db.SentReminders.Add(new SentReminder { MeetingId = meetingId, OffsetMinutes = minutes, SentAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance claimed it first.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
