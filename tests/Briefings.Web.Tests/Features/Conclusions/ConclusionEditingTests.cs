using System.Globalization;
using System.Net;
using Briefings.Core.Common;
using Briefings.Web.Features.Conclusions;
using Microsoft.Extensions.DependencyInjection;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The conclusion editor: importing the demo reference text (pasted or as .docx) into a proposed
/// structure, the clerk's review, saving as a draft with its directives, versions with a diff, corrections,
/// bad input and who may do it.</summary>
[Collection(AppCollection.Name)]
public sealed class ConclusionEditingTests(AppFactory app)
{
    /// <summary>What the parser proposes for each item of the demo text, after matching to the directory:
    /// (item, lead, coordinating, deadline). Collective addressees ("các đơn vị", "Đảng ủy, UBND các xã") stay
    /// as written with a note for the clerk.</summary>
    private static readonly (string Item, string Lead, string Coordinating, string Deadline)[] Proposed =
    [
        ("1.1", "các đơn vị", "", ""),
        ("1.2", "Văn phòng Huyện ủy", "Ban Tuyên giáo Huyện ủy", "trong tháng 8/2026"),
        ("2.1", "Phòng Tài chính - Kế hoạch huyện", "", "trước 15/8/2026"),
        ("2.2", "Ủy ban nhân dân xã Bình Đông", "", "quý IV/2026"),
        ("2.3", "Phòng Tài chính - Kế hoạch huyện", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong; Hội Nông dân huyện Tân Phong", "trong tháng 10/2026"),
        ("2.4", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong", "", "trước 31/8/2026"),
        ("2.5", "Ban Tổ chức Huyện ủy", "", "6 tháng cuối năm 2026"),
        ("2.6", "Ủy ban nhân dân huyện Tân Phong", "", "năm học 2026 - 2027"),
        ("2.7", "Hội Nông dân huyện Tân Phong", "Ủy ban nhân dân xã Phú Mỹ", "quý IV/2026"),
        ("2.8", "Liên đoàn Lao động huyện Tân Phong", "", "hằng năm"),
        ("3.1", "Đảng ủy", "", ""),
        ("3.1", "UBND các xã", "", ""),
        ("3.3", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong", "các đoàn thể huyện", "năm 2026"),
        ("3.4", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện", "Hội Liên hiệp Phụ nữ huyện Tân Phong", ""),
    ];

    [Fact]
    public async Task Import_PastedDemoText_ProposesSectionsItemsAssigneesAndDeadlines()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var (status, page) = await ImportAsync(clerk, text: DemoConclusionText.Text);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertProposal(page);
    }

    [Fact]
    public async Task Import_DocxOfDemoText_SameProposalAsPasted()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var (status, page) = await ImportAsync(clerk, file: ("ket-luan.docx", Docx(DemoConclusionText.Text)));

        Assert.Equal(HttpStatusCode.OK, status);
        AssertProposal(page);
    }

    [Theory]
    [InlineData("hong.docx", "not a zip at all", "không phải văn bản Word .docx đọc được")]
    [InlineData("bang.xlsx", "PK", "Chỉ nhận tệp Word .docx")]
    public async Task Import_BadFile_RefusedWithMessage(string name, string content, string message)
    {
        using var clerk = await app.LoginAsync("vanphong");

        var (status, page) = await ImportAsync(clerk, file: (name, System.Text.Encoding.UTF8.GetBytes(content)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(message, page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OversizedDocx_Refused()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var big = new byte[6 * 1024 * 1024];

        var (status, page) = await ImportAsync(clerk, file: ("lon.docx", big));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Tệp quá lớn", page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_ReviewedImport_CreatesDraftWithDirectivesAndFirstVersion()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await ImportAsync(clerk, text: DemoConclusionText.Text);
        var fields = FormFields(page, "conclusion-form");
        // The clerk's review: the collective addressees are not single units; she leaves them out.
        ClearRow(fields, page, "1.1", 0);
        ClearRow(fields, page, "3.1", 0);
        ClearRow(fields, page, "3.1", 1);
        fields[RowField(page, "3.3", 0, "Coordinating")] = "";

        var response = await PostAsync(clerk, "/conclusions/new", "conclusion", fields, "save");

        await AssertRedirectAsync(response);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[^1]);
        var (stored, versions, units) = await app.WithDbAsync(async db => (
            await db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id),
            await db.ConclusionVersions.AsNoTracking().Where(v => v.ConclusionId == id).ToListAsync(),
            await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name)));
        Assert.Equal(ConclusionStatus.Draft, stored.Status);
        Assert.Equal(["I", "II", "III"], stored.Sections.OrderBy(s => s.Order).Select(s => s.Numeral));
        Assert.Equal([2, 8, 4], stored.Sections.OrderBy(s => s.Order).Select(s => stored.Items.Count(i => i.SectionOrder == s.Order)));
        Assert.Equal(new DateOnly(2026, 7, 14), stored.IssuedOn);
        Assert.StartsWith("Trên đây là kết luận", stored.Closing, StringComparison.Ordinal);
        Assert.Equal(("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Minh Khang"), (stored.SigningForm, stored.SignerTitle, stored.SignerName));
        Assert.Equal(8, stored.Recipients.Count);
        Assert.Contains(stored.Recipients, r => r.Text == "UBND huyện" && r.UnitId is not null);
        Assert.Contains(stored.Recipients, r => r.Text == "Lưu VPHU" && r.UnitId is null);

        var expected = Proposed.Where(p => p.Item is not ("1.1" or "3.1")).ToList();
        var directives = stored.Directives.OrderBy(d => d.SectionOrder).ThenBy(d => d.ItemNumber).ToList();
        Assert.Equal(expected.Select(p => p.Item), directives.Select(d => $"{d.SectionOrder}.{d.ItemNumber}"));
        Assert.Equal(expected.Select(p => p.Lead), directives.Select(d => units[d.LeadUnitId]));
        Assert.Equal(expected.Select(p => p.Deadline), directives.Select(d => d.Deadline?.ToString() ?? ""));
        Assert.Equal(["Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong", "Hội Nông dân huyện Tân Phong"],
            directives.Single(d => d is { SectionOrder: 2, ItemNumber: 3 }).CoordinatingUnitIds.Select(u => units[u]));
        Assert.Equal(ExpectedOutput.WrittenReply, directives.Single(d => d is { SectionOrder: 2, ItemNumber: 1 }).ExpectedOutput);
        Assert.Equal(DeadlineKind.Yearly, directives.Single(d => d is { SectionOrder: 2, ItemNumber: 8 }).Deadline!.Kind);
        Assert.Equal("Tạo dự thảo", Assert.Single(versions).Note);
    }

    [Fact]
    public async Task Save_DirectiveToRetiredUnitOrDeadlineBeforeDocumentDate_RefusedNothingLost()
    {
        var retired = await RetiredUnitAsync();
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await ImportAsync(clerk, text: DemoConclusionText.Text);
        var fields = FormFields(page, "conclusion-form");
        fields[RowField(page, "1.2", 0, "Lead")] = retired;
        fields[RowField(page, "2.1", 0, "Deadline")] = "trước 15/5/2026";
        fields[RowField(page, "2.2", 0, "Deadline")] = "khi nào xong";
        var before = await app.WithDbAsync(db => db.Conclusions.CountAsync());

        var response = await PostAsync(clerk, "/conclusions/new", "conclusion", fields, "save");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var alert = html.QuerySelector(".alert-error")!.TextContent;
        Assert.Contains($"Đơn vị “{retired}” đã ngừng hoạt động", alert, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ mục II.1: thời hạn trước 15/5/2026 trước ngày văn bản (14/07/2026)", alert, StringComparison.Ordinal);
        Assert.Contains("không hiểu thời hạn “khi nào xong”", alert, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Conclusions.CountAsync()));
        // Nothing typed is lost: the body and the rejected values are still in the form.
        Assert.Contains("III. Một số nhiệm vụ trọng tâm", html.QuerySelector("#body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("khi nào xong", html.QuerySelector<IHtmlInputElement>($"input[name='{RowField(page, "2.2", 0, "Deadline")}']")!.Value);
    }

    [Fact]
    public async Task Save_TwoCoordinatorsGluedWithoutSemicolon_RefusedWithMessageNothingLost()
    {
        // Two suggestions pasted as two lines into the one-line field arrive glued: the browser drops the line break.
        // Saved as is, only the last code was read and the first coordinating unit silently disappeared.
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await ImportAsync(clerk, text: DemoConclusionText.Text);
        var fields = FormFields(page, "conclusion-form");
        ClearRow(fields, page, "1.1", 0);
        ClearRow(fields, page, "3.1", 0);
        ClearRow(fields, page, "3.1", 1);
        const string glued = "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong (MT-TP)Hội Nông dân huyện Tân Phong (ND-TP)";
        fields[RowField(page, "3.3", 0, "Coordinating")] = "";
        var field = RowField(page, "2.3", 0, "Coordinating");
        fields[field] = glued;
        var before = await app.WithDbAsync(db => db.Conclusions.CountAsync());

        var response = await PostAsync(clerk, "/conclusions/new", "conclusion", fields, "save");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nhiệm vụ mục II.3: “" + glued + "” ghi nhiều đơn vị liền nhau. Ngăn cách các đơn vị bằng dấu chấm phẩy (;)",
            html.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Conclusions.CountAsync()));
        Assert.Equal(glued, html.QuerySelector<IHtmlInputElement>($"input[name='{field}']")!.Value);

        // Separated as the field asks, both are kept.
        fields[field] = "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong (MT-TP); Hội Nông dân huyện Tân Phong (ND-TP)";
        var saved = await PostAsync(clerk, "/conclusions/new", "conclusion", fields, "save");
        await AssertRedirectAsync(saved);
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?')[^1]);
        var (stored, units) = await app.WithDbAsync(async db => (await db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id),
            await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code)));
        Assert.Equal(["MT-TP", "ND-TP"], stored.Directives.Single(d => d is { SectionOrder: 2, ItemNumber: 3 }).CoordinatingUnitIds.Select(u => units[u]));
    }

