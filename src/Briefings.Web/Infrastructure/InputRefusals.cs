using System.Text.Encodings.Web;
using System.Text.Unicode;
using Briefings.Data;
using Microsoft.AspNetCore.Antiforgery;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// The last line against hostile input that got past a form's own checks: a text longer than its column or a forged
/// enumeration value (<see cref="StoredValueRefusedException"/>, thrown by the database boundary before anything is
/// written), an id of a row that does not exist (a foreign-key violation, rolled back), a request the
/// server cannot read (<see cref="BadHttpRequestException"/>: a form too large, a malformed body) and a form posted
/// without a valid antiforgery token answer with a Vietnamese page and a 4xx status — never a 500, never a bare
/// English 400. Forms check their own fields first, next to the field; this page says what to do when they did not.
/// </summary>
public static class InputRefusals
{
    public const string TooLongTitle = "Nội dung nhập quá dài";
    public const string BadRequestTitle = "Yêu cầu không hợp lệ";

    public static void UseInputRefusals(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (await AntiforgeryRefusedAsync(context))
            {
                await WriteAsync(context, StatusCodes.Status400BadRequest, BadRequestTitle,
                    "Biểu mẫu đã hết hạn hoặc không hợp lệ (có thể do trang mở quá lâu hoặc đã đăng xuất). Vui lòng quay lại, tải lại trang rồi gửi lại.");
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception ex) when (Find<StoredValueRefusedException>(ex) is { } refused && !context.Response.HasStarted)
            {
                await WriteAsync(context, StatusCodes.Status422UnprocessableEntity, refused is TextTooLongException ? TooLongTitle : BadRequestTitle,
                    (refused is TextTooLongException tooLong ? TooLongMessage(tooLong) : refused.Message) + " Bấm \"Quay lại\" trên trình duyệt để sửa nội dung đã nhập.");
            }
            catch (Exception ex) when (Find<Microsoft.EntityFrameworkCore.DbUpdateException>(ex) is { } db && DatabaseErrors.IsForeignKeyViolation(db) && !context.Response.HasStarted)
            {
                await WriteAsync(context, StatusCodes.Status422UnprocessableEntity, BadRequestTitle,
                    "Dữ liệu gửi lên tham chiếu đến một mục không tồn tại (có thể đã bị xóa hoặc mã bị sửa). Chưa lưu gì; vui lòng tải lại trang rồi thử lại.");
            }
            catch (Exception ex) when (Find<BadHttpRequestException>(ex) is { } bad && !context.Response.HasStarted)
            {
                await WriteAsync(context, bad.StatusCode, BadRequestTitle, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "Dữ liệu gửi lên quá lớn. Vui lòng chọn tệp nhỏ hơn hoặc gửi ít nội dung hơn."
                    : "Hệ thống không đọc được dữ liệu gửi lên. Vui lòng quay lại, tải lại trang rồi gửi lại.");
            }
        });

    private static async Task<bool> AntiforgeryRefusedAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
        {
            return false;
        }

        // UseAntiforgery has validated the request already; reading the form now would throw on a bad token.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { } validated)
        {
            return !validated.IsValid;
        }

        var type = context.Request.ContentType ?? "";
        if (!type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            return !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
        }
        catch (Exception ex) when (ex is BadHttpRequestException or InvalidDataException or IOException)
        {
            return true;
        }
    }

    private static T? Find<T>(Exception? ex)
        where T : Exception
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }

            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                e = aggregate.InnerExceptions[0];
                if (e is T inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Names the field that was too long when the app has a Vietnamese name for it (a page with forty
    /// fields must say which one to shorten), otherwise the message alone.</summary>
    private static string TooLongMessage(TextTooLongException e)
    {
        if (Features.Audit.AuditLabels.KnownField(e.Property) is not { } field)
        {
            return e.Message;
        }

        var of = Features.Audit.AuditLabels.EntityTypes.TryGetValue(e.Entity, out var entity) ? $" ({entity})" : "";
        return $"Ô \"{field}\"{of} quá dài: tối đa {e.MaxLength} ký tự, bạn đã nhập {e.Length} ký tự. Chưa lưu gì; vui lòng rút gọn rồi lưu lại.";
    }

    private static async Task WriteAsync(HttpContext context, int status, string title, string message)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.Encode(title)}</title><link rel="stylesheet" href="/app.css"></head>
            <body><main class="content"><h1>{Html.Encode(title)}</h1>
            <p class="alert alert-error" role="alert" id="refusal">{Html.Encode(message)}</p>
            <p><a href="/">Về trang chủ</a></p></main></body></html>
            """);
    }
}
