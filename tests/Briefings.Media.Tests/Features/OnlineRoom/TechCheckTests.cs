using Briefings.Core.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Briefings.Media.Tests.Features.OnlineRoom;

[Collection(MediaCollection.Name)]
public sealed class TechCheckTests(MediaFixture media)
{
    private static async Task<string> RunCheckAsync(IPage page)
    {
        await page.ClickAsync("[data-check-start]");
        await page.WaitForFunctionAsync("() => ['passed', 'failed', 'error'].includes(window.techCheck.state)", null, new() { Timeout = 60_000 });
        return await page.EvaluateAsync<string>("() => JSON.stringify(window.techCheck)");
    }

    [Fact]
    public async Task TechCheck_CommuneRunsEchoTest_StoresRttAndResolution_BoardShowsReady()
    {
        var meeting = await media.NewOnlineMeetingAsync("Giao ban kiểm tra kỹ thuật", new DateOnly(2030, 6, 3));
        var checkUrl = $"{media.BaseUrl}/meetings/{meeting.Id}/endpoints/{meeting.AnLac}/check";

        var commune = await media.LoginAsync("xa.anlac");
        await commune.GotoAsync(checkUrl);
        var result = await RunCheckAsync(commune);

        Assert.Equal("passed", await commune.EvaluateAsync<string>("() => window.techCheck.state"));
        await Assertions.Expect(commune.Locator("#check-outcome li.ok")).ToHaveCountAsync(3);
        await Assertions.Expect(commune.Locator("[data-figure=resolution]")).ToContainTextAsync("320×240");
        await MediaFixture.ScreenshotAsync(commune, "tech-check-desktop");
        var stored = await media.App.WithDbAsync(db => db.MeetingEndpoints.AsNoTracking().SingleAsync(e => e.Id == meeting.AnLac));
        var connection = stored.Tick(ReadinessItem.Connection);
        var picture = stored.Tick(ReadinessItem.Picture);
        Assert.True(connection?.Passed, result);
        Assert.Matches(@"RTT \d+ ms", connection!.Details);
        Assert.True(picture?.Passed, result);
        Assert.Contains("nhận 320×240", picture!.Details, StringComparison.Ordinal);
        Assert.True(stored.Tick(ReadinessItem.Sound)?.Passed, result);

        // The rest of the checklist by hand, then the organizer's board shows the room ready, with the figures.
        await commune.GotoAsync($"{media.BaseUrl}/meetings/{meeting.Id}/readiness");
        foreach (var item in new[] { "Phòng họp gọn gàng", "Bảng tên đơn vị", "Kỹ thuật viên có mặt" })
        {
            await commune.GetByRole(AriaRole.Button, new() { Name = $"Đạt: {item} — Điểm cầu Xã An Lạc", Exact = true }).ClickAsync();
            await Assertions.Expect(commune.Locator("li.ok", new() { HasText = item })).ToHaveCountAsync(1);
        }

        var clerk = await media.LoginAsync("vanphong");
        await clerk.GotoAsync($"{media.BaseUrl}/meetings/{meeting.Id}/readiness");
        var anLac = clerk.Locator("section.endpoint", new() { HasText = "Điểm cầu Xã An Lạc" });
        await Assertions.Expect(anLac.Locator(".tag-ok")).ToHaveTextAsync("Sẵn sàng");
        await Assertions.Expect(anLac.Locator("li.ok", new() { HasText = "Đường truyền" })).ToContainTextAsync("Kiểm tra tự động: RTT");
        await Assertions.Expect(clerk.Locator("#ready-summary")).ToContainTextAsync("1 / 13");

        // The same check on a commune technician's phone.
        var phone = await media.LoginAsync("kythuat.anlac", 360, 760);
        await phone.GotoAsync(checkUrl);
        await RunCheckAsync(phone);
        await MediaFixture.ScreenshotAsync(phone, "tech-check-phone");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the check page scrolls sideways on a phone");

        await commune.Context.CloseAsync();
        await clerk.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
