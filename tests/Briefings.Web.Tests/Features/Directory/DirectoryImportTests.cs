using System.Net;
using System.Net.Http.Headers;
using Briefings.Web.Features.Directory;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Briefings.Web.Tests.Features.Directory;

[Collection(AppCollection.Name)]
public sealed class DirectoryImportTests(AppFactory app)
{
    private static Dictionary<string, object?> UnitRow(string code, string name, string kind, string? parent) => new()
    {
        [DirectorySheet.Code] = code, [DirectorySheet.Name] = name, [DirectorySheet.ShortName] = name, [DirectorySheet.Kind] = kind,
        [DirectorySheet.Level] = null, [DirectorySheet.Symbol] = null, [DirectorySheet.ParentCode] = parent, [DirectorySheet.VerticalCode] = null,
        [DirectorySheet.Retired] = null,
    };

    private static Dictionary<string, object?> PersonRow(string unit, string name, string title) => new()
    {
        [DirectorySheet.PersonId] = null, [DirectorySheet.PersonUnit] = unit, [DirectorySheet.FullName] = name, [DirectorySheet.Title] = title,
        [DirectorySheet.OtherPositions] = null, [DirectorySheet.Phone] = null, [DirectorySheet.Email] = null, [DirectorySheet.Retired] = null,
    };

