using System.IO.Compression;
using System.Text;
using Briefings.Core.Common;

namespace Briefings.Web.Infrastructure.Files;

/// <summary>
/// The gate every uploaded Office file (.docx, .xlsx) passes before a reader opens it: a zip of a sensible number
/// of entries whose parts really inflate (counted while inflating, not taken from the headers, which a bomb can
/// forge) to a sensible total, none with an absurd compression ratio. Readers that then parse XML do so
/// iteratively with a depth limit (<see cref="MaxXmlDepth"/>), never recursively on the input's shape.
/// </summary>
public static class OfficePackage
{
    public sealed record Limits(string Extension, int MaxEntries, long MaxUncompressedBytes, int MaxRatio);

    /// <summary>A Word document: text, styles, a few images.</summary>
    public static Limits Docx { get; } = new(".docx", 1_000, 64L * 1024 * 1024, 200);

    /// <summary>A directory workbook: 5 MB of .xlsx of 20,000 rows inflates to about 40 MB.</summary>
    public static Limits Xlsx { get; } = new(".xlsx", 1_000, 256L * 1024 * 1024, 200);

    /// <summary>Deepest element nesting read; real documents stay under 40 (tables in tables in content controls).</summary>
    public const int MaxXmlDepth = 256;

    public static Error Unreadable(string kind) => new($"Tệp không phải {kind} đọc được (tệp hỏng hoặc sai định dạng).", "File");

    public static Error TooDeep { get; } = new($"Tệp có cấu trúc lồng nhau quá sâu (quá {MaxXmlDepth} cấp), không phải văn bản thông thường; hệ thống không đọc tệp này.", "File");

    /// <summary>An Office file with a password to open is not a zip but an OLE compound file holding the encrypted
    /// package: the reader saw "corrupt or of the wrong format", and the clerk looked for a fault the file does not have
    /// (walk-hostile5). So is a Word 97–2003 or Excel 97–2003 file renamed .docx/.xlsx.</summary>
    public static Error PasswordProtected(string kind) =>
        new($"Tệp đã được đặt mật khẩu mở nên hệ thống không đọc được. Hãy mở tệp bằng mật khẩu, bỏ mật khẩu mở tệp rồi lưu lại thành {kind} và chọn lại.", "File");

    public static Error LegacyFormat(string kind) =>
        new($"Tệp là định dạng Office cũ (97–2003) được đổi đuôi, không phải {kind}. Hãy mở tệp và lưu lại thành {kind} (Tệp → Lưu thành) rồi chọn lại.", "File");

    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // The directory entry Office gives the encrypted package (MS-OFFCRYPTO), in UTF-16 as an OLE directory stores names.
    private static readonly byte[] EncryptedPackageName = Encoding.Unicode.GetBytes("EncryptedPackage");

    /// <summary>Null when <paramref name="stream"/> (seekable, left at position 0) passes the limits.</summary>
    public static Error? Check(Stream stream, Limits limits, Error unreadable, CancellationToken ct = default)
    {
        if (OleKind(stream, limits.Extension) is { } ole)
        {
            return ole;
        }

        try
        {
            stream.Position = 0;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxEntries)
            {
                return new Error($"Tệp có quá nhiều thành phần ({zip.Entries.Count}; tối đa {limits.MaxEntries}); hệ thống không đọc tệp này.", "File");
            }

            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                ct.ThrowIfCancellationRequested();
                var inflated = 0L;
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (total > limits.MaxUncompressedBytes)
                    {
                        return new Error($"Nội dung giải nén của tệp vượt quá {limits.MaxUncompressedBytes / 1024 / 1024} MB; hệ thống không đọc tệp này (có thể là tệp \"bom nén\").", "File");
                    }

                    if (inflated > 1024 * 1024 && inflated > Math.Max(1, entry.CompressedLength) * limits.MaxRatio)
                    {
                        return new Error($"Tệp có tỉ lệ nén bất thường (trên {limits.MaxRatio} lần); hệ thống không đọc tệp này (có thể là tệp \"bom nén\").", "File");
                    }
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return unreadable;
        }
        finally
        {
            stream.Position = 0;
        }
    }

    // An OLE compound file: password-protected when it holds the encrypted package, otherwise an old format renamed.
    // Looked through in chunks that overlap by the name's length (the directory may be anywhere in the file).
    private static Error? OleKind(Stream stream, string kind)
    {
        try
        {
            stream.Position = 0;
            var buffer = new byte[64 * 1024];
            var filled = stream.ReadAtLeast(buffer, OleSignature.Length, throwOnEndOfStream: false);
            if (filled < OleSignature.Length || !buffer.AsSpan(0, OleSignature.Length).SequenceEqual(OleSignature))
            {
                return null;
            }

            while (true)
            {
                if (buffer.AsSpan(0, filled).IndexOf(EncryptedPackageName) >= 0)
                {
                    return PasswordProtected(kind);
                }

                var keep = Math.Min(filled, EncryptedPackageName.Length - 1);
                buffer.AsSpan(filled - keep, keep).CopyTo(buffer);
                var read = stream.Read(buffer, keep, buffer.Length - keep);
                if (read == 0)
                {
                    return LegacyFormat(kind);
                }

                filled = keep + read;
            }
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
