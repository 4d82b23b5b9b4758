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
            switch (await AntiforgeryRefusedAsync(context))
            {
                case FormRefusal.TooLarge:
                    await WriteAsync(context, StatusCodes.Status413PayloadTooLarge, BadRequestTitle, IsMultipart(context) ? FilesTooLargeMessage : FormTooLargeMessage);
                    return;
                case FormRefusal.NulCharacter:
                    await WriteAsync(context, StatusCodes.Status400BadRequest, BadRequestTitle, NulCharacterMessage, context.Request.Path + context.Request.QueryString);
                    return;
                case FormRefusal.Invalid:
                    await WriteAsync(context, StatusCodes.Status400BadRequest, BadRequestTitle,
                        "Biểu mẫu đã hết hạn hoặc không hợp lệ (có thể do trang mở quá lâu hoặc đã đăng xuất). Vui lòng quay lại, tải lại trang rồi gửi lại.");
                    return;
            }

            // A page's form that is no longer on the page when the post arrives (another person, or this one in
            // another tab, already sent the report, reviewed the request, closed the task): the framework answers a
            // bare 400, empty or in English. Held back and answered in Vietnamese (FormGone).
            var held = FormGoneBody.Hold(context);
            try
            {
                await next(context);
                if (held?.Refused == true && !context.Response.HasStarted)
                {
                    context.Response.Body = held.Inner;
                    await WriteAsync(context, StatusCodes.Status400BadRequest, FormGoneTitle, FormGoneMessage, context.Request.Path + context.Request.QueryString);
                }
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
            catch (Exception ex) when (Find<Microsoft.EntityFrameworkCore.DbUpdateException>(ex) is { } db && DatabaseErrors.IsUniqueViolation(db) && !context.Response.HasStarted)
            {
                // Two posts of the same form at once (a double click, two tabs, two clerks): the first is saved, the
                // second finds its check passed yet loses at the unique index. Before: a 500.
                await WriteAsync(context, StatusCodes.Status409Conflict, DuplicateTitle, DuplicateMessage, HttpMethods.IsPost(context.Request.Method) ? context.Request.Path + context.Request.QueryString : null);
            }
            catch (Exception ex) when (Find<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>(ex) is not null && !context.Response.HasStarted)
            {
                // A row changed by another request between this one's read and its write (its version, a concurrency
                // token), in a use case that does not answer that itself: nothing of this post was saved. Before: a 500.
                await WriteAsync(context, StatusCodes.Status409Conflict, ChangedMeanwhileTitle, ChangedMeanwhileMessage, HttpMethods.IsPost(context.Request.Method) ? context.Request.Path + context.Request.QueryString : null);
            }
            catch (Exception ex) when (IsUnreadableQuery(ex) && !context.Response.HasStarted)
            {
                // A page's query parameter of a type other than text (?unit=, ?year=, ?done=, ?from=) that does not
                // parse — a link cut by a chat app, a hand-edited address: the framework throws while setting the page's
                // parameters, which was the error page (500) on six pages. The page itself without its query opens.
                await WriteAsync(context, StatusCodes.Status400BadRequest, BadRequestTitle, UnreadableQueryMessage, context.Request.Path);
            }
            catch (Exception ex) when (Find<BadHttpRequestException>(ex) is { } bad && !context.Response.HasStarted)
            {
                await WriteAsync(context, bad.StatusCode, BadRequestTitle, bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "Dữ liệu gửi lên quá lớn. Vui lòng chọn tệp nhỏ hơn hoặc gửi ít nội dung hơn."
                    : "Hệ thống không đọc được dữ liệu gửi lên. Vui lòng quay lại, tải lại trang rồi gửi lại.");
            }
        });

    public const string UnreadableQueryMessage =
        "Địa chỉ trang có tham số không đọc được (có thể liên kết bị cắt ngắn hoặc bị sửa). Hãy mở lại trang từ liên kết dưới đây hoặc từ trình đơn.";

    /// <summary>Blazor's query parameter binding (<c>[SupplyParameterFromQuery]</c>) refusing a value: an
    /// <see cref="InvalidOperationException"/> thrown by the routing constraint that parses it.</summary>
    private static bool IsUnreadableQuery(Exception ex) =>
        Find<InvalidOperationException>(ex) is { TargetSite.DeclaringType: { } thrower }
        && thrower.Namespace == "Microsoft.AspNetCore.Components.Routing"
        && thrower.FullName?.StartsWith("Microsoft.AspNetCore.Components.Routing.UrlValueConstraint", StringComparison.Ordinal) == true;

    public const string DuplicateTitle = "Đã có bản ghi trùng";

    public const string DuplicateMessage =
        "Một bản ghi giống hệt vừa được lưu ngay trước (có thể biểu mẫu đã được gửi hai lần, hoặc người khác vừa nhập cùng mã). Lần gửi này chưa lưu gì. Hãy mở lại trang để xem bản đã lưu; nếu cần, bấm \"Quay lại\" để sao lại nội dung đã nhập.";

    public const string ChangedMeanwhileTitle = "Dữ liệu vừa được thay đổi";

    public const string ChangedMeanwhileMessage =
        "Trong lúc lưu, mục này vừa được người khác (hoặc chính bạn ở một thẻ khác, hay do bấm hai lần) thay đổi, nên lần gửi này chưa lưu gì. Hãy mở lại trang để xem tình trạng mới nhất rồi làm lại nếu vẫn cần; bấm \"Quay lại\" trên trình duyệt để sao lại nội dung đã nhập.";

    public const string FormGoneTitle = "Biểu mẫu không còn trên trang";

    public const string FormGoneMessage =
        "Việc này đã thay đổi sau khi bạn mở trang (có thể người khác, hoặc chính bạn ở một thẻ khác, vừa gửi hoặc xử lý), nên biểu mẫu bạn gửi không còn nữa. Chưa lưu gì. Bấm \"Quay lại\" trên trình duyệt để sao lại nội dung đã nhập, rồi mở lại trang để xem tình trạng mới nhất.";

    public const string FormTooLargeMessage =
        "Biểu mẫu gửi lên có quá nhiều ô hoặc quá lớn, hệ thống không đọc. Chưa lưu gì. Bấm \"Quay lại\" trên trình duyệt, bớt nội dung (ví dụ tách văn bản thành nhiều phần) rồi gửi lại.";

    /// <summary>A form with files over the server's request limit (Kestrel's 30 MB): a phone photo or several. Before, the
    /// antiforgery check failed reading the body and the page said the form had expired.</summary>
    public const string FilesTooLargeMessage =
        "Tệp đính kèm quá lớn: dữ liệu gửi lên vượt giới hạn của máy chủ nên chưa lưu gì. Bấm \"Quay lại\" trên trình duyệt, chọn tệp nhỏ hơn (ảnh chụp điện thoại có thể gửi ở cỡ nhỏ hơn) hoặc bớt tệp, rồi gửi lại.";

    /// <summary>A form value with a NUL character (U+0000: text pasted from a program that writes them, or a forged
    /// post): the form reader refuses the whole form. Before, this was answered as a form too large.</summary>
    public const string NulCharacterMessage =
        "Nội dung gửi lên có ký tự không hợp lệ (ký tự rỗng NUL, thường do dán từ một chương trình khác), hệ thống không đọc. Chưa lưu gì. Bấm \"Quay lại\" trên trình duyệt, gõ lại đoạn vừa dán (hoặc dán qua Notepad) rồi gửi lại.";

    /// <summary>The form's own limits (FormOptions: values, key and value lengths, multipart body length) or the server's
    /// request body limit (413), wherever in the chain the reader's exception sits. The form reader throws the same
    /// exception type for a NUL character in a value (<see cref="HasNulCharacter"/>), which is not a size.</summary>
    private static bool TooLarge(Exception? ex) =>
        (Find<InvalidDataException>(ex) is not null && !HasNulCharacter(ex)) || Find<BadHttpRequestException>(ex) is { StatusCode: StatusCodes.Status413PayloadTooLarge };

    /// <summary>The form reader's refusal of a value with a NUL character (FormPipeReader: "The form value contains invalid
    /// characters."; the limits' messages all name a limit).</summary>
    private static bool HasNulCharacter(Exception? ex) =>
        Find<InvalidDataException>(ex) is { } invalid && invalid.Message.Contains("invalid characters", StringComparison.OrdinalIgnoreCase);

    private static bool IsMultipart(HttpContext context) =>
        context.Request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    private enum FormRefusal
    {
        None,
        Invalid,
        TooLarge,
        NulCharacter,
    }

    private static async Task<FormRefusal> AntiforgeryRefusedAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is not { RequiresValidation: true })
        {
            return FormRefusal.None;
        }

        // UseAntiforgery has validated the request already; reading the form now would throw on a bad token.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { } validated)
        {
            return validated.IsValid ? FormRefusal.None : HasNulCharacter(validated.Error) ? FormRefusal.NulCharacter : TooLarge(validated.Error) ? FormRefusal.TooLarge : FormRefusal.Invalid;
        }

        var type = context.Request.ContentType ?? "";
        if (!type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return FormRefusal.None;
        }

        try
        {
            return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context) ? FormRefusal.None : FormRefusal.Invalid;
        }
        catch (Exception ex) when (HasNulCharacter(ex))
        {
            return FormRefusal.NulCharacter;
        }
        catch (Exception ex) when (TooLarge(ex))
        {
            // The form's own limits (FormOptions: values, key and value lengths, multipart body length).
            return FormRefusal.TooLarge;
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException)
        {
            return FormRefusal.Invalid;
        }
    }

    /// <summary>The body of a page's POST, held back only when the framework refuses the post because the named
    /// form is not on the page (a 400 of type text/plain, the only one a page's POST answers): everything else passes
    /// straight through, so pages still stream.</summary>
    private sealed class FormGoneBody(HttpResponse response, Stream inner) : Stream
    {
        private bool? refused;

        public Stream Inner => inner;

        public bool Refused => refused == true || (refused is null && IsFormGone());

        public static FormGoneBody? Hold(HttpContext context)
        {
            if (!HttpMethods.IsPost(context.Request.Method)
                || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is null)
            {
                return null;
            }

            var held = new FormGoneBody(context.Response, context.Response.Body);
            context.Response.Body = held;
            return held;
        }

        private bool IsFormGone() =>
            response.StatusCode == StatusCodes.Status400BadRequest
            && response.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true;

        private bool Pass() => !(refused ??= IsFormGone());

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
            if (Pass())
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Pass() ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Pass())
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Pass() ? inner.WriteAsync(buffer, cancellationToken) : ValueTask.CompletedTask;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Pass() ? inner.WriteAsync(buffer, offset, count, cancellationToken) : Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
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

    private static async Task WriteAsync(HttpContext context, int status, string title, string message, string? reopen = null)
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
            {(reopen is null ? "" : $"<p><a href=\"{Html.Encode(reopen)}\" id=\"reopen\">Mở lại trang</a></p>")}<p><a href="/">Về trang chủ</a></p></main></body></html>
            """);
    }
}
