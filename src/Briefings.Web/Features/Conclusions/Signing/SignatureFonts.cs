using PdfSharp.Fonts;

namespace Briefings.Web.Features.Conclusions.Signing;

/// <summary>
/// The font of the signature stamp for PDFsharp, which on Linux finds no system fonts by itself: Liberation Serif
/// (Debian fonts-liberation2 or fonts-liberation; metric-compatible with Times New Roman, with Vietnamese glyphs), the
/// font the documents themselves are printed in when Times New Roman is not installed.
/// </summary>
public static class SignatureFonts
{
    public const string Family = "Liberation Serif";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/liberation2",
        "/usr/share/fonts/truetype/liberation",
        "/usr/share/fonts/liberation-serif",
        "/usr/share/fonts/liberation",
    ];

    private static readonly Lock Gate = new();

    /// <summary>Sets PDFsharp's (process-wide) font resolver once.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new Resolver();
            }
        }
    }

    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new((bold, italic) switch
            {
                (true, true) => "LiberationSerif-BoldItalic",
                (true, false) => "LiberationSerif-Bold",
                (false, true) => "LiberationSerif-Italic",
                _ => "LiberationSerif-Regular",
            });

        public byte[]? GetFont(string faceName)
        {
            foreach (var folder in Folders)
            {
                var path = Path.Combine(folder, faceName + ".ttf");
                if (File.Exists(path))
                {
                    return File.ReadAllBytes(path);
                }
            }

            throw new InvalidOperationException(
                $"Không tìm thấy phông {faceName}.ttf để vẽ dấu chữ ký số. Cài gói Debian fonts-liberation2 (hoặc fonts-liberation).");
        }
    }
}
