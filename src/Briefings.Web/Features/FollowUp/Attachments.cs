using System.Security.Cryptography;
using Briefings.Core.Common;
using Briefings.Core.FollowUp;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Briefings.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// Files attached to reports: checked (count, size, type) before anything is saved, stored in the database
/// beside the report (bytes in their own table), and served only to accounts that may see the task. Type, content
/// and download follow the one upload rule, <see cref="Uploads"/>.
/// </summary>
public sealed class Attachments(BriefingsDbContext db, IOptions<FollowUpOptions> options)
{
    public async Task<IReadOnlyList<Error>> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken ct = default)
    {
        var o = options.Value;
        var errors = new List<Error>();
        var real = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (real.Count > o.MaxAttachmentsPerReport)
        {
            errors.Add(new Error($"Mỗi báo cáo kèm tối đa {o.MaxAttachmentsPerReport} tệp; bạn đã chọn {real.Count} tệp.", "Files"));
        }

        if (real.Sum(f => f.Length) > o.MaxReportBytes && real.All(f => f.Length <= o.MaxAttachmentBytes))
        {
            errors.Add(new Error($"Tổng dung lượng các tệp của một báo cáo tối đa {Megabytes(o.MaxReportBytes)} MB; vui lòng bớt tệp hoặc gửi trong báo cáo sau.", "Files"));
        }

        foreach (var file in real)
        {
            var name = Uploads.StoredName(file.FileName);
            if (file.Length == 0)
            {
                errors.Add(new Error($"Tệp \"{name}\" rỗng.", "Files"));
            }
            else if (file.Length > o.MaxAttachmentBytes)
            {
                errors.Add(new Error($"Tệp \"{name}\" quá lớn ({MegabytesOver(file.Length)} MB). Giới hạn là {Megabytes(o.MaxAttachmentBytes)} MB mỗi tệp.", "Files"));
            }
            else if (await Uploads.CheckAsync(file, o.AllowedAttachmentExtensions, "Files", ct) is { } refused)
            {
                errors.Add(refused);
            }
        }

        return errors;
    }

    /// <summary>Adds the files to the report (the caller has checked them and saves).</summary>
    public async Task AddAsync(TaskReport report, IReadOnlyList<IFormFile> files, string by, DateTimeOffset at, CancellationToken ct)
    {
        foreach (var file in files.Where(f => f.Length > 0))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var name = Uploads.StoredName(file.FileName);
            var attachment = new TaskAttachment
            {
                TaskId = report.TaskId,
                ReportId = report.Id,
                FileName = name,
                ContentType = Uploads.ContentTypeOf(name),
                Size = bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                UploadedBy = by,
                UploadedAt = at,
            };
            db.TaskAttachments.Add(attachment);
            db.TaskAttachmentContents.Add(new TaskAttachmentContent { AttachmentId = attachment.Id, Content = bytes });
        }
    }

    /// <summary>GET /tasks/{id}/attachments/{attachmentId}: 404 when either is missing, 403 without access to the task.</summary>
    public static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, CurrentUser current, TaskAccess access, BriefingsDbContext db, HttpContext http, CancellationToken ct)
    {
        var task = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        if (!(await access.ForAsync(task, await current.GetAsync(ct), ct)).CanView)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var attachment = await db.TaskAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.TaskId == id, ct);
        if (attachment is null)
        {
            return TypedResults.NotFound();
        }

        var content = await db.TaskAttachmentContents.AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Content).FirstAsync(ct);
        return Uploads.Download(http, content, attachment.FileName);
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", VietnameseText.Culture);

    /// <summary>A size over a limit, rounded up to a tenth: a file of 10 MB and 50 KB said "quá lớn (10 MB). Giới hạn là
    /// 10 MB" (walk-clerk).</summary>
    private static string MegabytesOver(long bytes) => (Math.Ceiling(bytes / 1024d / 1024d * 10) / 10).ToString("0.#", VietnameseText.Culture);
}
