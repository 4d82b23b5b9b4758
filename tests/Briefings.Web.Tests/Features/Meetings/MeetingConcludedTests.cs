using Briefings.Core.Conclusions;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>Issuing a meeting's conclusion is the last step of the meeting's life: the meeting is concluded, in the
/// same transaction, and its page links the issued document.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingConcludedTests(AppFactory app)
{
    [Fact]
    public async Task IssueConclusion_OfAMeeting_MeetingConcludedAndPageLinksIt()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app);
        var draft = await app.WithDbAsync(async db =>
        {
            var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var unitId = Guid.CreateVersion7();
            var issuer = Unit.Create(unitId, $"DU-END-{unitId:N}", $"Đảng ủy kết thúc {unitId:N}", "Đảng ủy thử", UnitKind.PartyCommittee, district);
            issuer.DocumentSymbol = "ĐU";
            issuer.Touch();
            db.Units.Add(issuer);
            var signer = await db.People.Where(p => p.FullName == "Trần Minh Khang").Select(p => p.Id).SingleAsync();
            var conclusion = Conclusion.Create(issuer.Id, "KL", "KẾT LUẬN", meeting.Title, meeting.Id).Value!;
            Assert.Null(conclusion.SetBody([new BodySection { Order = 1, Numeral = "I", Title = "Nội dung" }],
                [new BodyItem { SectionOrder = 1, Number = 1, Text = "Các đơn vị triển khai thực hiện." }], []));
            Assert.Null(conclusion.SetSigner(signer, "Trần Minh Khang", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"));
            Assert.Null(conclusion.SetRecipients([(null, "Lưu VPHU")]));
            db.Conclusions.Add(conclusion);
            await db.SaveChangesAsync();
            return conclusion;
        });
        var clerk = await app.UserContextAsync("vanphong");
        await using (var scope = app.Scope())
        {
            var sp = scope.ServiceProvider;
            var submitted = await sp.GetRequiredService<SubmitConclusion>().RunAsync(draft.Id, draft.Version, clerk);
            var approved = await sp.GetRequiredService<ApproveConclusion>().RunAsync(draft.Id, submitted.Value!.Version, await app.UserContextAsync("bithu"));
            Assert.True(approved.Succeeded);
        }

        await using (var scope = app.Scope())
        {
            var issued = await scope.ServiceProvider.GetRequiredService<IssueConclusion>().RunAsync(draft.Id, clerk.Scope, clerk.User.UserName!);
            Assert.True(issued.Succeeded, string.Join(" ", issued.Errors.Select(e => e.Message)));
        }

        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(MeetingPhase.Concluded, stored.PhaseAt(DateTimeOffset.UtcNow));
        Assert.Equal(draft.Id, stored.ConclusionId);
        using var client = await app.LoginAsync("vanphong");
        var (_, page) = await client.GetPageAsync($"/meetings/{meeting.Id}");
        Assert.Equal("Đã có kết luận", page.QuerySelector("#meeting-phase")!.TextContent);
        var link = page.QuerySelector($"#conclusion-links a[href='conclusions/{draft.Id}']");
        Assert.NotNull(link);
        Assert.StartsWith("Kết luận số 01-KL/ĐU ngày ", link.TextContent, StringComparison.Ordinal);
    }
}
