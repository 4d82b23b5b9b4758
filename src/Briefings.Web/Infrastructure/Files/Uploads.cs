using Briefings.Core.Common;

namespace Briefings.Web.Infrastructure.Files;

/// <summary>
/// The one rule for files people upload (meeting documents, task report attachments): the extension must be
/// allowed (each feature's list in its options), the first bytes must be what that extension's format starts with
/// (a page renamed .pdf is refused), the stored content type is fixed by the extension (never what the browser
/// claimed), and files are served only as downloads with <c>X-Content-Type-Options: nosniff</c>, so no upload is
/// ever rendered by the browser as a page of this site.
/// </summary>
public static class Uploads
{
    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] EmptyZip = "PK\u0005\u0006"u8.ToArray();
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private sealed record Format(string ContentType, byte[][] Signatures, bool Text = false);

    private static readonly Dictionary<string, Format> Formats = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = new("application/pdf", ["%PDF-"u8.ToArray()]),
        [".docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [Zip]),
        [".xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [Zip]),
        [".pptx"] = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", [Zip]),
        [".odt"] = new("application/vnd.oasis.opendocument.text", [Zip]),
        [".ods"] = new("application/vnd.oasis.opendocument.spreadsheet", [Zip]),
        [".zip"] = new("application/zip", [Zip, EmptyZip]),
        [".doc"] = new("application/msword", [Ole]),
        [".xls"] = new("application/vnd.ms-excel", [Ole]),
        [".ppt"] = new("application/vnd.ms-powerpoint", [Ole]),
        [".jpg"] = new("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = new("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".png"] = new("image/png", [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]]),
        [".txt"] = new("text/plain; charset=utf-8", [], Text: true),
    };

    /// <summary>The extensions this rule knows; a feature may allow only these.</summary>
    public static IReadOnlyCollection<string> KnownExtensions => Formats.Keys;

    /// <summary>The stored and served content type of a file name: fixed by its extension.</summary>
    public static string ContentTypeOf(string fileName) =>
        Formats.TryGetValue(Path.GetExtension(fileName), out var format) ? format.ContentType : "application/octet-stream";

    /// <summary>Longest stored file name (the column of meeting documents and task attachments).</summary>
    public const int MaxNameLength = 255;

    /// <summary>The name a file is stored and served under: the last segment of whatever path the browser sent
    /// (old browsers send "C:\Users\...\x.pdf"; a forger "../../x.pdf", "/" and "\" alike), cleaned as stored text is, and cut
    /// to <see cref="MaxNameLength"/> keeping its extension. A long name is an ordinary office name ("Báo cáo kết quả
    /// thực hiện ... .pdf"), not an error: meeting documents refused it with a page while attachments cut it.
    /// A control character (a NUL, a tab, a line break) stands between two words where a space was meant — "họp\0dân"
    /// was stored "họpdân" (walk-review left it): each becomes a space, and runs of spaces one, so that a name is one line
    /// with its words apart.</summary>
    public static string StoredName(string? fileName)
    {
        var name = CleanText.Clean(SpacedControls(fileName ?? ""));
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (name.Length <= MaxNameLength)
        {
            return name.Length == 0 ? "tep" : name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.Length is > 0 and <= 16 ? extension : "";
        var stem = name[..^extension.Length].TrimEnd();
        var keep = MaxNameLength - extension.Length;
        // Never cut between the two halves of a surrogate pair (an emoji in the name).
        if (char.IsHighSurrogate(stem[keep - 1]))
        {
            keep--;
        }

        return stem[..keep] + extension;
    }

    // Every control character and run of white space as one space (before CleanText, which drops controls).
    private static string SpacedControls(string name)
    {
        if (!name.Any(c => char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' ')) && !name.Contains("  ", StringComparison.Ordinal))
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            var space = char.IsControl(c) || char.IsWhiteSpace(c);
            if (!space)
            {
                builder.Append(c);
            }
            else if (builder.Length == 0 || builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>Null when <paramref name="file"/> is an allowed type and its content matches its extension.</summary>
    public static async Task<Error?> CheckAsync(IFormFile file, IEnumerable<string> allowedExtensions, string? field, CancellationToken ct = default)
    {
        var name = StoredName(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var allowed = allowedExtensions.ToList();
        if (!allowed.Contains(extension, StringComparer.OrdinalIgnoreCase) || !Formats.TryGetValue(extension, out var format))
        {
            return new Error($"Không nhận tệp loại \"{(extension.Length == 0 ? name : extension)}\". Chỉ nhận: {string.Join(", ", allowed)}.", field);
        }

        var head = new byte[4096];
        int read;
        await using (var stream = file.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }

        var start = head[..read];
        var matches = format.Text ? !start.Contains((byte)0) : format.Signatures.Any(s => start.AsSpan().StartsWith(s));
        return matches ? null : new Error($"Nội dung tệp \"{name}\" không phải tệp {extension} thật (tệp bị đổi đuôi hoặc hỏng). Vui lòng chọn đúng tệp.", field);
    }

    /// <summary>A stored file as a download: attachment, the content type of its extension, nosniff.</summary>
    public static IResult Download(HttpContext context, byte[] content, string fileName)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, ContentTypeOf(fileName), fileName);
    }
}
