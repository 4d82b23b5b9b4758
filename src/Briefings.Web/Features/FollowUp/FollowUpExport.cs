using System.Globalization;
using Briefings.Core.FollowUp;
using Briefings.Web.Infrastructure;
using Briefings.Data;
using Briefings.Web.Documents;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// The follow-up report "Báo cáo tình hình thực hiện kết luận" as .xlsx (sheets: Tổng hợp theo đơn vị, Theo kết
/// luận, Danh sách nhiệm vụ) and .docx (a party paper from the one <see cref="PaperWriter"/>). Same
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
        await HandleAsync(http, current, export, null, ct);

    public static async Task<IResult> DocxAsync(HttpContext http, CurrentUser current, FollowUpExport export, BriefingsDbContext db, PaperTemplates templates, CancellationToken ct) =>
        await HandleAsync(http, current, export, (db, templates), ct);

    /// <summary>With <paramref name="docx"/> the Word report, without it the workbook.</summary>
    private static async Task<IResult> HandleAsync(HttpContext http, CurrentUser current, FollowUpExport export, (BriefingsDbContext Db, PaperTemplates Templates)? docx, CancellationToken ct)
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
        if (docx is not { } word)
        {
            return TypedResults.File(await Xlsx(data.Value.Report, data.Value.Tasks, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-thuc-hien-ket-luan-{stamp}.xlsx");
        }

        var issuer = await PaperIssuer.ForAccountAsync(word.Db, user.Unit, ct);
        return TypedResults.File(Docx(data.Value.Report, data.Value.Tasks, issuer, word.Templates.LoadFor(issuer.Unit)), PaperWriter.ContentType, $"bao-cao-thuc-hien-ket-luan-{stamp}.docx");
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
        r.ConclusionNumber is { } c ? FollowUpText.Document(c) : null,
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
            ["Mục"] = t.Item,
            ["Nội dung nhiệm vụ"] = t.ItemText,
            ["Đơn vị chủ trì"] = t.LeadUnitName,
            ["Thời hạn"] = t.DueText,
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
        return await Documents.Workbooks.SaveAsync(sheets, ct);
    }

    /// <summary>The report as a party paper from the one writer: the header of the reporting body (the account's
    /// unit) with a blank "Số      -BC/..." to be numbered when signed, "BÁO CÁO", the tables, "Nơi nhận" and the
    /// signature by the rule of the body's kind (the office: "T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG").</summary>
    public static byte[] Docx(FollowUpDashboard.Report report, IReadOnlyList<BrowseTasks.Row> tasks, PaperIssuer issuer, PaperTemplate template) =>
        PaperWriter.Render(Paper(report, tasks, issuer), template);

    public static Paper Paper(FollowUpDashboard.Report report, IReadOnlyList<BrowseTasks.Row> tasks, PaperIssuer issuer)
    {
        var countColumns = CountHeaders.Select(h => new PaperColumn(h, 8, true)).ToList();
        var body = new List<PaperBlock>
        {
            new PaperText(Scope(report) + "."),
            new PaperText("I. TỔNG HỢP THEO ĐƠN VỊ CHỦ TRÌ", PaperTextStyle.Heading),
            new PaperTable([new("Đơn vị chủ trì", 18), .. countColumns],
                report.Units.Select(l => Cells(l.Name, l.Counts)).Append(Cells("Tổng cộng", report.Total)).ToList(), 10),
            new PaperText("II. THEO KẾT LUẬN", PaperTextStyle.Heading),
            new PaperTable([new("Kết luận số", 18), .. countColumns], report.Conclusions.Select(l => Cells(l.Name, l.Counts)).ToList(), 10),
            new PaperText("III. DANH SÁCH NHIỆM VỤ", PaperTextStyle.Heading),
            new PaperTable(
                [new("STT", 6, true), new("Kết luận", 11, true), new("Mục", 7, true), new("Nội dung nhiệm vụ", 29), new("Đơn vị chủ trì", 16), new("Thời hạn", 13, true), new("Tình trạng", 11), new("Tiến độ", 9, true)],
                tasks.Select((t, i) => (IReadOnlyList<string>)
                [
                    (i + 1).ToString(CultureInfo.InvariantCulture), t.ConclusionNumber, t.Item, t.ItemText, t.LeadUnitName,
                    t.DueText, t.Status.Label(), $"{t.Percent} %",
                ]).ToList(), 11),
        };
        if (tasks.Count == 0)
        {
            body.Add(new PaperText("Không có nhiệm vụ trong phạm vi báo cáo."));
        }

        return new Paper(
            issuer.Superior,
            issuer.Name,
            issuer.NumberLine(null, "BC"),
            Documents.Paper.DateLineOf(issuer.Place, report.Today),
            "BÁO CÁO",
            "Tình hình thực hiện kết luận",
            body,
            [issuer.ReportsTo is { } reportsTo ? $"{reportsTo} (để b/c)" : "Lãnh đạo đơn vị (để b/c)", "Các đơn vị chủ trì (để t/h)", "Lưu " + issuer.ArchiveMark],
            [issuer.Signature()]);
    }

    private static IReadOnlyList<string> Cells(string first, FollowUpDashboard.Counts c) =>
        [first, .. CountCells(c).Select(x => x is null ? "—" : Convert.ToString(x, CultureInfo.InvariantCulture)!)];
}
