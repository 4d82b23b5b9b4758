using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Documents;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Features.OnlineRoom;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Documents;

/// <summary>Each paper produced as a clerk does it — the download link on its page, in Chromium — then the file
/// read back: the Open XML validator finds nothing and the twelve layout checks hold.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PapersBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Invitation_MeetingPageLink_NumberedPaperInTheLayout()
    {
        var meeting = await PaperMeetings.NewAsync(browser.App, "Giao ban dân vận tải giấy mời", new DateOnly(2032, 3, 3));
        var page = await browser.LoginAsync("vanphong");
        await page.GotoAsync($"{browser.BaseUrl}/meetings/{meeting.Id}");

        var docx = await DownloadAsync(page, $"a[href$='meetings/{meeting.Id}/invitation.docx']");

        PaperLayout.AssertValid(docx, "giay-moi.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("GIẤY MỜI", "Số " + meeting.InvitationNumber, [["TRƯỞNG BAN", PaperMeetings.Chair]]));
    }

    [Fact]
    public async Task Minutes_SignedInBrowser_TwoSignaturesInTheLayout()
    {
        var meeting = await PaperMeetings.NewAsync(browser.App, "Giao ban dân vận tải biên bản", new DateOnly(2032, 3, 4));
        var page = await browser.LoginAsync("vanphong");
        await page.GotoAsync($"{browser.BaseUrl}/meetings/{meeting.Id}");

        // The meeting page's link to the biên bản is added with the meeting's states (branch meeting-life); until
        // then the browser's own session fetches the route the link points to.
        var response = await page.APIRequest.GetAsync($"{browser.BaseUrl}/meetings/{meeting.Id}/minutes.docx");
        Assert.Equal(200, response.Status);
        var docx = await response.BodyAsync();

        PaperLayout.AssertValid(docx, "bien-ban.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("BIÊN BẢN", null, [["THƯ KÝ", PaperMeetings.Secretary], ["CHỦ TRÌ", PaperMeetings.Chair]], HasRecipients: false));
        var pdf = await page.APIRequest.GetAsync($"{browser.BaseUrl}/meetings/{meeting.Id}/minutes.pdf");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
    }

    [Fact]
    public async Task FollowUpReport_DashboardLink_PartyReportInTheLayout()
    {
        var issued = await FollowUpFixture.IssueAsync(browser.App, new FollowUpFixture.Spec("X-01-UB", Deadline.By(FollowUpFixture.Today.AddDays(15))));
        var page = await browser.LoginAsync("vanphong");
        await page.GotoAsync($"{browser.BaseUrl}/followup?conclusion={issued.ConclusionId}");

        var docx = await DownloadAsync(page, "#export-docx");

        PaperLayout.AssertValid(docx, "bao-cao.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("BÁO CÁO", null, [["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG", "Huỳnh Ngọc Lan"]]));
        var xlsx = await DownloadAsync(page, "#export-xlsx");
        PaperLayout.AssertValid(xlsx, "bao-cao.xlsx");
    }

    [Fact]
    public async Task Conclusion_DocumentPageLink_IssuedPaperInTheLayout()
    {
        var issued = await FollowUpFixture.IssueAsync(browser.App, new FollowUpFixture.Spec("X-02-UB", Deadline.By(FollowUpFixture.Today.AddDays(15))));
        var page = await browser.LoginAsync("vanphong");
        await page.GotoAsync($"{browser.BaseUrl}/conclusions/{issued.ConclusionId}");

        var docx = await DownloadAsync(page, $"a[href$='conclusions/{issued.ConclusionId}/document.docx']");

        PaperLayout.AssertValid(docx, "ket-luan.docx");
        PaperLayout.AssertLayout(docx, new PaperExpectation("KẾT LUẬN", null, [["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Minh Khang"]]));
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(link));
        var path = Path.Combine(Path.GetTempPath(), $"paper-{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        try
        {
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
