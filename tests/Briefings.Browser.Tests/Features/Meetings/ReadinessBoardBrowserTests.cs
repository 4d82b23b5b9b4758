using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.Meetings;

/// <summary>The organizer's readiness board follows the rooms' ticks by itself, without reloading the page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadinessBoardBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ReadinessBoard_CommuneTicks_OrganizerBoardUpdatesWithoutReload()
    {
        var (meetingId, anLac) = await InvitedMeetingAsync(browser, "Giao ban thử bảng sẵn sàng trực tiếp", new DateOnly(2030, 7, 2));
        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}/readiness");
        Assert.Equal(0, await clerk.Locator("meta[http-equiv=refresh]").CountAsync());
        await clerk.EvaluateAsync("() => { window.__sameDocument = true; }");
        var cell = clerk.Locator($"#ready-matrix tr[data-endpoint='{anLac}'] td[data-item='Sound']");
        await Assertions.Expect(cell).ToHaveTextAsync("○");

        // The commune's technician ticks "Âm thanh" on his phone.
        var commune = await browser.LoginAsync("xa.anlac", 360, 760);
        await commune.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}/readiness");
        await commune.GetByRole(AriaRole.Button, new() { Name = "Đạt: Âm thanh — Điểm cầu Xã An Lạc", Exact = true }).ClickAsync();
        await Assertions.Expect(commune.Locator($"section[data-endpoint='{anLac}'] li.ok")).ToHaveCountAsync(1);

        // The organizer's open board shows it within a polling interval, in the same document.
        await Assertions.Expect(cell).ToHaveTextAsync("✔", new() { Timeout = 25000 });
        await Assertions.Expect(cell).ToHaveClassAsync("ok");
        await Assertions.Expect(clerk.Locator($"section[data-endpoint='{anLac}'] li[data-item='Sound'] [data-note]")).ToContainTextAsync("xa.anlac");
        Assert.True(await clerk.EvaluateAsync<bool>("() => window.__sameDocument === true"));
        await BrowserFixture.ScreenshotAsync(clerk, "readiness-live-desktop");
        await commune.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }

    internal static async Task<(Guid Meeting, Guid AnLacEndpoint)> InvitedMeetingAsync(BrowserFixture browser, string title, DateOnly date)
    {
        await using var scope = browser.App.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BriefingsDbContext>();
        var admin = new AccessScope(true, null, null, true, true);
        var district = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
        var saved = await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.QuarterlyBriefing,
            MeetingMode.Online, date, new TimeOnly(8, 0), new TimeOnly(11, 0), "Phòng họp trực tuyến Huyện ủy", "HU-TP-BDV", null, null, null, "Nội dung | | 30", 0), admin);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var meetingId = saved.Value!.Id;
        Assert.True((await sp.GetRequiredService<ApplyComposition>().RunAsync(meetingId, admin)).Succeeded);
        Assert.True((await sp.GetRequiredService<SendInvitations>().RunAsync(meetingId, admin)).Succeeded);
        var anLac = await db.MeetingEndpoints.Where(e => e.MeetingId == meetingId && e.AreaUnitId == db.Units.Single(u => u.Code == DemoDistrict.CommuneCode(0)).Id)
            .Select(e => e.Id).SingleAsync();
        return (meetingId, anLac);
    }
}
