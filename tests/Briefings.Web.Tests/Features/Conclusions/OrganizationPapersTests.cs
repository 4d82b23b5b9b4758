using System.Net;
using System.Text.RegularExpressions;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Web.Documents;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>
/// The socio-political organizations' papers (walk-papers): each heads, numbers and signs its papers as its own
/// central body writes them (<see cref="IssuerLayouts"/>), the Women's Union issues its own conclusion, and one number
/// reads the same in every list as on the paper — a Front's or an organization's number never party-style beside the
/// party committee's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OrganizationPapersTests(AppFactory app)
{
    private Task<UserContext> UserAsync(string userName) => app.UserContextAsync(userName);

    private Task<Result<Conclusion>> StepAsync<T>(Func<T, Task<Result<Conclusion>>> run)
        where T : notnull => BodyDrafts.StepAsync(app, run);

    /// <summary>A draft of <paramref name="issuerCode"/> with one directive to <paramref name="leadCode"/>, its
    /// summary and item carrying <paramref name="tag"/>.</summary>
    private Task<Conclusion> DraftAsync(string issuerCode, string leadCode, string signingForm, string title, string signer, string tag) =>
        BodyDrafts.DraftAsync(app, issuerCode, leadCode, signingForm, title, signer,
            $"Giao ban chuyên đề với các xã {tag}", $"Chi hội xã An Lạc rà soát hội viên khó khăn {tag}.");

    private async Task<Conclusion> IssueAsync(Conclusion draft, string clerkName, string chairName, SigningMode mode, string signingFor, string title)
    {
        var clerk = await UserAsync(clerkName);
        var submitted = await StepAsync<SubmitConclusion>(s => s.RunAsync(draft.Id, draft.Version, clerk));
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
        var approved = await StepAsync<ApproveConclusion>(async s => await s.RunAsync(
            new ApproveConclusion.Input(draft.Id, submitted.Value!.Version, mode, signingFor, title), await UserAsync(chairName)));
        Assert.True(approved.Succeeded, string.Join(" ", approved.Errors.Select(e => e.Message)));
        var issued = await StepAsync<IssueConclusion>(s => s.RunAsync(draft.Id, clerk.Scope, clerkName));
        Assert.True(issued.Succeeded, string.Join(" ", issued.Errors.Select(e => e.Message)));
        return issued.Value!;
    }

    [Fact]
    public async Task WomenUnionConclusion_DraftedApprovedIssuedByItsOffice_OwnHeadingNumberAndSignature()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var draft = await DraftAsync("PN-TP", Demo.AnLac + "-PN", "T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lý Thị Kim Yến", tag);
        var issued = await IssueAsync(draft, "phunu", "chutich.phunu", SigningMode.OnBehalf, "BAN THƯỜNG VỤ", "CHỦ TỊCH");

        Assert.Equal(DocumentNumberStyle.State, issued.NumberStyle);
        using var client = await app.LoginAsync("phunu");
        var response = await client.Http.GetAsync($"/conclusions/{draft.Id}/document.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Web.Tests.Documents.PaperArtifacts.Save("women-union-conclusion.docx", docx);
        var text = MinutesPaperTests.PaperText(docx);
        Assert.Contains("HỘI LHPN TỈNH LONG GIANG", text, StringComparison.Ordinal);
        Assert.Contains("HỘI LHPN HUYỆN TÂN PHONG", text, StringComparison.Ordinal);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text, StringComparison.Ordinal);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ĐẢNG CỘNG SẢN", text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Số: \d\d+/KL-HPN"), text);
        Assert.Contains("TM. BAN THƯỜNG VỤ", text, StringComparison.Ordinal);
        Assert.Contains("Lưu VT", text, StringComparison.Ordinal);

        // The page shows the same heading: no party "*" under a Women's Union.
        var page = await client.Http.GetStringAsync($"/conclusions/{draft.Id}");
        Assert.Contains("HỘI LHPN HUYỆN TÂN PHONG", page, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"Số: \d\d+/KL-HPN"), page);
        Assert.DoesNotContain("<br />*</p>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_PartyFrontAndWomenUnionNumbersSideBySide_EachReadsAsItsPaperWritesIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        // A party body's number beside them: the Ban Dân vận's (the Huyện ủy's own register stays untouched for the
        // tests that count its first number).
        var party = await IssueAsync(await DraftAsync("HU-TP-BDV", Demo.AnLac + "-MT", "", "TRƯỞNG BAN", "Phạm Quốc Bảo", tag),
            "vanphong", "bithu", SigningMode.None, "", "TRƯỞNG BAN");
        var front = await IssueAsync(await DraftAsync(DemoDistrict.FrontCode, Demo.AnLac + "-MT", "T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Ngô Thị Hồng", tag),
            "mattran", "chutich.mattran", SigningMode.OnBehalf, "BAN THƯỜNG TRỰC", "CHỦ TỊCH");
        var women = await IssueAsync(await DraftAsync("PN-TP", Demo.AnLac + "-PN", "T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lý Thị Kim Yến", tag),
            "phunu", "chutich.phunu", SigningMode.OnBehalf, "BAN THƯỜNG VỤ", "CHỦ TỊCH");
        var partyNumber = $"{party.Sequence:00}-KL/BDVHU";
        var frontNumber = $"{front.Sequence:00}/KL-MTTQ-BTT";
        var womenNumber = $"{women.Sequence:00}/KL-HPN";

        // The district office's search: the conclusions and their tasks side by side.
        using var office = await app.LoginAsync("vanphong");
        var search = WebUtility.HtmlDecode(await office.Http.GetStringAsync($"/followup/search?q={tag}"));
        AssertEachAsWritten(search, partyNumber, frontNumber, womenNumber, front.Sequence!.Value, women.Sequence!.Value);

        // The commune's inbox and its tasks: the commune Front and Women's Union lead them.
        using var commune = await app.LoginAsync("xa.anlac");
        var inbox = WebUtility.HtmlDecode(await commune.Http.GetStringAsync("/conclusions/inbox"));
        AssertEachAsWritten(inbox, partyNumber, frontNumber, womenNumber, front.Sequence!.Value, women.Sequence!.Value);

        // Stored copies (tasks, the notice to the recipients) read the same.
        var taskNumbers = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking()
            .Where(t => t.ConclusionId == front.Id || t.ConclusionId == women.Id).Select(t => t.ConclusionNumber).ToListAsync());
        Assert.Equal([frontNumber, womenNumber], taskNumbers.Order(StringComparer.Ordinal).ToArray());
    }

    private static void AssertEachAsWritten(string html, string partyNumber, string frontNumber, string womenNumber, int frontSequence, int womenSequence)
    {
        Assert.Contains(partyNumber, html, StringComparison.Ordinal);
        Assert.Contains(frontNumber, html, StringComparison.Ordinal);
        Assert.Contains(womenNumber, html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{frontSequence:00}-KL/MTTQ-BTT", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"{womenSequence:00}-KL/HPN", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PN-TP", "organization-women", "HỘI LHPN TỈNH LONG GIANG", "HỘI LHPN HUYỆN TÂN PHONG", "T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "Số: 03/KL-HPN", "Số: 03/KL-HPN")]
    [InlineData("CCB-TP", "organization-veterans", "HỘI CCB TỈNH LONG GIANG", "HỘI CCB HUYỆN TÂN PHONG", "T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "Số: 03/KL-CCB", "Số: 03/KL-CCB")]
    [InlineData("ND-TP", "organization-farmers", "HỘI NÔNG DÂN\nTỈNH LONG GIANG", "BCH HỘI NÔNG DÂN\nHUYỆN TÂN PHONG", "T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "Số 03-KL/HND", "Số 03-KL/HND")]
    [InlineData("DTN-TP", "organization-youth", "BCH ĐOÀN\nTỈNH LONG GIANG", "BCH ĐOÀN\nHUYỆN TÂN PHONG", "T/M BAN THƯỜNG VỤ HUYỆN ĐOÀN", "BÍ THƯ", "Số 03-KL/HĐTN", "Số: 03-KL/HĐTN")]
    // A commune's organizations: the district's same organization above them, their own symbols in the demo.
    [InlineData("X-01-PN", "organization-women", "HỘI LHPN HUYỆN TÂN PHONG", "HỘI LHPN XÃ AN LẠC", "T/M BAN THƯỜNG VỤ", "CHỦ TỊCH", "Số: 03/KL-HPN", "Số: 03/KL-HPN")]
    [InlineData("X-01-DTN", "organization-youth", "BCH ĐOÀN\nHUYỆN TÂN PHONG", "BCH ĐOÀN XÃ AN LẠC", "T/M BAN THƯỜNG VỤ ĐOÀN XÃ", "BÍ THƯ", "Số 03-KL/ĐTN", "Số: 03-KL/ĐTN")]
    [InlineData(DemoDistrict.FrontCode, "conclusion-state", null, "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Tân Phong", "T/M BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Số: 03/KL-MTTQ-BTT", "Số: 03/KL-MTTQ-BTT")]
    [InlineData(DemoDistrict.DistrictCommitteeCode, "conclusion-party", "Đảng bộ Tỉnh Long Giang", "Huyện ủy Tân Phong", "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Số 03-KL/HU", "Số 03-KL/HU")]
    public async Task Issuer_EachOrganization_OwnHeadingSignerAndNumberStyle_TemplateAgrees(
        string code, string template, string? superior, string name, string form, string title, string numberLine, string printedNumber)
    {
        var unit = await app.UnitAsync(code);
        var issuer = await app.WithDbAsync(db => PaperIssuer.ReadAsync(db, unit.Id, CancellationToken.None));
        await using var scope = app.Scope();
        var templates = scope.ServiceProvider.GetRequiredService<PaperTemplates>();

        Assert.Equal(template, PaperTemplates.For(unit));
        Assert.Equal((superior, name), (issuer.Superior, issuer.Name));
        Assert.Equal((form, title), (issuer.Signature().Form, issuer.Signature().Title));
        Assert.Equal(numberLine, issuer.NumberLine(3, "KL"));
        // The number style of the rule and of the template file never disagree (the blank of a draft reads the file).
        Assert.Equal(issuer.NumberStyle, templates.LoadFor(unit).NumberStyle);

        // The paper as every body's papers print it, kept for a look (docs/decisions.md "walk-papers").
        var paper = new Paper(issuer.Superior, issuer.Name, issuer.NumberLine(3, "KL"), Paper.DateLineOf(issuer.Place, new DateOnly(2026, 12, 8)),
            "KẾT LUẬN", "Giao ban chuyên đề quý IV năm 2026", [new PaperText("Ngày 04/12/2026, Ban Thường vụ chủ trì giao ban chuyên đề với các cơ sở.")],
            ["Thường trực Huyện ủy (để b/c)", "Lưu " + issuer.ArchiveMark], [issuer.Signature()]);
        var docx = PaperWriter.Render(paper, templates.LoadFor(unit));
        Web.Tests.Documents.PaperArtifacts.Save($"issuer-{code}.docx", docx);

        // The printed number: the Đoàn writes its party-form number after "Số:" (its guide 29-HD/TWĐTN-VP).
        Assert.Contains(printedNumber, MinutesPaperTests.PaperText(docx).Split('\n'));

        // Nghị định 30: under a state-style issuer's name a short centred line, not the whole name underlined.
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        var nameParagraph = paragraphs.First(p => p.InnerText == name.ToUpper(VietnameseText.Culture).Replace("\n", "", StringComparison.Ordinal));
        Assert.Empty(nameParagraph.Descendants<DocumentFormat.OpenXml.Wordprocessing.Underline>());
        var rule = paragraphs[paragraphs.IndexOf(nameParagraph) + 1];
        var border = rule.ParagraphProperties?.ParagraphBorders?.TopBorder;
        if (templates.LoadFor(unit).UnderlineIssuer)
        {
            Assert.NotNull(border);
            Assert.Equal("", rule.InnerText);
            var indent = int.Parse(rule.ParagraphProperties!.Indentation!.Left!.Value!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(indent, 567, Twips(templates.LoadFor(unit).HeaderLeftColumnMm) / 2);
        }
        else
        {
            Assert.Null(border);
        }
    }

    private static int Twips(double mm) => (int)(mm * 1440 / 25.4);

    /// <summary>Each organization's giấy mời and follow-up report, from their own builders with the organization as
    /// issuer (walk-orgtype): its heading, number line and signature; the report goes to the area's party committee
    /// ("Thường trực Huyện ủy (để b/c)"), not to its heading's line above in capitals ("Thường trực HỘI LHPN TỈNH LONG
    /// GIANG"), as it did before. The .docx are kept to be rendered and looked at.</summary>
    [Theory]
    [InlineData("PN-TP", "Số: 04/GM-HPN", "Số:      /BC-HPN", "TM. BAN THƯỜNG VỤ")]
    [InlineData("CCB-TP", "Số: 04/GM-CCB", "Số:      /BC-CCB", "TM. BAN THƯỜNG VỤ")]
    [InlineData("ND-TP", "Số 04-GM/HND", "Số      -BC/HND", "T/M BAN THƯỜNG VỤ")]
    [InlineData("DTN-TP", "Số: 04-GM/HĐTN", "Số:      -BC/HĐTN", "TM. BAN THƯỜNG VỤ")]
    [InlineData(DemoDistrict.FrontCode, "Số: 04/GM-MTTQ-BTT", "Số:      /BC-MTTQ-BTT", "TM. BAN THƯỜNG TRỰC")]
    public async Task OrganizationPapers_InvitationAndReport_OwnHeadingNumberAndReportToTheDistrictCommittee(
        string code, string invitationNumber, string reportNumber, string form)
    {
        var unit = await app.UnitAsync(code);
        var issuer = await app.WithDbAsync(db => PaperIssuer.ReadAsync(db, unit.Id, CancellationToken.None));
        await using var scope = app.Scope();
        var template = scope.ServiceProvider.GetRequiredService<PaperTemplates>().LoadFor(unit);

        var model = new Briefings.Web.Features.Meetings.InvitationLetterModel(
            issuer.Name, issuer.Superior, DocumentNumber.Of(4, "GM", issuer.Symbol, issuer.NumberStyle)!.ToString(), issuer.Symbol, issuer.Place,
            new DateOnly(2026, 12, 8), "Giao ban chuyên đề quý IV năm 2026 với các cơ sở", ["Đồng chí Chủ tịch các cơ sở xã"],
            new DateTime(2026, 12, 15, 8, 0, 0, DateTimeKind.Unspecified), new DateTime(2026, 12, 15, 11, 0, 0, DateTimeKind.Unspecified),
            "Hội trường " + unit.Name, "Tập trung", [], null, null, ["Đánh giá kết quả quý IV", "Ý kiến của các cơ sở"], null, issuer.Signature(), issuer.ArchiveMark)
        {
            Template = PaperTemplates.For(unit), IssuerInSentence = unit.Name, NumberStyle = issuer.NumberStyle,
        };
        var invitation = Briefings.Web.Features.Meetings.InvitationLetter.Render(model, template);
        Web.Tests.Documents.PaperArtifacts.Save($"giay-moi-{code}.docx", invitation);
        var invitationText = MinutesPaperTests.PaperText(invitation).Split('\n');
        Assert.Contains(invitationNumber, invitationText);
        Assert.Contains(invitationText, l => l.StartsWith(form, StringComparison.Ordinal));
        Assert.Contains($"{unit.Name} trân trọng kính mời:", string.Join('\n', invitationText), StringComparison.Ordinal);
        Assert.Contains("- Lưu VT.", invitationText);

        var report = new Briefings.Web.Features.FollowUp.FollowUpDashboard.Report(new DateOnly(2026, 12, 8), new(), null, unit.Name, null,
            Briefings.Web.Features.FollowUp.FollowUpDashboard.Counts.Zero, [], []);
        var paper = Briefings.Web.Features.FollowUp.FollowUpExport.Docx(report, [], issuer, template);
        Web.Tests.Documents.PaperArtifacts.Save($"bao-cao-{code}.docx", paper);
        var reportText = MinutesPaperTests.PaperText(paper).Split('\n');
        Assert.Contains(reportNumber, reportText);
        Assert.Contains("- Thường trực Huyện ủy (để b/c);", reportText);
        Assert.Contains(reportText, l => l.StartsWith(form, StringComparison.Ordinal));
        Assert.DoesNotContain(reportText, l => l.StartsWith("- Thường trực HỘI", StringComparison.Ordinal) || l.StartsWith("- Thường trực BCH", StringComparison.Ordinal));
    }
}
