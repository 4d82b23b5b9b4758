using System.IO.Compression;
using System.Text;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>Hostile Office files, built in memory: deep nesting, zip bombs, too many entries, wrong content.</summary>
public static class HostileFiles
{
    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string Rels =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A .docx whose one paragraph sits inside <paramref name="depth"/> nested content controls (about 4 KB at 30,000).</summary>
    public static byte[] NestedContentControlsDocx(int depth)
    {
        var xml = new StringBuilder($"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>""");
        for (var i = 0; i < depth; i++)
        {
            xml.Append("<w:sdt><w:sdtContent>");
        }

        xml.Append("<w:p><w:r><w:t>Nội dung</w:t></w:r></w:p>");
        for (var i = 0; i < depth; i++)
        {
            xml.Append("</w:sdtContent></w:sdt>");
        }

        xml.Append("</w:body></w:document>");
        return Docx(xml.ToString());
    }

    /// <summary>A .docx with the given main part.</summary>
    public static byte[] Docx(string documentXml) =>
        Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes)), ("_rels/.rels", Encoding.UTF8.GetBytes(Rels)), ("word/document.xml", Encoding.UTF8.GetBytes(documentXml)));

    /// <summary>A .docx whose main part inflates to <paramref name="megabytes"/> MB of spaces (a few hundred KB on disk).</summary>
    public static byte[] ZipBombDocx(int megabytes) => Bomb("word/document.xml", megabytes);

    /// <summary>An .xlsx whose first sheet inflates to <paramref name="megabytes"/> MB.</summary>
    public static byte[] ZipBombXlsx(int megabytes) => Bomb("xl/worksheets/sheet1.xml", megabytes);

    /// <summary>A zip of <paramref name="count"/> empty entries.</summary>
    public static byte[] ManyEntries(int count) =>
        Zip(Enumerable.Range(0, count).Select(i => ($"x/{i}.xml", Array.Empty<byte>())).ToArray());

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var part = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                part.Write(content);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Bomb(string partName, int megabytes)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
            {
                types.Write(Encoding.UTF8.GetBytes(ContentTypes));
            }

            using (var rels = zip.CreateEntry("_rels/.rels").Open())
            {
                rels.Write(Encoding.UTF8.GetBytes(Rels));
            }

            using var part = zip.CreateEntry(partName, CompressionLevel.SmallestSize).Open();
            part.Write(Encoding.UTF8.GetBytes($"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>"""));
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < megabytes; i++)
            {
                part.Write(block);
            }

            part.Write(Encoding.UTF8.GetBytes("</w:t></w:r></w:p></w:body></w:document>"));
        }

        return stream.ToArray();
    }
}
