using System.Net;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>walk-plan: the district office plans its year and its briefings and the communes prepare; then a sent
/// meeting is moved and another cancelled. Every invited unit must learn it, and nothing of the old plan may stay.</summary>
[Collection(AppCollection.Name)]
public sealed class PlanAndPrepareTests(AppFactory app)
{
    private static readonly AccessScope Admin = new(true, null, null, true, true);

    /// <summary>The office holds a monthly briefing: the form offered no such type (walk-meetday's December briefing read
    /// "Giao ban quý"). The type comes first in the list and is what the page shows.</summary>
    [Fact]
    public async Task NewMeetingForm_MonthlyBriefingOfferedFirst_SavedAndShownAsMonthly()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, form) = await clerk.GetPageAsync("/meetings/new");
        var options = form.QuerySelectorAll("#type option").Select(o => (o.GetAttribute("value"), o.TextContent)).ToList();
        Assert.Equal((nameof(MeetingType.MonthlyBriefing), "Giao ban tháng"), options[0]);
        var fields = BrowserForm.Fields(form, "meeting");
        var title = $"Giao ban tháng 12 thử {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Type"] = nameof(MeetingType.MonthlyBriefing);
        fields["Input.Date"] = "2031-12-08";
        fields["Input.StartTime"] = "08:00";
        fields["Input.EndTime"] = "10:00";
        fields["Input.Place"] = $"Phòng họp tháng {Guid.NewGuid():N}";
        fields["Input.OrganizerCode"] = "HU-TP-BDV";

        var (_, page) = await clerk.FollowAsync(await BrowserForm.PostAsync(clerk, "/meetings/new", fields));

        Assert.Contains("Giao ban tháng — Trực tuyến", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(MeetingType.MonthlyBriefing, await app.WithDbAsync(db => db.Meetings.Where(m => m.Title == title).Select(m => m.Type).SingleAsync()));
    }

    /// <summary>The office planned one extra briefing by hand before the year's plan: the plan was then refused as
    /// "already made". Now only the plan's own meetings make a year planned; with a monthly day set, the plan holds a
    /// monthly briefing in each month without a quarterly one, with the briefing's agenda.</summary>
    [Fact]
    public async Task GeneratePlan_AfterAnExtraBriefingByHand_StillPlanned_MonthlyBriefingsBetweenTheQuarters()
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var extra = await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, $"Giao ban đột xuất {Guid.NewGuid():N}",
            MeetingType.MonthlyBriefing, MeetingMode.InPerson, new DateOnly(2036, 1, 15), new TimeOnly(14, 0), new TimeOnly(16, 0),
            $"Phòng họp đột xuất {Guid.NewGuid():N}", "HU-TP-BDV", null, null, null, null, 0), Admin);
        Assert.True(extra.Succeeded, string.Join(" ", extra.Errors.Select(e => e.Message)));

        var policy = FormatPolicy.Reference with { MonthlyDay = 5 };
        var plan = await sp.GetRequiredService<GenerateYearPlan>().RunAsync(new GenerateYearPlan.Input(2036, district.Id, "HU-TP-BDV"), Admin, policy);

        Assert.True(plan.Succeeded, string.Join(" ", plan.Errors.Select(e => e.Message)));
        var monthly = plan.Value!.Where(m => m.Type == MeetingType.MonthlyBriefing).ToList();
        Assert.Equal([1, 2, 3, 5, 6, 8, 9, 11], monthly.Select(m => VietnameseTime(m.StartsAt).Month));
        Assert.All(monthly, m => Assert.Contains("tháng", m.Title, StringComparison.Ordinal));
        Assert.All(monthly, m => Assert.Equal("Thông qua dự thảo báo cáo tình hình hoạt động và phương hướng, nhiệm vụ", m.Agenda[0].Title));
        var again = await sp.GetRequiredService<GenerateYearPlan>().RunAsync(new GenerateYearPlan.Input(2036, district.Id, "HU-TP-BDV"), Admin, policy);
        Assert.Contains("đã được lập", again.Errors.Single().Message, StringComparison.Ordinal);
    }

    /// <summary>A sent meeting cancelled by the office: each invited unit gets a notice and its invitees an e-mail with
    /// the reason; the page says it and why; the commune can no longer answer or propose. A commune's clerk and the
    /// organizing Ban's specialist cannot cancel; an empty reason is asked for, nothing changed.</summary>
    [Fact]
    public async Task CancelSentMeeting_EveryInvitedUnitToldWithTheReason_CommuneCannotAnswer_OtherUnitsRefused()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app);
        var url = $"/meetings/{meeting.Id}";
        var reason = "Trùng lịch làm việc của Đoàn công tác tỉnh";

        using var commune = await app.LoginAsync("xa.anlac");
        Assert.Null((await commune.GetPageAsync(url)).Document.QuerySelector("#cancel-meeting"));
        await using (var steps = app.Scope())
        {
            // The use case itself, as a forged post would reach it: the commune and the organizing Ban are refused.
            foreach (var name in new[] { "xa.anlac", "bandanvan" })
            {
                var refused = await steps.ServiceProvider.GetRequiredService<CancelMeeting>().RunAsync(meeting.Id, meeting.Version, reason, await app.UserContextAsync(name));
                Assert.Equal(Briefings.Core.Common.Error.Forbidden, refused);
            }
        }

        using var clerk = await app.LoginAsync("vanphong");
        var (_, before) = await clerk.GetPageAsync(url);
        Assert.NotNull(before.QuerySelector("#cancel-meeting"));
        var empty = await clerk.SubmitAsync(url, "cancel", new() { ["CancelReason"] = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Vui lòng nhập lý do hủy cuộc họp", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Invited, await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.Status).SingleAsync()));

        var (_, page) = await clerk.FollowAsync(await clerk.SubmitAsync(url, "cancel", new() { ["CancelReason"] = reason }));

        Assert.Equal("Đã hủy cuộc họp và thông báo tới các đơn vị được mời.", page.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal("Đã hủy", page.QuerySelector("#meeting-phase")!.TextContent);
        Assert.Null(page.QuerySelector("#cancel-meeting"));
        var units = await app.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id).Select(i => i.UnitId).Distinct().ToListAsync());
        var notices = await app.WithDbAsync(db => db.Notifications.Where(n => n.Link == url && n.Text.StartsWith("Hủy cuộc họp")).ToListAsync());
        Assert.Equal(units.Order(), notices.Select(n => n.UnitId).Order());
        Assert.All(notices, n => Assert.Contains(reason, n.Text, StringComparison.Ordinal));
        var mails = await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.Subject == "Thông báo hủy cuộc họp: " + meeting.Title).ToListAsync());
        Assert.NotEmpty(mails);
        Assert.All(mails, m => Assert.Contains(reason, m.Body, StringComparison.Ordinal));
        var audited = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Meeting" && a.EntityId == meeting.Id.ToString()).Select(a => a.After).ToListAsync());
        Assert.Contains(audited, a => a != null && a.Contains(reason, StringComparison.Ordinal));

        var (_, communePage) = await commune.GetPageAsync(url);
        Assert.Equal("Đã hủy", communePage.QuerySelector("#meeting-phase")!.TextContent);
        Assert.Contains(reason, communePage.QuerySelector("#cancel-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Null(communePage.QuerySelector("#answer-who"));
        Assert.Null(communePage.QuerySelector("#proposal-form"));
        Assert.Null(communePage.QuerySelector($"a[href='meetings/{meeting.Id}/room']"));
        Assert.Null(communePage.QuerySelector($"a[href='meetings/{meeting.Id}/readiness']"));
        Assert.Null(communePage.QuerySelector("a[id^='answer-all-']"));
        var (_, home) = await commune.GetPageAsync("/");
        Assert.Contains("Hủy cuộc họp: " + meeting.Title, home.QuerySelector("#notice-list")!.TextContent, StringComparison.Ordinal);
        var invitation = await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Code == Demo.AnLac + "-DU");
            return await db.Invitations.AsNoTracking().FirstAsync(i => i.MeetingId == meeting.Id && i.UnitId == unit.Id);
        });
        var user = await app.UserContextAsync("xa.anlac");
        await using var scope = app.Scope();
        var answered = await scope.ServiceProvider.GetRequiredService<AnswerInvitation>().RunAsync(
            new AnswerInvitation.Input(invitation.Id, InvitationResponse.Confirmed, null, null, null, invitation.Version), user);
        Assert.Equal(MeetingAccess.Cancelled, answered.Errors.Single());
        var proposed = await scope.ServiceProvider.GetRequiredService<SubmitProposal>().RunAsync(
            new SubmitProposal.Input(meeting.Id, invitation.UnitId, "Kinh phí", "Đề nghị hỗ trợ kinh phí", null), user);
        Assert.Equal(MeetingAccess.Cancelled, proposed.Errors.Single());
        var ticked = await scope.ServiceProvider.GetRequiredService<TickReadiness>().RunAsync(invitation.EndpointId, ReadinessItem.Picture, true, user);
        Assert.StartsWith("Cuộc họp đã hủy", ticked.Errors.Single().Message, StringComparison.Ordinal);
    }

    /// <summary>A sent meeting moved to another day and room: every invited unit is told the new and the old time; the
    /// reminders already sent for the old day start again; a save that changes only the title tells nobody.</summary>
    [Fact]
    public async Task MoveSentMeeting_InvitedUnitsToldNewAndOldTime_RemindersStartAgain_TitleOnlyChangeTellsNobody()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app);
        var url = $"/meetings/{meeting.Id}";
        await app.WithDbAsync(async db =>
        {
            db.SentReminders.Add(new SentReminder { MeetingId = meeting.Id, OffsetMinutes = 1440, SentAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var clerk = await app.LoginAsync("vanphong");
        var (_, form) = await clerk.GetPageAsync(url + "/edit");
        var fields = BrowserForm.Fields(form, "meeting");
        var newPlace = $"Hội trường mới {Guid.NewGuid():N}";
        fields["Input.Date"] = "2030-03-06";
        fields["Input.StartTime"] = "14:00";
        fields["Input.EndTime"] = "16:30";
        fields["Input.Place"] = newPlace;

        await clerk.FollowAsync(await BrowserForm.PostAsync(clerk, url + "/edit", fields));

        var units = await app.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id).Select(i => i.UnitId).Distinct().ToListAsync());
        var notices = await app.WithDbAsync(db => db.Notifications.Where(n => n.Link == url && n.Text.StartsWith("Thay đổi lịch họp")).ToListAsync());
        Assert.Equal(units.Order(), notices.Select(n => n.UnitId).Order());
        Assert.All(notices, n => Assert.Contains($"06/03/2030 14:00 – 16:30, {newPlace}", n.Text, StringComparison.Ordinal));
        Assert.All(notices, n => Assert.Contains($"trước đây: 04/03/2030 08:00, {meeting.Place}", n.Text, StringComparison.Ordinal));
        Assert.NotEmpty(await app.WithDbAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.Subject == "Thay đổi lịch họp: " + meeting.Title).ToListAsync()));
        Assert.False(await app.WithDbAsync(db => db.SentReminders.AnyAsync(r => r.MeetingId == meeting.Id)));
        using var commune = await app.LoginAsync("xa.anlac");
        var (_, home) = await commune.GetPageAsync("/");
        Assert.Contains("Thay đổi lịch họp: " + meeting.Title, home.QuerySelector("#notice-list")!.TextContent, StringComparison.Ordinal);

        var (_, again) = await clerk.GetPageAsync(url + "/edit");
        var retitled = BrowserForm.Fields(again, "meeting");
        retitled["Input.Title"] = meeting.Title + " (sửa tên)";
        await clerk.FollowAsync(await BrowserForm.PostAsync(clerk, url + "/edit", retitled));
        Assert.Equal(units.Count, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Link == url && n.Text.StartsWith("Thay đổi lịch họp"))));
    }

    /// <summary>A briefing set on a Sunday with a chair already chairing another meeting at that hour: the office is
    /// told on the meeting's page (not refused: an office may meet on a day off); an invited commune sees no such line.</summary>
    [Fact]
    public async Task MeetingOnASundayWithAChairBookedTwice_OfficeSeesBothCautions_CommuneDoesNot()
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        var chair = await app.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.FullName == "Trần Minh Khang").Select(p => new { p.Id, p.FullName }).FirstAsync());
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        SaveMeeting.Input Plan(string title, DateOnly day) => new(null, district.Id, $"{title} {Guid.NewGuid():N}", MeetingType.MonthlyBriefing, MeetingMode.Online,
            day, new TimeOnly(8, 0), new TimeOnly(10, 0), $"Phòng {Guid.NewGuid():N}", "HU-TP-BDV", null, chair.Id, null, null, 0);
        var sunday = new DateOnly(2037, 3, 8);
        Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
        Assert.True((await sp.GetRequiredService<SaveMeeting>().RunAsync(Plan("Họp khác cùng chủ trì", sunday), Admin)).Succeeded);
        var meeting = (await sp.GetRequiredService<SaveMeeting>().RunAsync(Plan("Giao ban ngày nghỉ", sunday), Admin)).Value!;
        Assert.True((await sp.GetRequiredService<ApplyComposition>().RunAsync(meeting.Id, Admin)).Succeeded);
        Assert.True((await sp.GetRequiredService<SendInvitations>().RunAsync(meeting.Id, Admin)).Succeeded);

        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync($"/meetings/{meeting.Id}");
        var cautions = page.QuerySelector("#meeting-cautions")!.TextContent;
        Assert.Contains("08/03/2037 rơi vào Chủ nhật, ngày nghỉ", cautions, StringComparison.Ordinal);
        Assert.Contains($"Người chủ trì ({chair.FullName}) đã có lịch ở một cuộc họp khác từ 08/03/2037 08:00 đến 10:00", cautions, StringComparison.Ordinal);
        using var commune = await app.LoginAsync("xa.anlac");
        var (status, communePage) = await commune.GetPageAsync($"/meetings/{meeting.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(communePage.QuerySelector("#meeting-cautions"));
    }

    /// <summary>A draft cancelled before its invitations went out reached the invited commune's calendar feed (the feed
    /// took every meeting not "planned", and a cancelled draft is no longer "planned"): its title, an unannounced meeting.
    /// The feed now takes sent meetings only; a sent meeting cancelled is there, marked cancelled, so calendar apps drop it.</summary>
    [Fact]
    public async Task CalendarFeed_DraftCancelledNeverShown_SentCancelledMarkedCancelled()
    {
        var draft = await MeetingLifeTests.InvitedMeetingAsync(app, send: false);
        var sent = await MeetingLifeTests.InvitedMeetingAsync(app);
        var office = await app.UserContextAsync("vanphong");
        await using (var scope = app.Scope())
        {
            foreach (var m in new[] { draft, sent })
            {
                var version = await app.WithDbAsync(db => db.Meetings.Where(x => x.Id == m.Id).Select(x => x.Version).SingleAsync());
                Assert.Null(await scope.ServiceProvider.GetRequiredService<CancelMeeting>().RunAsync(m.Id, version, "Thay đổi kế hoạch công tác", office));
            }
        }

        var anLac = await app.UnitAsync(Demo.AnLac + "-DU");
        var feeds = app.Services.GetRequiredService<CalendarFeeds>();
        using var anonymous = app.Client();
        var text = await anonymous.Http.GetStringAsync($"/calendar/units/{anLac.Id}.ics?token={Uri.EscapeDataString(feeds.Token("unit", anLac.Id))}");

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.DoesNotContain(calendar.Events, e => e.Summary == draft.Title);
        Assert.Equal("CANCELLED", calendar.Events.Single(e => e.Summary == sent.Title).Status);
        Assert.Empty(await app.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/meetings/{draft.Id}").ToListAsync()));
    }

    private static DateTime VietnameseTime(DateTimeOffset utc) => Briefings.Core.Common.VietnameseText.ToLocal(utc);
}
