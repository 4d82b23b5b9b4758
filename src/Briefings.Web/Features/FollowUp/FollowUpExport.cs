using System.Globalization;
using Briefings.Core.FollowUp;
using Briefings.Web.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// The follow-up report "Báo cáo tình hình thực hiện kết luận" as .xlsx (sheets: Tổng hợp theo đơn vị, Theo kết
/// luận, Danh sách nhiệm vụ) and .docx (Times New Roman 13–14 pt, landscape A4, like the conclusion document). Same
/// scope and filters as the dashboard: an account exports only tasks whose lead unit is in its scope.
/// </summary>
public sealed class FollowUpExport(FollowUpDashboard dashboard)
{
    public const int TaskLimit = 20000;
    public const string Title = "BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾT LUẬN";

    private static readonly string[] CountHeaders =
        ["Tổng số", .. FollowUpDashboard.StatusKeys.Select(s => s.Status.Label()), .. FollowUpStatuses.AgeingDays.Select(FollowUpStatuses.AgeLabel), "Tỷ lệ hoàn thành (%)"];

    private static object?[] CountCells(FollowUpDashboard.Counts c) =>
        [c.Total, .. FollowUpDashboard.StatusKeys.Select(s => (object?)c.Of(s.Status)), .. FollowUpStatuses.AgeingDays.Select(d => (object?)c.Beyond(d)), c.CompletionRate];

    public static async Task<IResult> XlsxAsync(HttpContext http, CurrentUser current, FollowUpExport export, CancellationToken ct) =>
        await HandleAsync(http, current, export, true, ct);

    public static async Task<IResult> DocxAsync(HttpContext http, CurrentUser current, FollowUpExport export, CancellationToken ct) =>
        await HandleAsync(http, current, export, false, ct);

