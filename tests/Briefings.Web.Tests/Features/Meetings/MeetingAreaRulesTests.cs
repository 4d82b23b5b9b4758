using System.Net;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>A meeting is the office's draft until its invitations go out; composition invites a person only
/// in the area that manages their record.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingAreaRulesTests(AppFactory app)
{
    private static AccessScope Admin => new(true, null, null, true, true);

    [Fact]
    public async Task ComposedMeeting_BeforeInvitationsSent_InviteeSeesNoPageAndCannotPropose()
    {
        var title = "Giao ban chưa gửi giấy mời " + Guid.NewGuid().ToString("N")[..6];
        var meeting = await NewMeetingAsync(title, new DateOnly(2031, 2, 3), "Phòng họp chưa gửi " + title);
        Assert.True(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.MeetingId == meeting.Id)));
        using var binhDong = await app.LoginAsync("xa.binhdong");
        var unit = await app.UnitAsync(Demo.BinhDong + "-DU");

        var page = await binhDong.Http.GetAsync($"/meetings/{meeting.Id}");
        var (_, list) = await binhDong.GetPageAsync("/meetings");
        var proposal = await binhDong.SubmitAsync($"/meetings/{meeting.Id}", "proposal", new()
        {
            ["ProposalInput.UnitId"] = unit.Id.ToString(),
            ["ProposalInput.Title"] = "Kiến nghị gửi sớm",
            ["ProposalInput.Content"] = "Gửi trước khi có giấy mời.",
        }, tokenSourceUrl: "/meetings");
        var readiness = await binhDong.Http.GetAsync($"/meetings/{meeting.Id}/readiness");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(title, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(title, list.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, proposal.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, readiness.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Proposals.AnyAsync(p => p.MeetingId == meeting.Id)));

        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(meeting.Id, Admin)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.OK, (await binhDong.Http.GetAsync($"/meetings/{meeting.Id}")).StatusCode);
        Assert.Contains(title, (await binhDong.GetPageAsync("/meetings")).Document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyComposition_PersonWithPostInAnotherCommune_NotInvitedThere()
    {
        // A record of An Lạc holding a post in Bình Đông's party committee (as a commune's staff could give
        // before positions were limited to the own area).
        var name = "Người hai xã " + Guid.NewGuid().ToString("N")[..6];
        var personId = await app.WithDbAsync(async db =>
        {
            var home = await db.Units.SingleAsync(u => u.Code == Demo.AnLac + "-DU");
            var foreign = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong + "-DU");
            var person = Person.Create(Guid.CreateVersion7(), name, home);
            person.SetPositions([(foreign.Id, "Bí thư"), (home.Id, "Chuyên viên")]);
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });

        var meeting = await NewMeetingAsync("Giao ban thành phần " + name, new DateOnly(2031, 3, 4), "Phòng họp thành phần " + name);

        var binhDong = await app.UnitAsync(Demo.BinhDong);
        var invitations = await app.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id)
            .Join(db.MeetingEndpoints, i => i.EndpointId, e => e.Id, (i, e) => new { i.PersonId, i.Title, e.AreaUnitId })
            .ToListAsync());
        Assert.DoesNotContain(invitations, i => i.PersonId == personId);
        // The rule still invites Bình Đông's own secretary there: the composition itself works.
        Assert.Contains(invitations, i => i.AreaUnitId == binhDong.Id && i.Title.StartsWith("Bí thư", StringComparison.Ordinal));
    }

    private async Task<Meeting> NewMeetingAsync(string title, DateOnly date, string place)
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        await using var scope = app.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.QuarterlyBriefing, MeetingMode.Online, date,
            new TimeOnly(8, 0), new TimeOnly(11, 0), place, "HU-TP-BDV", "MT-TP", null, null, "Ý kiến các đơn vị | | 60", 0), Admin);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(result.Value!.Id, Admin)).Succeeded);
        return result.Value!;
    }
}
