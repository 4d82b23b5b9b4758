using System.Diagnostics;
using Briefings.Web.Features.Conclusions;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Documents;

/// <summary>Keeps each paper beside the tests (artifacts/papers) as .docx, PDF and a PNG of each page, for people
/// to look at; the PDF and the PNGs come from the real LibreOffice and poppler.</summary>
public static class PaperArtifacts
{
    public static string Folder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "papers");
            System.IO.Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static void Save(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(Folder, name), bytes);

    /// <summary>Converts <paramref name="docx"/> with the app's converter, keeps the PDF and its pages as PNG, and
    /// returns the PDF's text (pdftotext -layout).</summary>
    public static async Task<string> RenderAsync(IServiceProvider services, string name, byte[] docx)
    {
        Save(name + ".docx", docx);
        var pdf = await services.GetRequiredService<PdfConverter>().ConvertAsync(docx);
        return await SavePdfAsync(name, pdf);
    }

    public static async Task<string> SavePdfAsync(string name, byte[] pdf)
    {
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var path = Path.Combine(Folder, name + ".pdf");
        await File.WriteAllBytesAsync(path, pdf);
        await RunAsync("pdftoppm", "-png", "-r", "60", path, Path.Combine(Folder, name));
        return await RunAsync("pdftotext", "-layout", path, "-");
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
