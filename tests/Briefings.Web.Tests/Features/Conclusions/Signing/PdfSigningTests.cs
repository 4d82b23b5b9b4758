using System.Diagnostics;
using System.Formats.Asn1;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.Conclusions.Signing;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Tests.Features.Conclusions.Signing;

/// <summary>
/// The signed PDF of an issued conclusion: PAdES with the issuer's certificate, checked by poppler's pdfsig (valid, the
/// whole document signed, ETSI.CAdES.detached) and by .NET's CMS reader; the RFC 3161 timestamp of a local TSA; the
/// tagged PDF with an embedded Times-metric font; the admin's certificate page; who may fetch what; the audit.
/// Each test issues a conclusion of its own, so no test sees another's signed PDF.
/// </summary>
public sealed class PdfSigningTests(IssuedReferenceApp app) : IClassFixture<IssuedReferenceApp>
{
    private const string CommitteeName = "Huyện ủy Tân Phong";

    [Fact]
    public async Task Pdf_IssuedWithCertificate_PdfsigValidWholeDocumentPadesAndKeptOnce()
    {
        var certificate = await SetCertificateAsync();
        var id = await IssueAsync();
        using var leader = await app.LoginAsync("bithu");

        var first = await leader.Http.GetAsync($"/conclusions/{id}/document.pdf");
        var second = await leader.Http.GetAsync($"/conclusions/{id}/document.pdf");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var pdf = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(pdf, await second.Content.ReadAsByteArrayAsync());
        var path = Save("signed-conclusion.pdf", pdf);
        var report = await RunAsync("pdfsig", "-nocert", path);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        Assert.Contains("Signature Type: ETSI.CAdES.detached", report, StringComparison.Ordinal);
        Assert.Contains($"Signer Certificate Common Name: {CommitteeName}", report, StringComparison.Ordinal);
        // The whole signature checks with .NET too, and names the certificate the admin set.
        var (cms, _) = ReadSignature(pdf);
        Assert.Equal(certificate.Thumbprint, cms.SignerInfos[0].Certificate!.Thumbprint);
        Assert.Contains(cms.SignerInfos[0].SignedAttributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == PadesSignature.SigningCertificateV2Oid);
        Assert.DoesNotContain(cms.SignerInfos[0].SignedAttributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == "1.2.840.113549.1.9.5");
        // The stamp is on the page, where the signature block is, and readable: the page is rendered for a look.
        var text = await RunAsync("pdftotext", "-layout", path, "-");
        Assert.Contains("Trần Minh Khang", text, StringComparison.Ordinal);
        // Over the signature block: its bottom just above the signer's name (the "ChuKy" destination), on that page.
        var raw = Encoding.Latin1.GetString(pdf);
        var destination = Regex.Match(raw, @"/ChuKy\s*\[\s*(\d+) 0 R\s*/XYZ\s+[\d.]+\s+([\d.]+)");
        var widget = Regex.Match(raw, @"/Subtype\s*/Widget[^>]*?/P\s+(\d+) 0 R[^>]*?/Rect\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)");
        Assert.True(destination.Success && widget.Success, "no destination or widget");
        Assert.Equal(destination.Groups[1].Value, widget.Groups[1].Value);
        Assert.Equal(double.Parse(destination.Groups[2].Value, CultureInfo.InvariantCulture) + 2, double.Parse(widget.Groups[3].Value, CultureInfo.InvariantCulture), 1);
        // Centred on the printed name (word boxes from pdftotext, in points).
        var boxes = await RunAsync("pdftotext", "-bbox", "-f", "2", "-l", "2", path, "-");
        var nameStart = Regex.Matches(boxes, @"xMin=""([\d.]+)""[^>]*>Trần<").Last();
        var nameEnd = Regex.Matches(boxes, @"xMax=""([\d.]+)""[^>]*>Khang<").Last();
        var nameCentre = (double.Parse(nameStart.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(nameEnd.Groups[1].Value, CultureInfo.InvariantCulture)) / 2;
        var stampCentre = (double.Parse(widget.Groups[2].Value, CultureInfo.InvariantCulture) + double.Parse(widget.Groups[4].Value, CultureInfo.InvariantCulture)) / 2;
        Assert.True(Math.Abs(nameCentre - stampCentre) < 6, $"stamp centre {stampCentre}, name centre {nameCentre}");
        await RunAsync("pdftoppm", "-png", "-r", "90", "-f", "2", "-l", "2", "-singlefile", path, Path.Combine(Artifacts(), "signed-conclusion-page2"));
        // Signed once, audited once: who asked, the certificate's thumbprint, when.
        var signed = await app.WithDbAsync(db => db.SignedPdfs.AsNoTracking().SingleAsync(s => s.ConclusionId == id));
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(SignedPdf) && a.EntityId == signed.Id.ToString()).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal("bithu", entry.UserName);
        Assert.Contains(signed.CertificateThumbprint, entry.After!, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(certificate.RawData)), signed.CertificateThumbprint);
        Assert.False(signed.Timestamped);
    }

    [Fact]
    public async Task Pdf_ReferenceConclusion_TaggedWithEmbeddedTimesMetricFontAndSignatureDestination()
    {
        var pdf = await app.Services.GetRequiredService<PdfConverter>().ConvertAsync(await app.RenderAsync());
        var path = Save("tagged-conclusion.pdf", pdf);

        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/StructTreeRoot", raw, StringComparison.Ordinal);
        Assert.Matches(@"/MarkInfo\s*<<\s*/Marked\s+true", raw);
        Assert.Contains("/" + ConclusionDocument.SignatureBookmark, raw, StringComparison.Ordinal);
        var fonts = (await RunAsync("pdffonts", path)).Split('\n').Where(l => l.Contains("LiberationSerif", StringComparison.Ordinal) || l.Contains("TimesNewRoman", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fonts);
        // Columns: name type encoding emb sub uni object: every Times-metric font is embedded.
        Assert.All(fonts, line => Assert.Equal("yes", line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]));
    }

    [Fact]
    public async Task Sign_WithLocalTimestampAuthority_TokenOverTheSignatureVerifiesAndStructureKept()
    {
        await using var tsa = new LocalTimestampAuthority();
        var pdf = await app.Services.GetRequiredService<PdfConverter>().ConvertAsync(await app.RenderAsync());
        var (pfx, password) = SigningCertificates.DevelopmentCertificate(CommitteeName, DateTimeOffset.UtcNow);
        using var certificate = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.EphemeralKeySet);
        using var http = new HttpClient();
        var client = new TimestampClient(http, Options.Create(new SigningOptions { TimestampUrl = tsa.Url }), NullLogger<TimestampClient>.Instance);

        var (signed, timestamped) = await PadesSignature.SignAsync(pdf, certificate, new SignatureStamp(CommitteeName, CommitteeName, DateTimeOffset.UtcNow),
            client.RequestAsync, CancellationToken.None);

        Assert.True(timestamped);
        Assert.Equal(1, tsa.Answered);
        var path = Save("signed-timestamped.pdf", signed);
        var report = await RunAsync("pdfsig", "-nocert", path);
        Assert.Contains("Signature Validation: Signature is Valid.", report, StringComparison.Ordinal);
        Assert.Contains("Total document signed", report, StringComparison.Ordinal);
        var (cms, _) = ReadSignature(signed);
        var signer = cms.SignerInfos[0];
        var attribute = Assert.Single(signer.UnsignedAttributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == PadesSignature.TimestampTokenOid);
        Assert.True(Rfc3161TimestampToken.TryDecode(attribute.Values[0].RawData, out var token, out _));
        Assert.True(token!.VerifySignatureForSignerInfo(signer, out var tsaCertificate));
        Assert.Equal(tsa.Certificate.Thumbprint, tsaCertificate!.Thumbprint);
        // The tags survive the signing (PDFsharp rewrites the file).
        var raw = Encoding.Latin1.GetString(signed);
        Assert.Contains("/StructTreeRoot", raw, StringComparison.Ordinal);
        Assert.Matches(@"/MarkInfo\s*<<\s*/Marked\s+true", raw);
    }

    [Fact]
    public async Task Sign_TimestampAuthorityDown_SignedWithoutTimestamp()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var pdf = await app.Services.GetRequiredService<PdfConverter>().ConvertAsync(await app.RenderAsync());
        var (pfx, password) = SigningCertificates.DevelopmentCertificate(CommitteeName, DateTimeOffset.UtcNow);
        using var certificate = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.EphemeralKeySet);
        using var http = new HttpClient();
        var client = new TimestampClient(http, Options.Create(new SigningOptions { TimestampUrl = $"http://127.0.0.1:{port}/tsa" }), NullLogger<TimestampClient>.Instance);

        var (signed, timestamped) = await PadesSignature.SignAsync(pdf, certificate, new SignatureStamp(CommitteeName, CommitteeName, DateTimeOffset.UtcNow),
            client.RequestAsync, CancellationToken.None);

        Assert.False(timestamped);
        Assert.Contains("Signature is Valid.", await RunAsync("pdfsig", "-nocert", Save("signed-no-tsa.pdf", signed)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_DraftOfTheCommittee_CommuneStaffForbiddenAndLeaderGetsItUnsigned()
    {
        await SetCertificateAsync();
        var draftId = await app.WithDbAsync(async db =>
        {
            var committee = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCommitteeCode);
            var draft = Conclusion.Create(committee.Id, "KL", "KẾT LUẬN", "Dự thảo chưa ban hành " + Guid.NewGuid().ToString("N")[..6]).Value!;
            Assert.Null(draft.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
            db.Conclusions.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        using var commune = await app.LoginAsync("xa.anlac");
        using var staff = await app.LoginAsync("bandanvan");
        using var leader = await app.LoginAsync("bithu");
        using var anonymous = app.Client();

        var refused = await commune.Http.GetAsync($"/conclusions/{draftId}/document.pdf");
        var refusedStaff = await staff.Http.GetAsync($"/conclusions/{draftId}/document.pdf");
        var notPublic = await anonymous.Http.GetAsync($"/public/conclusions/{draftId}/document.pdf");
        var draft = await leader.Http.GetAsync($"/conclusions/{draftId}/document.pdf");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedStaff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notPublic.StatusCode);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var bytes = await draft.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("/ByteRange", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.SignedPdfs.AnyAsync(s => s.ConclusionId == draftId)));
    }

    [Fact]
    public async Task PublicPdf_Published_SignedAndPageAndFeedSaySoWithTheSigner()
    {
        await SetCertificateAsync();
        var id = await IssueAsync(isPublic: true);
        using var anonymous = app.Client();

        var (beforeStatus, before) = await anonymous.GetPageAsync($"/public/conclusions/{id}");
        var response = await anonymous.Http.GetAsync($"/public/conclusions/{id}/document.pdf");
        var (_, after) = await anonymous.GetPageAsync($"/public/conclusions/{id}");
        var feed = System.Xml.Linq.XDocument.Parse(await anonymous.Http.GetStringAsync("/public/conclusions.atom"));

        Assert.Equal(HttpStatusCode.OK, beforeStatus);
        Assert.Contains("được ký số bằng chứng thư số của", before.QuerySelector("#pdf-signature")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = Save("signed-public.pdf", await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Signature is Valid.", await RunAsync("pdfsig", "-nocert", path), StringComparison.Ordinal);
        var line = after.QuerySelector("#pdf-signature")!.TextContent;
        Assert.Contains("có chữ ký số của", line, StringComparison.Ordinal);
        Assert.Equal(CommitteeName, after.QuerySelector("#pdf-signature .signer")!.TextContent);
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entry = feed.Root!.Elements(atom + "entry").Single(e => e.Element(atom + "id")!.Value == $"urn:uuid:{id:D}");
        var pdfLink = entry.Elements(atom + "link").Single(l => (string?)l.Attribute("type") == "application/pdf");
        Assert.Equal("Bản PDF có chữ ký số", (string?)pdfLink.Attribute("title"));
        Assert.False(string.IsNullOrWhiteSpace(entry.Element(atom + "summary")!.Value));
    }

    [Fact]
    public async Task CertificatePage_AdminUploadsP12_SavedProtectedAndAudited()
    {
        var (pfx, password) = SigningCertificates.DevelopmentCertificate("Văn phòng thử " + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow);
        var officeId = await app.WithDbAsync(db => db.Units.Where(u => u.Code == DemoDistrict.DistrictOfficeCode).Select(u => u.Id).SingleAsync());
        using var admin = await app.LoginAsync("admin");

        var response = await UploadAsync(admin, officeId.ToString(), pfx, password);

        var (_, page) = await admin.FollowAsync(response);
        Assert.Contains("Đã lưu chứng thư số", page.QuerySelector("#message")!.TextContent, StringComparison.Ordinal);
        using var expected = X509CertificateLoader.LoadPkcs12(pfx, password);
        var row = await app.WithDbAsync(db => db.SigningCertificates.AsNoTracking().SingleAsync(c => c.UnitId == officeId));
        Assert.Equal(expected.Subject, row.Subject);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(expected.RawData)), row.Thumbprint);
        Assert.Equal("admin", row.UpdatedBy);
        // Protected: neither the .p12 nor the password is stored as sent.
        Assert.NotEqual(pfx, row.Content);
        Assert.Equal(-1, row.Content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(password)));
        // The page lists it, and the log has who set which certificate (and not its bytes).
        Assert.Contains(expected.Subject, page.QuerySelector($"tr[data-unit='{officeId}'] .certificate-subject")!.TextContent, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(SigningCertificate) && a.EntityId == row.Id.ToString()).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("admin", audit.UserName);
        Assert.Contains(row.Thumbprint, audit.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("Content", audit.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificatePage_WrongPasswordOrNoUnit_MessagesNextToFieldsNothingSaved()
    {
        var (pfx, _) = SigningCertificates.DevelopmentCertificate("Chứng thư sai mật khẩu", DateTimeOffset.UtcNow);
        var staffUnitId = await app.WithDbAsync(db => db.Units.Where(u => u.Code == DemoDistrict.DistrictCommitteeCode).Select(u => u.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.SigningCertificates.CountAsync());
        using var admin = await app.LoginAsync("admin");

        var wrong = await UploadAsync(admin, staffUnitId.ToString(), pfx, "không đúng");
        var noUnit = await UploadAsync(admin, "", pfx, "x");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var page = AppClient.Parse(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("mật khẩu không đúng", page.QuerySelector("#error-Password")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(staffUnitId.ToString(), page.QuerySelector("#unit option[selected]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noUnit.StatusCode);
        Assert.Equal("Chọn cơ quan ban hành.", AppClient.Parse(await noUnit.Content.ReadAsStringAsync()).QuerySelector("#error-UnitId")!.TextContent);
        Assert.Equal(before, await app.WithDbAsync(db => db.SigningCertificates.CountAsync()));
    }

    [Fact]
    public async Task CertificatePage_ClerkAndLeader_Refused()
    {
        using var clerk = await app.LoginAsync("vanphong");
        using var leader = await app.LoginAsync("bithu");

        var clerkPage = await clerk.Http.GetAsync("/conclusions/signing");
        var leaderPage = await leader.Http.GetAsync("/conclusions/signing");

        foreach (var refused in new[] { clerkPage, leaderPage })
        {
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("AccessDenied", StringComparison.Ordinal) == true,
                $"{refused.StatusCode} {refused.Headers.Location}");
        }
    }

    private async Task<HttpResponseMessage> UploadAsync(AppClient client, string unitId, byte[] pfx, string password)
    {
        var (_, page) = await client.GetPageAsync("/conclusions/signing");
        var token = page.QuerySelector("#certificate-form input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("certificate"), "_handler" },
            { new StringContent(unitId), "UnitId" },
            { new StringContent(password), "Password" },
        };
        var file = new ByteArrayContent(pfx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-pkcs12");
        content.Add(file, "File", "chung-thu.p12");
        return await client.Http.PostAsync("/conclusions/signing", content);
    }

    /// <summary>The committee's certificate, set through the store as the admin page does.</summary>
    private async Task<X509Certificate2> SetCertificateAsync()
    {
        var (pfx, password) = SigningCertificates.DevelopmentCertificate(CommitteeName, DateTimeOffset.UtcNow);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var committee = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCommitteeCode);
        var saved = await scope.ServiceProvider.GetRequiredService<SigningCertificates>().SaveAsync(committee.Id, pfx, password, "admin", false, CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        return X509CertificateLoader.LoadPkcs12(pfx, password);
    }

    /// <summary>A conclusion of the committee issued now (the next number of its register).</summary>
    private async Task<Guid> IssueAsync(bool isPublic = false)
    {
        var scope = await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictOfficeCode);
            var ancestorIds = unit.AncestorIds();
            var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
            return AccessScope.For([Roles.Clerk], unit, ancestors, false);
        });
        var id = await app.WithDbAsync(async db =>
        {
            var conclusion = await ReferenceConclusion.BuildAsync(db);
            if (isPublic)
            {
                Assert.Null(conclusion.SetPublic(true));
            }

            db.Conclusions.Add(ReferenceConclusion.Approve(conclusion));
            await db.SaveChangesAsync();
            return conclusion.Id;
        });
        await using var services = app.Scope();
        var result = await services.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(id, scope, "vanphong");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return id;
    }

    /// <summary>The CMS of the PDF's signature, checked against the signed byte ranges.</summary>
    private static (SignedCms Cms, byte[] Signed) ReadSignature(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var range = Regex.Match(raw, @"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]");
        Assert.True(range.Success);
        var r = Enumerable.Range(1, 4).Select(i => int.Parse(range.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
        var hex = raw[(r[0] + r[1] + 1)..(r[2] - 1)];
        var der = Convert.FromHexString(hex);
        AsnDecoder.ReadEncodedValue(der, AsnEncodingRules.BER, out _, out _, out var length);
        var signed = pdf[r[0]..(r[0] + r[1])].Concat(pdf[r[2]..(r[2] + r[3])]).ToArray();
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        cms.Decode(der[..length]);
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(pdf.Length, r[2] + r[3]);
        return (cms, signed);
    }

    private static string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(Artifacts(), name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Artifacts()
    {
        var folder = Environment.GetEnvironmentVariable("BRIEFINGS_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts");
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }

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
        return await output + await error;
    }
}
