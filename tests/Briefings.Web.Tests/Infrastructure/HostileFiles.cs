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

    /// <summary>What Word or Excel saves with a password to open (MS-OFFCRYPTO): not a zip but an OLE compound file (one
    /// FAT sector, one directory sector, two 4 KB streams) holding "EncryptionInfo" and "EncryptedPackage". With
    /// <paramref name="encrypted"/> false the streams are "WordDocument" and "1Table": a Word 97–2003 file's shape.</summary>
    public static byte[] OleCompoundFile(bool encrypted = true)
    {
        const int Sector = 512;
        const uint Free = 0xFFFFFFFF, End = 0xFFFFFFFE, FatSector = 0xFFFFFFFD;
        var names = encrypted ? new[] { "EncryptionInfo", "EncryptedPackage" } : ["WordDocument", "1Table"];
        var file = new byte[Sector * 19];
        var header = file.AsSpan(0, Sector);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BitConverter.TryWriteBytes(header[24..], (ushort)0x3E);
        BitConverter.TryWriteBytes(header[26..], (ushort)3);
        BitConverter.TryWriteBytes(header[28..], (ushort)0xFFFE);
        BitConverter.TryWriteBytes(header[30..], (ushort)9);
        BitConverter.TryWriteBytes(header[32..], (ushort)6);
        BitConverter.TryWriteBytes(header[44..], 1u); // FAT sectors
        BitConverter.TryWriteBytes(header[48..], 1u); // first directory sector
        BitConverter.TryWriteBytes(header[56..], 4096u); // mini stream cutoff
        BitConverter.TryWriteBytes(header[60..], End); // no mini FAT
        BitConverter.TryWriteBytes(header[68..], End); // no DIFAT sectors
        for (var i = 0; i < 109; i++)
        {
            BitConverter.TryWriteBytes(header[(76 + (i * 4))..], i == 0 ? 0u : Free);
        }

        // Sector 0 (file offset 512): the FAT. Sector 1: the directory. Sectors 2–9 and 10–17: the two streams.
        var fat = file.AsSpan(Sector, Sector);
        for (var i = 0; i < 128; i++)
        {
            var next = i switch { 0 => FatSector, 1 or 9 or 17 => End, >= 2 and < 17 => (uint)(i + 1), _ => Free };
            BitConverter.TryWriteBytes(fat[(i * 4)..], next);
        }

        void Entry(int index, string name, byte type, uint left, uint right, uint child, uint start, uint size)
        {
            var entry = file.AsSpan((Sector * 2) + (index * 128), 128);
            Encoding.Unicode.GetBytes(name).CopyTo(entry);
            BitConverter.TryWriteBytes(entry[64..], (ushort)((name.Length + 1) * 2));
            entry[66] = type;
            entry[67] = 1; // black
            BitConverter.TryWriteBytes(entry[68..], left);
            BitConverter.TryWriteBytes(entry[72..], right);
            BitConverter.TryWriteBytes(entry[76..], child);
            BitConverter.TryWriteBytes(entry[116..], start);
            BitConverter.TryWriteBytes(entry[120..], (ulong)size);
        }

        Entry(0, "Root Entry", 5, Free, Free, 1, End, 0);
        Entry(1, names[0], 2, Free, 2, Free, 2, 4096);
        Entry(2, names[1], 2, Free, Free, Free, 10, 4096);
        Entry(3, "", 0, Free, Free, Free, 0, 0);
        Random.Shared.NextBytes(file.AsSpan(Sector * 3));
        return file;
    }

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
