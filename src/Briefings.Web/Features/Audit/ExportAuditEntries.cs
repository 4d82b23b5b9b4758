using System.Globalization;
using Briefings.Core.Common;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Audit;

/// <summary>The filtered audit log as .xlsx, with the same words and Vietnam time as the page.</summary>
public static class ExportAuditEntries
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<IResult> HandleAsync(HttpContext http, CurrentUser currentUser, ListAuditEntries list, TimeProvider clock, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        if (user is null)
        {
            return TypedResults.Forbid();
        }

        var q = http.Request.Query;
        var filter = AuditFilter.Parse(q["from"], q["to"], q["account"], q["unit"], q["type"], q["id"]);
        if (!filter.IsValid)
        {
            return TypedResults.Problem(string.Join(" ", filter.Errors.Values), statusCode: StatusCodes.Status400BadRequest, title: "Bộ lọc không hợp lệ");
        }

        if (await list.AllAsync(user.Scope, filter, ct) is not { } entries)
        {
            return TypedResults.Problem(ListAuditEntries.ExportTooLarge, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Quá nhiều dòng để xuất");
        }

        var rows = new List<Dictionary<string, object?>>(entries.Count);
        foreach (var row in entries)
        {
            rows.Add(new Dictionary<string, object?>
            {
                ["Thời điểm"] = VietnameseText.DateTime(row.At),
                ["Người thực hiện"] = row.UserName,
                ["Đối tượng"] = AuditLabels.EntityType(row.EntityType),
                ["Mã đối tượng"] = row.EntityId,
                ["Thao tác"] = row.Action,
                ["Thay đổi"] = AuditLabels.Lines(row.Changes),
            });
        }

        object sheet = rows.Count > 0 ? rows : new[] { new Dictionary<string, object?>
        {
            ["Thời điểm"] = null, ["Người thực hiện"] = null, ["Đối tượng"] = null, ["Mã đối tượng"] = null, ["Thao tác"] = null, ["Thay đổi"] = null,
        } };
        var bytes = await Documents.Workbooks.SaveAsync(sheet, ct, sheetName: "Nhật ký");
        var stamp = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), VietnameseText.VietnamTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return TypedResults.File(bytes, ContentType, $"nhat-ky-{stamp}.xlsx");
    }
}