    private static byte[] Workbook(List<Dictionary<string, object?>> units, List<Dictionary<string, object?>> people)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [DirectorySheet.Units] = units, [DirectorySheet.People] = people });
        return stream.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(AppClient client, byte[] file, string fileName = "danh-ba.xlsx")
    {
        var (_, page) = await client.GetPageAsync("/directory/import");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("import"), "_handler" },
        };
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(fileContent, "File", fileName);
        return await client.Http.PostAsync("/directory/import", content);
    }

    /// <summary>The same upload form sent twice at once (a double tap on a slow phone) and once more (a retry): the
    /// people of the file, who have no code yet, are added once; the other posts are sent to the first import's page.
    /// Before the form carried its one-time token, each post added every person again.</summary>
    [Fact]
    public async Task Import_SameFormPostedTwiceAtOnceThenAgain_ImportedOnce_OtherPostsSentToTheFirstImport()
    {
        using var client = await app.LoginAsync("vanphong");
        var name = "Trương Văn Hai Lần " + Guid.NewGuid().ToString("N")[..6];
        var file = Workbook([], [PersonRow("X-04", name, "Cán bộ văn phòng")]);
        var (_, page) = await client.GetPageAsync("/directory/import");
        var antiforgery = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var once = page.QuerySelector($"input[name='{Briefings.Web.Components.Shared.FormOnce.FieldName}']")?.GetAttribute("value");
        Assert.True(Guid.TryParse(once, out _), "the import form carries a one-time token");

        Task<HttpResponseMessage> Post()
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(antiforgery), "__RequestVerificationToken" },
                { new StringContent("import"), "_handler" },
                { new StringContent(once!), Briefings.Web.Components.Shared.FormOnce.FieldName },
            };
            var fileContent = new ByteArrayContent(file);
            fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            content.Add(fileContent, "File", "danh-ba.xlsx");
            return client.Http.PostAsync("/directory/import", content);
        }

        var atOnce = await Task.WhenAll(Post(), Post());
        var retry = await Post();
        var all = atOnce.Append(retry).ToList();
        foreach (var r in all)
        {
            await ResultAsync(client, r);
        }

        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.FullName == name)));
        Assert.True(all.Count(r => r.StatusCode == HttpStatusCode.OK) <= 1);
        var sentTo = all.Where(r => r.StatusCode == HttpStatusCode.SeeOther).Select(r => r.Headers.Location!.IsAbsoluteUri ? r.Headers.Location.AbsolutePath : r.Headers.Location.OriginalString).Distinct().ToList();
        Assert.Single(sentTo);
        Assert.StartsWith("/directory/import/", sentTo[0], StringComparison.Ordinal);
    }

    /// <summary>A refused import forgets its form's token: the corrected file sent from the same form is imported.</summary>
    [Fact]
    public async Task Import_RefusedThenCorrectedFromTheSameForm_CorrectedFileImported()
    {
        using var client = await app.LoginAsync("vanphong");
        var code = "X-04-HL" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var (_, page) = await client.GetPageAsync("/directory/import");
        var antiforgery = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var once = page.QuerySelector($"input[name='{Briefings.Web.Components.Shared.FormOnce.FieldName}']")?.GetAttribute("value");
        Assert.True(Guid.TryParse(once, out _), "the import form carries a one-time token");

        async Task<HttpResponseMessage> Post(byte[] file)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(antiforgery), "__RequestVerificationToken" },
                { new StringContent("import"), "_handler" },
                { new StringContent(once!), Briefings.Web.Components.Shared.FormOnce.FieldName },
            };
            var fileContent = new ByteArrayContent(file);
            fileContent.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            content.Add(fileContent, "File", "danh-ba.xlsx");
            return await client.Http.PostAsync("/directory/import", content);
        }

        var refused = await Post(Workbook([UnitRow(code, "Tổ hợp tác Hai Lần", "Loại không có", "X-04")], []));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        await ResultAsync(client, await Post(Workbook([UnitRow(code, "Tổ hợp tác Hai Lần", "Khác", "X-04")], [])));

        Assert.True(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Code == code)));
    }

    [Fact]
    public async Task Import_OneBadRow_RefusedWithRowNumberAndNothingImported()
    {
        using var client = await app.LoginAsync("vanphong");
        var file = Workbook(
            [
                UnitRow("X-03-TQ1", "Tổ hợp tác Rau sạch xã Phú Mỹ", "Khác", Demo3),
                UnitRow("X-03-TQ2", "Tổ hợp tác Lúa giống xã Phú Mỹ", "Loại không có", Demo3),
                UnitRow("X-03-TQ3", "Tổ hợp tác Cá giống xã Phú Mỹ", "Khác", Demo3),
            ],
            [PersonRow("X-03-TQ1", "Lâm Văn Tổ", "Tổ trưởng")]);

        var response = await UploadAsync(client, file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var rows = page.QuerySelectorAll("#import-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        var bad = Assert.Single(rows);
        Assert.Equal(DirectorySheet.Units, bad[0]);
        Assert.Equal("3", bad[1]);
        Assert.Contains("Loại không có", bad[2], StringComparison.Ordinal);
        // A clerk who wrote a kind of their own is told the kinds there are (walk-adopt: "Đảng ủy" got only a no).
        Assert.Contains("Ghi một trong các loại: “Địa bàn”, “Cấp ủy đảng”,", bad[2], StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Code.StartsWith("X-03-TQ"))));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.FullName == "Lâm Văn Tổ")));
    }

    /// <summary>walk-adopt: the report was sorted by sheet name, so the people's errors ("CanBo") came before the units'
    /// ("DonVi"), while a clerk fixes the units first (people rows name them).</summary>
    [Fact]
    public async Task Import_BadRowsInBothSheets_UnitsErrorsListedBeforePeoples()
    {
        using var client = await app.LoginAsync("vanphong");
        var file = Workbook(
            [UnitRow("X-03-TQ7", "Tổ hợp tác Nấm rơm xã Phú Mỹ", "Loại lạ", Demo3)],
            [PersonRow("X-03-KHONG-CO", "Tạ Văn Nấm", "Tổ trưởng")]);

        var response = await UploadAsync(client, file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var sheets = page.QuerySelectorAll("#import-errors tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToList();
        Assert.Equal(DirectorySheet.Units, sheets[0]);
        Assert.Contains(DirectorySheet.People, sheets);
        Assert.Equal(sheets.OrderBy(s => s == DirectorySheet.Units ? 0 : 1).ToList(), sheets);
        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Code == "X-03-TQ7")));
    }

    [Fact]
    public async Task Import_ValidRows_UnitsAndPeopleAdded()
    {
        using var client = await app.LoginAsync("vanphong");
        var file = Workbook(
            [UnitRow("X-04-HTX2", "Hợp tác xã Nông nghiệp Tân Hưng 2", "Khác", "X-04"), UnitRow("X-04-HTX2-T1", "Tổ sản xuất số 1", "Khác", "X-04-HTX2")],
            [PersonRow("X-04-HTX2", "Phan Thị Hợp", "Giám đốc Hợp tác xã")]);

        await ResultAsync(client, await UploadAsync(client, file));

        var child = await app.UnitAsync("X-04-HTX2-T1");
        var parent = await app.UnitAsync("X-04-HTX2");
        Assert.Equal(parent.Id, child.ParentId);
        Assert.True(await app.WithDbAsync(db => db.People.AnyAsync(p => p.FullName == "Phan Thị Hợp" && p.UnitId == parent.Id)));
    }

    [Fact]
    public async Task Import_NotAnXlsx_ClearMessage()
    {
        using var client = await app.LoginAsync("vanphong");

        var response = await UploadAsync(client, "day khong phai excel"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Không đọc được tệp", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The import's result: on the answer itself, or — when the import outlived the inline wait (a whole
    /// directory on a busy machine) — on its progress page once it is done.</summary>
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ResultAsync(AppClient client, HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.SeeOther)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return AppClient.Parse(await response.Content.ReadAsStringAsync());
        }

        var url = response.Headers.Location!.OriginalString;
        for (var i = 0; i < 240; i++)
        {
            var (_, page) = await client.GetPageAsync(url);
            if (page.QuerySelector("#import-result") is not null)
            {
                return page;
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The import did not finish in 2 minutes.");
    }

    /// <summary>An import that outlives the upload request's wait (here: no wait at all) sends the clerk to its progress
    /// page as every other post does — 303 with a notice shown once — not with a bare 302.</summary>
    [Fact]
    public async Task Import_LongerThanTheInlineWait_303ToItsProgressPageWithANoticeShownOnce()
    {
        using var waitless = new ConfiguredAppFactory(new Dictionary<string, string?> { ["Directory:ImportInlineWait"] = "00:00:00" });
        using var client = await waitless.LoginAsync("vanphong");
        var exported = await client.Http.GetByteArrayAsync("/directory/export.xlsx");

        var sent = await UploadAsync(client, exported);
        var (location, progress) = await client.FollowAsync(sent);
        var (_, again) = await client.GetPageAsync(location);
        var result = await ResultAsync(client, sent);

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.StartsWith("/directory/import/", location, StringComparison.Ordinal);
        Assert.Equal("Đã nhận tệp; hệ thống đang kiểm tra và nhập. Trang này cho biết tiến độ.", progress.QuerySelector("#message")!.TextContent.Trim());
        Assert.Null(again.QuerySelector("#message"));
        Assert.Contains("Không có thay đổi", result.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ExportedFileUnchanged_ReportsNoChangesAndWritesNothing()
    {
        using var client = await app.LoginAsync("vanphong");
        var exported = await client.Http.GetByteArrayAsync("/directory/export.xlsx");
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Unit" || a.EntityType == "Person"));

        var page = await ResultAsync(client, await UploadAsync(client, exported));

        Assert.Contains("Không có thay đổi", page.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Unit" || a.EntityType == "Person")));
    }

    [Fact]
    public async Task Import_ExportedFileWithOneChangedPhone_OnlyThatPersonUpdated()
    {
        using var client = await app.LoginAsync("vanphong");
        var person = await app.WithDbAsync(db => db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => new { p.Id, p.Phone }).FirstAsync());
        var sheets = new Dictionary<string, object>();
        using (var exported = new MemoryStream(await client.Http.GetByteArrayAsync("/directory/export.xlsx")))
        {
            foreach (var sheet in MiniExcel.GetSheetNames(exported))
            {
                var rows = exported.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
                foreach (var row in rows.Where(r => sheet == DirectorySheet.People && r[DirectorySheet.PersonId]?.ToString() == person.Id.ToString()))
                {
                    row[DirectorySheet.Phone] = "0299 3999 111";
                }

                sheets[sheet] = rows;
            }
        }

        using var changed = new MemoryStream();
        changed.SaveAs(sheets);

        var page = await ResultAsync(client, await UploadAsync(client, changed.ToArray()));

        Assert.Contains("cập nhật 1 cán bộ", page.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0299 3999 111", await app.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.Phone).SingleAsync()));
    }

    private static string Demo3 => "X-03";

    [Fact]
    public async Task Import_CommuneClerkGivesPostInAnotherCommune_RowRefusedAndNothingImported()
    {
        var clerk = await app.NewAccountAsync(Briefings.Core.Organizations.Roles.Clerk, Demo.AnLac);
        using var client = await app.LoginAsync(clerk.UserName!);
        var name = "Người nhập chức vụ " + Guid.NewGuid().ToString("N")[..6];
        var row = PersonRow(Demo.AnLac + "-DU", name, "Chuyên viên");
        row[DirectorySheet.OtherPositions] = Demo.BinhDong + "-DU: Bí thư";

        var response = await UploadAsync(client, Workbook([], [row]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(page.QuerySelectorAll("#import-errors tbody tr"));
        Assert.Contains("thuộc địa bàn khác", error.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.FullName == name)));
    }

    /// <summary>Found from outside (walk-hostile3): the same new units imported by two forms at once (two tabs, two clerks,
    /// a retry without the form's token) — both checked the file before either wrote, the second met the unit codes'
    /// unique index and its job ended in "lỗi hệ thống" with an error in the log. Now the import meeting a concurrent
    /// write is checked again from the start: it finds the units the other one added and changes nothing.</summary>
    [Fact]
    public async Task Import_SameNewUnitsByTwoJobsAtOnce_BothFinishEachUnitAddedOnce()
    {
        var tag = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var codes = Enumerable.Range(0, 200).Select(i => $"X-04-R{tag}{i:000}").ToList();
        var file = Workbook([.. codes.Select(c => UnitRow(c, $"Tổ hợp tác thử song song {c}", "Khác", "X-04"))], []);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "vanphong").Select(u => u.Id).FirstAsync());
        var scope = new Briefings.Core.Organizations.AccessScope(true, null, null, true, true);
        var jobs = app.Services.GetRequiredService<ImportJobs>();

        var started = Enumerable.Range(0, 2).Select(_ => jobs.Start(file, userId, "vanphong", scope)).ToList();
        await Task.WhenAll(started.Select(j => j.Work));

        Assert.All(started, j => Assert.True(j.Failure is null && j.Report is { Imported: true }, j.Failure ?? $"{j.Report?.ErrorCount} errors"));
        Assert.Equal(codes.Count, started.Sum(j => j.Report!.UnitsAdded));
        Assert.Equal(codes.Count, await app.WithDbAsync(db => db.Units.CountAsync(u => codes.Contains(u.Code))));
        var ids = (await app.WithDbAsync(db => db.Units.Where(u => codes.Contains(u.Code)).Select(u => u.Id).ToListAsync())).Select(id => id.ToString()).ToList();
        Assert.Equal(codes.Count, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => ids.Contains(a.EntityId))));
    }

    /// <summary>Found by walk-adopt: a new district's list typed by a clerk merges the parent's code down the rows of a
    /// commune's units and the unit's code down its people. Read plainly only the first row of a merge had it: the
    /// others were units without a parent (refused as "root units", or for the administrator silently made roots)
    /// and people without a unit. A merged cell now counts for every row it covers.</summary>
    [Fact]
    public async Task Import_ParentAndUnitCodesInMergedCells_EveryRowOfTheMergeGetsThem()
    {
        using var client = await app.LoginAsync("vanphong");
        var tag = Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var codes = Enumerable.Range(1, 3).Select(i => $"{Demo3}-M{tag}{i}").ToList();
        var names = Enumerable.Range(1, 2).Select(i => $"Người ô gộp {tag} {i}").ToList();
        var file = Merged(
            Workbook(
                [.. codes.Select((c, i) => UnitRow(c, $"Tổ hợp tác ô gộp {tag} {i}", "Khác", i == 0 ? Demo3 : ""))],
                [PersonRow(codes[0], names[0], "Tổ trưởng"), PersonRow("", names[1], "Tổ phó")]),
            (DirectorySheet.Units, "G2:G4"), (DirectorySheet.People, "B2:B3"));

        var response = await UploadAsync(client, file);
        Assert.True(response.StatusCode != HttpStatusCode.UnprocessableEntity,
            string.Join(" / ", AppClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("#import-errors tbody tr, #import-result").Select(r => r.TextContent.Trim())));
        var page = await ResultAsync(client, response);

        Assert.Contains("thêm 3 đơn vị", page.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
        var parent = await app.UnitAsync(Demo3);
        foreach (var code in codes)
        {
            Assert.Equal(parent.Id, (await app.UnitAsync(code)).ParentId);
        }

        var first = await app.UnitAsync(codes[0]);
        Assert.Equal(2, await app.WithDbAsync(db => db.People.CountAsync(p => names.Contains(p.FullName) && p.UnitId == first.Id)));
    }

    /// <summary>Found by walk-adopt: a header typed with a trailing space ("Thư điện tử ") or a column of the clerk's own
    /// ("Email") was not read and its data was dropped without a word: the people were imported without their e-mails.
    /// Headers now match the template whatever their spaces, case and marks; a column the template does not have that
    /// holds data refuses the file, naming the column and the template's columns.</summary>
    [Fact]
    public async Task Import_HeaderWithTrailingSpaceRead_ColumnNotInTheTemplateRefusedByName()
    {
        using var client = await app.LoginAsync("vanphong");
        var tag = Guid.NewGuid().ToString("N")[..6];
        Dictionary<string, object?> Row(string name, string mailHeader) => new()
        {
            [DirectorySheet.PersonId] = null, [DirectorySheet.PersonUnit + " "] = Demo3, ["Họ và tên "] = name, ["chức vụ"] = "Chuyên viên",
            [DirectorySheet.Phone] = "0299 3888 777", [mailHeader] = $"{tag}@phumy.example.vn",
        };

        var refused = await UploadAsync(client, Workbook([], [Row("Người cột lạ " + tag, "Email")]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = Assert.Single(AppClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelectorAll("#import-errors tbody tr"));
        Assert.Contains("Cột 'Email' không có trong mẫu", error.TextContent, StringComparison.Ordinal);
        Assert.Contains(DirectorySheet.Email, error.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.FullName.Contains(tag))));

        await ResultAsync(client, await UploadAsync(client, Workbook([], [Row("Người cột thừa dấu cách " + tag, DirectorySheet.Email + " ")])));

        Assert.Equal($"{tag}@phumy.example.vn", await app.WithDbAsync(db => db.People.Where(p => p.FullName == "Người cột thừa dấu cách " + tag).Select(p => p.Email).SingleAsync()));
    }

    /// <summary>Found by walk-adopt: a clerk writes the commune's name where its code goes, or the code another way
    /// ("x 03"); the report said only "no unit has code 'Xã Phú Mỹ'". It now says which code was meant. A person of a
    /// unit whose own row was refused read "no unit has code 'HU-TB'" too; it now points to the unit's row.</summary>
    [Fact]
    public async Task Import_UnitNameOrCodeWrittenAnotherWay_ReportNamesTheCodeMeant()
    {
        using var client = await app.LoginAsync("vanphong");
        var communeName = (await app.UnitAsync(Demo3)).Name;
        var tag = Guid.NewGuid().ToString("N")[..6];

        var refusedUnit = $"{Demo3}-LOI{tag.ToUpperInvariant()}";

        var response = await UploadAsync(client, Workbook(
            [UnitRow(refusedUnit, "Tổ hợp tác ghi sai loại", "Hợp tác xã", Demo3)],
            [PersonRow(communeName, "Người ghi tên xã " + tag, "Chuyên viên"), PersonRow("x 03", "Người ghi mã khác " + tag, "Chuyên viên"), PersonRow(refusedUnit, "Người của đơn vị lỗi " + tag, "Tổ trưởng")]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var rows = AppClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll("#import-errors tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        // The units' sheet first (its refused row), then the people's rows in their order.
        Assert.StartsWith(DirectorySheet.Units, rows[0], StringComparison.Ordinal);
        Assert.Contains($"“{communeName}” có mã '{Demo3}'", rows[1], StringComparison.Ordinal);
        Assert.Contains($"Có phải mã '{Demo3}'?", rows[2], StringComparison.Ordinal);
        // The unit is in the file, its row refused: the person's row says to mend the unit's row, not "no such unit".
        Assert.Contains($"Đơn vị có mã '{refusedUnit}' của tệp đang có lỗi ở trang {DirectorySheet.Units}", rows[3], StringComparison.Ordinal);
        Assert.DoesNotContain("Có phải", rows[3], StringComparison.Ordinal);
    }

    /// <summary>Found by walk-adopt: the guide says to use the exported file as the template, but a new installation
    /// (or an area without people yet) exported a "CanBo" sheet without a single header: the office had no template for
    /// its people. The sheet now carries the headers with one blank row, which an import skips.</summary>
    [Fact]
    public async Task Export_AreaWithoutPeople_PeopleSheetStillCarriesTheTemplateHeaders_ReimportedChangesNothing()
    {
        var code = "X-TRONG-" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == Briefings.Web.Infrastructure.Demo.DemoDistrict.DistrictCode);
            var area = Briefings.Core.Organizations.Unit.Create(Guid.CreateVersion7(), code, "Xã Mới Lập " + code, "Mới Lập", Briefings.Core.Organizations.UnitKind.Area, district);
            area.Level = "Xã";
            db.Units.Add(area);
            return await db.SaveChangesAsync();
        });
        var clerk = await app.NewAccountAsync(Briefings.Core.Organizations.Roles.Clerk, code);
        using var client = await app.LoginAsync(clerk.UserName!);

        var exported = await client.Http.GetByteArrayAsync("/directory/export.xlsx");

        using (var stream = new MemoryStream(exported))
        {
            var headers = stream.Query(useHeaderRow: false, sheetName: DirectorySheet.People).Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString()).ToList();
            Assert.Equal([DirectorySheet.PersonId, DirectorySheet.PersonUnit, DirectorySheet.FullName, DirectorySheet.Title, DirectorySheet.OtherPositions, DirectorySheet.Phone, DirectorySheet.Email, DirectorySheet.Retired], headers);
        }

        var page = await ResultAsync(client, await UploadAsync(client, exported));
        Assert.Contains("Không có thay đổi", page.QuerySelector("#import-result")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Merges the given ranges of the given sheets as Excel saves a merge: the first cell keeps its value, the
    /// others stay as cells without a value (Excel keeps them, with the merge's style).</summary>
    private static void Empty(DocumentFormat.OpenXml.Spreadsheet.Cell cell)
    {
        cell.RemoveAllChildren();
        cell.DataType = null;
    }

    private static byte[] Merged(byte[] xlsx, params (string Sheet, string Range)[] merges)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var book = document.WorkbookPart!;
            foreach (var (sheetName, range) in merges)
            {
                var sheet = book.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheetName);
                var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheet.Id!);
                var worksheet = part.Worksheet;
                var parts = range.Split(':');
                var column = new string(parts[0].TakeWhile(char.IsLetter).ToArray());
                var from = int.Parse(parts[0][column.Length..], System.Globalization.CultureInfo.InvariantCulture);
                var to = int.Parse(parts[1][column.Length..], System.Globalization.CultureInfo.InvariantCulture);
                foreach (var cell in worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList())
                {
                    var reference = cell.CellReference!.Value!;
                    if (reference.StartsWith(column, StringComparison.Ordinal) && char.IsDigit(reference[column.Length]) &&
                        int.Parse(reference[column.Length..], System.Globalization.CultureInfo.InvariantCulture) is var row && row > from && row <= to)
                    {
                        Empty(cell);
                    }
                }

                var mergeCells = worksheet.Elements<DocumentFormat.OpenXml.Spreadsheet.MergeCells>().FirstOrDefault();
                if (mergeCells is null)
                {
                    mergeCells = new DocumentFormat.OpenXml.Spreadsheet.MergeCells();
                    worksheet.InsertAfter(mergeCells, worksheet.Elements<DocumentFormat.OpenXml.Spreadsheet.SheetData>().First());
                }

                mergeCells.Append(new DocumentFormat.OpenXml.Spreadsheet.MergeCell { Reference = range });
                worksheet.Save();
            }
        }

        return stream.ToArray();
    }
}
