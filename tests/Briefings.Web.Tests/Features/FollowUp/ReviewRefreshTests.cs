using System.Globalization;
using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>The review of the previous conclusion (<see cref="ReviewPreviousConclusion"/>) follows the meeting while it is
/// prepared: saved again in the editor after another conclusion of the series was issued, the review and its agenda item
/// name the new one; once the meeting has started, saving it changes neither.</summary>
[Collection(AppCollection.Name)]
public sealed class ReviewRefreshTests(AppFactory app)
{
    [Fact]
    public async Task MeetingSavedAgain_BeforeItStarts_ReviewRefreshedToTheLatestConclusion_AfterItStarted_Frozen()
    {
        var today = FollowUpFixture.Today;
        var (district, organizerCode) = await SeriesAsync();
        var older = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-60), new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(today.AddDays(-20))));
        var first = await SaveAsync(district, organizerCode, "Giao ban quý thử (kỳ đầu)", today.AddDays(-70));
        await AttachAsync(older.ConclusionId, first);
        var planned = await SaveAsync(district, organizerCode, "Giao ban quý thử (kỳ tới)", today.AddDays(20));
        Assert.Equal(older.ConclusionId, (await ReviewAsync(planned)).ConclusionId);

        // Meanwhile the series' next briefing was held and its conclusion issued.
        var newer = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-5), new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(today.AddDays(40))));
        var second = await SaveAsync(district, organizerCode, "Giao ban quý thử (kỳ giữa)", today.AddDays(-10));
        await AttachAsync(newer.ConclusionId, second);
        // Each fixture conclusion has an issuer of its own, hence the same number: give the newer one its own.
        const string newerNumber = "07-KL/ĐU";
        await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.ConclusionId == newer.ConclusionId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ConclusionNumber, newerNumber)));
        using var clerk = await app.LoginAsync("vanphong");

        var resaved = await EditAsync(clerk, planned, f => f["Input.Place"] += " (đổi phòng)");

        var refreshed = await ReviewAsync(planned);
        Assert.Equal((second, newer.ConclusionId, newerNumber), (refreshed.PreviousMeetingId, refreshed.ConclusionId, refreshed.ConclusionNumber));
        var (_, page) = await clerk.FollowAsync(resaved);
        Assert.Equal("Đã lưu cuộc họp.", page.QuerySelector("#message")!.TextContent.Trim());
        var agenda = await AgendaAsync(planned);
        var item = Assert.Single(agenda, a => a.StartsWith(ReviewPreviousConclusion.AgendaTitle, StringComparison.Ordinal));
        Assert.Contains(newerNumber, item, StringComparison.Ordinal);
        Assert.DoesNotContain(older.Task(1).ConclusionNumber, item, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(FollowUpReview) && e.EntityId == planned.ToString())));

        // The meeting opens: what it reviewed stays as it was, whatever is saved or issued afterwards.
        await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == planned).ExecuteUpdateAsync(s => s.SetProperty(m => m.StartedAt, DateTimeOffset.UtcNow)));
        var latest = await FollowUpFixture.IssueOnAsync(app, today.AddDays(-1), new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(today.AddDays(50))));
        var third = await SaveAsync(district, organizerCode, "Giao ban quý thử (kỳ sát)", today.AddDays(-2));
        await AttachAsync(latest.ConclusionId, third);

        await EditAsync(clerk, planned, f => f["Input.Place"] += " (lần nữa)");

        var frozen = await ReviewAsync(planned);
        Assert.Equal((newer.ConclusionId, refreshed.Summary, refreshed.CreatedAt), (frozen.ConclusionId, frozen.Summary, frozen.CreatedAt));
        Assert.Contains(agenda.Single(a => a.StartsWith(ReviewPreviousConclusion.AgendaTitle, StringComparison.Ordinal)), await AgendaAsync(planned));
    }

    /// <summary>Posts the meeting editor as a browser does, with one change; expects the 303 of a save.</summary>
    private static async Task<HttpResponseMessage> EditAsync(AppClient clerk, Guid meetingId, Action<Dictionary<string, string>> change)
    {
        var url = $"/meetings/{meetingId}/edit";
        var (_, form) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(form, "meeting");
        change(fields);
        var response = await BrowserForm.PostAsync(clerk, url, fields);
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{(int)response.StatusCode}: " + string.Join(" | ",
            AppClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelectorAll(".alert-error, .validation-message").Select(e => e.TextContent.Trim())));
        return response;
    }

    /// <summary>A series of its own: a new organizing unit in the demo district.</summary>
    private async Task<(Guid District, string OrganizerCode)> SeriesAsync()
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        var code = "BTC-RV-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await app.WithDbAsync(async db =>
        {
            var parent = await db.Units.SingleAsync(u => u.Id == district.Id);
            var unit = Unit.Create(Guid.CreateVersion7(), code, "Ban tổ chức thử kiểm điểm " + code, "Ban thử", UnitKind.PartyCommittee, parent);
            unit.Touch();
            db.Units.Add(unit);
            return await db.SaveChangesAsync();
        });
        return (district.Id, code);
    }

    private async Task<Guid> SaveAsync(Guid district, string organizerCode, string title, DateOnly date)
    {
        await using var scope = app.Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district, title, MeetingType.QuarterlyBriefing, MeetingMode.Online,
            date, new TimeOnly(8, 0), new TimeOnly(11, 0), $"Phòng thử kiểm điểm {organizerCode} {date.ToString("dd-MM", CultureInfo.InvariantCulture)}", organizerCode, null, null, null,
            "Báo cáo tình hình quý | Văn phòng | 30", 0), new AccessScope(true, null, null, true, true));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        return saved.Value!.Id;
    }

    private Task<int> AttachAsync(Guid conclusionId, Guid meetingId) =>
        app.WithDbAsync(db => db.Conclusions.Where(c => c.Id == conclusionId).ExecuteUpdateAsync(s => s.SetProperty(c => c.MeetingId, (Guid?)meetingId)));

    private Task<FollowUpReview> ReviewAsync(Guid meetingId) =>
        app.WithDbAsync(db => db.FollowUpReviews.AsNoTracking().SingleAsync(r => r.MeetingId == meetingId));

    private async Task<List<string>> AgendaAsync(Guid meetingId) =>
        (await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId))).Agenda.OrderBy(a => a.Order).Select(a => a.Title).ToList();
}
