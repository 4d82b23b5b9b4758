using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Documents;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>The meeting's invitation letter ("Giấy mời") as .docx, for anyone who may see the meeting.</summary>
public static class DownloadInvitationLetter
{
    public static async Task<IResult> HandleAsync(Guid id, CurrentUser current, MeetingAccess access, BriefingsDbContext db, PaperTemplates templates, TimeProvider clock, Microsoft.Extensions.Options.IOptions<MeetingOptions> options, CancellationToken ct)
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

        var model = await BuildModelAsync(meeting, db, options.Value.PublicBaseUrl, ct);
        var bytes = InvitationLetter.Render(model, templates.Load(model.Template));
        var name = meeting.InvitationNumber is { } number ? TextFolding.AsciiFileName("giay-moi-" + number) : "giay-moi";
        return TypedResults.File(bytes, PaperWriter.ContentType, name + ".docx");
    }

    /// <summary>"Đảng ủy xã An Lạc" under "Xã An Lạc" → "Đảng ủy các xã"; a name that does not end with its area's stays.</summary>
    internal static string ForAll(string unitName, string? areaName)
    {
        if (areaName is null || areaName.IndexOf(' ', StringComparison.Ordinal) is not (> 0 and var space))
        {
            return unitName;
        }

        var tail = " " + Paper.InSentence(areaName);
        return unitName.EndsWith(tail, StringComparison.OrdinalIgnoreCase)
            ? $"{unitName[..^tail.Length]} các {areaName[..space].ToLower(VietnameseText.Culture)}"
            : unitName;
    }

    public static async Task<InvitationLetterModel> BuildModelAsync(Meeting meeting, BriefingsDbContext db, string baseUrl, CancellationToken ct)
    {
        var issuer = await PaperIssuer.ReadAsync(db, meeting.OrganizerUnitId, ct);
        var area = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.BodyAreaId, ct);
        var chair = meeting.ChairPersonId is { } c ? await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c, ct) : null;
        var secretary = meeting.SecretaryPersonId is { } s ? await db.People.AsNoTracking().FirstOrDefaultAsync(x => x.Id == s, ct) : null;
        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meeting.Id).ToListAsync(ct);
        var invited = await (
            from i in db.Invitations.AsNoTracking()
            where i.MeetingId == meeting.Id
            join p in db.People.AsNoTracking() on i.PersonId equals p.Id
            join u in db.Units.AsNoTracking() on i.UnitId equals u.Id
            join a in db.Units.AsNoTracking() on u.ParentId equals a.Id into parents
            from a in parents.DefaultIfEmpty()
            select new { i.EndpointId, i.Title, p.FullName, UnitName = u.Name, u.SortOrder, AreaName = a != null && a.Kind == UnitKind.Area ? a.Name : null }).ToListAsync(ct);

        // The invited by name, as the directory has them: the people of the main hall one by one, and at each
        // other endpoint the bodies invited there.
        var lines = new List<string>();
        var host = endpoints.FirstOrDefault(e => e.IsHost);
        lines.AddRange(invited.Where(i => host is null || i.EndpointId == host.Id)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Title.StartsWith("Phó", StringComparison.Ordinal) || i.Title.StartsWith("Chuyên viên", StringComparison.Ordinal) ? 1 : 0)
            .Select(i => $"Đồng chí {i.FullName}, {i.Title}"));
        // At the other endpoints the same bodies repeat in every commune: named once for all, as offices write it
        // ("Đảng ủy các xã", "Chi hội Nông dân các ấp").
        var others = endpoints.Where(e => !e.IsHost).Select(e => e.Id).ToHashSet();
        var groups = invited.Where(i => others.Contains(i.EndpointId))
            .GroupBy(i => ForAll(i.UnitName, i.AreaName))
            .OrderBy(g => g.Min(i => i.SortOrder))
            .Select(g => g.Key)
            .ToList();
        if (groups.Count > 0)
        {
            var count = invited.Where(i => others.Contains(i.EndpointId)).Select(i => i.EndpointId).Distinct().Count();
            lines.Add($"Tại {count} điểm cầu: {string.Join(", ", groups)}");
        }

        if (lines.Count == 0)
        {
            var coordinating = await db.Units.AsNoTracking().Where(u => meeting.CoordinatingUnitIds.Contains(u.Id)).OrderBy(u => u.SortOrder).Select(u => u.Name).ToListAsync(ct);
            lines.AddRange(coordinating.Count > 0 ? coordinating : ["Các đơn vị theo thành phần dự họp"]);
        }

        return new InvitationLetterModel(
            IssuerName: issuer.Name,
            IssuerSuperior: issuer.Superior,
            Number: meeting.InvitationNumber,
            IssuerSymbol: issuer.Symbol,
            Place: issuer.Place.Length > 0 ? issuer.Place : area.ShortName,
            IssuedOn: meeting.InvitationIssuedOn,
            Title: meeting.Title,
            Invited: lines,
            StartsLocal: VietnameseText.ToLocal(meeting.StartsAt),
            EndsLocal: VietnameseText.ToLocal(meeting.EndsAt),
            MeetingPlace: meeting.Place,
            ModeText: meeting.Mode.DisplayName(),
            Endpoints: meeting.Mode.HasOnlinePart() ? endpoints.Where(e => !e.IsHost).OrderBy(e => e.Name, VietnameseText.Order).Select(e => e.AreaName).ToList() : [],
            JoinLink: meeting.Mode.HasOnlinePart() ? $"{baseUrl.TrimEnd('/')}/meetings/{meeting.Id}" : null,
            Chair: chair is null ? null : $"Đồng chí {chair.FullName}, {chair.MainTitle}",
            Agenda: meeting.Agenda.OrderBy(a => a.Order).Select(a => a.Title).ToList(),
            Contact: secretary is null ? null : $"Đồng chí {secretary.FullName}, {secretary.MainTitle}" + (secretary.Phone is { Length: > 0 } phone ? $", điện thoại {phone}." : "."),
            Signature: issuer.Signature(),
            ArchiveMark: issuer.ArchiveMark)
        {
            Template = PaperTemplates.For(issuer.Unit),
            IssuerInSentence = issuer.Unit.Name,
            NumberStyle = issuer.NumberStyle,
        };
    }
}
