using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>The proposals loop: the commune that sent a proposal sees, on its meeting page, the directive that
/// answers it, its progress and, once the office has confirmed it, the written reply; other communes see nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class ProposalLoopTests(AppFactory app)
{
    /// <summary>walk-meetday: a proposal sent during the meeting was nowhere in the conclusion drafted from it (section II
    /// started "1. " and the clerk typed the proposals again from the meeting page).</summary>
    [Fact]
    public async Task ConclusionFromTheMeeting_ProposalsOfTheMeeting_StartSectionTwoWithTheirKNNumbers()
    {
        var (meetingId, _) = await MeetingWithProposalAsync(day: 4);
        using var office = await app.LoginAsync("vanphong");

        var (status, page) = await office.GetPageAsync($"/conclusions/new?meeting={meetingId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var body = page.QuerySelector("#body")!.TextContent;
        Assert.Contains("II. Các kiến nghị, đề xuất\n1. Về kiến nghị của Đảng ủy xã Bình Đông (KN1): Kinh phí sửa nhà văn hóa ấp Bình An.",
            body.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#proposals option[value='KN1']"));
    }

    [Fact]
    public async Task Proposer_SeesAnswerProgressAndReply_OthersDoNot()
    {
        var (meetingId, proposalId) = await MeetingWithProposalAsync();
        var task = (await FollowUpFixture.IssueAsync(app,
            new FollowUpFixture.Spec("HU-TP-BDV", Deadline.By(FollowUpFixture.Today.AddDays(20)), Output: ExpectedOutput.WrittenReply, AnswersProposal: proposalId))).Task(1);
        using var binhDong = await app.LoginAsync("xa.binhdong");
        using var anLac = await app.LoginAsync("xa.anlac");

        var (_, before) = await binhDong.GetPageAsync($"/meetings/{meetingId}");
        var (taskStatus, taskPage) = await binhDong.GetPageAsync($"/tasks/{task.Id}");
        var otherTask = await anLac.Http.GetAsync($"/tasks/{task.Id}");

        var answer = before.QuerySelector($".answer[data-proposal='{proposalId}']")!;
        Assert.Contains($"Kết luận số {task.ConclusionNumber}, mục I.1:", answer.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chưa hoàn thành trong hạn — 0 %", answer.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, taskStatus);
        Assert.Null(taskPage.QuerySelector("#report-form"));
        Assert.Equal(HttpStatusCode.Forbidden, otherTask.StatusCode);

        await using (var scope = app.Scope())
        {
            var services = scope.ServiceProvider;
            var requested = await services.GetRequiredService<RequestCompletion>().RunAsync(
                new(task.Id, task.Version, "Đã làm việc với xã.", null, null, []), await app.UserAsync("bandanvan"));
            Assert.Equal("ReplyText", Assert.Single(requested.Errors).Field);
            requested = await services.GetRequiredService<RequestCompletion>().RunAsync(
                new(task.Id, task.Version, "Đã làm việc với xã.", "Huyện bố trí 50 triệu đồng sửa nhà văn hóa ấp Bình An trong quý III.", null, []), await app.UserAsync("bandanvan"));
            Assert.True(requested.Succeeded);
        }

        var (_, waiting) = await binhDong.GetPageAsync($"/meetings/{meetingId}");
        Assert.DoesNotContain("50 triệu", waiting.QuerySelector("#proposal-list")!.TextContent, StringComparison.Ordinal);

        await using (var scope = app.Scope())
        {
            var version = await app.WithDbAsync(db => db.FollowUpTasks.Where(t => t.Id == task.Id).Select(t => t.Version).SingleAsync());
            var confirmed = await scope.ServiceProvider.GetRequiredService<ReviewCompletion>().RunAsync(new(task.Id, version, true, null), await app.UserAsync("vanphong"));
            Assert.Empty(confirmed);
        }

        var (_, after) = await binhDong.GetPageAsync($"/meetings/{meetingId}");
        var answered = after.QuerySelector($".answer[data-proposal='{proposalId}']")!.TextContent;
        Assert.Contains("Hoàn thành đúng hạn — 100 %", answered, StringComparison.Ordinal);
        Assert.Contains("Huyện bố trí 50 triệu đồng", answered, StringComparison.Ordinal);
        var notice = await app.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.Link == $"/meetings/{meetingId}" && n.Text.Contains("đã được trả lời")));
        Assert.Equal((await app.UnitAsync(Demo.BinhDong + "-DU")).Id, notice.UnitId);
        // The item as the conclusion numbers it: "mục 1" alone could be I.1 or II.1 of the same document.
        Assert.Contains($"(Kết luận số {task.ConclusionNumber}, mục I.1)", notice.Text, StringComparison.Ordinal);
    }

    private async Task<(Guid MeetingId, Guid ProposalId)> MeetingWithProposalAsync(int day = 1)
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        await using var scope = app.Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, "Giao ban thử vòng kiến nghị", MeetingType.QuarterlyBriefing, MeetingMode.Online,
            new DateOnly(2030, 2, day), new TimeOnly(8, 0), new TimeOnly(11, 0), "Phòng họp thử kiến nghị", "HU-TP-BDV", "MT-TP", null, null, "Ý kiến các đơn vị | | 60", 0),
            new AccessScope(true, null, null, true, true));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var meetingId = saved.Value!.Id;
        var proposalId = await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong + "-DU");
            var person = await db.People.FirstAsync(p => p.UnitId == unit.Id);
            var area = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong);
            var endpoint = MeetingEndpoint.Create(meetingId, area.Id, "Điểm cầu xã Bình Đông", false);
            db.MeetingEndpoints.Add(endpoint);
            db.Invitations.Add(Invitation.Create(meetingId, endpoint.Id, new RequiredAttendee(person.Id, person.UnitId, "Bí thư", area.Id, "Thường trực Đảng ủy xã")));
            (await db.Meetings.SingleAsync(m => m.Id == meetingId)).MarkInvited(DateTimeOffset.UtcNow);
            var proposal = new Proposal
            {
                MeetingId = meetingId, UnitId = unit.Id, Title = "Kinh phí sửa nhà văn hóa ấp Bình An",
                Content = "Nhà văn hóa ấp xuống cấp.", SubmittedBy = "xa.binhdong", SubmittedAt = DateTimeOffset.UtcNow,
            };
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            return proposal.Id;
        });
        return (meetingId, proposalId);
    }
}
