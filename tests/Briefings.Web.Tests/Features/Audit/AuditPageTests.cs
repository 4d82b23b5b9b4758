using System.Globalization;
using System.Net;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Audit;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Briefings.Web.Tests.Features.Audit;

/// <summary>The audit log as a clerk reads it: Vietnamese words, Vietnam time, filters sent as the browser sends
/// them, key paging over everything and the .xlsx export; only the office and administrators may read it.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditPageTests(AppFactory app)
{
    [Fact]
    public async Task AuditPage_UnitCreatedThroughRecorder_ShowsVietnameseFieldsAndValuesNoJson()
    {
        var unit = await NewUnitAsync();
        using var clerk = await app.LoginAsync("vanphong");

        var (status, page) = await clerk.GetPageAsync(Url(unit.Id.ToString(), type: "Unit", id: unit.Id.ToString()));

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Assert.Single(page.QuerySelectorAll("#entries tbody tr"));
        var text = row.TextContent;
        Assert.Contains("Đơn vị", row.QuerySelector("td[data-label='Đối tượng']")!.TextContent, StringComparison.Ordinal);
        var fields = row.QuerySelectorAll("dl.changes dt").Select(d => d.TextContent).ToList();
        Assert.Contains("Tên", fields);
        Assert.Contains("Loại", fields);
        Assert.Contains(UnitKind.Other.DisplayName(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Kind\"", text, StringComparison.Ordinal);
        // The parent is named, not shown as an id; the tree path is left out.
        Assert.Contains(await app.WithDbAsync(db => db.Units.Where(u => u.Code == Demo.AnLac).Select(u => u.Name).SingleAsync()), text, StringComparison.Ordinal);
        Assert.DoesNotContain(unit.Path, text, StringComparison.Ordinal);
    }

    /// <summary>Found from outside (walk-commune): the office read a commune's report and extension request in the log as
    /// "Percent", "Requested due on", "Pending extension id" and a report's state "Active".</summary>
    [Fact]
    public async Task AuditPage_CommuneReportsAndAsksExtension_FieldsAndStatesInVietnamese()
    {
        var issued = await Briefings.Web.Tests.Features.FollowUp.FollowUpFixture.IssueAsync(app,
            new Briefings.Web.Tests.Features.FollowUp.FollowUpFixture.Spec(Demo.AnLac + "-DU", Briefings.Core.Conclusions.Deadline.By(Briefings.Web.Tests.Features.FollowUp.FollowUpFixture.Today.AddDays(20))));
        var task = issued.Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        Assert.Equal(HttpStatusCode.SeeOther, (await Briefings.Web.Tests.Features.FollowUp.FollowUpFixture.PostMultipartAsync(anLac, $"/tasks/{task.Id}", "report", new() { ["ReportText"] = "Đã khảo sát toàn tuyến.", ["ReportPercent"] = "30" })).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await anLac.SubmitAsync($"/tasks/{task.Id}", "extend", new()
        {
            ["ExtendTo"] = task.DueOn!.Value.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["ExtendReason"] = "Chờ ý kiến thống nhất của xã bạn.",
        })).StatusCode);
        using var clerk = await app.LoginAsync("vanphong");

        var (status, page) = await clerk.GetPageAsync("/audit?id=" + task.Id);

        Assert.Equal(HttpStatusCode.OK, status);
        var fields = page.QuerySelectorAll("#entries dl.changes dt").Select(d => d.TextContent.Trim()).ToHashSet();
        Assert.Contains("Tỷ lệ hoàn thành (%)", fields);
        Assert.Contains("Hạn đề nghị", fields);
        Assert.Contains("Đề nghị gia hạn đang chờ", fields);
        var text = page.QuerySelector("#entries")!.TextContent;
        Assert.Contains("Còn hiệu lực", text, StringComparison.Ordinal);
        foreach (var english in new[] { "Percent", "Requested due on", "Pending extension id", "Last reported at", "Active" })
        {
            Assert.DoesNotContain(english, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AuditLabels_EveryRecordedFieldOfEveryAuditedType_HasAVietnameseName()
    {
        // Every type the data layer records (AuditRecorder): the office reads each change of the cycle in Vietnamese.
        string[] types = ["ApplicationUser", "Unit", "Person", "Meeting", "MeetingEndpoint", "Invitation", "Proposal", "SpeakingRegistration",
            "MeetingDocument", "ReadinessTick", "SettingEntry", "Conclusion", "BodySection", "BodyItem", "Directive", "Recipient", "Addressee",
            "DocumentRegister", "ConclusionReceipt", "LiveRoom", "Speech", "AttendanceMark", "MinutesEntry", "EndpointPresence",
            "MeetingExclusion", "MeetingGuest", "FollowUpTask", "TaskCoordinator", "TaskReport", "TaskAttachment", "TaskExtension",
            "FollowUpReview", "SigningCertificate", "SignedPdf"];
        // What the data layer never writes to the log (AuditRecorder's ignored and skipped fields); the page hides others.
        string[] notShown = ["SearchText", "Version", "ConcurrencyStamp", "SecurityStamp", "NormalizedEmail", "NormalizedUserName",
            "LastSeenAt", "LastSource", "Content"];
        using var scope = app.Scope();
        var model = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>().Model;

        var missing = model.GetEntityTypes()
            .Where(t => types.Contains(t.ClrType.Name))
            .SelectMany(t => t.GetProperties().Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .Where(f => !notShown.Contains(f.Split('.')[1]) && !AuditLabels.IsHidden(f.Split('.')[1]) && AuditLabels.KnownField(f.Split('.')[1]) is null)
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "fields shown in English on /audit: " + string.Join(", ", missing));
    }

    [Fact]
    public void AuditLabels_EveryValueOfEveryRecordedEnumField_InVietnamese()
    {
        // The walk read "Ý kiến của Văn phòng: Pending" on a commune's completion request: a field named in Vietnamese
        // with its value in English. Every enum a recorded entity stores must have its values' Vietnamese words.
        using var scope = app.Scope();
        var model = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>().Model;
        var enums = model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Where(t => t.IsEnum).Distinct().ToList();

        var english = enums.SelectMany(t => Enum.GetValues(t).Cast<object>()
                .Select(v => (Name: $"{t.Name}.{v}", Shown: AuditLabels.EnumValue(t, Convert.ToInt32(v, CultureInfo.InvariantCulture)))))
            .Where(v => v.Shown == AuditLabels.Words(v.Name.Split('.')[1]))
            .Select(v => $"{v.Name} → {v.Shown}").ToList();

        Assert.True(english.Count == 0, "enum values shown in English on /audit: " + string.Join(", ", english));
    }

    [Fact]
    public async Task AuditPage_DateRangeAccountAndEmptySelects_OnlyMatchingRowsInVietnamTime()
    {
        var unit = await NewUnitAsync();
        var clerkId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "vanphong").Select(u => u.Id).SingleAsync());
        // 23:30 UTC on 10/03/2019 is 06:30 on 11/03/2019 in Vietnam: inside a range of the 11th only.
        await AddEntriesAsync(unit,
            (new DateTimeOffset(2019, 3, 10, 16, 59, 0, TimeSpan.Zero), null, """{"Status":0}""", """{"Status":1}"""),
            (new DateTimeOffset(2019, 3, 10, 23, 30, 0, TimeSpan.Zero), clerkId, """{"Status":1}""", """{"Status":2,"StartsAt":"2019-03-12T01:00:00+00:00","FooBar":"x"}"""),
            (new DateTimeOffset(2019, 3, 11, 10, 0, 0, TimeSpan.Zero), null, null, """{"IsPublic":true}"""),
            (new DateTimeOffset(2019, 3, 11, 17, 0, 0, TimeSpan.Zero), clerkId, null, """{"Status":3}"""));
        using var clerk = await app.LoginAsync("vanphong");

        var (_, range) = await clerk.GetPageAsync(Url(unit.Id.ToString(), from: "2019-03-11", to: "2019-03-11"));
        var (_, byAccount) = await clerk.GetPageAsync(Url(unit.Id.ToString(), from: "2019-03-11", to: "2019-03-11", account: clerkId));
        var (_, bySystem) = await clerk.GetPageAsync(Url(unit.Id.ToString(), from: "2019-03-01", to: "2019-03-31", account: AuditFilter.SystemAccount));

        var rows = range.QuerySelectorAll("#entries tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["11/03/2019 17:00", "11/03/2019 06:30"], rows.Select(r => r.QuerySelector("td[data-label='Thời điểm']")!.TextContent.Trim()));
        var moved = rows[1].TextContent;
        Assert.Contains("Trạng thái", moved, StringComparison.Ordinal);
        Assert.Contains("Đã gửi giấy mời → Đã họp", moved, StringComparison.Ordinal);
        Assert.Contains("12/03/2019 08:00", moved, StringComparison.Ordinal);
        Assert.Contains("Foo bar", moved, StringComparison.Ordinal);
        Assert.Equal("Công bố công khai", rows[0].QuerySelector("dl.changes dt")!.TextContent);
        Assert.Equal("Có", rows[0].QuerySelector("dl.changes dd")!.TextContent);
        var mine = byAccount.QuerySelectorAll("#entries tbody tr").ToList();
        Assert.Single(mine);
        Assert.Contains("06:30", mine[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(2, bySystem.QuerySelectorAll("#entries tbody tr").Length);
        Assert.All(bySystem.QuerySelectorAll("#entries td[data-label='Người thực hiện']"), td => Assert.Equal("Hệ thống", td.TextContent.Trim()));
        // The form shows what was asked.
        Assert.Equal("2019-03-11", range.QuerySelector("#from")!.GetAttribute("value"));
        Assert.Equal(unit.Id.ToString(), range.QuerySelector("#unit option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AuditPage_ForgedTypeAndBadDates_MessagesNextToFieldsTypedValuesKept()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var (status, page) = await clerk.GetPageAsync("/audit?from=2019-03-12&to=2019-03-11&account=&unit=&type=Secret");
        var (_, typed) = await clerk.GetPageAsync("/audit?from=31%2F02%2F2019&to=&account=&unit=khong-phai-ma&type=");
        var export = await clerk.Http.GetAsync("/audit/export.xlsx?type=Secret");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("#entries"));
        Assert.Null(page.QuerySelector("#export"));
        Assert.Contains("không có trong danh sách", page.QuerySelector("#err-type")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("sau ngày bắt đầu", page.QuerySelector("#err-to")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2019-03-12", page.QuerySelector("#from")!.GetAttribute("value"));
        Assert.Contains("Ngày không hợp lệ", typed.QuerySelector("#err-from")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31/02/2019", typed.QuerySelector("#from")!.GetAttribute("value"));
        Assert.NotNull(typed.QuerySelector("#err-unit"));
        Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
        Assert.Equal("application/problem+json", export.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AuditPage_MoreThanAPage_OlderLinkWalksEverythingWithoutOverlap()
    {
        var unit = await NewUnitAsync();
        var start = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await AddEntriesAsync(unit, [.. Enumerable.Range(0, ListAuditEntries.PageSize + 5)
            .Select(i => (start.AddMinutes(i), (string?)null, (string?)null, (string?)$$"""{"SortOrder":{{i}}}"""))]);
        using var clerk = await app.LoginAsync("vanphong");

        var (_, first) = await clerk.GetPageAsync(Url(unit.Id.ToString(), from: "2018-01-01", to: "2018-01-01"));
        var older = first.QuerySelector("#older")!.GetAttribute("href")!;
        var (_, second) = await clerk.GetPageAsync("/" + older);

        var firstTimes = Times(first);
        var secondTimes = Times(second);
        Assert.Equal(ListAuditEntries.PageSize, firstTimes.Count);
        Assert.Equal(5, secondTimes.Count);
        Assert.Null(second.QuerySelector("#older"));
        Assert.Empty(firstTimes.Intersect(secondTimes));
        Assert.Contains("unit=" + unit.Id, older, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_FilteredEntries_XlsxWithVietnameseColumnsAndLocalTime()
    {
        var unit = await NewUnitAsync();
        await AddEntriesAsync(unit,
            (new DateTimeOffset(2019, 5, 1, 2, 0, 0, TimeSpan.Zero), null, """{"Status":0}""", """{"Status":1}"""),
            (new DateTimeOffset(2019, 6, 1, 2, 0, 0, TimeSpan.Zero), null, null, """{"Status":2}"""));
        using var clerk = await app.LoginAsync("vanphong");

        var (_, page) = await clerk.GetPageAsync(Url(unit.Id.ToString(), from: "2019-05-01", to: "2019-05-31"));
        var response = await clerk.Http.GetAsync("/" + page.QuerySelector("#export")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportAuditEntries.ContentType, response.Content.Headers.ContentType!.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("01/05/2019 09:00", row["Thời điểm"]);
        Assert.Equal("Cuộc họp", row["Đối tượng"]);
        Assert.Equal("Trạng thái: Kế hoạch → Đã gửi giấy mời", row["Thay đổi"]);
        Assert.Equal("Hệ thống", row["Người thực hiện"]);
    }

    [Fact]
    public async Task AuditPageAndExport_CommuneStaff_Refused()
    {
        var unit = await NewUnitAsync();
        using var commune = await app.LoginAsync("xa.anlac");

        foreach (var url in new[] { "/audit?unit=" + unit.Id, "/audit/export.xlsx?unit=" + unit.Id })
        {
            var response = await commune.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.NotEqual(ExportAuditEntries.ContentType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static string Url(string unit, string from = "", string to = "", string account = "", string type = "", string? id = null) =>
        $"/audit?from={from}&to={to}&account={Uri.EscapeDataString(account)}&unit={unit}&type={type}" + (id is null ? "" : "&id=" + id);

    private static List<string> Times(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#entries tbody tr").Select(r => r.TextContent)];

    /// <summary>A unit of kind "Other" of its own under An Lạc (no group phrase picks it up), saved through the real recorder, so each test's
    /// entries are the only ones under its path.</summary>
    private async Task<Unit> NewUnitAsync()
    {
        var id = Guid.CreateVersion7();
        return await app.WithDbAsync(async db =>
        {
            var parent = await db.Units.SingleAsync(u => u.Code == Demo.AnLac);
            var unit = Unit.Create(id, $"{Demo.AnLac}-AUD{id:N}"[..40], $"Chi bộ nhật ký {id:N}", "Chi bộ thử", UnitKind.Other, parent);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit;
        });
    }

    private async Task AddEntriesAsync(Unit unit, params (DateTimeOffset At, string? UserId, string? Before, string? After)[] entries) =>
        await app.WithDbAsync(async db =>
        {
            foreach (var (at, userId, before, after) in entries)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = at,
                    UserId = userId,
                    UserName = userId is null ? "Hệ thống" : "vanphong",
                    EntityType = "Meeting",
                    EntityId = Guid.NewGuid().ToString(),
                    Action = before is null ? "Tạo mới" : "Sửa",
                    ScopePath = unit.Path,
                    Before = before,
                    After = after,
                });
            }

            return await db.SaveChangesAsync();
        });
}
