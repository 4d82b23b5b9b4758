using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Briefings.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>Adds a document to a meeting (managers only), refusing files over the limit or not passing the one
/// upload rule (<see cref="Uploads"/>: extension and content); documents are served only to accounts that may see
/// the meeting, as downloads.</summary>
public static class UploadDocument
{
    public static async Task<IReadOnlyList<Error>> RunAsync(BriefingsDbContext db, MeetingAccess access, MeetingOptions options, Guid meetingId, IFormFile? file, string? description, int? agendaOrder, UserContext user, DateTimeOffset now, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return [Error.NotFound];
        }

        if (!(await access.ForAsync(meeting, user, ct)).CanManage)
        {
            return [Error.Forbidden];
        }

        if (file is null || file.Length == 0)
        {
            return [new Error("Vui lòng chọn tệp tài liệu.")];
        }

        if (file.Length > options.MaxDocumentBytes)
        {
            return [new Error($"Tệp \"{Uploads.StoredName(file.FileName)}\" quá lớn ({file.Length / 1024 / 1024} MB). Giới hạn là {options.MaxDocumentBytes / 1024 / 1024} MB.")];
        }

        if (await Uploads.CheckAsync(file, options.AllowedDocumentExtensions, null, ct) is { } refused)
        {
            return [refused];
        }

        if (agendaOrder is { } order && !meeting.Agenda.Any(a => a.Order == order))
        {
            return [new Error("Mục chương trình đã chọn không còn trong chương trình họp.")];
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        db.MeetingDocuments.Add(new MeetingDocument
        {
            MeetingId = meetingId,
            FileName = Uploads.StoredName(file.FileName),
            ContentType = Uploads.ContentTypeOf(Uploads.StoredName(file.FileName)),
            Size = file.Length,
            Content = buffer.ToArray(),
            Description = description?.Trim() ?? "",
            AgendaOrder = agendaOrder,
            UploadedBy = user.User.UserName!,
            UploadedAt = now,
        });
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static async Task<IResult> DownloadAsync(Guid id, Guid documentId, CurrentUser current, MeetingAccess access, BriefingsDbContext db, HttpContext http, CancellationToken ct)
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

        var document = await db.MeetingDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.MeetingId == id, ct);
        return document is null ? TypedResults.NotFound() : Uploads.Download(http, document.Content, document.FileName);
    }
}
