using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>The meeting's invitation letter ("Giấy mời") as .docx, for anyone who may see the meeting.</summary>
public static class DownloadInvitationLetter
{
    public static async Task<IResult> HandleAsync(Guid id, CurrentUser current, MeetingAccess access, BriefingsDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MeetingOptions> options, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        if (!(await access.ForAsync(meeting, await current.GetAsync(ct), ct)).CanView)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var bytes = InvitationLetter.Render(await BuildModelAsync(meeting, db, clock, options.Value.PublicBaseUrl, ct));
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "giay-moi.docx");
    }

    public static async Task<InvitationLetterModel> BuildModelAsync(Meeting meeting, BriefingsDbContext db, TimeProvider clock, string baseUrl, CancellationToken ct)
    {
        var organizer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        var parent = organizer.ParentId is { } p ? await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == p, ct) : null;
        var area = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.BodyAreaId, ct);
        var chair = meeting.ChairPersonId is { } c ? await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c, ct) : null;
        var head = await db.People.AsNoTracking().Where(x => x.UnitId == organizer.Id && x.RetiredAt == null).ToListAsync(ct);
        var signer = head.OrderBy(x => x.Positions.Select(pos => pos.SortOrder).DefaultIfEmpty(0).Min()).FirstOrDefault();
        var rules = CompositionTemplates.Reference.Select(r => r.Label).Distinct().ToList();
        var recipients = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meeting.Id).OrderBy(e => !e.IsHost).ThenBy(e => e.Name).Select(e => e.Name).ToListAsync(ct);
        return new InvitationLetterModel(
            IssuerName: organizer.Name.ToUpper(VietnameseText.Culture),
            IssuerSuperior: parent is { Kind: not Core.Organizations.UnitKind.Area } ? parent.Name.ToUpper(VietnameseText.Culture) : null,
            Number: null,
            Place: area.ShortName,
            IssuedOn: DateOnly.FromDateTime(VietnameseText.ToLocal(clock.GetUtcNow())),
            Title: meeting.Title,
            Recipients: recipients.Count > 0 ? ["Các đồng chí có tên trong thành phần dự họp"] : ["Các đơn vị được mời"],
            StartsLocal: VietnameseText.ToLocal(meeting.StartsAt),
            EndsLocal: VietnameseText.ToLocal(meeting.EndsAt),
            MeetingPlace: meeting.Place,
            ModeText: meeting.Mode.DisplayName(),
            JoinLink: meeting.Mode.HasOnlinePart() ? $"{baseUrl.TrimEnd('/')}/meetings/{meeting.Id}" : null,
            Chair: chair?.FullName is { } name ? $"Đồng chí {name} — {chair.MainTitle}" : null,
            Composition: rules,
            Agenda: meeting.Agenda.OrderBy(a => a.Order).Select(a => a.Title).ToList(),
            SigningForm: "T/M " + organizer.Name.ToUpper(VietnameseText.Culture),
            SignerTitle: (signer?.MainTitle ?? "Trưởng ban").ToUpper(VietnameseText.Culture),
            SignerName: signer?.FullName ?? "",
            ArchiveCode: organizer.DocumentSymbol ?? organizer.ShortName);
    }
}
