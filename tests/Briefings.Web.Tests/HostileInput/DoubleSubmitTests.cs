using System.Net;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.HostileInput;

/// <summary>
/// Found from outside (walk-hostile3): the office's meeting forms that change state without a version or a one-time
/// token, posted twice or four times at once as a double tap, a slow phone's retry or curl does. Forms are posted as a
/// browser posts them, with the fields the page rendered.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DoubleSubmitTests(AppFactory app)
{
    private static AccessScope Admin => new(true, null, null, true, true);

    private async Task<Meeting> ComposedMeetingAsync(string title, DateOnly date)
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        await using var scope = app.Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, title,
            MeetingType.QuarterlyBriefing, MeetingMode.Online, date, new TimeOnly(8, 0), new TimeOnly(11, 0), $"Phòng họp thử {Guid.NewGuid():N}", "HU-TP-BDV",
            "MT-TP", null, null, "Thông qua dự thảo báo cáo | Ban Dân vận | 30\nÝ kiến các đơn vị | | 60\nKết luận | | 15", 0), Admin);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(saved.Value!.Id, Admin)).Succeeded);
        return saved.Value!;
    }

    private static async Task<List<HttpResponseMessage>> PostAtOnceAsync(AppClient client, string url, Dictionary<string, string> fields, int times) =>
        [.. await Task.WhenAll(Enumerable.Range(0, times).Select(_ => BrowserForm.PostAsync(client, url, fields)))];

    /// <summary>Six posts of the year plan at once planned the year six times (132 meetings): the "already planned"
    /// check raced. The check and the insert are now the only writer of the area's year.</summary>
    [Fact]
    public async Task PlanYear_FormPostedSixTimesAtOnce_YearPlannedOnceOthersToldItIsPlanned()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync("/meetings");
        var fields = BrowserForm.Fields(page, "plan");
        fields["Input.Year"] = "2093";
        fields["Input.OrganizerCode"] = "HU-TP-BDV";

        var responses = await PostAtOnceAsync(clerk, "/meetings", fields, 6);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.UnprocessableEntity, $"{(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        // Another test's title may hold "2093" by chance (a Guid's hex); only meetings held in 2093 are this plan's.
        var found = await app.WithDbAsync(db => db.Meetings.Where(m => m.BodyAreaId == district.Id && m.Title.Contains("2093"))
            .Select(m => new { m.Title, m.StartsAt }).ToListAsync());
        var planned = found.Where(m => m.StartsAt.Year == 2093).Select(m => m.Title).ToList();
        Assert.Equal(4 + 6 * 3, planned.Count);
        Assert.Equal(planned.Count, planned.Distinct().Count());
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.UnprocessableEntity))
        {
            Assert.Contains("đã được lập", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    /// <summary>"Gửi giấy mời" posted twice from one page view (a double tap, a resend after Back) sent every unit's
    /// notice and e-mail twice. The form carries the meeting's version: the second post sends nothing and says why;
    /// a page opened after the first send may still send again.</summary>
    [Fact]
    public async Task SendInvitations_SameFormPostedTwice_SentOnceSecondToldInVietnamese_AReloadedPageSendsAgain()
    {
        var meeting = await ComposedMeetingAsync("Giao ban thử gửi giấy mời hai lần", new DateOnly(2030, 3, 12));
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/meetings/{meeting.Id}";
        var (_, page) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "send");
        Task<int> NoticesAsync() => app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Link == url));

        var first = await BrowserForm.PostAsync(clerk, url, fields);
        var afterFirst = await NoticesAsync();
        var again = await BrowserForm.PostAsync(clerk, url, fields);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.True(afterFirst > 0);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("Lần bấm này không gửi gì", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(afterFirst, await NoticesAsync());

        var (_, reloaded) = await clerk.GetPageAsync(url);
        var resent = await BrowserForm.PostAsync(clerk, url, BrowserForm.Fields(reloaded, "send"));
        Assert.Equal(HttpStatusCode.SeeOther, resent.StatusCode);
        Assert.Equal(2 * afterFirst, await NoticesAsync());
    }

    /// <summary>"Áp dụng thành phần mời" and "Đưa các đăng ký vào chương trình" posted four times at once: all but one
    /// met the meeting's version (or the invitations' unique index) as a 500. Both are now one writer per meeting at a
    /// time; the later ones find the work done and change nothing more.</summary>
    [Fact]
    public async Task ComposeAndOrder_PostedFourTimesAtOnce_NeverAnErrorInvitationsOnce()
    {
        var meeting = await ComposedMeetingAsync("Giao ban thử áp dụng thành phần song song", new DateOnly(2030, 3, 19));
        var url = $"/meetings/{meeting.Id}";
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(meeting.Id, Admin)).Succeeded);
        }

        var invitations = await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meeting.Id));
        using var anLac = await app.LoginAsync("xa.anlac");
        var (_, own) = await anLac.GetPageAsync(url);
        var speak = BrowserForm.Fields(own, "speak");
        speak["SpeakInput.Topic"] = "Kinh nghiệm vận động hiến đất làm đường";
        speak["SpeakInput.Minutes"] = "5";
        Assert.Equal(HttpStatusCode.SeeOther, (await BrowserForm.PostAsync(anLac, url, speak)).StatusCode);
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync(url);

        var composed = await PostAtOnceAsync(clerk, url, BrowserForm.Fields(page, "compose"), 4);
        var ordered = await PostAtOnceAsync(clerk, url, BrowserForm.Fields(page, "order"), 4);

        Assert.All(composed.Concat(ordered), r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(invitations, await app.WithDbAsync(db => db.Invitations.CountAsync(i => i.MeetingId == meeting.Id)));
        var agenda = await app.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Id).Select(m => m.Agenda).FirstAsync());
        Assert.Single(agenda, a => a.RegistrationId is not null);
    }

    /// <summary>Two people of one commune answering the same invitee from pages opened before either answered: the later
    /// answer replaced the earlier silently (the page took the invitation's version at the time of the post). The form
    /// now carries the versions it showed; the later post is refused with the conflict message and the page shows the
    /// answer given meanwhile.</summary>
    [Fact]
    public async Task AnswerInvitation_TwoPagesOpenedBeforeEitherAnswered_LaterRefusedEarlierAnswerKept()
    {
        var meeting = await ComposedMeetingAsync("Giao ban thử hai người trả lời một giấy mời", new DateOnly(2030, 3, 26));
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(meeting.Id, Admin)).Succeeded);
        }

        var url = $"/meetings/{meeting.Id}";
        using var first = await app.LoginAsync("xa.anlac");
        using var second = await app.LoginAsync("xa.anlac");
        var (_, firstPage) = await first.GetPageAsync(url);
        var (_, secondPage) = await second.GetPageAsync(url);
        var confirm = BrowserForm.Fields(firstPage, "answer");
        confirm["AnswerInput.Response"] = nameof(InvitationResponse.Confirmed);
        var decline = BrowserForm.Fields(secondPage, "answer");
        decline["AnswerInput.Response"] = nameof(InvitationResponse.Declined);
        decline["AnswerInput.Reason"] = "Bận công tác đột xuất";
        Assert.Equal(confirm["AnswerInput.InvitationId"], decline["AnswerInput.InvitationId"]);

        var answered = await BrowserForm.PostAsync(first, url, confirm);
        var stale = await BrowserForm.PostAsync(second, url, decline);

        Assert.Equal(HttpStatusCode.SeeOther, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var id = Guid.Parse(confirm["AnswerInput.InvitationId"]);
        var invitation = await app.WithDbAsync(db => db.Invitations.AsNoTracking().FirstAsync(i => i.Id == id));
        Assert.Equal((InvitationResponse.Confirmed, (string?)null), (invitation.Response, invitation.DeclineReason));
        Assert.Contains("người khác thay đổi", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Left by walk-hostile3, fixed in walk-hostile4: approvals of one draft posted at once each numbered their
    /// history row after the last one; a later one could meet the history's unique (conclusion, number) before the
    /// document's version and was answered as a "duplicate record" 409 (through a use case: an exception). Every later
    /// approval is now the "changed meanwhile" conflict: one approval, one history row, the rest told in Vietnamese.</summary>
    [Fact]
    public async Task ApproveConclusion_EightApprovalsAtOnce_OneApprovedOthersConflictNeverAnError()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var draft = await app.WithDbAsync(async db =>
        {
            var issuer = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCommitteeCode);
            var anLac = await db.Units.SingleAsync(u => u.Code == Demo.AnLac);
            var conclusion = Briefings.Core.Conclusions.Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", $"Duyệt hai lần {tag}").Value!;
            Assert.Null(conclusion.SetBody([new Briefings.Core.Conclusions.BodySection { Order = 1, Numeral = "I", Title = "Nhiệm vụ" }],
                [new Briefings.Core.Conclusions.BodyItem { SectionOrder = 1, Number = 1, Text = $"Các xã thực hiện {tag}." }], []));
            Assert.Null(conclusion.SetRecipients([(anLac.Id, "Đảng ủy xã An Lạc"), (null, "Lưu VPHU")]));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion;
        });
        var clerk = await app.UserContextAsync("vanphong");
        var leader = await app.UserContextAsync("bithu");
        int version;
        await using (var scope = app.Scope())
        {
            var submitted = await scope.ServiceProvider.GetRequiredService<Briefings.Web.Features.Conclusions.SubmitConclusion>().RunAsync(draft.Id, draft.Version, clerk);
            Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Select(e => e.Message)));
            version = submitted.Value!.Version;
        }

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = app.Scope();
            return await scope.ServiceProvider.GetRequiredService<Briefings.Web.Features.Conclusions.ApproveConclusion>().RunAsync(draft.Id, version, leader);
        }));

        Assert.Single(attempts, a => a.Succeeded);
        Assert.All(attempts.Where(a => !a.Succeeded), a => Assert.Equal(Briefings.Core.Common.Error.Conflict, Assert.Single(a.Errors)));
        Assert.Single(await app.WithDbAsync(db => db.ConclusionVersions.AsNoTracking().Where(v => v.ConclusionId == draft.Id && v.Note.StartsWith("Duyệt")).ToListAsync()));
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == draft.Id));
        Assert.Equal(Briefings.Core.Conclusions.ConclusionStatus.Approved, stored.Status);
    }

    /// <summary>Left by walk-hostile3, fixed in walk-hostile4: "Đưa các đăng ký vào chương trình" posted again from the same
    /// page (an old tab, a phone's back button) wrote the same agenda again and logged an audit row whose only change was
    /// the meeting's version. The same agenda is no change: no new version, no audit row.</summary>
    [Fact]
    public async Task OrderIntoAgenda_SameFormPostedAgainLater_NoNewVersionNoAuditRow()
    {
        var meeting = await ComposedMeetingAsync("Giao ban thử đưa vào chương trình hai lần", new DateOnly(2030, 4, 9));
        var url = $"/meetings/{meeting.Id}";
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(meeting.Id, Admin)).Succeeded);
        }

        using var anLac = await app.LoginAsync("xa.anlac");
        var (_, own) = await anLac.GetPageAsync(url);
        var speak = BrowserForm.Fields(own, "speak");
        speak["SpeakInput.Topic"] = "Kết quả xây dựng nông thôn mới kiểu mẫu";
        speak["SpeakInput.Minutes"] = "7";
        Assert.Equal(HttpStatusCode.SeeOther, (await BrowserForm.PostAsync(anLac, url, speak)).StatusCode);
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync(url);
        var order = BrowserForm.Fields(page, "order");
        Assert.Equal(HttpStatusCode.SeeOther, (await BrowserForm.PostAsync(clerk, url, order)).StatusCode);
        var id = meeting.Id.ToString();
        var version = await app.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Id).Select(m => m.Version).FirstAsync());
        var audited = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id));

        var again = await BrowserForm.PostAsync(clerk, url, order);

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Equal(version, await app.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Id).Select(m => m.Version).FirstAsync()));
        Assert.Equal(audited, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id)));
        var agenda = await app.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Id == meeting.Id).Select(m => m.Agenda).FirstAsync());
        Assert.Single(agenda, a => a.RegistrationId is not null);
    }
}
