using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>What the office should look at again before a meeting goes ahead, shown on its page to those who manage
/// it: a day off (a Sunday, a holiday of the office's list), a chair or a secretary booked for another meeting at the
/// same time, a time already past for a meeting never sent nor opened. Not refusals: an office may meet on a Saturday
/// or record a meeting after the fact; the room booked twice stays refused (<see cref="SaveMeeting"/>).</summary>
public sealed class MeetingCautions(BriefingsDbContext db, HolidayStore holidays, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ForAsync(Meeting meeting, CancellationToken ct = default)
    {
        var cautions = new List<string>();
        if (meeting.Status == MeetingStatus.Cancelled || meeting.EndedAt is not null || meeting.ConcludedAt is not null)
        {
            return cautions;
        }

        var day = DateOnly.FromDateTime(VietnameseText.ToLocal(meeting.StartsAt));
        if ((await holidays.DaysOffAsync([day], ct)).TryGetValue(day, out var off))
        {
            cautions.Add($"Ngày họp {day.ToString("dd/MM/yyyy", VietnameseText.Culture)} rơi vào {HolidayStore.DayOffText(off)}. Nếu không định họp ngày nghỉ, hãy sửa ngày họp.");
        }

        foreach (var (personId, role) in new[] { (meeting.ChairPersonId, "Người chủ trì"), (meeting.SecretaryPersonId, "Thư ký") })
        {
            if (personId is not { } id)
            {
                continue;
            }

            // Only the time of the other meeting is named: it may be another body's, not yet announced.
            var other = await db.Meetings.AsNoTracking()
                .Where(m => m.Id != meeting.Id && m.Status != MeetingStatus.Cancelled && (m.ChairPersonId == id || m.SecretaryPersonId == id)
                    && m.StartsAt < meeting.EndsAt && meeting.StartsAt < m.EndsAt)
                .OrderBy(m => m.StartsAt).Select(m => new { m.StartsAt, m.EndsAt }).FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                var name = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.FullName).FirstOrDefaultAsync(ct);
                cautions.Add($"{role} ({name}) đã có lịch ở một cuộc họp khác từ {VietnameseText.DateTime(other.StartsAt)} đến {VietnameseText.ToLocal(other.EndsAt).ToString("HH:mm", VietnameseText.Culture)}, trùng giờ với cuộc họp này.");
            }
        }

        if (meeting.StartedAt is null && meeting.InvitationsSentAt is null && meeting.EndsAt < clock.GetUtcNow())
        {
            cautions.Add("Thời gian họp đã qua mà cuộc họp chưa gửi giấy mời. Nếu đây là cuộc họp đã diễn ra, hãy ghi kết quả; nếu chưa họp, hãy sửa ngày họp.");
        }

        return cautions;
    }
}
