using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.Meetings;

/// <summary>walk-plan: the office plans a monthly briefing with forty agenda items on a Sunday of Tết (told, then moved
/// to the Monday), sends it; two communes read it side by side on phones, each only its own list; the office moves it to
/// another room and day, later cancels it; each commune's phone says so.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanMoveCancelBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task OfficePlansMovesAndCancels_TwoCommunesOnPhonesToldEachTime_EachSeesOnlyItsOwn()
    {
        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync(browser.BaseUrl + "/meetings/new");
        var title = $"Giao ban tháng 2 năm 2038 {Guid.NewGuid():N}"[..40];
        await clerk.FillAsync("#title", title);
        await clerk.SelectOptionAsync("#type", new SelectOptionValue { Label = "Giao ban tháng" });
        await clerk.FillAsync("#date", "2038-02-07");
        await clerk.FillAsync("#start", "08:00");
        await clerk.FillAsync("#end", "11:00");
        var room = $"Phòng họp trực tuyến {Guid.NewGuid():N}"[..32];
        await clerk.FillAsync("#place", room);
        await clerk.FillAsync("#organizer", "HU-TP-BDV");
        await clerk.FillAsync("#agenda", string.Join('\n', Enumerable.Range(1, 40).Select(i => $"Nội dung số {i} của các Ban | Ban {(i % 3 == 0 ? "Tuyên giáo" : i % 3 == 1 ? "Dân vận" : "Tổ chức")} | 5")));
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#meeting-cautions")).ToContainTextAsync("07/02/2038 rơi vào Tết Nguyên đán (mùng 4), ngày nghỉ");
        await Assertions.Expect(clerk.Locator("dl.facts")).ToContainTextAsync("Giao ban tháng — Trực tuyến");
        await Assertions.Expect(clerk.Locator("ol.agenda > li")).ToHaveCountAsync(40);
        await BrowserFixture.ScreenshotAsync(clerk, "plan-sunday-caution-desktop");
        var meetingUrl = clerk.Url;

        await clerk.GotoAsync(meetingUrl + "/edit");
        await clerk.FillAsync("#date", "2038-02-08");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã lưu cuộc họp.");
        await Assertions.Expect(clerk.Locator("#meeting-cautions")).ToHaveCountAsync(0);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Áp dụng thành phần mời" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("13 điểm cầu");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi giấy mời" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã gửi giấy mời");

        // Two communes side by side, on phones: each reads the invitation and only its own people.
        var anLac = await browser.LoginAsync("xa.anlac", 360, 760);
        var binhDong = await browser.LoginAsync("xa.binhdong", 360, 760);
        foreach (var (phone, own, other) in new[] { (anLac, "An Lạc", "Bình Đông"), (binhDong, "Bình Đông", "An Lạc") })
        {
            await phone.GotoAsync(meetingUrl);
            await Assertions.Expect(phone.Locator("#meeting-phase")).ToHaveTextAsync("Đã gửi giấy mời");
            await phone.Locator("summary", new() { HasText = "người được mời" }).ClickAsync();
            var options = await phone.Locator("#answer-who option").AllTextContentsAsync();
            Assert.NotEmpty(options);
            Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), $"{own}: the meeting page scrolls sideways on a phone");
            var proposals = phone.Locator("#proposal-unit");
            if (await proposals.CountAsync() > 0)
            {
                Assert.DoesNotContain(other, string.Join(" ", await proposals.Locator("option").AllTextContentsAsync()), StringComparison.Ordinal);
            }
        }

        await BrowserFixture.ScreenshotAsync(anLac, "plan-invited-commune-phone");

        // The office moves it: another day, hour and room. Both phones' home pages say so.
        await clerk.GotoAsync(meetingUrl + "/edit");
        await clerk.FillAsync("#date", "2038-02-10");
        await clerk.FillAsync("#start", "14:00");
        await clerk.FillAsync("#end", "16:30");
        await clerk.FillAsync("#place", "Hội trường " + room);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã lưu cuộc họp.");
        foreach (var phone in new[] { anLac, binhDong })
        {
            await phone.GotoAsync(browser.BaseUrl + "/");
            await Assertions.Expect(phone.Locator("#notice-list")).ToContainTextAsync($"Thay đổi lịch họp: {title} — nay họp lúc 10/02/2038 14:00");
        }

        await BrowserFixture.ScreenshotAsync(binhDong, "plan-moved-commune-phone");

        // Then cancels it, with a reason.
        await clerk.GotoAsync(meetingUrl);
        await clerk.Locator("#cancel-meeting summary").ClickAsync();
        await clerk.FillAsync("#cancel-reason-input", "Lùi sang tháng 3 do trùng kỳ họp Hội đồng nhân dân huyện");
        await BrowserFixture.ScreenshotAsync(clerk, "plan-cancel-form-desktop");
        await clerk.Locator("#cancel-submit").ClickAsync();
        await Assertions.Expect(clerk.Locator("#meeting-phase")).ToHaveTextAsync("Đã hủy");
        foreach (var phone in new[] { anLac, binhDong })
        {
            await phone.GotoAsync(meetingUrl);
            await Assertions.Expect(phone.Locator("#meeting-phase")).ToHaveTextAsync("Đã hủy");
            await Assertions.Expect(phone.Locator("#cancel-reason")).ToContainTextAsync("trùng kỳ họp Hội đồng nhân dân huyện");
            await Assertions.Expect(phone.Locator("#answer-who")).ToHaveCountAsync(0);
        }

        await BrowserFixture.ScreenshotAsync(anLac, "plan-cancelled-commune-phone");
        await anLac.GotoAsync(browser.BaseUrl + "/");
        await Assertions.Expect(anLac.Locator("#notice-list")).ToContainTextAsync($"Hủy cuộc họp: {title}");

        foreach (var p in new[] { clerk, anLac, binhDong })
        {
            await p.Context.CloseAsync();
        }
    }
}
