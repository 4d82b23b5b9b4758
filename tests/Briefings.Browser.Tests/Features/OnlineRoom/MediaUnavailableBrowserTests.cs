using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.OnlineRoom;

/// <summary>The app without any Janus configured (as in development): the media view and the technical check say
/// so plainly, and nothing is recorded on the endpoint's readiness.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MediaUnavailableBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task MediaPages_NoJanusConfigured_ShowUnavailable_RecordNothing()
    {
        Guid meetingId, anLac;
        await using (var scope = browser.App.Scope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<BriefingsDbContext>();
            var admin = new AccessScope(true, null, null, true, true);
            var district = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var saved = await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, "Giao ban không có máy chủ hình", MeetingType.QuarterlyBriefing,
                MeetingMode.Online, new DateOnly(2030, 7, 1), new TimeOnly(8, 0), new TimeOnly(11, 0), "Phòng họp không có máy chủ hình", "HU-TP-BDV", null, null, null, "Nội dung | | 30", 0), admin);
            meetingId = saved.Value!.Id;
            Assert.True((await sp.GetRequiredService<ApplyComposition>().RunAsync(meetingId, admin)).Succeeded);
            Assert.True((await sp.GetRequiredService<SendInvitations>().RunAsync(meetingId, admin)).Succeeded);
            anLac = await db.MeetingEndpoints.Where(e => e.MeetingId == meetingId && e.AreaUnitId == db.Units.Single(u => u.Code == DemoDistrict.CommuneCode(0)).Id)
                .Select(e => e.Id).SingleAsync();
        }

        var page = await browser.LoginAsync("xa.anlac", 360, 760);
        await page.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}/endpoints/{anLac}/media");
        await Assertions.Expect(page.Locator("[data-media-state]")).ToContainTextAsync("chưa được cấu hình");
        await Assertions.Expect(page.Locator("[data-media-state]")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("media-state-unavailable"));
        await BrowserFixture.ScreenshotAsync(page, "endpoint-media-unavailable-phone");

        await page.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}/endpoints/{anLac}/check");
        await page.ClickAsync("[data-check-start]");
        await Assertions.Expect(page.Locator("[data-check-state]")).ToContainTextAsync("Chưa ghi kết quả");
        await BrowserFixture.ScreenshotAsync(page, "tech-check-unavailable-phone");
        await using var check = browser.App.Scope();
        var ticks = await check.ServiceProvider.GetRequiredService<BriefingsDbContext>().MeetingEndpoints.AsNoTracking()
            .Where(e => e.Id == anLac).Select(e => e.Ticks.Count).SingleAsync();
        Assert.Equal(0, ticks);
        await page.Context.CloseAsync();
    }
}
