using System.Globalization;
using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Briefings.Web.Documents;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// The biên bản of a meeting as a <see cref="Paper"/>: time, place with the endpoints, chair and secretary, the roll
/// call per endpoint (present in the hall, online, substitutes, absent with reasons), the proceedings item by item as
/// the secretary typed them in the console, who spoke, the closing time; signed by the secretary ("THƯ KÝ", left) and
/// the chair ("CHỦ TRÌ", right). Anyone who may see the meeting may download it (.docx, or PDF through LibreOffice).
/// </summary>
public static class MinutesPaper
{
    public const string TypeCode = "BB";

    public static async Task<IResult> DocxAsync(Guid id, CurrentUser current, MeetingAccess access, BriefingsDbContext db, PaperTemplates templates, CancellationToken ct)
    {
        var (refusal, docx) = await RenderAsync(id, current, access, db, templates, ct);
        return refusal ?? TypedResults.File(docx!, PaperWriter.ContentType, "bien-ban.docx");
    }

    public static async Task<IResult> PdfAsync(Guid id, CurrentUser current, MeetingAccess access, BriefingsDbContext db, PaperTemplates templates, PdfConverter converter, CancellationToken ct)
    {
        var (refusal, docx) = await RenderAsync(id, current, access, db, templates, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            return TypedResults.File(await converter.ConvertAsync(docx!, ct), "application/pdf", "bien-ban.pdf");
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            return TypedResults.Problem(ex.Message + " Vẫn có thể tải bản .docx.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<(IResult? Refusal, byte[]? Docx)> RenderAsync(Guid id, CurrentUser current, MeetingAccess access, BriefingsDbContext db, PaperTemplates templates, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return (TypedResults.NotFound(), null);
        }

        if (!(await access.ForAsync(meeting, await current.GetAsync(ct), ct)).CanView)
        {
            return (TypedResults.StatusCode(StatusCodes.Status403Forbidden), null);
        }

        var organizer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        return (null, PaperWriter.Render(await BuildAsync(meeting, db, ct), templates.LoadFor(organizer)));
    }

    public static async Task<Paper> BuildAsync(Meeting meeting, BriefingsDbContext db, CancellationToken ct)
    {
        var issuer = await PaperIssuer.ReadAsync(db, meeting.OrganizerUnitId, ct);
        var chair = meeting.ChairPersonId is { } c ? await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c, ct) : null;
        var secretary = meeting.SecretaryPersonId is { } s ? await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == s, ct) : null;
        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meeting.Id).ToListAsync(ct);
        var invited = await (
            from i in db.Invitations.AsNoTracking()
            where i.MeetingId == meeting.Id
            join p in db.People.AsNoTracking() on i.PersonId equals p.Id
            select new { i.Id, i.EndpointId, i.Title, p.FullName }).ToListAsync(ct);
        var marks = await db.AttendanceMarks.AsNoTracking().Where(m => m.MeetingId == meeting.Id).ToDictionaryAsync(m => m.InvitationId, ct);
        var minutes = await db.MinutesEntries.AsNoTracking().Where(m => m.MeetingId == meeting.Id).ToDictionaryAsync(m => m.AgendaOrder, m => m.Text, ct);
        var room = await db.LiveRooms.AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == meeting.Id, ct);

        var starts = VietnameseText.ToLocal(meeting.StartsAt);
        var ends = VietnameseText.ToLocal(meeting.EndsAt);
        var body = new List<PaperBlock>
        {
            new PaperText("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", PaperTextStyle.Heading),
            new PaperLabelled("Thời gian: ", string.Create(CultureInfo.InvariantCulture, $"bắt đầu lúc {starts:HH} giờ {starts:mm}, ngày {starts:dd/MM/yyyy}.")),
            new PaperLabelled("Địa điểm: ", meeting.Place + (meeting.Mode.HasOnlinePart() && endpoints.Any(e => !e.IsHost)
                ? $"; trực tuyến tại {endpoints.Count(e => !e.IsHost)} điểm cầu: {string.Join(", ", endpoints.Where(e => !e.IsHost).OrderBy(e => e.Name, VietnameseText.Order).Select(e => Paper.InSentence(e.AreaName)))}."
                : ".")),
            new PaperLabelled("Chủ trì: ", chair is null ? "(chưa phân công)" : $"đồng chí {chair.FullName}, {chair.MainTitle}."),
            new PaperLabelled("Thư ký: ", secretary is null ? "(chưa phân công)" : $"đồng chí {secretary.FullName}, {secretary.MainTitle}."),
        };

        // The roll call, endpoint by endpoint.
        var statuses = invited.Select(i => (i.EndpointId, Status: marks.TryGetValue(i.Id, out var m) ? m.Status : AttendanceStatus.Unmarked)).ToList();
        int Count(AttendanceStatus status, Guid? endpoint = null) => statuses.Count(x => x.Status == status && (endpoint is null || x.EndpointId == endpoint));
        var present = Count(AttendanceStatus.InRoom) + Count(AttendanceStatus.Online) + Count(AttendanceStatus.Substitute);
        var unmarked = Count(AttendanceStatus.Unmarked);
        var tally = string.Create(CultureInfo.InvariantCulture,
            $"triệu tập {invited.Count} đại biểu; có mặt {present} (tại hội trường {Count(AttendanceStatus.InRoom)}, trực tuyến {Count(AttendanceStatus.Online)}, dự thay {Count(AttendanceStatus.Substitute)}); vắng {Count(AttendanceStatus.Absent)}");
        body.Add(new PaperLabelled("Thành phần: ", tally + (unmarked > 0 ? string.Create(CultureInfo.InvariantCulture, $"; chưa điểm danh {unmarked}.") : ".")));
        if (endpoints.Count > 0)
        {
            var rows = endpoints.OrderBy(e => !e.IsHost).ThenBy(e => e.Name, VietnameseText.Order).Select((e, n) =>
            {
                var absent = invited.Where(i => i.EndpointId == e.Id && marks.TryGetValue(i.Id, out var m) && m.Status is AttendanceStatus.Absent or AttendanceStatus.Substitute)
                    .Select(i => marks[i.Id] is { Status: AttendanceStatus.Absent } m ? $"{i.FullName} vắng: {m.Reason}" : $"{i.FullName}: {marks[i.Id].SubstituteName} dự thay");
                return (IReadOnlyList<string>)
                [
                    (n + 1).ToString(CultureInfo.InvariantCulture), e.AreaName,
                    statuses.Count(x => x.EndpointId == e.Id).ToString(CultureInfo.InvariantCulture),
                    (Count(AttendanceStatus.InRoom, e.Id) + Count(AttendanceStatus.Online, e.Id)).ToString(CultureInfo.InvariantCulture),
                    Count(AttendanceStatus.Substitute, e.Id).ToString(CultureInfo.InvariantCulture),
                    Count(AttendanceStatus.Absent, e.Id).ToString(CultureInfo.InvariantCulture),
                    string.Join("\n", absent),
                ];
            }).ToList();
            body.Add(new PaperTable(
                [new("STT", 8, true), new("Điểm cầu", 22), new("Triệu tập", 11, true), new("Có mặt", 10, true), new("Dự thay", 10, true), new("Vắng", 9, true), new("Ghi chú (vắng, dự thay)", 30)],
                rows));
        }

        body.Add(new PaperText("II. NỘI DUNG", PaperTextStyle.Heading));
        foreach (var item in meeting.Agenda.OrderBy(a => a.Order))
        {
            body.Add(new PaperText(string.Create(CultureInfo.InvariantCulture, $"{item.Order}. {item.Title}") + (string.IsNullOrWhiteSpace(item.Presenter) ? "" : $" ({item.Presenter} trình bày)"), PaperTextStyle.Heading));
            var text = minutes.TryGetValue(item.Order, out var typed) ? typed : "";
            var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            body.AddRange(lines.Length > 0 ? lines.Select(l => new PaperText(l)) : [new PaperText("(Thư ký chưa ghi nội dung mục này.)")]);
        }

        var spoke = room?.Speeches.Where(x => x.StartedAt is not null && x.Status != SpeechStatus.Withdrawn).OrderBy(x => x.StartedAt).ToList() ?? [];
        body.Add(new PaperText("III. Ý KIẾN PHÁT BIỂU", PaperTextStyle.Heading));
        if (spoke.Count == 0)
        {
            body.Add(new PaperText("Không có ý kiến phát biểu được ghi nhận trong phòng họp trực tuyến."));
        }
        else
        {
            body.Add(new PaperTable(
                [new("STT", 8, true), new("Đơn vị phát biểu", 32), new("Nội dung", 46), new("Lúc", 14, true)],
                spoke.Select((x, n) => (IReadOnlyList<string>)
                [
                    (n + 1).ToString(CultureInfo.InvariantCulture), x.UnitName, x.Topic,
                    VietnameseText.ToLocal(x.StartedAt!.Value).ToString("HH:mm", CultureInfo.InvariantCulture),
                ]).ToList()));
        }

        body.Add(new PaperText(string.Create(CultureInfo.InvariantCulture,
            $"Cuộc họp kết thúc lúc {ends:HH} giờ {ends:mm} cùng ngày. Biên bản đã được đọc lại cho các đại biểu dự họp nghe và thống nhất.")));

        return new Paper(
            issuer.Superior,
            issuer.Name,
            issuer.NumberLine(null, TypeCode),
            Paper.DateLineOf(issuer.Place, DateOnly.FromDateTime(starts)),
            "BIÊN BẢN",
            meeting.Title,
            body,
            [],
            [new PaperSignature("", "THƯ KÝ", secretary?.FullName ?? ""), new PaperSignature("", "CHỦ TRÌ", chair?.FullName ?? "")]);
    }
}
