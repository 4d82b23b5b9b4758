using System.IO.Compression;
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
    public sealed record Limits(int MaxEntries, long MaxUncompressedBytes, int MaxRatio);

    /// <summary>A Word document: text, styles, a few images.</summary>
    public static Limits Docx { get; } = new(1_000, 64L * 1024 * 1024, 200);

    /// <summary>A directory workbook: 5 MB of .xlsx of 20,000 rows inflates to about 40 MB.</summary>
    public static Limits Xlsx { get; } = new(1_000, 256L * 1024 * 1024, 200);

    /// <summary>Deepest element nesting read; real documents stay under 40 (tables in tables in content controls).</summary>
    public const int MaxXmlDepth = 256;

    public static Error Unreadable(string kind) => new($"Tệp không phải {kind} đọc được (tệp hỏng hoặc sai định dạng).", "File");

    public static Error TooDeep { get; } = new($"Tệp có cấu trúc lồng nhau quá sâu (quá {MaxXmlDepth} cấp), không phải văn bản thông thường; hệ thống không đọc tệp này.", "File");

    /// <summary>Null when <paramref name="stream"/> (seekable, left at position 0) passes the limits.</summary>
    public static Error? Check(Stream stream, Limits limits, Error unreadable, CancellationToken ct = default)
    {
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
}
