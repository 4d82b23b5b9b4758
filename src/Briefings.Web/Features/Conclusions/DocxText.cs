using Briefings.Core.Common;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Reads the text of an uploaded .docx, a paragraph per line, refusing anything that is not a
/// readable Word document of a sensible size. Automatic list numbering of Word is not text and is not read:
/// conclusions number their sections and items by hand, as the party's document rules ask.</summary>
public static class DocxText
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static async Task<Result<string>> ReadAsync(IFormFile? file, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0)
        {
            return new Error("Vui lòng chọn tệp .docx hoặc dán nội dung văn bản.", "File");
        }

        if (file.Length > MaxBytes)
        {
            return new Error($"Tệp quá lớn ({file.Length / 1024} KB). Giới hạn là {MaxBytes / 1024 / 1024} MB.", "File");
        }

        if (!file.FileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase))
        {
            return new Error("Chỉ nhận tệp Word .docx (tệp .doc cũ hãy mở bằng Word và lưu lại thành .docx).", "File");
        }

        var copy = new MemoryStream((int)file.Length);
        await using (var upload = file.OpenReadStream())
        {
            await upload.CopyToAsync(copy, ct);
        }

        copy.Position = 0;
        return Read(copy);
    }

    public static Result<string> Read(Stream stream)
    {
        try
        {
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return Unreadable;
            }

            var lines = body.Descendants<Paragraph>().Select(ParagraphText).ToList();
            var text = string.Join('\n', lines).Trim();
            return text.Length == 0 ? new Error("Tệp .docx không có nội dung chữ nào để đọc.", "File") : Result<string>.Ok(text);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException
            or System.IO.FileFormatException or System.Xml.XmlException or InvalidOperationException or ArgumentException)
        {
            return Unreadable;
        }
    }

    private static Error Unreadable { get; } = new("Tệp không phải văn bản Word .docx đọc được (tệp hỏng hoặc sai định dạng).", "File");

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new System.Text.StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append(' ');
                    break;
                case Break:
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }
}
