using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Meetings;

/// <summary>Tells every unit invited to a meeting whose invitations went out that the meeting changed (moved, or
/// cancelled): one in-app notice per invited unit, in the caller's transaction, and one e-mail per unit to its invitees
/// with an address (through the outbox), as the invitation itself went. Before, a meeting moved or cancelled after the
/// invitations reached the communes told nobody: their notice and e-mail still named the old day and room.</summary>
public sealed class TellInvitedUnits(BriefingsDbContext db, Mailer mailer, IOptions<MeetingOptions> options)
{
    /// <summary>The notices are added to the context (saved with the caller's change); the mails are returned to send
    /// once it is saved.</summary>
    public async Task<Func<CancellationToken, Task>> AddAsync(Meeting meeting, string notice, string subject, string mailBody, DateTimeOffset now, CancellationToken ct)
    {
        var invitees = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id)
            .Join(db.People.AsNoTracking(), i => i.PersonId, p => p.Id, (i, p) => new { i.UnitId, p.FullName, p.Email })
            .ToListAsync(ct);
        var link = $"/meetings/{meeting.Id}";
        foreach (var unitId in invitees.Select(i => i.UnitId).Distinct())
        {
            db.Notifications.Add(new Notification { UnitId = unitId, CreatedAt = now, Link = link, Text = notice });
        }

        var body = $"{mailBody}\nChi tiết: {options.Value.PublicBaseUrl}{link}\n";
        var groups = invitees.Where(i => !string.IsNullOrWhiteSpace(i.Email)).GroupBy(i => i.UnitId)
            .Select(g => g.Select(i => (i.FullName, i.Email!.Trim())).Distinct().ToList()).ToList();
        return async token =>
        {
            foreach (var to in groups)
            {
                await mailer.SendAsync(to, subject, body, token);
            }
        };
    }

    /// <summary>Saves the caller's change with its notices and, once stored, sends the mails <see cref="AddAsync"/>
    /// prepared (none when there are none, nor when another save won the race: nothing is told of a change not made).</summary>
    public static async Task<Error?> SaveThenSendAsync(BriefingsDbContext db, Func<CancellationToken, Task>? mails, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }

        if (mails is not null)
        {
            await mails(ct);
        }

        return null;
    }

    /// <summary>"08:00 ngày 04/03/2030, Phòng họp …" — the words a notice uses for when and where.</summary>
    public static string WhenAndWhere(DateTimeOffset startsAt, string place) => $"{VietnameseText.DateTime(startsAt)}, {place}";
}
