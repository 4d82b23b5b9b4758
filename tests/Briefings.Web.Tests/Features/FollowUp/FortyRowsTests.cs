using System.Globalization;
using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>
/// The chair's and the office's follow-up as the office works it (walk-review): one conclusion of forty directives
/// across ten lead units — some overdue (over 30 and over 90 days), some extended, some returned, some done late, some
/// without a deadline. Every figure is read from the dashboard, its drill-down list, the Excel and the Word export,
/// and checked against the database's tasks: a number that disagrees between any two is a defect.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FortyRowsTests(AppFactory app)
{
    private static readonly string[] Leads =
    [
        Demo.AnLac + "-UB", Demo.BinhDong + "-UB", "UB-TP", "UB-TP-TCKH", "UB-TP-GDDT",
        "HU-TP-BDV", "HU-TP-BTC", "MT-TP", "PN-TP", "DTN-TP",
    ];

    [Fact]
    public async Task FortyDirectivesTenUnits_DashboardListExcelAndWordAgreeWithTheDatabase()
    {
        var today = FollowUpFixture.Today;
        // Item i (1..40) is led by Leads[(i-1) % 10]; its deadline by (i-1) / 10: overdue 40 days, overdue 100 days,
        // due in 20 days, no deadline.
        var specs = Enumerable.Range(0, 40).Select(i => new FollowUpFixture.Spec(Leads[i % 10], ((i / 10) switch
        {
            0 => Deadline.By(today.AddDays(-40)),
            1 => Deadline.By(today.AddDays(-100)),
            2 => Deadline.By(today.AddDays(20)),
            _ => null,
        }))).ToArray();
        var issued = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-150), specs);
        Assert.Equal(40, issued.Tasks.Count);

        await app.WithDbAsync(async db =>
        {
            var tasks = await db.FollowUpTasks.Where(t => t.ConclusionId == issued.ConclusionId).ToDictionaryAsync(t => t.ItemNumber);
            var at = DateTimeOffset.UtcNow;
            // Items 1–3 (overdue 40 days) extended to next month: on time again.
            foreach (var n in new[] { 1, 2, 3 })
            {
                var extension = tasks[n].RequestExtension(tasks[n].LeadUnitId, today.AddDays(30), "Chờ kinh phí.", 2, "xa", at).Value!;
                db.Add(extension);
                Assert.Null(tasks[n].DecideExtension(extension, true, null, 2, "vanphong", at));
            }

            // Items 4, 5 (overdue) and 21, 22 (on time) done: late and on time.
            foreach (var n in new[] { 4, 5, 21, 22 })
            {
                var request = tasks[n].RequestCompletion(tasks[n].LeadUnitId, "Đã hoàn thành.", null, "Chậm do mưa bão.", "xa", at);
                Assert.True(request.Succeeded, string.Join(" ", request.Errors.Select(e => e.Message)));
                db.Add(request.Value!);
                Assert.Null(tasks[n].Confirm(request.Value!, null, "vanphong", at));
            }

            // Item 6 (overdue) asked done and returned: still overdue. Item 7 asked and waiting for the office.
            foreach (var n in new[] { 6, 7 })
            {
                var request = tasks[n].RequestCompletion(tasks[n].LeadUnitId, "Đã hoàn thành.", null, "Chậm do mưa bão.", "xa", at);
                Assert.True(request.Succeeded, string.Join(" ", request.Errors.Select(e => e.Message)));
                db.Add(request.Value!);
                if (n == 6)
                {
                    Assert.Null(tasks[n].Return(request.Value!, "Thiếu biên bản.", "vanphong", at));
                }
            }

            return await db.SaveChangesAsync();
        });

        var stored = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == issued.ConclusionId).ToListAsync());
        var units = await app.WithDbAsync(db => db.Units.AsNoTracking().Where(u => Leads.Contains(u.Code)).ToDictionaryAsync(u => u.Id, u => u.Name));
        int Count(FollowUpStatus s, Guid? lead = null) => stored.Count(t => t.StatusOn(today) == s && (lead is null || t.LeadUnitId == lead));
        // What was set up above, counted by hand: the database must say the same.
        Assert.Equal((2, 2, 3 + 8, 5 + 10, 10), (Count(FollowUpStatus.DoneOnTime), Count(FollowUpStatus.DoneLate), Count(FollowUpStatus.OpenOnTime), Count(FollowUpStatus.OpenOverdue), Count(FollowUpStatus.NoDeadline)));

        var q = $"conclusion={issued.ConclusionId}";
        using var chair = await app.LoginAsync("bithu");
        using var clerk = await app.LoginAsync("vanphong");
        foreach (var reader in new[] { chair, clerk })
        {
            var (status, dashboard) = await reader.GetPageAsync($"/followup?{q}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("(40 nhiệm vụ, hoàn thành 10 %)", dashboard.QuerySelector("#totals h2")!.TextContent, StringComparison.Ordinal);
            foreach (var (key, s) in FollowUpDashboard.StatusKeys)
            {
                var link = dashboard.QuerySelector($"#totals a[data-status='{key}']")!;
                Assert.Equal(Count(s), int.Parse(link.QuerySelector("strong")!.TextContent, CultureInfo.InvariantCulture));
                var (_, list) = await reader.GetPageAsync("/" + link.GetAttribute("href"));
                Assert.Equal(
                    stored.Where(t => t.StatusOn(today) == s).Select(t => t.Id.ToString()).Order(),
                    list.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")!).Order());
            }

            foreach (var days in FollowUpStatuses.AgeingDays)
            {
                var link = dashboard.QuerySelector($"#ageing a[data-status='{FollowUpDashboard.AgeKey(days)}']")!;
                var shown = link.QuerySelector("strong")!.TextContent;
                var expected = stored.Count(t => t.StatusOn(today) == FollowUpStatus.OpenOverdue && today.DayNumber - t.DueOn!.Value.DayNumber > days);
                Assert.True(expected == int.Parse(shown, CultureInfo.InvariantCulture), $"over {days} days: {shown}, database {expected}");
                var (_, list) = await reader.GetPageAsync("/" + link.GetAttribute("href"));
                Assert.Equal(expected, list.QuerySelectorAll("#tasks li.task").Length);
            }

            Assert.Equal("1", dashboard.QuerySelector($"#office a[data-status='{FollowUpDashboard.AwaitingKey}'] strong")!.TextContent);

            // At a glance, whose is late: the lines per unit, the most overdue first, each with its database count.
            var lines = dashboard.QuerySelectorAll("#units li").ToList();
            Assert.Equal(10, lines.Count);
            var overdueShown = lines.Select(li => Guid.Parse(li.GetAttribute("data-id")!)).Select(id => Count(FollowUpStatus.OpenOverdue, id)).ToList();
            Assert.Equal(overdueShown.OrderDescending(), overdueShown);
            foreach (var li in lines)
            {
                var id = Guid.Parse(li.GetAttribute("data-id")!);
                var overdueLink = li.QuerySelectorAll(".fu-line-nums a").Single(a => a.GetAttribute("href")!.Contains("status=overdue", StringComparison.Ordinal));
                Assert.Equal($"Quá hạn {Count(FollowUpStatus.OpenOverdue, id)}", overdueLink.TextContent.Trim());
            }
        }

        // The Excel export: its totals row, each unit's row and its forty lines.
        var xlsx = await clerk.Http.GetAsync($"/followup/export.xlsx?{q}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        var byUnit = Sheet(bytes, "Tổng hợp theo đơn vị");
        Assert.Equal(11, byUnit.Count);
        foreach (var row in byUnit)
        {
            var name = (string)row["Đơn vị chủ trì"]!;
            Guid? lead = name == "Tổng cộng" ? null : units.Single(u => u.Value == name).Key;
            Assert.Equal(stored.Count(t => lead is null || t.LeadUnitId == lead), Number(row["Tổng số"]));
            foreach (var (_, s) in FollowUpDashboard.StatusKeys)
            {
                Assert.True(Count(s, lead) == Number(row[s.Label()]), $"{name}, {s.Label()}: {row[s.Label()]}, database {Count(s, lead)}");
            }
        }

        var list40 = Sheet(bytes, "Danh sách nhiệm vụ");
        Assert.Equal(40, list40.Count);
        foreach (var row in list40)
        {
            var item = (string)row["Mục"]!;
            var task = stored.Single(t => FollowUpText.Item(t.SectionOrder, t.ItemNumber) == item);
            Assert.Equal(task.StatusOn(today).Label(), (string)row["Tình trạng"]!);
            Assert.Equal(units[task.LeadUnitId], (string)row["Đơn vị chủ trì"]!);
        }

        // The Word report: forty lines in its list, the totals line with the same figures.
        var docx = await clerk.Http.GetAsync($"/followup/export.docx?{q}");
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var tables = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        DocumentFormat.OpenXml.Wordprocessing.Table Headed(string first) =>
            tables.Single(t => t.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().FirstOrDefault()?.InnerText == first);
        var rows = Headed("STT").Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1).ToList();
        Assert.Equal(40, rows.Count);
        var total = Headed("Đơn vị chủ trì").Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Last()
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(
            ["Tổng cộng", "40", .. FollowUpDashboard.StatusKeys.Select(s => Count(s.Status).ToString(CultureInfo.InvariantCulture))],
            total.Take(2 + FollowUpDashboard.StatusKeys.Count));
    }

    /// <summary>Found from outside on the demo district: fifteen units late once each were listed by name, the one late
    /// 30 days at the top and thirteen late over 120 days below it, each line saying only "Quá hạn 1" — the chair could
    /// not tell from the page whose task was late the longest.</summary>
    [Fact]
    public async Task Dashboard_TwoUnitsLateOnceEach_TheOneLateLongerFirst_ItsLineSaysHowLateAndDrillsDown()
    {
        var today = FollowUpFixture.Today;
        // The district committee ("Ủy ban nhân dân huyện …") sorts before the commune ("… xã An Lạc") by name.
        var issued = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-200),
            new FollowUpFixture.Spec("UB-TP", Deadline.By(today.AddDays(-40))),
            new FollowUpFixture.Spec(Leads[0], Deadline.By(today.AddDays(-130))),
            new FollowUpFixture.Spec("UB-TP-GDDT", Deadline.By(today.AddDays(10))));
        var district = await app.UnitAsync("UB-TP");
        var anLac = await app.UnitAsync(Leads[0]);
        using var chair = await app.LoginAsync("bithu");

        var (_, dashboard) = await chair.GetPageAsync($"/followup?conclusion={issued.ConclusionId}");

        var lines = dashboard.QuerySelectorAll("#units li").ToList();
        Assert.Equal([anLac.Id.ToString(), district.Id.ToString()], lines.Take(2).Select(li => li.GetAttribute("data-id")!));
        var longest = lines[0].QuerySelector(".fu-age")!;
        Assert.Equal("trên 120 ngày: 1", longest.TextContent.Trim());
        Assert.Equal("trên 30 ngày: 1", lines[1].QuerySelector(".fu-age")!.TextContent.Trim());
        Assert.Null(lines[2].QuerySelector(".fu-age"));
        var (_, list) = await chair.GetPageAsync("/" + longest.GetAttribute("href"));
        Assert.Equal([issued.Task(2).Id.ToString()], list.QuerySelectorAll("#tasks li.task").Select(li => li.GetAttribute("data-id")!));

        // The Word report's table by unit keeps the same order.
        using var stream = new MemoryStream(await (await chair.Http.GetAsync($"/followup/export.docx?conclusion={issued.ConclusionId}")).Content.ReadAsByteArrayAsync());
        using var word = WordprocessingDocument.Open(stream, false);
        var names = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().FirstOrDefault()?.InnerText).ToList();
        Assert.True(names.IndexOf(anLac.Name) < names.IndexOf(district.Name), string.Join(" | ", names));
    }

    private static int Number(object? cell) => Convert.ToInt32(cell, CultureInfo.InvariantCulture);

    private static List<IDictionary<string, object?>> Sheet(byte[] bytes, string sheet)
    {
        using var stream = new MemoryStream(bytes);
        return stream.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }
}
