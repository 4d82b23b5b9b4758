using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>A meeting's life on its page and in the list: invited → held (closed) → concluded; the record the
/// meeting leaves (roll call, minutes, speakers, biên bản links); the roll call in the conclusion's preamble; a
/// second conclusion asked for first.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingLifeTests(AppFactory app)
{
    private static readonly AccessScope Admin = new(true, null, null, true, true);

    /// <summary>A district briefing in 2030 (the future), composed and invited, organized by <paramref name="organizerCode"/>.</summary>
    internal static async Task<Meeting> InvitedMeetingAsync(AppFactory app, string organizerCode = "HU-TP-BDV", bool send = true)
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        await using var scope = app.Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id,
            $"Giao ban vòng đời {Guid.NewGuid():N}", MeetingType.QuarterlyBriefing, MeetingMode.Online, new DateOnly(2030, 3, 4), new TimeOnly(8, 0), new TimeOnly(11, 0),
            $"Phòng họp vòng đời {Guid.NewGuid():N}", organizerCode, "MT-TP", null, null, "Báo cáo tình hình | Ban Dân vận | 30\nÝ kiến các đơn vị | | 60", 0), Admin);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(saved.Value!.Id, Admin)).Succeeded);
        if (send)
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(saved.Value!.Id, Admin)).Succeeded);
        }

        return saved.Value!;
    }

    /// <summary>Marks one person of the host room present and one person of a commune absent, types the minutes of
    /// item 1 and lets one commune speak, as the console does. Returns the host unit present and the commune.</summary>
    internal static async Task<(string HostUnit, string Minutes, string Topic)> RunMeetingAsync(AppFactory app, Guid meetingId)
    {
        var clerk = await app.UserContextAsync("vanphong");
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var grant = (await sp.GetRequiredService<RoomAccess>().ForAsync(meetingId, clerk)).Value!;
        var (hostInvitation, communeInvitation, communeEndpoint, hostUnit) = await app.WithDbAsync(async db =>
        {
            var host = await db.MeetingEndpoints.SingleAsync(e => e.MeetingId == meetingId && e.IsHost);
            var commune = await db.MeetingEndpoints.Where(e => e.MeetingId == meetingId && !e.IsHost).OrderBy(e => e.Name).FirstAsync();
            var h = await db.Invitations.Where(i => i.EndpointId == host.Id).OrderBy(i => i.Id).FirstAsync();
            var c = await db.Invitations.Where(i => i.EndpointId == commune.Id).OrderBy(i => i.Id).FirstAsync();
            var unitName = await db.Units.Where(u => u.Id == h.UnitId).Select(u => u.Name).SingleAsync();
            return (h.Id, c.Id, commune.Id, unitName);
        });
        var rollCall = sp.GetRequiredService<RollCall>();
        Assert.Null(await rollCall.MarkAsync(grant, hostInvitation, AttendanceStatus.InRoom, null, null));
        Assert.Null(await rollCall.MarkAsync(grant, communeInvitation, AttendanceStatus.Absent, "Đi công tác tỉnh", null));
        var minutes = $"Đồng chí Trưởng Ban Dân vận trình bày báo cáo {Guid.NewGuid():N}.";
        Assert.True((await sp.GetRequiredService<SaveMinutes>().RunAsync(grant, 1, minutes, 0)).Succeeded);
        var topic = $"Kinh phí nhà văn hóa ấp {Guid.NewGuid():N}"[..40];
        var queue = sp.GetRequiredService<SpeakerQueue>();
        Assert.Null(await queue.AddAsync(grant, communeEndpoint, topic, 5));
        var speech = await app.WithDbAsync(async db => (await db.LiveRooms.AsNoTracking().SingleAsync(r => r.MeetingId == meetingId)).Speeches.Single(s => s.Topic == topic).Id);
        Assert.Null(await queue.StartAsync(grant, speech));
        Assert.Null(await queue.StopAsync(grant));
        return (hostUnit, minutes, topic);
    }

    [Fact]
    public async Task MeetingPage_ClosedAfterRollCall_HeldWithRollCallMinutesSpeakersAndMinutesLinks()
    {
        var meeting = await InvitedMeetingAsync(app);
        var (_, minutes, topic) = await RunMeetingAsync(app, meeting.Id);
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/meetings/{meeting.Id}";
        var (_, before) = await clerk.GetPageAsync(url);
        Assert.Equal("Đã gửi giấy mời", before.QuerySelector("#meeting-phase")!.TextContent);
        Assert.Null(before.QuerySelector("#meeting-record"));

        var closed = await clerk.SubmitAsync(url, "close", []);

        var (location, page) = await clerk.FollowAsync(closed);
        Assert.Equal(url, location);
        Assert.StartsWith("Đã kết thúc cuộc họp.", page.QuerySelector("#message")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Đã họp", page.QuerySelector("#meeting-phase")!.TextContent);
        Assert.DoesNotContain("Đã gửi giấy mời", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        var endpoints = await app.WithDbAsync(db => db.MeetingEndpoints.CountAsync(e => e.MeetingId == meeting.Id));
        var invited = await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meeting.Id));
        Assert.Equal($"Có mặt 1/{endpoints} điểm cầu; 1/{invited} đại biểu được mời có mặt, 1 vắng.", page.QuerySelector("#rollcall-totals")!.TextContent);
        Assert.Equal(endpoints, page.QuerySelectorAll("#rollcall tbody tr").Length);
        Assert.Single(page.QuerySelectorAll("#rollcall tbody tr.present"));
        Assert.Contains(minutes, page.QuerySelector("#minutes li[data-order='1']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(topic, page.QuerySelector("#speakers")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"meetings/{meeting.Id}/minutes.docx", page.QuerySelector("#minutes-docx")!.GetAttribute("href"));
        Assert.Equal($"meetings/{meeting.Id}/minutes.pdf", page.QuerySelector("#minutes-pdf")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#no-conclusion"));
        // Once held, the invitations are not offered again.
        Assert.Null(page.QuerySelector("#prepare"));

        var (_, list) = await clerk.GetPageAsync("/meetings");
        var row = list.QuerySelectorAll("#meetings tbody tr").Single(r => r.QuerySelector($"a[href='meetings/{meeting.Id}']") is not null);
        Assert.Equal("Đã họp", row.QuerySelector("td[data-label='Trạng thái']")!.TextContent);

        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(MeetingStatus.Held, stored.Status);
        Assert.NotNull(stored.EndedAt);
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Meeting" && a.EntityId == meeting.Id.ToString()).Select(a => a.After).ToListAsync());
        Assert.Contains(audited, a => a != null && a.Contains("EndedAt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MeetingPage_InvitedUnitAfterMeeting_SeesRollCallButNoMinutesText()
    {
        var meeting = await InvitedMeetingAsync(app);
        var (_, minutes, _) = await RunMeetingAsync(app, meeting.Id);
        await using (var scope = app.Scope())
        {
            Assert.Null(await scope.ServiceProvider.GetRequiredService<CloseMeeting>().RunAsync(meeting.Id,
                (await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id))).Version, await app.UserContextAsync("vanphong")));
        }

        using var commune = await app.LoginAsync("xa.anlac");
        var (status, page) = await commune.GetPageAsync($"/meetings/{meeting.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("#rollcall-totals"));
        Assert.Null(page.QuerySelector("#minutes"));
        Assert.DoesNotContain(minutes, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#close-meeting"));
    }

    [Fact]
    public async Task CloseMeeting_CommuneStaff_ForbiddenAndStillInvited()
    {
        var meeting = await InvitedMeetingAsync(app);
        await using var scope = app.Scope();

        var error = await scope.ServiceProvider.GetRequiredService<CloseMeeting>().RunAsync(meeting.Id, meeting.Version + 1, await app.UserContextAsync("xa.anlac"));

        Assert.Equal(Briefings.Core.Common.Error.Forbidden, error);
        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(MeetingPhase.Invited, stored.PhaseAt(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task NewConclusion_FromHeldMeeting_PreambleNamesPresentBodiesAndAttendanceFigures()
    {
        var meeting = await InvitedMeetingAsync(app);
        var (hostUnit, _, _) = await RunMeetingAsync(app, meeting.Id);
        using var clerk = await app.LoginAsync("vanphong");

        var (_, page) = await clerk.GetPageAsync($"/conclusions/new?meeting={meeting.Id}");

        var preamble = page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Form.Preamble']")!.Value;
        var endpoints = await app.WithDbAsync(db => db.MeetingEndpoints.CountAsync(e => e.MeetingId == meeting.Id));
        Assert.Contains($"có mặt 1/{endpoints} điểm cầu", preamble, StringComparison.Ordinal);
        Assert.Contains($"Tham dự hội nghị có đại diện {hostUnit}; ", preamble, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewConclusion_MeetingWithoutChair_PreambleLeavesTheChairBlankNotChairTwice()
    {
        var meeting = await InvitedMeetingAsync(app);
        using var clerk = await app.LoginAsync("vanphong");

        var (_, page) = await clerk.GetPageAsync($"/conclusions/new?meeting={meeting.Id}");

        var preamble = page.QuerySelector<IHtmlTextAreaElement>("textarea[name='Form.Preamble']")!.Value;
        Assert.DoesNotContain("chủ trì chủ trì", preamble, StringComparison.Ordinal);
        Assert.Contains($"tại {meeting.Place}, đồng chí …… chủ trì ", preamble, StringComparison.Ordinal);
        Assert.Contains("đồng chí …… kết luận như sau:", preamble, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewConclusion_MeetingAlreadyHasOne_AsksFirstThenSavesOnlyWhenConfirmed()
    {
        var meeting = await InvitedMeetingAsync(app);
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/conclusions/new?meeting={meeting.Id}";
        var first = await SaveDraftAsync(clerk, url, "Kết luận thứ nhất");
        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);

        // Opening the editor again for the same meeting asks first, in Vietnamese, with the existing one linked.
        var (_, asked) = await clerk.GetPageAsync(url);
        Assert.NotNull(asked.QuerySelector("#confirm-second"));
        Assert.Contains("Cuộc họp này đã có kết luận", asked.QuerySelector("#confirm-second")!.TextContent, StringComparison.Ordinal);
        Assert.Null(asked.GetElementById("conclusion-form"));
        Assert.Single(asked.QuerySelectorAll("#existing-conclusions li"));

        // A form posted without the confirmation (e.g. a second tab opened before the first was saved) is refused.
        var (_, confirmed) = await clerk.GetPageAsync(url + "&confirm=1");
        var fields = BrowserForm.Fields(confirmed, "conclusion-form");
        fields.Remove("Form.ConfirmSecond");
        fields["Form.Summary"] = "Kết luận thứ hai";
        fields["Form.Body"] = "I. Nội dung\n1. Các đơn vị triển khai thực hiện.";
        fields["Form.Action"] = "save";
        var refused = await BrowserForm.PostAsync(clerk, url, fields);
        var refusedPage = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Bạn có chắc muốn soạn thêm", refusedPage.QuerySelector("#confirm-second-field")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kết luận thứ hai", refusedPage.QuerySelector<IHtmlInputElement>("#summary")!.Value);
        Assert.Equal(1, await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.MeetingId == meeting.Id)));

        var second = await SaveDraftAsync(clerk, url + "&confirm=1", "Kết luận thứ hai");

        Assert.Equal(HttpStatusCode.SeeOther, second.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.MeetingId == meeting.Id)));
    }

    private static async Task<HttpResponseMessage> SaveDraftAsync(AppClient clerk, string url, string summary)
    {
        var (_, blank) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(blank, "conclusion-form");
        fields["Form.Summary"] = summary;
        fields["Form.Body"] = "I. Nội dung\n1. Các đơn vị triển khai thực hiện.";
        fields["Form.Action"] = "save";
        return await BrowserForm.PostAsync(clerk, url.Split("&confirm")[0], fields);
    }
}
