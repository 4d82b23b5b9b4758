using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Briefings.Web.Features.Directory;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The conclusion reader's JSON API (issue 12): office staff get the documented JSON, matched to their
/// directory; a commune account is refused; a text over the limit is refused with a Vietnamese message.</summary>
[Collection(AppCollection.Name)]
public sealed class ConclusionParseApiTests(AppFactory app)
{
    [Fact]
    public async Task Parse_OfficeClerk_DirectivesWithMatchedUnits()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var response = await clerk.Http.PostAsJsonAsync("/api/conclusions/parse", new { text = DemoConclusionText.Text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var directives = json.RootElement.GetProperty("directives").EnumerateArray().ToList();
        var taxes = directives.First(d => d.GetProperty("lead").GetString() == "Phòng TC-KH huyện");
        Assert.Equal("2026-08-15", taxes.GetProperty("due").GetString());
        Assert.Equal("Date", taxes.GetProperty("deadlineKind").GetString());
        var matched = Assert.Single(taxes.GetProperty("matched").EnumerateArray());
        Assert.Equal("Phòng Tài chính - Kế hoạch huyện", matched.GetProperty("unitName").GetString());
        Assert.True(Guid.TryParse(matched.GetProperty("unitId").GetString(), out var unitId));
        Assert.Equal((await app.UnitAsync("UB-TP-TCKH")).Id, unitId);
        Assert.Equal("UB-TP-TCKH", matched.GetProperty("unitCode").GetString());
        var collective = directives.First(d => d.GetProperty("lead").GetString() == "các đơn vị");
        Assert.Equal(["các đơn vị"], collective.GetProperty("collective").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(collective.GetProperty("matched").EnumerateArray());
    }

    [Fact]
    public async Task Import_TextOverTheLimit_RefusedWithMessageTextKept()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/conclusions/new");
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#import input[name='__RequestVerificationToken']")!.Value;
        var text = "Giao Phòng TC-KH huyện rà soát. " + new string('a', 400_000);
        using var content = new MultipartFormDataContent
        {
            { new StringContent("import"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(text), "ImportText" },
        };

        var response = await clerk.Http.PostAsync("/conclusions/new", content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Văn bản quá dài", result.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(text, result.QuerySelector("#import-text")!.TextContent);
    }

    [Fact]
    public async Task Parse_CommuneAccount_Refused()
    {
        using var commune = await app.LoginAsync("xa.anlac");

        var response = await commune.Http.PostAsJsonAsync("/api/conclusions/parse", new { text = DemoConclusionText.Text });

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("AccessDenied", StringComparison.Ordinal) == true,
            $"{response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync()}");
        Assert.DoesNotContain("directives", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_TextOverTheLimit_RefusedWithVietnameseMessage()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var response = await clerk.Http.PostAsJsonAsync("/api/conclusions/parse", new { text = new string('a', 400_001) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Văn bản quá dài", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The command line of the app (issue 12), run as its own process from the built app: no database, no
/// server; one JSON object per file; matching only with a directory export; exit 2 and a Vietnamese message for a
/// refused file.</summary>
public sealed class ConclusionParseCommandTests : IDisposable
{
    private readonly string work = System.IO.Directory.CreateTempSubdirectory("briefings-cli-").FullName;

    public void Dispose() => System.IO.Directory.Delete(work, recursive: true);

    private const string Notice = """
        HUYỆN ỦY TÂN PHONG
        Số 9-TB/HU
        THÔNG BÁO
        Kết luận về công tác thu ngân sách
        Giao Phòng TC-KH huyện rà soát nguồn thu, báo cáo Thường trực Huyện ủy trước ngày 30/4/2026.
        Đề nghị Hội Nông dân huyện vận động hội viên.
        """;

    private static Task<(int Exit, string Out, string Err)> RunAsync(string workDir, string? stdin, params string[] args) =>
        StartAsync(workDir, stdin, null, args);

    // shellDir: the directory the user's shell was in (PWD), when the process runs elsewhere, as under `dotnet run`.
    private static async Task<(int Exit, string Out, string Err)> StartAsync(string workDir, string? stdin, string? shellDir, string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Briefings.Web.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(app);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        // No database anywhere: a connection string that cannot work proves the command never opens one.
        start.Environment["ConnectionStrings__Default"] = "Data Source=/nonexistent/dir/none.db";
        if (shellDir is not null)
        {
            start.Environment["PWD"] = shellDir;
        }

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(work, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Parse_MarkdownDocxAndStdin_OneJsonObjectPerFileWithoutMatches()
    {
        var md = Write("kl.md", "**" + Notice.Replace("\n", "\n\n", StringComparison.Ordinal) + "**");
        var docx = Path.Combine(work, "kl.docx");
        File.WriteAllBytes(docx, Docx(Notice));

        var (exit, output, error) = await RunAsync(work, Notice, "conclusions", "parse", md, docx, "-");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        foreach (var (line, file) in lines.Zip(new[] { md, docx, "-" }))
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(file, json.RootElement.GetProperty("file").GetString());
            var directives = json.RootElement.GetProperty("directives").EnumerateArray().ToList();
            Assert.Equal(["Phòng TC-KH huyện", "Hội Nông dân huyện"], directives.Select(d => d.GetProperty("lead").GetString()));
            Assert.Equal("2026-04-30", directives[0].GetProperty("due").GetString());
            Assert.True(directives[0].GetProperty("reportRequired").GetBoolean());
            Assert.Equal(JsonValueKind.Null, directives[1].GetProperty("due").ValueKind);
            Assert.All(directives, d => Assert.Empty(d.GetProperty("matched").EnumerateArray()));
        }
    }

    [Fact]
    public async Task Parse_RelativePathUnderDotnetRun_ReadFromTheShellsDirectory()
    {
        // `dotnet run --project src/Briefings.Web -- conclusions parse kl.txt` runs the app in the project's folder;
        // the file is where the user's shell is.
        Write("kl.txt", Notice);
        var projectDir = System.IO.Directory.CreateDirectory(Path.Combine(work, "project")).FullName;

        var (exit, output, error) = await StartAsync(projectDir, null, work, ["conclusions", "parse", "kl.txt"]);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("kl.txt", json.RootElement.GetProperty("file").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("directives").GetArrayLength());
    }

    [Fact]
    public async Task Parse_WithDirectoryExport_PhrasesMatchedToUnitIdAndCode()
    {
        var file = Write("kl.txt", Notice);
        var directory = Path.Combine(work, "danh-ba.xlsx");
        var tckh = Guid.CreateVersion7();
        var units = new[]
        {
            new Dictionary<string, object?> { [DirectorySheet.Code] = "UB-TP-TCKH", [DirectorySheet.Name] = "Phòng Tài chính - Kế hoạch huyện", [DirectorySheet.ShortName] = "Phòng TC-KH", [DirectorySheet.UnitId] = tckh.ToString() },
            // A row without its id (a file edited by hand): matched by code only, unitId null.
            new Dictionary<string, object?> { [DirectorySheet.Code] = "HND-TP", [DirectorySheet.Name] = "Hội Nông dân huyện Tân Phong", [DirectorySheet.ShortName] = "Hội Nông dân huyện", [DirectorySheet.UnitId] = null },
            new Dictionary<string, object?> { [DirectorySheet.Code] = "SO-TC", [DirectorySheet.Name] = "Sở Tài chính tỉnh Lam Giang", [DirectorySheet.ShortName] = "Sở Tài chính", [DirectorySheet.UnitId] = Guid.CreateVersion7().ToString() },
        };
        MiniExcel.SaveAs(directory, new Dictionary<string, object> { [DirectorySheet.Units] = units });

        var (exit, output, error) = await RunAsync(work, null, "conclusions", "parse", file, "--directory", directory);

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var matched = json.RootElement.GetProperty("directives").EnumerateArray()
            .SelectMany(d => d.GetProperty("matched").EnumerateArray())
            .Select(m => (m.GetProperty("phrase").GetString(), m.GetProperty("unitId").GetString(), m.GetProperty("unitCode").GetString())).ToList();
        Assert.Equal([("Phòng TC-KH huyện", tckh.ToString(), "UB-TP-TCKH"), ("Hội Nông dân huyện", null, "HND-TP")], matched);
    }

    [Theory]
    [InlineData("kl.pdf", "x", "Chỉ đọc được tệp .txt, .md hoặc .docx")]
    [InlineData("hong.docx", "not a zip", "không phải văn bản Word .docx")]
    [InlineData("dai.txt", null, "Văn bản quá dài")]
    public async Task Parse_RefusedFile_ExitTwoWithVietnameseMessage(string name, string? content, string message)
    {
        var path = Write(name, content ?? new string('a', 400_001));
        var good = Write("kl.txt", Notice);

        var (exit, output, error) = await RunAsync(work, null, "conclusions", "parse", path, good);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains(path, error, StringComparison.Ordinal);
        // The other file is still read.
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(text.Split('\n').Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }
}
