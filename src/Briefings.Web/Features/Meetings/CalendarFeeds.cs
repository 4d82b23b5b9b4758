using Briefings.Core.Meetings;
using Briefings.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// Calendar (.ics) feeds per unit and per person for calendar apps, which cannot sign in: the address
/// carries a token made by ASP.NET data protection from the unit or person id, so a feed cannot be
/// guessed or turned into another unit's feed. Planned meetings stay out until invitations are sent.
/// </summary>
public sealed class CalendarFeeds(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Briefings.CalendarFeed.v1");

    public string Token(string kind, Guid id) => protector.Protect($"{kind}:{id:N}");

    public bool Verify(string kind, Guid id, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return protector.Unprotect(token) == $"{kind}:{id:N}";
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public static async Task<IResult> UnitFeedAsync(Guid id, string? token, CalendarFeeds feeds, BriefingsDbContext db, IOptions<MeetingOptions> options, CancellationToken ct)
    {
        if (!feeds.Verify("unit", id, token))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }

        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.InvitationsSentAt != null && (db.Invitations.Any(i => i.MeetingId == m.Id && i.UnitId == id) || db.MeetingEndpoints.Any(e => e.MeetingId == m.Id && e.AreaUnitId == id)))
            .ToListAsync(ct);
        return Ics($"Lịch họp — {unit.Name}", meetings, options.Value);
    }

    public static async Task<IResult> PersonFeedAsync(Guid id, string? token, CalendarFeeds feeds, BriefingsDbContext db, IOptions<MeetingOptions> options, CancellationToken ct)
    {
        if (!feeds.Verify("person", id, token))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return TypedResults.NotFound();
        }

        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.InvitationsSentAt != null && db.Invitations.Any(i => i.MeetingId == m.Id && i.PersonId == id && i.Response != InvitationResponse.Declined))
            .ToListAsync(ct);
        return Ics($"Lịch họp — {person.FullName}", meetings, options.Value);
    }

    private static IResult Ics(string name, IEnumerable<Meeting> meetings, MeetingOptions options)
    {
        var reminders = options.ReminderMinutes.Select(m => TimeSpan.FromMinutes(m)).ToList();
        var entries = meetings.OrderBy(m => m.StartsAt).Select(m => new CalendarEntry(
            m.Id, m.Title, m.StartsAt, m.EndsAt, m.Place, $"{m.Type.DisplayName()} — {m.Mode.DisplayName()}",
            m.Mode.HasOnlinePart() ? $"{options.PublicBaseUrl.TrimEnd('/')}/meetings/{m.Id}" : null,
            m.Status == MeetingStatus.Cancelled, reminders));
        return TypedResults.Text(CalendarFeed.Render(name, entries), "text/calendar; charset=utf-8");
    }
}
