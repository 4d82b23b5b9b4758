using System.Globalization;
using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Meetings;

/// <summary>Sends the invitations: an in-app notice to each invited unit and one e-mail per unit to its
/// invitees that have an address; the meeting becomes visible to the invited units.
/// <para>Sending again is allowed (after the list or the meeting changed), but only from a page that saw the meeting as
/// it is: the page posts the version it showed (<c>expectedVersion</c>). Before, a double tap on "Gửi giấy mời" or
/// a resent post sent every notice and e-mail two or three times.</para></summary>
public sealed class SendInvitations(BriefingsDbContext db, Mailer mailer, TimeProvider clock, IOptions<MeetingOptions> options, Documents.PaperNumbers numbers)
{
    public static Error AlreadySent(DateTimeOffset? at) => new(
        $"Giấy mời vừa được gửi{(at is { } sent ? " lúc " + VietnameseText.DateTime(sent) : "")} hoặc cuộc họp vừa thay đổi sau khi bạn mở trang (có thể đã bấm gửi hai lần). Lần bấm này không gửi gì. Nếu cần gửi lại, hãy xem lại trang rồi bấm \"Gửi giấy mời\".");

    /// <param name="expectedVersion">The meeting's version the page showed; null (jobs, tests) sends whatever it is.</param>
    public async Task<Result<int>> RunAsync(Guid meetingId, AccessScope scope, CancellationToken ct = default, int? expectedVersion = null)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        var area = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.BodyAreaId, ct);
        var organizer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        if (!MeetingAccess.MayManage(meeting, area, organizer, scope))
        {
            return Error.Forbidden;
        }

        if (expectedVersion is { } expected && expected != meeting.Version)
        {
            return AlreadySent(meeting.InvitationsSentAt);
        }

        var invitations = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .Join(db.People.AsNoTracking(), i => i.PersonId, p => p.Id, (i, p) => new { i.UnitId, p.FullName, p.Email })
            .ToListAsync(ct);
        if (invitations.Count == 0)
        {
            return new Error("Chưa có danh sách mời. Hãy áp dụng thành phần dự họp trước.");
        }

        var unitIds = invitations.Select(i => i.UnitId).Distinct().ToList();
        var retired = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.RetiredAt != null).Select(u => u.Name).ToListAsync(ct);
        if (retired.Count > 0)
        {
            return new Error($"Danh sách mời có đơn vị đã ngừng hoạt động: {string.Join(", ", retired)}. Hãy áp dụng lại thành phần dự họp.");
        }

        var now = clock.GetUtcNow();
        if (meeting.MarkInvited(now) is { } error)
        {
            return error;
        }

        // The giấy mời takes its number from the organizer's register, as its own type ("GM"), when it goes out.
        if (meeting.InvitationNumber is null)
        {
            var issuedOn = DateOnly.FromDateTime(VietnameseText.ToLocal(now));
            meeting.NumberInvitation((await numbers.AllocateAsync(organizer, "GM", issuedOn, ct)).ToString(), issuedOn);
        }

        var link = $"/meetings/{meeting.Id}";
        var when = VietnameseText.DateTime(meeting.StartsAt);
        foreach (var unitId in unitIds)
        {
            db.Notifications.Add(new Notification { UnitId = unitId, CreatedAt = now, Link = link, Text = $"Giấy mời: {meeting.Title} — {when}, {meeting.Place}." });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Sent (or changed) by another post between our read and our write; nothing was sent by this one.
            return AlreadySent(null);
        }
        catch (DbUpdateException)
        {
            // Another invitation took the same register number at the same moment; nothing was sent.
            return new Error("Sổ đăng ký văn bản vừa được cập nhật bởi người khác. Vui lòng gửi lại giấy mời.");
        }

        var body = string.Create(CultureInfo.InvariantCulture, $"Kính mời đồng chí dự {meeting.Title}.\nThời gian: {when}.\nĐịa điểm: {meeting.Place} ({meeting.Mode.DisplayName()}).\nXác nhận tham dự, cử người dự thay hoặc báo vắng tại: {options.Value.PublicBaseUrl}{link}\n");
        foreach (var group in invitations.Where(i => !string.IsNullOrWhiteSpace(i.Email)).GroupBy(i => i.UnitId))
        {
            await mailer.SendAsync(group.Select(i => (i.FullName, i.Email!)).ToList(), $"Giấy mời: {meeting.Title}", body, ct);
        }

        return Result<int>.Ok(unitIds.Count);
    }
}
