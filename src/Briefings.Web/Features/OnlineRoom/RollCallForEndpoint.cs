using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// The roll call of a whole endpoint in one submit: one status for everyone (present in the hall, or online) and
/// per-person exceptions (absent with a reason, a substitute by name). A row left blank takes the common status;
/// one bad row saves nothing. Only the meeting's organizer calls the roll (<see cref="MeetingAccess"/>: managers),
/// online or in person; the consoles of an online meeting get the new state at once.
/// </summary>
public sealed class RollCallForEndpoint(BriefingsDbContext db, MeetingAccess access, TimeProvider clock, RoomBroadcaster broadcaster)
{
    public sealed record Row(Guid InvitationId, string? Status, string? Reason, string? SubstituteName);

    public sealed record Input(Guid MeetingId, Guid EndpointId, string? All, IReadOnlyList<Row> Rows);

    public sealed record Line(Invitation Invitation, string PersonName, AttendanceMark? Mark);

    public sealed record View(Meeting Meeting, MeetingEndpoint Endpoint, IReadOnlyList<Line> Lines);

    public async Task<Result<View>> ReadAsync(Guid meetingId, Guid endpointId, UserContext? user, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var endpoint = meeting is null ? null : await db.MeetingEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId && e.MeetingId == meetingId, ct);
        if (meeting is null || endpoint is null)
        {
            return Error.NotFound;
        }

        if (!(await access.ForAsync(meeting, user, ct)).CanManage)
        {
            return Error.Forbidden;
        }

        var lines = await db.Invitations.AsNoTracking().Where(i => i.EndpointId == endpointId)
            .Join(db.People.AsNoTracking(), i => i.PersonId, p => p.Id, (i, p) => new { i, p.FullName })
            .ToListAsync(ct);
        var marks = await db.AttendanceMarks.AsNoTracking().Where(a => a.EndpointId == endpointId).ToDictionaryAsync(a => a.InvitationId, ct);
        return Result<View>.Ok(new View(meeting, endpoint, lines
            .OrderBy(x => x.i.RuleLabel, StringComparer.Ordinal).ThenBy(x => x.FullName, VietnameseText.Order).ThenBy(x => x.i.Id)
            .Select(x => new Line(x.i, x.FullName, marks.GetValueOrDefault(x.i.Id))).ToList()));
    }

    public async Task<Result<int>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var read = await ReadAsync(input.MeetingId, input.EndpointId, user, ct);
        if (read.Value is not { } view)
        {
            return Result<int>.Fail(read.Errors);
        }

        var lines = view.Lines.ToDictionary(l => l.Invitation.Id);
        if (input.Rows.Any(r => !lines.ContainsKey(r.InvitationId)))
        {
            return Error.Forbidden;
        }

        var errors = new List<Error>();
        AttendanceStatus? all = null;
        if (!string.IsNullOrEmpty(input.All))
        {
            all = Parse(input.All);
            if (all is null)
            {
                errors.Add(new Error("Trạng thái chung không hợp lệ.", "All"));
            }
        }

        var ids = input.Rows.Select(r => r.InvitationId).ToList();
        var marks = await db.AttendanceMarks.Where(a => ids.Contains(a.InvitationId)).ToDictionaryAsync(a => a.InvitationId, ct);
        var by = user.User.UserName ?? "";
        var now = clock.GetUtcNow();
        var changed = new List<Guid>();
        for (var n = 0; n < input.Rows.Count; n++)
        {
            var row = input.Rows[n];
            var status = all;
            if (!string.IsNullOrEmpty(row.Status))
            {
                status = Parse(row.Status);
                if (status is null)
                {
                    errors.Add(new Error("Trạng thái điểm danh không hợp lệ.", $"Rows[{n}].Status"));
                    continue;
                }
            }

            if (status is not { } s)
            {
                continue;
            }

            var mark = marks.GetValueOrDefault(row.InvitationId);
            if (mark is not null && mark.Status == s && mark.Reason == Clean(row.Reason) && mark.SubstituteName == Clean(row.SubstituteName))
            {
                continue;
            }

            if (mark is null)
            {
                var invitation = lines[row.InvitationId].Invitation;
                mark = AttendanceMark.Create(invitation.Id, invitation.MeetingId, invitation.EndpointId, invitation.UnitId);
                db.AttendanceMarks.Add(mark);
                marks[row.InvitationId] = mark;
            }

            if (mark.Mark(s, row.Reason, row.SubstituteName, by, now) is { } error)
            {
                errors.Add(error with { Field = error.Field is null ? null : $"Rows[{n}].{error.Field}" });
                continue;
            }

            changed.Add(row.InvitationId);
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result<int>.Fail(errors.Distinct().ToList());
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict;
        }

        if (changed.Count > 0 && view.Meeting.Mode.HasOnlinePart())
        {
            // The consoles get the changed rows and the endpoint's counts only.
            await broadcaster.SendConsoleAsync(input.MeetingId, new ConsoleChange([input.EndpointId], changed.Distinct().ToList()), ct);
        }

        return Result<int>.Ok(changed.Count);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static AttendanceStatus? Parse(string value) =>
        Enum.TryParse<AttendanceStatus>(value, out var s) && Enum.IsDefined(s) && s != AttendanceStatus.Unmarked && !int.TryParse(value, out _) ? s : null;
}
