using System.Diagnostics;
using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Documents;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>
/// An app of its own (so the district committee's register is not shared with other tests) where the demo
/// district's version of the reference conclusion is issued as number 07 of the Huyện ủy's register.
/// </summary>
public sealed class IssuedReferenceApp : AppFactory, IAsyncLifetime
{
    public Guid ConclusionId { get; private set; }

    public Conclusion Issued { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        var scope = await this.WithDbAsync(async db =>
        {
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictOfficeCode);
            var ancestorIds = unit.AncestorIds();
            var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
            return AccessScope.For([Roles.Clerk], unit, ancestors, false);
        });

        // Six earlier conclusions of the term, so the reference gets 07 as in the original.
        var ids = await this.WithDbAsync(async db =>
        {
            var committee = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCommitteeCode);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var list = new List<Guid>();
            for (var n = 1; n <= 6; n++)
            {
                var earlier = Conclusion.Create(committee.Id, "KL", "KẾT LUẬN", $"Giao ban chuyên đề số {n}").Value!;
                Assert.Null(earlier.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                    [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
                Assert.Null(earlier.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
                Assert.Null(earlier.SetRecipients([(null, "Lưu VPHU")]));
                db.Conclusions.Add(ReferenceConclusion.Approve(earlier));
                list.Add(earlier.Id);
            }

            var reference = ReferenceConclusion.Approve(await ReferenceConclusion.BuildAsync(db));
            db.Conclusions.Add(reference);
            list.Add(reference.Id);
            await db.SaveChangesAsync();
            return list;
        });

        foreach (var id in ids)
        {
            await using var services = Scope();
            var result = await services.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(id, scope, "vanphong");
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        ConclusionId = ids[^1];
        Issued = await this.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == ConclusionId));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>The record rendered with the app's own template, as the endpoint does it.</summary>
    public async Task<byte[]> RenderAsync(string template = PaperTemplates.Party) =>
        await this.WithDbAsync(async db =>
        {
            var issuer = await db.Units.AsNoTracking().SingleAsync(u => u.Id == Issued.IssuerUnitId);
            var model = await ConclusionDocumentsModule.BuildModelAsync(Issued, issuer, db, CancellationToken.None);
            return ConclusionDocument.Render(model, Services.GetRequiredService<PaperTemplates>().Load(template));
        });
}

/// <summary>The demo district's version of the reference conclusion (07-KL/HU of 2017), the same record the
/// register tests issue: three sections, recipients, signed by the Bí thư.</summary>
/// <summary>The printed conclusion: the twelve layout checks of DOMAIN.md on the .docx, the PDF made by the
/// real LibreOffice, the templates as replaceable data, and who may download it.</summary>
public sealed class ConclusionDocumentTests(IssuedReferenceApp app) : IClassFixture<IssuedReferenceApp>
{
    [Fact]
    public async Task Docx_ReferenceConclusion_EveryPartInOrder()
    {
        using var document = Open(await app.RenderAsync());
        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();
        var header = tables[0];
        var headerLeft = Column(header, 0);
        var headerRight = Column(header, 1);
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        var record = app.Issued;

        // 1-4: the header blocks.
        Assert.Equal(["ĐẢNG BỘ TỈNH LONG GIANG", "HUYỆN ỦY TÂN PHONG", "*", record.Number!.Value.Display], headerLeft);
        Assert.Equal(7, record.Sequence);
        Assert.Equal("Số 07-KL/HU", headerLeft[3]);
        Assert.Equal(["ĐẢNG CỘNG SẢN VIỆT NAM", "Tân Phong, ngày 15 tháng 4 năm 2026"], headerRight);
        // 5-7: title, summary, body in order.
        string[] expected =
        [
            "KẾT LUẬN",
            record.Summary,
            "",
            ReferenceConclusion.Preamble1,
            "Sau khi nghe Ban Dân vận Huyện ủy báo cáo và ý kiến phát biểu của các đồng chí dự họp, đồng chí Bí thư Huyện ủy kết luận như sau:",
            "I. Đánh giá việc tổ chức Hội nghị",
            "1. Hội nghị được chuẩn bị chu đáo; các điểm cầu kết nối ổn định, dự họp đầy đủ, đúng thành phần. Để các hội nghị sau tốt hơn, đề nghị các đơn vị lưu ý:",
            "- Kiểm tra kỹ hình ảnh, âm thanh, đường truyền trước giờ họp.",
            "- Treo bảng tên đơn vị tại mỗi điểm cầu.",
            "2. Giao Văn phòng Huyện ủy rà soát thiết bị tại các điểm cầu xã; hoàn thành trong tháng 5/2026.",
            "II. Một số kiến nghị, đề xuất",
            "1. " + record.Items.Single(i => i.SectionOrder == 2 && i.Number == 1).Text,
            "2. " + record.Items.Single(i => i.SectionOrder == 2 && i.Number == 2).Text,
            "3. Về nhân sự chi hội ấp Phước Lợi (nội bộ).",
            "III. Nhiệm vụ trọng tâm quý II năm 2026",
            "1. " + record.Items.Single(i => i.SectionOrder == 3 && i.Number == 1).Text,
            "2. " + record.Items.Single(i => i.SectionOrder == 3 && i.Number == 2).Text,
            "",
        ];
        Assert.Equal(expected, paragraphs);
        // 10-11: recipients in order ending with "Lưu ...", and the signature block.
        var bottom = tables[1];
        Assert.Equal(
            ["Nơi nhận:", "- Thường trực Huyện ủy;", "- UBND huyện;", "- MTTQ, các đoàn thể CT-XH huyện;", "- Đăng Website Huyện ủy;", "- Lưu VPHU."],
            Column(bottom, 0));
        Assert.Equal(["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "", "", "", "", "Trần Minh Khang"], Column(bottom, 1));

        SaveArtifact("conclusion.docx", await app.RenderAsync());
    }

    [Fact]
    public async Task Docx_ReferenceConclusion_SharedLayoutChecksAndNoSchemaError()
    {
        var docx = await app.RenderAsync();

        Briefings.Web.Tests.Documents.PaperLayout.AssertValid(docx, "conclusion.docx");
        Briefings.Web.Tests.Documents.PaperLayout.AssertLayout(docx, new Briefings.Web.Tests.Documents.PaperExpectation(
            "KẾT LUẬN", "Số 07-KL/HU", [["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Minh Khang"]]));
        var printed = await Briefings.Web.Tests.Documents.PaperArtifacts.RenderAsync(app.Services, "ket-luan", docx);
        Assert.Contains("Số 07-KL/HU", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_ReferenceConclusion_TimesNewRomanAtTheSizesOfTheGuide()
    {
        using var document = Open(await app.RenderAsync());
        var runs = document.MainDocumentPart!.Document!.Body!.Descendants<Run>().ToList();
        Run RunOf(string text) => Assert.Single(runs, r => r.InnerText == text);

        // 9: the font everywhere.
        Assert.All(runs, run =>
        {
            var fonts = run.RunProperties?.RunFonts;
            Assert.Equal("Times New Roman", fonts?.Ascii?.Value);
            Assert.Equal("Times New Roman", fonts?.HighAnsi?.Value);
            Assert.Equal("Times New Roman", fonts?.ComplexScript?.Value);
        });
        AssertRun(RunOf("ĐẢNG BỘ TỈNH LONG GIANG"), "28", bold: false, italic: false);
        AssertRun(RunOf("HUYỆN ỦY TÂN PHONG"), "28", bold: true, italic: false);
        AssertRun(RunOf("Số 07-KL/HU"), "28", bold: false, italic: false);
        var heading = RunOf("ĐẢNG CỘNG SẢN VIỆT NAM");
        AssertRun(heading, "30", bold: true, italic: false);
        Assert.Equal(UnderlineValues.Single, heading.RunProperties!.Underline?.Val?.Value);
        AssertRun(RunOf("Tân Phong, ngày 15 tháng 4 năm 2026"), "28", bold: false, italic: true);
        var title = RunOf("KẾT LUẬN");
        AssertRun(title, "32", bold: true, italic: false);
        Assert.Equal(JustificationValues.Center, title.Ancestors<Paragraph>().First().ParagraphProperties!.Justification!.Val!.Value);
        AssertRun(RunOf(app.Issued.Summary), "28", bold: true, italic: false);
        AssertRun(RunOf("II. Một số kiến nghị, đề xuất"), "28", bold: true, italic: false);
        var item = RunOf("3. Về nhân sự chi hội ấp Phước Lợi (nội bộ).");
        AssertRun(item, "28", bold: false, italic: false);
        var itemParagraph = item.Ancestors<Paragraph>().First().ParagraphProperties!;
        Assert.Equal(JustificationValues.Both, itemParagraph.Justification!.Val!.Value);
        Assert.Equal("567", itemParagraph.Indentation!.FirstLine!.Value);
        AssertRun(RunOf("Nơi nhận:"), "24", bold: true, italic: true);
        AssertRun(RunOf("- Lưu VPHU."), "24", bold: false, italic: false);
        AssertRun(RunOf("T/M BAN THƯỜNG VỤ"), "28", bold: true, italic: false);
        AssertRun(RunOf("Trần Minh Khang"), "28", bold: true, italic: false);
    }

    [Fact]
    public async Task Docx_ReferenceConclusion_A4PartyMarginsMirroredPageNumbersFromPage2()
    {
        using var document = Open(await app.RenderAsync());
        var main = document.MainDocumentPart!;
        var section = main.Document!.Body!.GetFirstChild<SectionProperties>()!;

        // 8: A4 portrait, 25/25/35/15 mm, mirrored.
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((1417, 1417, 1984u, 850u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<MirrorMargins>());
        // 12: numbers 10 mm from the top, centred, not on page 1.
        Assert.Equal(567u, margin.Header!.Value);
        Assert.NotNull(section.GetFirstChild<TitlePage>());
        var references = section.Elements<HeaderReference>().ToDictionary(r => r.Type!.Value, r => (HeaderPart)main.GetPartById(r.Id!.Value!));
        Assert.Contains("PAGE", references[HeaderFooterValues.Default].Header!.InnerText, StringComparison.Ordinal);
        Assert.Equal(JustificationValues.Center, references[HeaderFooterValues.Default].Header!.Descendants<Justification>().First().Val!.Value);
        Assert.Equal("", references[HeaderFooterValues.First].Header!.InnerText);
    }

    [Fact]
    public async Task Pdf_ReferenceConclusion_LibreOfficeTextMatchesAndPage1Png()
    {
        var converter = app.Services.GetRequiredService<PdfConverter>();
        var watch = Stopwatch.StartNew();
        var pdf = await converter.ConvertAsync(await app.RenderAsync());
        var first = watch.Elapsed;

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var folder = ArtifactsFolder();
        var pdfPath = Path.Combine(folder, "conclusion.pdf");
        await File.WriteAllBytesAsync(pdfPath, pdf);
        var text = await RunAsync("pdftotext", "-layout", pdfPath, "-");
        Assert.Contains("KẾT LUẬN", text, StringComparison.Ordinal);
        Assert.Contains("Số 07-KL/HU", text, StringComparison.Ordinal);
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("II. Một số kiến nghị, đề xuất", text, StringComparison.Ordinal);
        Assert.Contains("T/M BAN THƯỜNG VỤ", text, StringComparison.Ordinal);
        Assert.Contains("Trần Minh Khang", text, StringComparison.Ordinal);
        await RunAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdfPath, Path.Combine(folder, "conclusion-page1"));
        Assert.True(File.Exists(Path.Combine(folder, "conclusion-page1.png")));

        // The profile is warm now: a second document goes faster than the first (which may have built it).
        watch.Restart();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(await converter.ConvertAsync(await app.RenderAsync()), 0, 4));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"first {first}, warm {watch.Elapsed}");
        Assert.Equal(0, converter.Status.Queued);
        Assert.True(converter.Status.Converted >= 2);
    }

    [Fact]
    public async Task Docx_StateTemplate_NationalHeadingMottoStateNumberAndSigningForm()
    {
        var bytes = await app.RenderAsync(PaperTemplates.State);
        SaveArtifact("conclusion-state.docx", bytes);
        using var document = Open(bytes);
        var body = document.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<Table>().ToList();

        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tân Phong, ngày 15 tháng 4 năm 2026"], Column(tables[0], 1));
        Assert.Contains("Số: 07/KL-HU", Column(tables[0], 0));
        Assert.DoesNotContain("*", Column(tables[0], 0));
        Assert.Equal("TM. BAN THƯỜNG VỤ", Column(tables[1], 1)[0]);
        var margin = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.Equal((1134, 1134, 1701u, 850u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
    }

    [Fact]
    public async Task Templates_ReplacedFileInConfiguredFolder_UsedWithoutCodeChange()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("briefings-templates-").FullName;
        try
        {
            var shipped = app.Services.GetRequiredService<PaperTemplates>().Folder;
            var json = await File.ReadAllTextAsync(Path.Combine(shipped, "conclusion-party.json"));
            await File.WriteAllTextAsync(Path.Combine(folder, "conclusion-party.json"),
                json.Replace("\"typeName\": 16", "\"typeName\": 15", StringComparison.Ordinal).Replace("\"marginLeftMm\": 35", "\"marginLeftMm\": 30", StringComparison.Ordinal));
            await File.WriteAllTextAsync(Path.Combine(folder, "conclusion-state.json"), "{ \"name\": \"hỏng\" ");
            var templates = new PaperTemplates(Options.Create(new PaperTemplateOptions { TemplateFolder = folder }),
                app.Services.GetRequiredService<IWebHostEnvironment>());

            var replaced = templates.Load(PaperTemplates.Party);
            var broken = Assert.Throws<InvalidOperationException>(() => templates.Load(PaperTemplates.State));

            Assert.Equal((15, 30d), (replaced.Sizes.TypeName, replaced.Page.MarginLeftMm));
            Assert.Contains("không đúng định dạng", broken.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Download_ClerkAndLeaderGetDocxAndPdf_UnitStaffOfACommuneForbidden()
    {
        using var clerk = await app.LoginAsync("vanphong");
        using var leader = await app.LoginAsync("bithu");
        using var commune = await app.LoginAsync("xa.anlac");
        var url = $"/conclusions/{app.ConclusionId}/document";

        var docx = await clerk.Http.GetAsync(url + ".docx");
        var pdf = await leader.Http.GetAsync(url + ".pdf");
        var refusedDocx = await commune.Http.GetAsync(url + ".docx");
        var refusedPdf = await commune.Http.GetAsync(url + ".pdf");
        var (htmlStatus, html) = await leader.GetPageAsync(url + ".html");
        var refusedHtml = await commune.Http.GetAsync(url + ".html");
        var missing = await clerk.Http.GetAsync($"/conclusions/{Guid.NewGuid()}/document.docx");
        var status = await clerk.Http.GetAsync("/conclusions/pdf-status");
        var statusRefused = await commune.Http.GetAsync("/conclusions/pdf-status");

        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal(ConclusionDocument.ContentType, docx.Content.Headers.ContentType!.MediaType);
        using (var document = Open(await docx.Content.ReadAsByteArrayAsync()))
        {
            Assert.Contains("Số 07-KL/HU", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, refusedDocx.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedPdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("\"queued\":0", await status.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, statusRefused.StatusCode);
        // The HTML view says the same as the .docx.
        Assert.Equal(HttpStatusCode.OK, htmlStatus);
        Assert.Equal(HttpStatusCode.Forbidden, refusedHtml.StatusCode);
        Assert.Equal("KẾT LUẬN", html.QuerySelector("h1")!.TextContent);
        Assert.Equal("Số 07-KL/HU", html.QuerySelector(".number")!.TextContent);
        Assert.Equal(["I. Đánh giá việc tổ chức Hội nghị", "II. Một số kiến nghị, đề xuất", "III. Nhiệm vụ trọng tâm quý II năm 2026"],
            html.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal("- Lưu VPHU.", html.QuerySelectorAll(".recipients li").Last().TextContent);
        Assert.Equal("Trần Minh Khang", html.QuerySelector(".signer")!.TextContent);
    }

    /// <summary>The figures of docs/benchmarks.md ("Conclusions"): .docx render of the reference against an empty
    /// document, and warm PDF conversions. Written to artifacts/conclusion-bench.txt; no timing is asserted,
    /// because the test machines are shared. A benchmark, not a test: ./test.sh leaves it out (Category=Benchmark);
    /// run it with the command in docs/benchmarks.md.</summary>
    [Fact]
    [Trait("Category", "Benchmark")]
    public async Task Benchmark_RenderAndWarmPdf_FiguresWritten()
    {
        var reference = await app.WithDbAsync(async db => await ConclusionDocumentsModule.BuildModelAsync(
            app.Issued, await db.Units.AsNoTracking().SingleAsync(u => u.Id == app.Issued.IssuerUnitId), db, CancellationToken.None));
        var empty = new ConclusionDocumentModel(null, "", null, "KL", "HU", "", null, "", "", [], [], [], "", "", "");
        var template = app.Services.GetRequiredService<PaperTemplates>().Load(PaperTemplates.Party);
        const int renders = 200;
        static List<double> Time(int n, Action action)
        {
            var list = new List<double>();
            for (var i = 0; i < n; i++)
            {
                var watch = Stopwatch.StartNew();
                action();
                list.Add(watch.Elapsed.TotalMilliseconds);
            }

            return list;
        }

        Time(20, () => ConclusionDocument.Render(reference, template)); // JIT warm-up
        var baseline = Time(renders, () => ConclusionDocument.Render(empty, template));
        var docx = Time(renders, () => ConclusionDocument.Render(reference, template));
        var bytes = ConclusionDocument.Render(reference, template);
        var converter = app.Services.GetRequiredService<PdfConverter>();
        await converter.ConvertAsync(bytes); // the profile exists from here on
        var pdf = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            await converter.ConvertAsync(bytes);
            pdf.Add(watch.Elapsed.TotalMilliseconds);
        }

        static string Line(string name, List<double> ms)
        {
            var sorted = ms.Order().ToList();
            double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"| {name} | {sorted.Count} | {P(0.5):0.00} | {P(0.95):0.00} | {sorted[^1]:0.00} |");
        }

        var report = string.Join('\n',
            "| what | n | p50 ms | p95 ms | max ms |",
            "|---|--:|--:|--:|--:|",
            Line("baseline: empty document .docx", baseline),
            Line("reference conclusion .docx", docx),
            Line("reference conclusion PDF, warm profile", pdf));
        await File.WriteAllTextAsync(Path.Combine(ArtifactsFolder(), "conclusion-bench.txt"), report + "\n");
        Assert.Equal(renders, docx.Count);
    }

    private static void AssertRun(Run run, string halfPoints, bool bold, bool italic)
    {
        var properties = run.RunProperties!;
        Assert.Equal(halfPoints, properties.FontSize?.Val?.Value);
        Assert.Equal(bold, properties.Bold is not null);
        Assert.Equal(italic, properties.Italic is not null);
    }

    private static List<string> Column(Table table, int index) =>
        table.Elements<TableRow>().SelectMany(r => r.Elements<TableCell>().ElementAt(index).Elements<Paragraph>()).Select(p => p.InnerText).ToList();

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);

    private static string ArtifactsFolder()
    {
        var folder = Environment.GetEnvironmentVariable("BRIEFINGS_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }

    private static void SaveArtifact(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(ArtifactsFolder(), name), bytes);

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
        return await output;
    }
}