    [Fact]
    public async Task Edit_SecondSave_VersionsPageShowsTheChangedLines()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var id = await SaveImportedAsync(clerk);
        var (_, edit) = await clerk.GetPageAsync($"/conclusions/{id}/edit");
        var fields = FormFields(edit, "conclusion-form");
        fields["Form.Summary"] = "Hội nghị giao ban MTTQ, các đoàn thể quý II năm 2026 (bản sửa)";
        fields[RowField(edit, "2.1", 0, "Deadline")] = "trước 20/8/2026";

        var response = await PostAsync(clerk, $"/conclusions/{id}/edit", "conclusion", fields, "save");
        var (status, versions) = await clerk.GetPageAsync($"/conclusions/{id}/versions");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, versions.QuerySelectorAll("#versions tbody tr").Length);
        var removed = versions.QuerySelectorAll("#diff .removed").Select(e => e.TextContent).ToList();
        var added = versions.QuerySelectorAll("#diff .added").Select(e => e.TextContent).ToList();
        Assert.Contains(removed, l => l.Contains("Trích yếu: Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội quý II năm 2026", StringComparison.Ordinal));
        Assert.Contains(added, l => l.Contains("(bản sửa)", StringComparison.Ordinal));
        Assert.Contains(added, l => l.Contains("Nhiệm vụ mục II.1", StringComparison.Ordinal) && l.Contains("trước 20/8/2026", StringComparison.Ordinal));
        Assert.Equal(2, await app.WithDbAsync(db => db.ConclusionVersions.CountAsync(v => v.ConclusionId == id)));
    }

    [Fact]
    public async Task Save_PeriodicDeadlinesAsOfficesWriteThem_StoredAndShownBack()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await ImportAsync(clerk, text: DemoConclusionText.Text);
        var fields = FormFields(page, "conclusion-form");
        ClearRow(fields, page, "1.1", 0);
        ClearRow(fields, page, "3.1", 0);
        ClearRow(fields, page, "3.1", 1);
        fields[RowField(page, "3.3", 0, "Coordinating")] = "";
        fields[RowField(page, "2.1", 0, "Deadline")] = "hằng quý, trước ngày 15 tháng cuối quý";
        fields[RowField(page, "2.2", 0, "Deadline")] = "báo cáo sơ kết 6 tháng và tổng kết năm";

        var response = await PostAsync(clerk, "/conclusions/new", "conclusion", fields, "save");

        await AssertRedirectAsync(response);
        var id = Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[^1]);
        var directives = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().Where(c => c.Id == id).SelectMany(c => c.Directives).ToListAsync());
        Assert.Equal(Deadline.Periodic(DeadlineKind.Quarterly, 15), directives.Single(d => d is { SectionOrder: 2, ItemNumber: 1 }).Deadline);
        Assert.Equal(Deadline.Periodic(DeadlineKind.HalfYearly), directives.Single(d => d is { SectionOrder: 2, ItemNumber: 2 }).Deadline);
        var (_, edit) = await clerk.GetPageAsync($"/conclusions/{id}/edit");
        Assert.Equal("trước ngày 15 của tháng cuối quý", edit.QuerySelector<IHtmlInputElement>($"input[name='{RowField(edit, "2.1", 0, "Deadline")}']")!.Value);
        Assert.Equal("6 tháng một lần", edit.QuerySelector<IHtmlInputElement>($"input[name='{RowField(edit, "2.2", 0, "Deadline")}']")!.Value);
    }

    [Fact]
    public async Task Editor_CommuneAccount_CannotOpenCreateEditOrReadVersions()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var id = await SaveImportedAsync(clerk);
        var (_, page) = await ImportAsync(clerk, text: DemoConclusionText.Text);
        var fields = FormFields(page, "conclusion-form");
        using var commune = await app.LoginAsync("xa.anlac");

        var newPage = await commune.Http.GetAsync("/conclusions/new");
        var editPage = await commune.Http.GetAsync($"/conclusions/{id}/edit");
        var versions = await commune.Http.GetAsync($"/conclusions/{id}/versions");
        var post = await PostAsync(commune, $"/conclusions/{id}/edit", "conclusion", fields, "save", tokenFrom: "/meetings");

        // Pages for the office only send other accounts to "access denied"; the versions page answers 403.
        Assert.Contains("AccessDenied", newPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", editPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, versions.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.ConclusionVersions.CountAsync(v => v.ConclusionId == id)));
    }

    private async Task<Guid> SaveImportedAsync(AppClient clerk)
    {
        var (_, page) = await ImportAsync(clerk, text: DemoConclusionText.Text);
        var fields = FormFields(page, "conclusion-form");
        ClearRow(fields, page, "1.1", 0);
        ClearRow(fields, page, "3.1", 0);
        ClearRow(fields, page, "3.1", 1);
        fields[RowField(page, "3.3", 0, "Coordinating")] = "";
        var response = await PostAsync(clerk, "/conclusions/new", "conclusion", fields, "save");
        await AssertRedirectAsync(response);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/', '?')[^1]);
    }

    private static async Task AssertRedirectAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.SeeOther)
        {
            var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
            Assert.Fail($"{response.StatusCode}: {html.QuerySelector(".alert-error")?.TextContent}");
        }
    }

    private static void AssertProposal(IHtmlDocument page)
    {
        var body = page.QuerySelector("#body")!.TextContent;
        Assert.Contains("I. Đánh giá việc tổ chức Hội nghị", body, StringComparison.Ordinal);
        Assert.Contains("II. Các kiến nghị, đề xuất", body, StringComparison.Ordinal);
        Assert.Contains("III. Một số nhiệm vụ trọng tâm 6 tháng cuối năm 2026", body, StringComparison.Ordinal);
        Assert.Equal("Hội nghị giao ban MTTQ, các đoàn thể chính trị - xã hội quý II năm 2026", page.QuerySelector<IHtmlInputElement>("#summary")!.Value);
        Assert.Equal("14/07/2026", page.QuerySelector<IHtmlInputElement>("#date")!.Value);
        // Every numbered item is offered for a directive, once for all rows, as the document numbers it: 2 + 8 + 4.
        var options = page.QuerySelectorAll("#items option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["I.1", "I.2", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "II.7", "II.8", "III.1", "III.2", "III.3", "III.4"], options);
        Assert.Empty(page.QuerySelectorAll(".directive-row option[value='1.1'], .directive-row option[value='I.1']"));

        var rows = page.QuerySelectorAll(".directive-row")
            .Select(r => (
                Item: r.QuerySelector<IHtmlInputElement>("input[name$='.Item']")!.Value ?? "",
                Lead: r.QuerySelector<IHtmlInputElement>("input[name$='.Lead']")!.Value,
                Coordinating: r.QuerySelector<IHtmlInputElement>("input[name$='.Coordinating']")!.Value,
                Deadline: r.QuerySelector<IHtmlInputElement>("input[name$='.Deadline']")!.Value))
            .Where(r => r.Lead.Length > 0).ToList();
        Assert.Equal(Proposed.Select(p => (LabelOf(p.Item), p.Lead, p.Coordinating, p.Deadline)), rows);
        Assert.Contains("“các đơn vị” là nhiều đơn vị", page.QuerySelector(".directive-row .note")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode, IHtmlDocument)> ImportAsync(AppClient client, string? text = null, (string Name, byte[] Bytes)? file = null)
    {
        var response = await ConclusionImportForm.PostAsync(client, text, file?.Name, file?.Bytes);
        return (response.StatusCode, AppClient.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>Every field a browser would post from the form: inputs, checked boxes, text areas, selected options.</summary>
    private static Dictionary<string, string> FormFields(IHtmlDocument page, string formId)
    {
        var form = page.GetElementById(formId)!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input"))
        {
            if (input.Name is { Length: > 0 } name && !input.IsDisabled && (input.Type is not ("checkbox" or "submit") || input.IsChecked))
            {
                fields[name] = input.Value;
            }
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea"))
        {
            fields[area.Name!] = area.Value;
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
        {
            if (!select.IsDisabled)
            {
                fields[select.Name!] = select.Value ?? "";
            }
        }

        return fields;
    }

    /// <summary>The name of a field of the <paramref name="nth"/> directive row for item <paramref name="item"/>.</summary>
    private static string RowField(IHtmlDocument page, string item, int nth, string field)
    {
        var label = LabelOf(item);
        var row = page.QuerySelectorAll(".directive-row")
            .Where(r => r.QuerySelector<IHtmlInputElement>("input[name$='.Item']")!.Value == label).ElementAt(nth);
        var prefix = row.QuerySelector<IHtmlInputElement>("input[name$='.Item']")!.Name![..^".Item".Length];
        return $"{prefix}.{field}";
    }

    /// <summary>The row shows the item as the document numbers it: "2.1" is "II.1".</summary>
    private static string LabelOf(string key)
    {
        var parts = key.Split('.');
        return $"{RomanNumerals.Format(int.Parse(parts[0], CultureInfo.InvariantCulture))}.{parts[1]}";
    }

    private static void ClearRow(Dictionary<string, string> fields, IHtmlDocument page, string item, int nth)
    {
        foreach (var f in new[] { "Lead", "Coordinating", "Deadline" })
        {
            fields[RowField(page, item, nth, f)] = "";
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(AppClient client, string url, string formName, Dictionary<string, string> fields, string action, string? tokenFrom = null)
    {
        var (_, page) = await client.GetPageAsync(tokenFrom ?? "/conclusions/new");
        var token = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value ?? "";
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token,
            ["Form.Action"] = action,
        };
        return await client.Http.PostAsync(url, new FormUrlEncodedContent(values));
    }

    private async Task<string> RetiredUnitAsync() =>
        await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var id = Guid.CreateVersion7();
            var unit = Unit.Create(id, $"TCT-{id:N}", $"Tổ công tác giải thể {id:N}", "Tổ công tác", UnitKind.Department, district);
            Assert.Null(unit.Retire(DateTimeOffset.UtcNow));
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Name;
        });

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

/// <summary>Corrections and the editor's rules for clerks of another area, through the use cases.</summary>
[Collection(AppCollection.Name)]
public sealed class ConclusionCorrectionTests(AppFactory app)
{
    private async Task<Conclusion> IssuedAsync()
    {
        var issuerId = await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var id = Guid.CreateVersion7();
            var issuer = Unit.Create(id, $"DU-FIX-{id:N}", $"Đảng ủy đính chính {id:N}", "Đảng ủy thử", UnitKind.PartyCommittee, district);
            issuer.DocumentSymbol = "ĐU";
            issuer.Touch();
            db.Units.Add(issuer);
            await db.SaveChangesAsync();
            return id;
        });
        var conclusion = await app.WithDbAsync(async db =>
        {
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var c = Conclusion.Create(issuerId, "TB", "THÔNG BÁO KẾT LUẬN", "Giao ban cần đính chính").Value!;
            Assert.Null(c.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
            Assert.Null(c.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            Assert.Null(c.SetRecipients([(null, "Lưu VPHU")]));
            ReferenceConclusion.Approve(c);
            db.Conclusions.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
        var clerk = await app.UserContextAsync("vanphong");
        await using var scope = app.Scope();
        var issued = await scope.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(conclusion.Id, clerk.Scope, "vanphong");
        Assert.True(issued.Succeeded);
        return issued.Value!;
    }

    [Fact]
    public async Task Correct_Issued_NewDraftReferencingItOriginalUnchanged()
    {
        var original = await IssuedAsync();
        var clerk = await app.UserContextAsync("vanphong");

        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<CorrectConclusion>().RunAsync(original.Id, clerk);

        var correction = result.Value!;
        var (storedOriginal, storedCorrection, versions) = await app.WithDbAsync(async db => (
            await db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == original.Id),
            await db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == correction.Id),
            await db.ConclusionVersions.AsNoTracking().Where(v => v.ConclusionId == original.Id || v.ConclusionId == correction.Id).ToListAsync()));
        Assert.Equal(original.Id, storedCorrection.CorrectsConclusionId);
        Assert.Equal(ConclusionStatus.Draft, storedCorrection.Status);
        Assert.StartsWith($"Văn bản này đính chính thông báo kết luận số {storedOriginal.Number}", storedCorrection.Preamble, StringComparison.Ordinal);
        Assert.Equal((ConclusionStatus.Issued, original.Version, original.Preamble), (storedOriginal.Status, storedOriginal.Version, storedOriginal.Preamble));
        Assert.Contains(versions, v => v.ConclusionId == original.Id && v.Note.StartsWith("Ban hành số", StringComparison.Ordinal));
        Assert.Contains(versions, v => v.ConclusionId == correction.Id && v.Note.StartsWith("Tạo văn bản đính chính", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditorUseCases_ClerkOfAnotherArea_Forbidden()
    {
        var original = await IssuedAsync();
        var outsider = await app.UserContextAsync("xa.anlac", Roles.Clerk, Demo.AnLac);
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;

        var correct = await services.GetRequiredService<CorrectConclusion>().RunAsync(original.Id, outsider);
        var open = await services.GetRequiredService<PrepareConclusionForm>().ExistingAsync(original.Id, outsider);
        var save = await services.GetRequiredService<SaveConclusionDraft>().RunAsync(
            new ConclusionForm { IssuerUnitId = original.IssuerUnitId, TypeName = "KẾT LUẬN", Summary = "Giả mạo", Body = "I. A\n1. B" }, outsider);
        var versions = await services.GetRequiredService<ConclusionVersions>().RunAsync(original.Id, null, null, outsider);

        Assert.Equal(Error.Forbidden, correct.Errors.Single());
        Assert.Equal(Error.Forbidden, open.Errors.Single());
        Assert.Equal(Error.Forbidden, save.Errors.Single());
        Assert.Equal(Error.Forbidden, versions.Errors.Single());
        Assert.Equal(0, await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.CorrectsConclusionId == original.Id || c.Summary == "Giả mạo")));
    }

    [Fact]
    public async Task Open_IssuedInEditor_RefusedAsImmutable()
    {
        var original = await IssuedAsync();
        var clerk = await app.UserContextAsync("vanphong");
        await using var scope = app.Scope();

        var open = await scope.ServiceProvider.GetRequiredService<PrepareConclusionForm>().ExistingAsync(original.Id, clerk);

        Assert.Equal(Conclusion.ImmutableError, open.Errors.Single());
    }
}
