using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.Meetings;

[Collection(BrowserCollection.Name)]
public sealed class MeetingPreparationBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ClerkPlansAndInvites_CommuneAnswersProposesRegistersTicks_OrganizerSeesReadiness()
    {
        // The clerk plans the year and opens the Q1 briefing.
        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync(browser.BaseUrl + "/meetings");
        await clerk.Locator("summary", new() { HasText = "Lập kế hoạch giao ban cả năm" }).ClickAsync();
        await clerk.FillAsync("#year", "2027");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lập kế hoạch năm cho Huyện Tân Phong" }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".alert-success")).ToContainTextAsync("Đã lập kế hoạch năm 2027");
        await BrowserFixture.ScreenshotAsync(clerk, "meetings-desktop");
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Giao ban MTTQ, các đoàn thể chính trị - xã hội huyện Tân Phong quý I năm 2027" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("h1")).ToContainTextAsync("quý I năm 2027");
        var meetingUrl = clerk.Url;

        // Default composition, then invitations.
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Áp dụng thành phần mời" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("13 điểm cầu");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi giấy mời" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã gửi giấy mời");
        await BrowserFixture.ScreenshotAsync(clerk, "meeting-clerk-desktop");

        // A commune answers on a phone: a substitute, a proposal, a speaking registration, its room's checks.
        var commune = await browser.LoginAsync("xa.anlac", 360, 760);
        await commune.GotoAsync(meetingUrl);
        await commune.SelectOptionAsync("#answer-who", new SelectOptionValue { Index = 0 });
        await commune.GetByLabel("Cử người dự thay").CheckAsync();
        await commune.FillAsync("#sub-name", "Nguyễn Văn Thay");
        await commune.FillAsync("#sub-position", "Ủy viên Ban Thường vụ Đảng ủy xã");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi trả lời" }).ClickAsync();
        await commune.Locator("summary", new() { HasText = "người được mời" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#my-invitations")).ToContainTextAsync("Nguyễn Văn Thay");

        await commune.FillAsync("#p-title", "Kinh phí hoạt động Ban Thanh tra nhân dân");
        await commune.FillAsync("#p-content", "Đề nghị xem xét hỗ trợ thêm kinh phí cho Ban Thanh tra nhân dân xã.");
        await commune.FillAsync("#p-to", "UB-TP-TCKH");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Gửi kiến nghị" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#proposal-list")).ToContainTextAsync("Kinh phí hoạt động Ban Thanh tra nhân dân");

        await commune.FillAsync("#s-topic", "Kết quả vận động xây dựng nông thôn mới");
        await commune.FillAsync("#s-min", "7");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Đăng ký phát biểu" }).ClickAsync();
        await Assertions.Expect(commune.Locator("#registration-list")).ToContainTextAsync("Kết quả vận động xây dựng nông thôn mới");
        await BrowserFixture.ScreenshotAsync(commune, "meeting-commune-phone");
        await commune.Locator("section.card", new() { Has = commune.Locator("#answer") }).ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "meeting-commune-answer-phone.png") });

        await commune.GotoAsync(meetingUrl + "/readiness");
        foreach (var item in new[] { "Hình ảnh", "Âm thanh", "Đường truyền", "Phòng họp gọn gàng", "Bảng tên đơn vị", "Kỹ thuật viên có mặt" })
        {
            await commune.GetByRole(AriaRole.Button, new() { Name = $"Đạt: {item} — Điểm cầu Xã An Lạc", Exact = true }).ClickAsync();
            await Assertions.Expect(commune.Locator("li.ok", new() { HasText = item })).ToHaveCountAsync(1);
        }

        await BrowserFixture.ScreenshotAsync(commune, "readiness-commune-phone");

        // The organizer's board shows the commune's ticks, who made them, and the count of ready rooms.
        await clerk.GotoAsync(meetingUrl + "/readiness");
        var anLac = clerk.Locator("section.endpoint", new() { HasText = "Điểm cầu Xã An Lạc" });
        await Assertions.Expect(anLac.Locator(".tag-ok")).ToHaveTextAsync("Sẵn sàng");
        await Assertions.Expect(anLac.Locator("li.ok")).ToHaveCountAsync(6);
        await Assertions.Expect(anLac).ToContainTextAsync("xa.anlac");
        await Assertions.Expect(clerk.Locator("#ready-summary")).ToContainTextAsync("1 / 13");
        await BrowserFixture.ScreenshotAsync(clerk, "readiness-desktop");

        var phoneBoard = await browser.LoginAsync("vanphong", 360, 760);
        await phoneBoard.GotoAsync(meetingUrl + "/readiness");
        await BrowserFixture.ScreenshotAsync(phoneBoard, "readiness-phone");
        await phoneBoard.GotoAsync(meetingUrl);
        await BrowserFixture.ScreenshotAsync(phoneBoard, "meeting-clerk-phone");
        var overflow = await phoneBoard.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the meeting page scrolls sideways on a phone");

        await clerk.GotoAsync(meetingUrl + "/invitations");
        await BrowserFixture.ScreenshotAsync(clerk, "invitations-desktop");
        await clerk.GotoAsync(meetingUrl + "/nameboards");
        await clerk.EmulateMediaAsync(new() { Media = Media.Print });
        await clerk.PdfAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, "nameboards.pdf"), Landscape = true, Format = "A4", PrintBackground = true });
        await clerk.EmulateMediaAsync(new() { Media = Media.Screen });
        await BrowserFixture.ScreenshotAsync(clerk, "nameboards-desktop");

        foreach (var p in new[] { clerk, commune, phoneBoard })
        {
            await p.Context.CloseAsync();
        }
    }
}
