using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Documents;

/// <summary>Every generated workbook and the follow-up report, downloaded as a user does, pass the Open XML SDK's
/// validator with no error; the report is a party paper in the layout.</summary>
public sealed class ExportValidationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/directory/export.xlsx", "vanphong")]
    [InlineData("/audit/export.xlsx", "admin")]
    [InlineData("/followup/export.xlsx", "vanphong")]
    public async Task Xlsx_Downloaded_NoSchemaError(string url, string account)
    {
        await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec("X-01-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var client = await app.LoginAsync(account);

        var response = await client.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        PaperLayout.AssertValid(await response.Content.ReadAsByteArrayAsync(), "export.xlsx");
    }

    [Fact]
    public async Task FollowUpDocx_Office_PartyReportSignedTlByTheOfficeWithSectionItems()
    {
        var issued = await FollowUpFixture.IssueAsync(app,
            new FollowUpFixture.Spec("X-01-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))), new FollowUpFixture.Spec("X-02-UB", Deadline.By(FollowUpFixture.Today.AddDays(-5))));
        using var clerk = await app.LoginAsync("vanphong");

        var response = await clerk.Http.GetAsync($"/followup/export.docx?conclusion={issued.ConclusionId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        PaperLayout.AssertValid(docx, "bao-cao.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("BÁO CÁO", "Số      -BC/VPHU", [["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Huỳnh Ngọc Lan"]]));
        var text = MinutesPaperTests.PaperText(docx);
        Assert.Contains("HUYỆN ỦY TÂN PHONG\nVĂN PHÒNG HUYỆN ỦY", text, StringComparison.Ordinal);
        Assert.Contains("\nI.1\n", text, StringComparison.Ordinal);
        Assert.Contains("\nI.2\n", text, StringComparison.Ordinal);
        Assert.Contains(issued.Task(2).ItemText, text, StringComparison.Ordinal);
        var printed = await PaperArtifacts.RenderAsync(app.Services, "bao-cao", docx);
        Assert.Contains("BÁO CÁO", printed, StringComparison.Ordinal);
    }

    /// <summary>Found by walk-hostile5: a text longer than Excel's 32,767 characters a cell (an audit row's changes of a
    /// long conclusion) went into the workbook whole, and Excel reports such a file as damaged. Every workbook the app
    /// writes cuts it, with a mark saying so; the rest of the row and the other cells are as given.</summary>
    [Fact]
    public async Task Workbook_TextLongerThanACellHolds_CutWithAMarkOtherCellsWholeFileValid()
    {
        // An emoji (two UTF-16 units) across the place of the cut.
        var keep = Briefings.Web.Documents.Workbooks.MaxCellLength - Briefings.Web.Documents.Workbooks.CutMark.Length;
        var longText = new string('ệ', keep - 1) + "😀" + new string('a', 20_000);
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["Thay đổi"] = longText, ["Người thực hiện"] = "vanphong" },
            new() { ["Thay đổi"] = "ngắn", ["Người thực hiện"] = "admin" },
        };

        var bytes = await Briefings.Web.Documents.Workbooks.SaveAsync(new Dictionary<string, object> { ["Nhật ký"] = rows }, CancellationToken.None);

        PaperLayout.AssertValid(bytes, "dai.xlsx");
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var texts = document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Select(c => c.DataType?.Value == DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.InnerText)
            .ToList();
        var cut = Assert.Single(texts, t => t.EndsWith(Briefings.Web.Documents.Workbooks.CutMark, StringComparison.Ordinal));
        Assert.True(cut.Length <= Briefings.Web.Documents.Workbooks.MaxCellLength, $"{cut.Length} characters in a cell");
        // The emoji is not split: the cut falls before it.
        Assert.Equal(new string('ệ', keep - 1) + Briefings.Web.Documents.Workbooks.CutMark, cut);
        Assert.Contains("ngắn", texts);
        Assert.Contains("vanphong", texts);
    }

    /// <summary>Found by walk-hostile5: the audit export had no bound — 202,559 entries (a year of roll calls and
    /// presence changes) took 29 s and 1.7 GB of the server's memory for one request. Past
    /// <see cref="Briefings.Web.Features.Audit.ListAuditEntries.ExportLimit"/> rows the export asks, in Vietnamese, for
    /// a narrower filter; at the limit it writes every row.</summary>
    [Fact]
    public async Task AuditExport_MoreEntriesThanTheLimit_RefusedInVietnameseAskingForANarrowerFilter_AtTheLimitEveryRow()
    {
        var (over, at) = ("vuot-" + Guid.NewGuid().ToString("N"), "du-" + Guid.NewGuid().ToString("N"));
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (id, count) in new[] { (over, Briefings.Web.Features.Audit.ListAuditEntries.ExportLimit + 1), (at, Briefings.Web.Features.Audit.ListAuditEntries.ExportLimit) })
            {
                db.AuditEntries.AddRange(Enumerable.Range(0, count).Select(i => new Briefings.Data.AuditEntry
                {
                    At = now, UserName = "admin", EntityType = "Unit", EntityId = id, Action = "Updated", After = $"{{\"Name\":\"Tổ {i}\"}}",
                }));
            }

            await db.SaveChangesAsync();
            return 0;
        });
        using var admin = await app.LoginAsync("admin");

        var refused = await admin.Http.GetAsync($"/audit/export.xlsx?id={over}");
        var written = await admin.Http.GetAsync($"/audit/export.xlsx?id={at}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(Briefings.Web.Features.Audit.ListAuditEntries.ExportTooLarge, System.Text.RegularExpressions.Regex.Unescape(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await written.Content.ReadAsByteArrayAsync()), false);
        using var reader = DocumentFormat.OpenXml.OpenXmlReader.Create(document.WorkbookPart!.WorksheetParts.Single());
        var rows = 0;
        while (reader.Read())
        {
            rows += reader.IsStartElement && reader.ElementType == typeof(DocumentFormat.OpenXml.Spreadsheet.Row) ? 1 : 0;
        }

        Assert.Equal(Briefings.Web.Features.Audit.ListAuditEntries.ExportLimit + 1, rows); // the header and every entry
    }

    [Theory]
    [InlineData(2, 4, "II.4")]
    [InlineData(3, 4, "III.4")]
    [InlineData(0, 4, "4")]
    public void Item_SectionAndNumber_WrittenAsTheConclusionNumbersIt(int section, int item, string expected)
    {
        var row = new BrowseTasks.Row(Guid.Empty, Guid.Empty, "07-KL/HU", item, "", "", true, "", null, null, 0, TaskState.Open, false, FollowUpStatus.OpenOnTime, section);

        Assert.Equal(expected, row.Item);
    }
}
