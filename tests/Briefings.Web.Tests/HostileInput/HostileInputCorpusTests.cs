using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Organizations;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.HostileInput;

/// <summary>
/// The hostile-input corpus, through the real app as a browser or a forger would send it, on SQLite and on
/// PostgreSQL (the suite runs on both): each input answers 4xx (never 5xx) with a Vietnamese message, and writes
/// nothing — no row and no audit entry — unless it was fine once cleaned.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HostileInputCorpusTests(AppFactory app)
{
    // Units are created under An Lạc with its code prefix: the commune's export test expects only codes of the commune.
    private static string NewCode() => Demo.AnLac + "-HI-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private async Task<int> AuditCountAsync() => await app.WithDbAsync(db => db.AuditEntries.CountAsync());

    private async Task<HttpResponseMessage> PostUnitAsync(AppClient client, string code, string name, string kind, string? shortName = null) =>
        await client.SubmitAsync("/directory/units/new?parent=" + Demo.AnLac, "unit", new()
        {
            ["Input.Code"] = code,
            ["Input.Name"] = name,
            ["Input.ShortName"] = shortName ?? "Tổ thử",
            ["Input.Kind"] = kind,
        });

    private static async Task AssertRefusedAsync(HttpResponseMessage response, params string[] anyOf)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        Assert.True(anyOf.Any(m => body.Contains(m, StringComparison.Ordinal)), $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 1500)]}");
    }

    private async Task AssertNoUnitAsync(string code) =>
        Assert.False(await app.WithDbAsync(db => db.Units.AnyAsync(u => u.Code == code)));

    [Fact]
    public async Task CreateUnit_OverlongName_RefusedWithVietnameseMessageNothingWritten()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var code = NewCode();
        var audits = await AuditCountAsync();

        var response = await PostUnitAsync(clerk, code, new string('Đ', 301), nameof(UnitKind.Organization));

        await AssertRefusedAsync(response, "quá dài", "tối đa 300");
        // The page names the field to shorten (found from outside: "which of the fields?").
        Assert.Contains("Ô \"Tên\" (Đơn vị) quá dài: tối đa 300 ký tự, bạn đã nhập 301 ký tự.", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AssertNoUnitAsync(code);
        Assert.Equal(audits, await AuditCountAsync());
    }

    [Theory]
    [InlineData("99")]
    [InlineData("-1")]
    public async Task CreateUnit_ForgedKind_RefusedWithVietnameseMessageNothingWritten(string kind)
    {
        using var clerk = await app.LoginAsync("vanphong");
        var code = NewCode();

        var response = await PostUnitAsync(clerk, code, "Tổ giả mạo loại", kind);

        await AssertRefusedAsync(response, "không hợp lệ", "Vui lòng chọn");
        await AssertNoUnitAsync(code);
    }

    [Fact]
    public async Task CreateUnit_ControlCharactersAndDecomposedText_StoredClean()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var code = NewCode();

        var response = await PostUnitAsync(clerk, code, "Tổ " + HostileText.Pasted, nameof(UnitKind.Organization), "Tổ\u200B thử\v");

        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        var unit = await app.UnitAsync(code);
        Assert.Equal("Tổ " + HostileText.MixedClean, unit.Name);
        Assert.Equal("Tổ thử", unit.ShortName.TrimEnd());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_VietnameseBadRequest()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var code = NewCode();

        var response = await clerk.Http.PostAsync("/directory/units/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "unit",
            ["Input.Code"] = code,
            ["Input.Name"] = "Tổ không có mã chống giả mạo",
            ["Input.Kind"] = nameof(UnitKind.Organization),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertRefusedAsync(response, "Biểu mẫu đã hết hạn hoặc không hợp lệ");
        await AssertNoUnitAsync(code);
    }

    [Fact]
    public async Task EditUnit_ForgedId_NotFoundWithVietnameseMessage()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var response = await clerk.Http.GetAsync($"/directory/units/{Guid.NewGuid()}/edit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUnit_ParentOfAnotherArea_CommuneStaffRefused()
    {
        using var commune = await app.LoginAsync("xa.anlac");
        var code = NewCode();
        var audits = await AuditCountAsync();

        var (_, page) = await commune.GetPageAsync("/directory/units/new?parent=" + Demo.BinhDong);
        var response = await commune.Http.PostAsync("/directory/units/new?parent=" + Demo.BinhDong, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "unit",
            ["__RequestVerificationToken"] = page.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value ?? "",
            ["Input.ParentCode"] = Demo.BinhDong,
            ["Input.Code"] = code,
            ["Input.Name"] = "Tổ chen sang xã khác",
            ["Input.Kind"] = nameof(UnitKind.Organization),
        }));

        Assert.True((int)response.StatusCode is >= 300 and < 500, $"{(int)response.StatusCode}");
        await AssertNoUnitAsync(code);
        Assert.Equal(audits, await AuditCountAsync());
    }

    public static TheoryData<string, string, string> Bombs => new()
    {
        { "nested", "long-nhau.docx", "lồng nhau quá sâu" },
        { "bomb", "bom.docx", "bom nén" },
        { "entries", "nhieu.docx", "quá nhiều thành phần" },
        { "html", "trang.docx", "không phải văn bản Word .docx" },
        { "password", "co-mat-khau.docx", "đã được đặt mật khẩu mở" },
        { "legacy", "doi-duoi.docx", "định dạng Office cũ (97–2003) được đổi đuôi, không phải .docx" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task ImportConclusion_HostileDocx_RefusedWithVietnameseMessage(string kind, string name, string message)
    {
        using var clerk = await app.LoginAsync("vanphong");
        var bytes = kind switch
        {
            "nested" => HostileFiles.NestedContentControlsDocx(30_000),
            "bomb" => HostileFiles.ZipBombDocx(300),
            "entries" => HostileFiles.ManyEntries(5_000),
            "password" => HostileFiles.OleCompoundFile(),
            "legacy" => HostileFiles.OleCompoundFile(encrypted: false),
            _ => "<html><script>alert(1)</script></html>"u8.ToArray(),
        };
        var response = await ConclusionImportForm.PostAsync(clerk, fileName: name, file: bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await AssertRefusedAsync(response, message);
    }

    [Theory]
    [InlineData("bomb", "bom nén")]
    [InlineData("entries", "quá nhiều thành phần")]
    [InlineData("html", "Không đọc được tệp")]
    [InlineData("password", "đã được đặt mật khẩu mở")]
    [InlineData("legacy", "định dạng Office cũ (97–2003) được đổi đuôi, không phải .xlsx")]
    public async Task ImportDirectory_HostileXlsx_RefusedWithVietnameseMessageNothingWritten(string kind, string message)
    {
        using var clerk = await app.LoginAsync("vanphong");
        var bytes = kind switch
        {
            "bomb" => HostileFiles.ZipBombXlsx(300),
            "entries" => HostileFiles.ManyEntries(5_000),
            "password" => HostileFiles.OleCompoundFile(),
            "legacy" => HostileFiles.OleCompoundFile(encrypted: false),
            _ => "<html><script>alert(1)</script></html>"u8.ToArray(),
        };
        var audits = await AuditCountAsync();

        var response = await PostImportAsync(clerk, bytes);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await AssertRefusedAsync(response, message);
        Assert.Equal(audits, await AuditCountAsync());
    }

    [Fact]
    public async Task Post_MalformedMultipartBody_VietnameseBadRequest()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/directory/import");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var body = new StringContent($"--b\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n--b\r\nContent-Disposition: form-data; name=\"File\"; filename=\"a.xlsx\"\r\n\r\nPK");
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        var response = await clerk.Http.PostAsync("/directory/import", body);

        await AssertRefusedAsync(response, "không hợp lệ", "Không đọc được", "Yêu cầu không hợp lệ");
    }

    internal static async Task<HttpResponseMessage> PostImportAsync(AppClient client, byte[] file, string fileName = "danh-ba.xlsx")
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
}
