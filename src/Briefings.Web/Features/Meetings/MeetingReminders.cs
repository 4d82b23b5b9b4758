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
/// database each reminder is sent exactly once.
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
        var now = clock.GetUtcNow();
        var sent = 0;
        foreach (var minutes in options.Value.ReminderMinutes.Distinct())
        {
            var horizon = now.AddMinutes(minutes);
            var due = await db.Meetings.AsNoTracking()
                .Where(m => m.Status == MeetingStatus.Invited && m.StartsAt > now && m.StartsAt <= horizon)
                .Where(m => !db.SentReminders.Any(r => r.MeetingId == m.Id && r.OffsetMinutes == minutes))
                .ToListAsync(ct);
            foreach (var meeting in due)
            {
                if (!await ClaimAsync(db, meeting.Id, minutes, now, ct))
                {
                    continue;
                }

                var invitees = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id && i.Response != InvitationResponse.Declined)
                    .Join(db.People.AsNoTracking(), i => i.PersonId, p => p.Id, (i, p) => new { i.UnitId, p.FullName, p.Email })
                    .ToListAsync(ct);
                var text = $"Nhắc lịch: {meeting.Title} bắt đầu lúc {VietnameseText.DateTime(meeting.StartsAt)} tại {meeting.Place}.";
                foreach (var unitId in invitees.Select(i => i.UnitId).Distinct())
                {
                    db.Notifications.Add(new Notification { UnitId = unitId, CreatedAt = now, Link = $"/meetings/{meeting.Id}", Text = text });
                }

                await db.SaveChangesAsync(ct);
                foreach (var group in invitees.Where(i => !string.IsNullOrWhiteSpace(i.Email)).GroupBy(i => i.UnitId))
                {
                    await mailer.SendAsync(group.Select(i => (i.FullName, i.Email!)).ToList(), "Nhắc lịch họp: " + meeting.Title, text, ct);
                }

                sent++;
            }
        }

        return sent;
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
