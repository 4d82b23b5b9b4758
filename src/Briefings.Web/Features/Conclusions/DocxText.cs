using System.IO.Compression;
using System.Text;
using System.Xml;
using Briefings.Core.Common;
using Briefings.Web.Infrastructure.Files;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Reads the text of an uploaded .docx, a paragraph per line, refusing anything that is not a
/// readable Word document of a sensible size. The package passes <see cref="OfficePackage"/>'s limits first; the
/// main part is then read with one forward <see cref="XmlReader"/> pass whose memory is bounded by
/// <see cref="OfficePackage.MaxXmlDepth"/> — never a recursive walk of the input's shape (30,000 nested content
/// controls once overflowed the stack and took the whole server down). Automatic list numbering of Word is not
/// text and is not read: conclusions number their sections and items by hand, as the party's document rules ask.</summary>
public static class DocxText
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

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
        return Read(copy, ct);
    }

    public static Result<string> Read(Stream stream, CancellationToken ct = default)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            stream = copy;
        }

        if (OfficePackage.Check(stream, OfficePackage.Docx, Unreadable, ct) is { } refused)
        {
            return refused;
        }

        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var main = zip.GetEntry(MainPartName(zip)) ?? zip.GetEntry("word/document.xml");
            if (main is null)
            {
                return Unreadable;
            }

            using var part = main.Open();
            var read = ReadParagraphs(part, ct);
            if (!read.Succeeded)
            {
                return read;
            }

            var text = CleanText.Clean(read.Value!).Trim();
            return text.Length == 0 ? new Error("Tệp .docx không có nội dung chữ nào để đọc.", "File") : Result<string>.Ok(text);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or XmlException or InvalidOperationException or ArgumentException)
        {
            return Unreadable;
        }
    }

    private static Error Unreadable { get; } = OfficePackage.Unreadable("văn bản Word .docx");

    private static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
    };

    /// <summary>The main part named by the package relationships ("officeDocument"), as Word finds it.</summary>
    private static string MainPartName(ZipArchive zip)
    {
        var rels = zip.GetEntry("_rels/.rels");
        if (rels is null)
        {
            return "word/document.xml";
        }

        using var stream = rels.Open();
        using var reader = XmlReader.Create(stream, Settings);
        while (reader.Read())
        {
            if (reader is { NodeType: XmlNodeType.Element, LocalName: "Relationship" }
                && reader.GetAttribute("Type")?.EndsWith("/officeDocument", StringComparison.Ordinal) == true
                && reader.GetAttribute("Target") is { Length: > 0 } target)
            {
                return target.TrimStart('/');
            }
        }

        return "word/document.xml";
    }

    /// <summary>Paragraph texts ("w:p"), a line each, in document order; a paragraph nested in another (a text box)
    /// gives its own line. Run text ("w:t"), run tabs as spaces, run breaks as line breaks.</summary>
    private static Result<string> ReadParagraphs(Stream part, CancellationToken ct)
    {
        using var reader = XmlReader.Create(part, Settings);
        var lines = new List<string>();
        var open = new Stack<StringBuilder>();
        var parents = new Stack<string>();
        var inText = false;
        var body = false;
        while (reader.Read())
        {
            if (reader.Depth > OfficePackage.MaxXmlDepth)
            {
                return OfficePackage.TooDeep;
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    ct.ThrowIfCancellationRequested();
                    var word = reader.NamespaceURI == WordNamespace;
                    var name = reader.LocalName;
                    var parent = parents.Count > 0 ? parents.Peek() : "";
                    body |= word && name == "body";
                    if (word && body && open.Count > 0 && parent == "r")
                    {
                        if (name == "tab")
                        {
                            open.Peek().Append(' ');
                        }
                        else if (name is "br" or "cr")
                        {
                            open.Peek().Append('\n');
                        }
                    }

                    if (reader.IsEmptyElement)
                    {
                        if (word && body && name == "p")
                        {
                            lines.Add("");
                        }

                        break;
                    }

                    parents.Push(word ? name : "");
                    if (word && body && name == "p")
                    {
                        open.Push(new StringBuilder());
                    }

                    inText = word && body && name == "t" && parent == "r" && open.Count > 0;
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inText:
                    open.Peek().Append(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    var closed = parents.Count > 0 ? parents.Pop() : "";
                    inText = false;
                    if (closed == "p" && open.Count > 0)
                    {
                        lines.Add(open.Pop().ToString());
                    }

                    break;
            }
        }

        return Result<string>.Ok(string.Join('\n', lines));
    }
}
