using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>A unit registers what it will say; the secretary then places registrations into the agenda.</summary>
public sealed class RegisterToSpeak(BriefingsDbContext db, MeetingAccess access, TimeProvider clock)
{
    public sealed record Input(Guid MeetingId, Guid UnitId, string? Topic, string? Summary, int Minutes);

    public async Task<Result<SpeakingRegistration>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var found = await access.ForUnitActionAsync(input.MeetingId, input.UnitId, user, ct);
        if (found.Value is not { } meeting)
        {
            return Result<SpeakingRegistration>.Fail(found.Errors);
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.Topic))
        {
            errors.Add(new Error("Vui lòng nhập nội dung phát biểu.", nameof(Input.Topic)));
        }

        if (input.Minutes is < 1 or > 60)
        {
            errors.Add(new Error("Thời lượng phát biểu từ 1 đến 60 phút.", nameof(Input.Minutes)));
        }

        if (errors.Count > 0)
        {
            return Result<SpeakingRegistration>.Fail(errors);
        }

        // The same registration posted again (a double click, a reload after sending) is the one already registered:
        // a second copy would put the unit twice on the speakers' list.
        var topic = CleanText.Clean(input.Topic!).Trim();
        var summary = string.IsNullOrWhiteSpace(input.Summary) ? null : CleanText.Clean(input.Summary).Trim();
        await using var serialized = await db.BeginSerializedAsync($"speaking:{meeting.Id}:{input.UnitId}", ct);
        var sent = await db.SpeakingRegistrations.AsNoTracking()
            .Where(r => r.MeetingId == meeting.Id && r.UnitId == input.UnitId && r.Topic == topic && r.Summary == summary)
            .Select(r => (DateTimeOffset?)r.SubmittedAt)
            .FirstOrDefaultAsync(ct);
        if (sent is { } at)
        {
            return Result<SpeakingRegistration>.Fail([new Error($"Đã đăng ký phát biểu nội dung này lúc {VietnameseText.DateTime(at)}; không đăng ký lại lần nữa.", nameof(Input.Topic))]);
        }

        var registration = new SpeakingRegistration
        {
            MeetingId = meeting.Id,
            UnitId = input.UnitId,
            Topic = topic,
            Summary = summary,
            Minutes = input.Minutes,
            SubmittedBy = user.User.UserName!,
            SubmittedAt = clock.GetUtcNow(),
        };
        db.SpeakingRegistrations.Add(registration);
        await db.SaveChangesAsync(ct);
        await serialized.CommitAsync(ct);
        return Result<SpeakingRegistration>.Ok(registration);
    }

    /// <summary>The secretary puts registrations into the agenda, in the given order, before the conclusion item.</summary>
    public async Task<Result<Meeting>> OrderIntoAgendaAsync(Guid meetingId, IReadOnlyList<Guid> registrationIds, UserContext user, CancellationToken ct = default)
    {
        // The same list ordered twice is the same agenda: a second post (a double click) waits for the first and writes
        // the same again, instead of meeting the meeting's version as a 500.
        await using var serialized = await db.BeginSerializedAsync($"agenda:{meetingId}", ct);
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        if (!(await access.ForAsync(meeting, user, ct)).CanManage)
        {
            return Error.Forbidden;
        }

        var registrations = await db.SpeakingRegistrations.AsNoTracking().Where(r => r.MeetingId == meetingId && registrationIds.Contains(r.Id)).ToListAsync(ct);
        var unitIds = registrations.Select(r => r.UnitId).ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ShortName == u.Name ? u.Name : u.Name, ct);
        var speeches = registrationIds.Select(id => registrations.FirstOrDefault(r => r.Id == id)).OfType<SpeakingRegistration>()
            .Select(r => new AgendaItem(0, $"Phát biểu: {r.Topic}", units.GetValueOrDefault(r.UnitId), r.Minutes, r.Id)).ToList();
        var others = meeting.Agenda.Where(a => a.RegistrationId is null).OrderBy(a => a.Order).ToList();
        var closing = others.Count > 0 ? others[^1] : null;
        var before = closing is null ? others : others.Take(others.Count - 1);
        meeting.SetAgenda(before.Concat(speeches).Concat(closing is null ? [] : [closing]));
        await db.SaveChangesAsync(ct);
        await serialized.CommitAsync(ct);
        return Result<Meeting>.Ok(meeting);
    }
}
