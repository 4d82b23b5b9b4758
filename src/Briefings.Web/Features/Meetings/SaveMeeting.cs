using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>Creates or changes a meeting: its time (Vietnam time in, UTC stored), place, mode, organizer,
/// chair and secretary. Refuses a meeting that ends before it starts and a room booked twice at once. A meeting moved
/// (day, time, room or mode) after its invitations went out is told to every invited unit (<see cref="TellInvitedUnits"/>)
/// and its reminders start again for the new time.</summary>
public sealed class SaveMeeting(BriefingsDbContext db, IEnumerable<IMeetingSavedHandler>? handlers = null, TellInvitedUnits? tell = null, TimeProvider? clock = null)
{
    public sealed record Input(
        Guid? Id, Guid AreaId, string? Title, MeetingType Type, MeetingMode Mode, DateOnly? Date, TimeOnly? StartTime, TimeOnly? EndTime,
        string? Place, string? OrganizerCode, string? CoordinatingCodes, Guid? ChairPersonId, Guid? SecretaryPersonId, string? AgendaText, int Version);

    /// <summary>As the office of the area (<paramref name="scope"/>): plans new meetings and changes any of the area.</summary>
    public Task<Result<Meeting>> RunAsync(Input input, AccessScope scope, CancellationToken ct = default) => RunAsync(input, scope, null, ct);

    /// <summary>As the caller: the office of the area, or — for an existing meeting — the staff of its organizing unit
    /// (<see cref="MeetingAccess.IsOrganizerStaff"/>), who may not hand the meeting to a unit outside their own.</summary>
    public Task<Result<Meeting>> RunAsync(Input input, Briefings.Web.Infrastructure.UserContext user, CancellationToken ct = default) =>
        RunAsync(input, user.Scope, user, ct);

    /// <summary>Whether the person may chair or keep the minutes of a meeting of <paramref name="area"/>: a person of the
    /// area's own units, or of an area above it (a provincial leader chairing the district's briefing) — never another
    /// district's or a neighbouring commune's. The page offers a narrower list; a forged post named any person of the
    /// installation, who was then printed on the invitation letter (walk-hostile4's "Left").</summary>
    private async Task<bool> OfThisLineAsync(Guid personId, Unit area, CancellationToken ct)
    {
        var unitPath = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Join(db.Units.AsNoTracking(), p => p.UnitId, u => u.Id, (p, u) => u.Path).FirstOrDefaultAsync(ct);
        if (unitPath is null)
        {
            return false;
        }

        if (unitPath.StartsWith(area.Path, StringComparison.Ordinal))
        {
            return true;
        }

        var line = UnitPath.Ids(unitPath).ToList();
        var nearestArea = await db.Units.AsNoTracking().Where(u => line.Contains(u.Id) && u.Kind == UnitKind.Area)
            .OrderByDescending(u => u.Depth).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        return nearestArea is { } id && area.AncestorIds().Contains(id);
    }

    private async Task<Result<Meeting>> RunAsync(Input input, AccessScope scope, Briefings.Web.Infrastructure.UserContext? user, CancellationToken ct)
    {
        Meeting? meeting = null;
        if (input.Id is { } id)
        {
            meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, ct);
            if (meeting is null)
            {
                return Error.NotFound;
            }

            if (meeting.Version != input.Version)
            {
                return Error.Conflict;
            }
        }