    private static async Task<IResult> HandleAsync(HttpContext http, CurrentUser current, FollowUpExport export, bool xlsx, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } user)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var filter = FollowUpPages.FilterFrom(http.Request.Query);
        var data = await export.LoadAsync(user, filter, ct);
        if (data is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var stamp = data.Value.Report.Today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return xlsx
            ? TypedResults.File(await Xlsx(data.Value.Report, data.Value.Tasks, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-thuc-hien-ket-luan-{stamp}.xlsx")
            : TypedResults.File(Docx(data.Value.Report, data.Value.Tasks), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"bao-cao-thuc-hien-ket-luan-{stamp}.docx");
    }

    public async Task<(FollowUpDashboard.Report Report, IReadOnlyList<BrowseTasks.Row> Tasks)?> LoadAsync(UserContext user, FollowUpDashboard.Filter filter, CancellationToken ct)
    {
        var report = await dashboard.RunAsync(user, filter with { Status = null }, ct);
        var tasks = await dashboard.ListAsync(user, filter, TaskLimit, ct);
        return report is null || tasks is null ? null : (report, tasks);
    }

    private static string Scope(FollowUpDashboard.Report r) => string.Join("; ", new[]
    {
        r.UnitName is { } u ? "Đơn vị: " + u : null,
        r.ConclusionNumber is { } c ? "Kết luận số " + c : null,
        r.PeriodLabel is { } p ? "Kỳ: " + p : null,
        "Số liệu đến ngày " + FollowUpText.Date(r.Today),
    }.Where(x => x is not null));

    public static async Task<byte[]> Xlsx(FollowUpDashboard.Report report, IReadOnlyList<BrowseTasks.Row> tasks, CancellationToken ct = default)
    {
        static Dictionary<string, object?> Row(string firstHeader, string first, FollowUpDashboard.Counts counts)
        {
            var row = new Dictionary<string, object?> { [firstHeader] = first };
            var cells = CountCells(counts);
            for (var i = 0; i < CountHeaders.Length; i++)
            {
                row[CountHeaders[i]] = cells[i];
            }

            return row;
        }

        var units = report.Units.Select(l => Row("Đơn vị chủ trì", l.Name, l.Counts)).Append(Row("Đơn vị chủ trì", "Tổng cộng", report.Total)).ToList();
        var conclusions = report.Conclusions.Select(l => Row("Kết luận số", l.Name, l.Counts)).ToList();
        var list = tasks.Select((t, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Kết luận số"] = t.ConclusionNumber,
            ["Mục"] = t.ItemNumber,
            ["Nội dung nhiệm vụ"] = t.ItemText,
            ["Đơn vị chủ trì"] = t.LeadUnitName,
            ["Thời hạn"] = t.DueOn is { } d ? FollowUpText.Date(d) : t.PeriodLabel ?? t.DeadlineText,
            ["Tình trạng"] = t.Status.Label(),
            ["Tiến độ (%)"] = t.Percent,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp theo đơn vị"] = units,
            ["Theo kết luận"] = conclusions.Count > 0 ? conclusions : [Row("Kết luận số", "", FollowUpDashboard.Counts.Zero)],
            ["Danh sách nhiệm vụ"] = list.Count > 0 ? list : [new Dictionary<string, object?> { ["STT"] = null, ["Nội dung nhiệm vụ"] = "Không có nhiệm vụ" }],
            ["Thông tin"] = new[] { new Dictionary<string, object?> { ["Báo cáo"] = Title, ["Phạm vi"] = Scope(report) } },
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    public static byte[] Docx(FollowUpDashboard.Report report, IReadOnlyList<BrowseTasks.Row> tasks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = "Báo cáo tình hình thực hiện kết luận";
            document.PackageProperties.Language = "vi-VN";
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Para(Title, 14, bold: true, center: true), Para(Scope(report), 13, italic: true, center: true));

            body.Append(Para("I. TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ", 13, bold: true));
            body.Append(Grid(["Đơn vị chủ trì", .. CountHeaders],
                report.Units.Select(l => Cells(l.Name, l.Counts)).Append(Cells("Tổng cộng", report.Total))));

            body.Append(Para("II. THEO KẾT LUẬN", 13, bold: true));
            body.Append(Grid(["Kết luận số", .. CountHeaders], report.Conclusions.Select(l => Cells(l.Name, l.Counts))));

            body.Append(Para("III. DANH SÁCH NHIỆM VỤ", 13, bold: true));
            body.Append(Grid(["STT", "Kết luận", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Tình trạng", "Tiến độ"],
                tasks.Select((t, i) => new[]
                {
                    (i + 1).ToString(CultureInfo.InvariantCulture), $"{t.ConclusionNumber}, mục {t.ItemNumber}", t.ItemText, t.LeadUnitName,
                    t.DueOn is { } d ? FollowUpText.Date(d) : t.PeriodLabel ?? t.DeadlineText, t.Status.Label(), $"{t.Percent} %",
                })));

            // A4 landscape, margins 20/20/30/15 mm.
            body.Append(new SectionProperties(
                new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 850U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static string[] Cells(string first, FollowUpDashboard.Counts c) =>
        [first, .. CountCells(c).Select(x => x is null ? "—" : Convert.ToString(x, CultureInfo.InvariantCulture)!)];

    private static Paragraph Para(string text, int points, bool bold = false, bool italic = false, bool center = false)
    {
        var props = new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "60" });
        if (center)
        {
            props.Append(new Justification { Val = JustificationValues.Center });
        }

        return new Paragraph(props, TextRun(text, points, bold, italic));
    }

    private static Run TextRun(string text, int points, bool bold = false, bool italic = false)
    {
        var rp = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" });
        if (bold)
        {
            rp.Append(new Bold());
        }

        if (italic)
        {
            rp.Append(new Italic());
        }

        rp.Append(new FontSize { Val = (points * 2).ToString(CultureInfo.InvariantCulture) });
        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Table Grid(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        head.Append(headers.Select(h => Cell(h, true)));
        table.Append(head);
        foreach (var row in rows)
        {
            table.Append(new TableRow(row.Select(c => Cell(c, false)).ToArray()));
        }

        return table;
    }

    private static TableCell Cell(string text, bool header) =>
        new(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { Before = "0", After = "0" }), TextRun(text, 12, bold: header)));
}
