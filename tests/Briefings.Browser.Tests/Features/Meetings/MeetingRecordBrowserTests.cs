using Briefings.Core.Conclusions;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Infrastructure;
using Briefings.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features.Meetings;

/// <summary>A held meeting's page (roll call, minutes, speakers, biên bản links) and the leader's approval form,
/// at desktop width and on a 360-px phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingRecordBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task MeetingPage_ClosedByClerk_RecordShownOnDesktopAndPhone()
    {
        var (meetingId, _) = await ReadinessBoardBrowserTests.InvitedMeetingAsync(browser, "Giao ban quý I năm 2030 — kết quả", new DateOnly(2030, 7, 9));
        await RunMeetingAsync(meetingId);
        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}");
        await Assertions.Expect(clerk.Locator("#meeting-phase")).ToHaveTextAsync("Đã gửi giấy mời");

        await clerk.Locator("#close-meeting").ClickAsync();

        await Assertions.Expect(clerk.Locator("#meeting-phase")).ToHaveTextAsync("Đã họp");
        await Assertions.Expect(clerk.Locator("#rollcall-totals")).ToContainTextAsync("Có mặt 1/");
        await Assertions.Expect(clerk.Locator("#minutes-docx")).ToHaveAttributeAsync("href", $"meetings/{meetingId}/minutes.docx");
        await Assertions.Expect(clerk.Locator("#speakers li")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(clerk, "meeting-record-desktop");

        var phone = await browser.LoginAsync("vanphong", 360, 760);
        await phone.GotoAsync($"{browser.BaseUrl}/meetings/{meetingId}");
        await Assertions.Expect(phone.Locator("#rollcall-totals")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(phone, "meeting-record-phone");

        await phone.GotoAsync($"{browser.BaseUrl}/meetings");
        await Assertions.Expect(phone.Locator($"#meetings tr:has(a[href='meetings/{meetingId}']) td[data-label='Trạng thái']")).ToHaveTextAsync("Đã họp");
        await BrowserFixture.ScreenshotAsync(phone, "meetings-list-phase-phone");
        await phone.Context.CloseAsync();
        await clerk.Context.CloseAsync();
    }

    [Fact]
    public async Task ConclusionPage_LeaderReturnsThenApprovesKT_DesktopAndPhone()
    {
        var id = await SubmittedDraftAsync();
        var leader = await browser.LoginAsync("bithu", 360, 760);
        await leader.GotoAsync($"{browser.BaseUrl}/conclusions/{id}");
        await Assertions.Expect(leader.Locator("#approval")).ToBeVisibleAsync();
        Assert.True(await leader.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways at 360 px");
        await BrowserFixture.ScreenshotAsync(leader, "conclusion-approval-phone");

        await leader.Locator("#return-comment-text").FillAsync("Đề nghị bổ sung thời hạn cho mục 1 và ghi rõ đơn vị chủ trì.");
        await leader.Locator("#return").ClickAsync();
        await Assertions.Expect(leader.Locator("#return-comment")).ToContainTextAsync("bổ sung thời hạn");

        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync($"{browser.BaseUrl}/conclusions/{id}");
        await Assertions.Expect(clerk.Locator("#return-comment")).ToContainTextAsync("Đề nghị bổ sung thời hạn");
        await BrowserFixture.ScreenshotAsync(clerk, "conclusion-returned-desktop");
        await clerk.Locator("#submit").ClickAsync();
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã trình ký");

        var desk = await browser.LoginAsync("bithu");
        await desk.GotoAsync($"{browser.BaseUrl}/conclusions/{id}");
        await desk.Locator("#approve-mode").SelectOptionAsync(nameof(SigningMode.ForHead));
        await desk.Locator("#approve-for").FillAsync("BÍ THƯ");
        await desk.Locator("#approve-title").FillAsync("PHÓ BÍ THƯ");
        await BrowserFixture.ScreenshotAsync(desk, "conclusion-approval-desktop");
        await desk.Locator("#approve").ClickAsync();
        await Assertions.Expect(desk.Locator("#signature")).ToContainTextAsync("K/T BÍ THƯ");
        await desk.Context.CloseAsync();
        await clerk.Context.CloseAsync();
        await leader.Context.CloseAsync();
    }

    /// <summary>Two people of the host room present, one commune person absent, minutes of item 1 and one speech.</summary>
    private async Task RunMeetingAsync(Guid meetingId)
    {
        await using var scope = browser.App.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BriefingsDbContext>();
        var user = await UserAsync(sp, "vanphong");
        var grant = (await sp.GetRequiredService<RoomAccess>().ForAsync(meetingId, user)).Value!;
        var host = await db.MeetingEndpoints.AsNoTracking().SingleAsync(e => e.MeetingId == meetingId && e.IsHost);
        var commune = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId && !e.IsHost).OrderBy(e => e.Name).FirstAsync();
        var hostInvites = await db.Invitations.AsNoTracking().Where(i => i.EndpointId == host.Id).OrderBy(i => i.Id).Take(2).Select(i => i.Id).ToListAsync();
        var absent = await db.Invitations.AsNoTracking().Where(i => i.EndpointId == commune.Id).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var rollCall = sp.GetRequiredService<RollCall>();
        foreach (var invitation in hostInvites)
        {
            Assert.Null(await rollCall.MarkAsync(grant, invitation, AttendanceStatus.InRoom, null, null));
        }

        Assert.Null(await rollCall.MarkAsync(grant, absent, AttendanceStatus.Absent, "Đi công tác tỉnh", null));
        Assert.True((await sp.GetRequiredService<SaveMinutes>().RunAsync(grant, 1,
            "Đồng chí Trưởng Ban Dân vận trình bày báo cáo tình hình quý I; hội nghị thống nhất các nội dung trọng tâm quý II.", 0)).Succeeded);
        var queue = sp.GetRequiredService<SpeakerQueue>();
        Assert.Null(await queue.AddAsync(grant, commune.Id, "Kinh phí sửa chữa nhà văn hóa ấp", 5));
        var room = await db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meetingId);
        Assert.Null(await queue.StartAsync(grant, room.Speeches.Single().Id));
        Assert.Null(await queue.StopAsync(grant));
    }

    private async Task<Guid> SubmittedDraftAsync()
    {
        await using var scope = browser.App.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BriefingsDbContext>();
        var issuer = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCommitteeCode);
        var signer = await db.People.AsNoTracking().Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
        var c = Conclusion.Create(issuer.Id, "TB", "THÔNG BÁO KẾT LUẬN", $"Hội nghị giao ban trả lại {Guid.NewGuid():N}"[..40]).Value!;
        Assert.Null(c.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nhiệm vụ trọng tâm" }],
            [new BodyItem { SectionOrder = 1, Number = 1, Text = "Ban Dân vận Huyện ủy chủ trì rà soát việc thực hiện quy chế dân chủ ở cơ sở." }], []));
        Assert.Null(c.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
        Assert.Null(c.SetRecipients([(null, "Lưu VPHU")]));
        db.Conclusions.Add(c);
        await db.SaveChangesAsync();
        var submitted = await sp.GetRequiredService<SubmitConclusion>().RunAsync(c.Id, c.Version, await UserAsync(sp, "vanphong"));
        Assert.True(submitted.Succeeded);
        return c.Id;
    }

    private static async Task<UserContext> UserAsync(IServiceProvider sp, string userName)
    {
        var db = sp.GetRequiredService<BriefingsDbContext>();
        var account = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var roles = await db.UserRoles.Where(ur => ur.UserId == account.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == account.UnitId);
        var ancestorIds = unit.AncestorIds();
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
        return new UserContext(account, roles, unit, Briefings.Core.Organizations.AccessScope.For(roles, unit, ancestors, account.IncludeSubunits));
    }
}