        var area = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == (meeting == null ? input.AreaId : meeting.BodyAreaId), ct);
        if (area is null)
        {
            return Error.NotFound;
        }

        // A new meeting is the area's, planned by the area's office, or — planned by a Front's or an organization's
        // office in its own area — that body's own briefing with its branches (Meeting.OrganizerOwns).
        var bodysOwn = meeting?.OrganizerOwns ?? (!MeetingAccess.MayManage(area, scope) && MeetingAccess.IsBodyOffice(scope) && area.Path == scope.AreaPath);
        var currentOrganizer = meeting is null ? null : await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        var office = meeting is null
            ? bodysOwn || MeetingAccess.MayManage(area, scope)
            : MeetingAccess.MayManage(meeting, area, currentOrganizer!, scope);
        if (!office && (currentOrganizer is null || user is null || !MeetingAccess.IsOrganizerStaff(currentOrganizer, user)))
        {
            return Error.Forbidden;
        }

        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(new Error("Vui lòng nhập tên cuộc họp.", nameof(Input.Title)));
        }

        if (input.Date is null)
        {
            errors.Add(new Error("Vui lòng chọn ngày họp.", nameof(Input.Date)));
        }
        else if (!PlanningYears.Contain(input.Date.Value))
        {
            errors.Add(PlanningYears.Refusal("Ngày họp", nameof(Input.Date)));
        }

        if (input.StartTime is null)
        {
            errors.Add(new Error("Vui lòng nhập giờ bắt đầu.", nameof(Input.StartTime)));
        }

        if (input.EndTime is null)
        {
            errors.Add(new Error("Vui lòng nhập giờ kết thúc.", nameof(Input.EndTime)));
        }

        if (string.IsNullOrWhiteSpace(input.Place))
        {
            errors.Add(new Error("Vui lòng nhập địa điểm (phòng họp).", nameof(Input.Place)));
        }

        var organizer = string.IsNullOrWhiteSpace(input.OrganizerCode) ? null : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == input.OrganizerCode.Trim(), ct);
        if (string.IsNullOrWhiteSpace(input.OrganizerCode))
        {
            errors.Add(new Error("Vui lòng nhập mã đơn vị chủ trì chuẩn bị.", nameof(Input.OrganizerCode)));
        }
        else if (organizer is null)
        {
            errors.Add(new Error("Không tìm thấy đơn vị chủ trì chuẩn bị với mã đã nhập.", nameof(Input.OrganizerCode)));
        }
        else if (organizer.IsRetired)
        {
            errors.Add(new Error("Đơn vị chủ trì chuẩn bị đã ngừng hoạt động.", nameof(Input.OrganizerCode)));
        }
        else if (bodysOwn && !scope.All && !scope.Covers(organizer))
        {
            // The body's own briefing stays the body's: its office cannot make it the party's or another body's.
            errors.Add(new Error("Cuộc họp của cơ quan bạn phải do chính cơ quan bạn (hoặc một bộ phận của cơ quan) chủ trì chuẩn bị.", nameof(Input.OrganizerCode)));
        }
        else if (!office && user is not null && !MeetingAccess.IsOrganizerStaff(organizer, user))
        {
            // The organizing unit runs its own meetings; handing one to another unit is the office's decision.
            errors.Add(new Error("Đơn vị chủ trì chuẩn bị phải là đơn vị của bạn; muốn giao cho đơn vị khác, đề nghị Văn phòng sửa.", nameof(Input.OrganizerCode)));
        }

        foreach (var (personId, now, field, label) in new[]
        {
            (input.ChairPersonId, meeting?.ChairPersonId, nameof(Input.ChairPersonId), "Người chủ trì"),
            (input.SecretaryPersonId, meeting?.SecretaryPersonId, nameof(Input.SecretaryPersonId), "Thư ký"),
        })
        {
            if (personId is { } pid && pid != now && !await OfThisLineAsync(pid, area, ct))
            {
                errors.Add(new Error($"{label} phải là cán bộ của {area.Name} hoặc của cấp trên; hãy chọn trong danh sách.", field));
            }
        }

        var coordinating = new List<Guid>();
        foreach (var code in (input.CoordinatingCodes ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
            if (unit is null)
            {
                errors.Add(new Error($"Không tìm thấy đơn vị phối hợp có mã '{code}'.", nameof(Input.CoordinatingCodes)));
            }
            else if (unit.IsRetired)
            {
                errors.Add(new Error($"Đơn vị phối hợp '{unit.Name}' đã ngừng hoạt động.", nameof(Input.CoordinatingCodes)));
            }
            else
            {
                coordinating.Add(unit.Id);
            }
        }

        DateTimeOffset start = default, end = default;
        if (input is { Date: { } date, StartTime: { } st, EndTime: { } et } && PlanningYears.Contain(date))
        {
            start = VietnameseText.ToUtc(date, st);
            end = VietnameseText.ToUtc(date, et);
            if (end <= start)
            {
                errors.Add(new Error("Giờ kết thúc phải sau giờ bắt đầu.", nameof(Input.EndTime)));
            }
            else if (!string.IsNullOrWhiteSpace(input.Place))
            {
                // A room is a name inside one area's line: "Hội trường UBND xã" of An Lạc is not Bình Đông's, and a district
                // meeting held in a commune's hall books that commune's room. So a clash is a meeting of this area, one
                // above it or one below it — never a neighbouring commune's (walk-hostile4: a commune was refused its own
                // hall and told the title of another commune's meeting not yet announced). The title is named only to the
                // office that manages the other meeting; anyone else learns only that the room is taken, and when.
                var key = TextFolding.Fold(input.Place);
                var above = area.AncestorIds();
                var areaPath = area.Path;
                var clash = await db.Meetings.AsNoTracking()
                    .Where(m => m.PlaceKey == key && m.Id != input.Id && m.Status != MeetingStatus.Cancelled && m.StartsAt < end && start < m.EndsAt)
                    .Join(db.Units.AsNoTracking(), m => m.BodyAreaId, u => u.Id, (m, u) => new { m.Title, m.StartsAt, Area = u })
                    .Where(x => above.Contains(x.Area.Id) || x.Area.Path.StartsWith(areaPath))
                    .FirstOrDefaultAsync(ct);
                if (clash is not null)
                {
                    errors.Add(new Error(MeetingAccess.MayManage(clash.Area, scope)
                        ? $"Phòng họp này đã được đặt cho cuộc họp \"{clash.Title}\" lúc {VietnameseText.DateTime(clash.StartsAt)}."
                        : $"Phòng họp này đã được đặt cho một cuộc họp khác lúc {VietnameseText.DateTime(clash.StartsAt)}.", nameof(Input.Place)));
                }
            }
        }

        if (errors.Count > 0)
        {
            return Result<Meeting>.Fail(errors);
        }

        if (meeting is null)
        {
            meeting = Meeting.Create(Guid.CreateVersion7(), input.Title!, input.Type, input.Mode, area.Id, organizer!.Id);
            if (bodysOwn)
            {
                meeting.OwnedByOrganizer();
            }

            db.Meetings.Add(meeting);
        }

        meeting.Title = input.Title!.Trim();
        meeting.Type = input.Type;
        meeting.OrganizerUnitId = organizer!.Id;
        meeting.CoordinatingUnitIds = coordinating;
        meeting.ChairPersonId = input.ChairPersonId;
        meeting.SecretaryPersonId = input.SecretaryPersonId;
        var before = (meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.PlaceKey, meeting.Mode);
        meeting.Mode = input.Mode;
        meeting.Schedule(start, end, input.Place!);
        Func<CancellationToken, Task>? mails = null;
        if (meeting.Status == MeetingStatus.Invited && meeting.StartedAt is null && tell is not null && before.EndsAt > (clock ?? TimeProvider.System).GetUtcNow()
            && (before.StartsAt, before.EndsAt, before.PlaceKey, before.Mode) != (meeting.StartsAt, meeting.EndsAt, meeting.PlaceKey, meeting.Mode))
        {
            mails = await TellMovedAsync(meeting, before.StartsAt, before.Place, ct);
        }
        if (input.AgendaText is not null)
        {
            meeting.SetAgenda(ParseAgenda(input.AgendaText, meeting.Agenda));
        }

        foreach (var handler in handlers ?? [])
        {
            await handler.OnSavingAsync(meeting, ct);
        }

        return await TellInvitedUnits.SaveThenSendAsync(db, mails, ct) is { } conflict ? conflict : Result<Meeting>.Ok(meeting);
    }

    // The invited units learn the new day, time and room with the old ones beside them; the reminders already sent for
    // the old time are forgotten, so each is sent again before the new one (none was sent for a meeting moved earlier
    // before its moment came, and a reminder naming the old day is never the last word).
    private async Task<Func<CancellationToken, Task>> TellMovedAsync(Meeting meeting, DateTimeOffset oldStart, string oldPlace, CancellationToken ct)
    {
        db.SentReminders.RemoveRange(await db.SentReminders.Where(r => r.MeetingId == meeting.Id).ToListAsync(ct));
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var was = TellInvitedUnits.WhenAndWhere(oldStart, oldPlace);
        var end = VietnameseText.ToLocal(meeting.EndsAt).ToString("HH:mm", VietnameseText.Culture);
        var isNow = $"{VietnameseText.DateTime(meeting.StartsAt)} – {end}, {meeting.Place} ({meeting.Mode.DisplayName()})";
        return await tell!.AddAsync(meeting,
            $"Thay đổi lịch họp: {meeting.Title} — nay họp lúc {isNow} (trước đây: {was}).",
            $"Thay đổi lịch họp: {meeting.Title}",
            $"Cuộc họp {meeting.Title} đã đổi lịch.\nThời gian, địa điểm mới: {isNow}.\nLịch cũ (không còn hiệu lực): {was}.\nGiấy mời và xác nhận tham dự của đơn vị vẫn giữ nguyên; nếu thay đổi người dự, đề nghị trả lời lại trên hệ thống.",
            now, ct);
    }

    /// <summary>One agenda item per line: "Title | presenter | minutes"; registered speeches keep their link.</summary>
    public static IEnumerable<AgendaItem> ParseAgenda(string text, IReadOnlyList<AgendaItem> current)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var minutes = parts.Length > 2 && int.TryParse(parts[2], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : 15;
            var presenter = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
            var existing = current.FirstOrDefault(a => a.Title == parts[0] && a.RegistrationId is not null);
            yield return new AgendaItem(0, parts[0], presenter, minutes, existing?.RegistrationId);
        }
    }

    public static string AgendaText(IReadOnlyList<AgendaItem> agenda) =>
        string.Join('\n', agenda.OrderBy(a => a.Order).Select(a => $"{a.Title} | {a.Presenter} | {a.PlannedMinutes}"));
}

/// <summary>Runs before a meeting created or changed through <see cref="SaveMeeting"/> is saved, in the same
/// transaction (the follow-up adds the review of the previous conclusion to the agenda).</summary>
public interface IMeetingSavedHandler
{
    Task OnSavingAsync(Meeting meeting, CancellationToken ct);
}
