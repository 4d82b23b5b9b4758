using System.Net;
using System.Text;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.HostileInput;

/// <summary>
/// What a walk from outside (curl, a second tab, a double click, a long document) found still open after the first
/// hostile-input corpus: forms the framework refused with a bare or English 400, a double submit that reached a unique
/// index as a 500, a dashboard filter of another unit with an empty 403 page, and a conclusion too long for its own
/// form. Real files are built here and go through the real readers; forms are posted as a browser posts them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FormsFromOutsideTests(AppFactory app)
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A conclusion as a .docx: its header, sections of <paramref name="perSection"/> items (one section when
    /// not given) and <paramref name="count"/> numbered directives to An Lạc in all.</summary>
    private static byte[] ConclusionDocx(string tag, int count, int perSection = int.MaxValue)
    {
        static string P(string text) => $"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>";
        var body = new StringBuilder(P("HUYỆN ỦY TÂN PHONG") + P("KẾT LUẬN") + P($"về kiểm tra thử {tag}"));
        for (var n = 0; n < count; n++)
        {
            var i = n % perSection + 1;
            if (i == 1)
            {
                body.Append(P($"{RomanNumerals.Format(n / perSection + 1)}. Nhiệm vụ nhóm {n / perSection + 1}"));
            }

            body.Append(P($"{i}. Giao UBND xã An Lạc chủ trì kiểm tra việc số {i} của đợt {tag}, báo cáo trước ngày 30/6/2030."));
        }

        return HostileFiles.Docx($"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>""");
    }

    private static Task<HttpResponseMessage> ImportDocxAsync(AppClient clerk, byte[] docx) =>
        ConclusionImportForm.PostAsync(clerk, fileName: "ket-luan.docx", file: docx,
            contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /// <summary>Found from outside: 200 directives are five fields each, past the framework's 1,024 form values; the save
    /// was answered "the form has expired" and every row was lost.</summary>
    [Fact]
    public async Task SaveConclusion_TwoHundredImportedDirectives_EveryRowSaved()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var imported = await ImportDocxAsync(clerk, ConclusionDocx(tag, 200));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var page = AppClient.Parse(await imported.Content.ReadAsStringAsync());
        var fields = BrowserForm.Fields(page, "conclusion");
        Assert.True(fields.Count > 1_024, $"{fields.Count} fields");
        fields["Form.Summary"] = $"về kiểm tra thử {tag}";

        var saved = await BrowserForm.PostAsync(clerk, "/conclusions/new", fields);

        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, $"{(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        var directives = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().Where(c => c.Summary == $"về kiểm tra thử {tag}")
            .SelectMany(c => c.Directives).CountAsync());
        Assert.Equal(200, directives);
    }

    /// <summary>Found from outside: a 17 KB .docx of 3,000 directives gave a 35 MB editor page and 370 MB more server
    /// memory, and a form that could never be posted back.</summary>
    [Fact]
    public async Task ImportConclusion_MoreDirectivesThanAConclusionHolds_RefusedWithVietnameseMessage()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var response = await ImportDocxAsync(clerk, ConclusionDocx(Guid.NewGuid().ToString("N")[..8], ConclusionForm.MaxDirectives + 1));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Văn bản có {ConclusionForm.MaxDirectives + 1} nhiệm vụ; mỗi văn bản kết luận có tối đa {ConclusionForm.MaxDirectives} nhiệm vụ", body, StringComparison.Ordinal);
        Assert.True(body.Length < 1_000_000, $"{body.Length} characters");
    }

    /// <summary>Found from outside: a conclusion of 500 items gave every directive row a list of all 500 items — 250,000
    /// options, a page of tens of megabytes that took minutes to render after "Phân tích" and did not open again as a
    /// draft (its load also joined the owned collections into one query: 500 items × 500 directives rows, 35 s). The
    /// items are listed once for the page; a row names its item; each collection is its own query.</summary>
    [Fact]
    public async Task ImportConclusion_FiveHundredItems_EveryRowProposedItemsListedOnce()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var response = await ImportDocxAsync(clerk, ConclusionDocx(Guid.NewGuid().ToString("N")[..8], 500, perSection: 50));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = AppClient.Parse(html);
        var fields = BrowserForm.Fields(page, "conclusion");
        // Each row names its item as the document numbers it (section numeral, item number), picked from one list.
        string[] numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
        Assert.Equal(numerals.SelectMany(s => Enumerable.Range(1, 50).Select(i => $"{s}.{i}")),
            Enumerable.Range(0, 500).Select(r => fields[$"Form.Directives[{r}].Item"]));
        Assert.Single(page.QuerySelectorAll("option[value='VII.25']"), o => o.ParentElement?.Id == "items");
        Assert.True(html.Length < 2_000_000, $"{html.Length} characters");

        // Saved as posted back, the draft opens again with every row on its item.
        var saved = await BrowserForm.PostAsync(clerk, "/conclusions/new", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, $"{(int)saved.StatusCode}");
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?')[^1]);
        var (_, reopened) = await clerk.GetPageAsync($"/conclusions/{id}/edit");
        var again = BrowserForm.Fields(reopened, "conclusion");
        Assert.Equal("X.50", again["Form.Directives[499].Item"]);
        Assert.True(reopened.Source.Text.Length < 2_000_000, $"{reopened.Source.Text.Length} characters");
    }

    [Fact]
    public async Task CreateUnit_FormOverTheValueLimit_VietnameseTooLargeNothingWritten()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var code = Demo.AnLac + "-HI-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var (_, page) = await clerk.GetPageAsync("/directory/units/new?parent=" + Demo.AnLac);
        var fields = BrowserForm.Fields(page, "unit");
        fields["Input.Code"] = code;
        fields["Input.Name"] = "Tổ biểu mẫu quá nhiều ô";
        fields["Input.Kind"] = nameof(UnitKind.Organization);
        var posted = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(Enumerable.Range(0, WebUiSetup.MaxFormValues).Select(i => new KeyValuePair<string, string>($"x{i}", "1")));

        var response = await clerk.Http.PostAsync("/directory/units/new?parent=" + Demo.AnLac, new FormUrlEncodedContent(posted));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(InputRefusals.FormTooLargeMessage, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Code == code)));
    }

    /// <summary>Found from outside: the unit opens its task, a colleague asks for completion meanwhile, the report form
    /// is gone from the page; the report was answered with the framework's bare 400 ("Cannot submit the form 'report'
    /// …" in Development, an empty page in production).</summary>
    [Fact]
    public async Task SubmitReport_FormGoneSinceThePageWasOpened_VietnameseBadRequestNothingSaved()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        var task = issued.Task(1).Id;
        using var first = await app.LoginAsync("xa.anlac");
        using var second = await app.LoginAsync("xa.anlac");
        var (_, opened) = await first.GetPageAsync($"/tasks/{task}");
        var report = BrowserForm.Fields(opened, "report-form");
        report["ReportText"] = "Báo cáo soạn trong lúc đơn vị đã đề nghị hoàn thành";
        report["ReportPercent"] = "90";
        var asked = await second.PostMultipartAsync($"/tasks/{task}", "complete", new() { ["CompleteResult"] = "Đã hoàn thành toàn bộ." });
        Assert.True(asked.StatusCode is HttpStatusCode.SeeOther, $"{(int)asked.StatusCode}");
        var reports = await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task));
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in report)
        {
            content.Add(new StringContent(value), name);
        }

        var response = await first.Http.PostAsync($"/tasks/{task}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(InputRefusals.FormGoneMessage, body, StringComparison.Ordinal);
        Assert.Contains($"href=\"/tasks/{task}\"", body, StringComparison.Ordinal);
        Assert.Equal(reports, await app.WithDbAsync(db => db.TaskReports.CountAsync(r => r.TaskId == task)));
        Assert.Equal(audits, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>Found from outside: four posts of the same new unit at once — one saved, and one of the others, past the
    /// code check before the first committed, hit the unique index: a 500. Since the form's one-time token
    /// (<c>FormOnce</c>), every post of the same form is answered as the first: 303 to the one unit made.</summary>
    [Fact]
    public async Task CreateUnit_SameFormPostedEightTimesAtOnce_OneUnitOneAuditEntryEveryPostSentToIt()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var code = Demo.AnLac + "-HI-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var (_, page) = await clerk.GetPageAsync("/directory/units/new?parent=" + Demo.AnLac);
        var fields = BrowserForm.Fields(page, "unit");
        fields["Input.Code"] = code;
        fields["Input.Name"] = "Tổ gửi hai lần";
        fields["Input.ShortName"] = "Tổ thử";
        fields["Input.Kind"] = nameof(UnitKind.Organization);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => BrowserForm.PostAsync(clerk, "/directory/units/new?parent=" + Demo.AnLac, fields)));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.SeeOther, $"{(int)r.StatusCode}"));
        var unit = await app.UnitAsync(code);
        Assert.All(responses, r => Assert.Equal($"/directory/units/{unit.Id}", r.Headers.Location!.AbsolutePath));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == unit.Id.ToString())));
    }

    [Theory]
    [InlineData("/followup/tasks?unit=")]
    [InlineData("/followup?unit=")]
    public async Task Dashboard_FilterOfAnotherCommune_RefusedWithVietnameseMessage(string url)
    {
        using var anLac = await app.LoginAsync("xa.anlac");
        var binhDong = await app.UnitAsync(Demo.BinhDong);

        var (status, page) = await anLac.GetPageAsync(url + binhDong.Id);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(FollowUpDashboard.OutOfScope, page.QuerySelector("[role='alert']")?.TextContent);
        Assert.DoesNotContain(binhDong.Name, page.Body!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Found from outside: a 10,000-character search went past Kestrel's 8 KB request line and got its empty
    /// 414; a search box takes at most 200 characters, so a typed search cannot get there.</summary>
    [Theory]
    [InlineData("/directory")]
    [InlineData("/followup/search")]
    public async Task SearchBox_Page_TakesAtMostTwoHundredCharacters(string url)
    {
        using var clerk = await app.LoginAsync("vanphong");

        var (status, page) = await clerk.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("200", page.QuerySelector("input[type='search']")?.GetAttribute("maxlength"));
    }
}
