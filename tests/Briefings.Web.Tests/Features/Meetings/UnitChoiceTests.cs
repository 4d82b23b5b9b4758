using System.Net;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

[Collection(AppCollection.Name)]
public sealed class UnitChoiceTests(AppFactory app)
{
    [Fact]
    public async Task MeetingPage_CommuneAccountActingForManyUnits_ProposalAndSpeechForTheCommunePartyCommitteeFirst()
    {
        var admin = new AccessScope(true, null, null, true, true);
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        Guid meetingId;
        await using (var scope = app.Scope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, "Giao ban thử đơn vị thay mặt", MeetingType.QuarterlyBriefing,
                MeetingMode.Online, new DateOnly(2035, 4, 10), new TimeOnly(8, 0), new TimeOnly(10, 0), "Phòng họp thử thay mặt", "HU-TP-BDV", null, null, null, "Ý kiến | | 30", 0), admin);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            meetingId = saved.Value!.Id;
            Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(meetingId, admin)).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(meetingId, admin)).Succeeded);
        }

        using var commune = await app.LoginAsync("xa.anlac");

        var (status, page) = await commune.GetPageAsync($"/meetings/{meetingId}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(page.QuerySelectorAll("#proposal-unit option").Length > 2);
        var partyCommittee = await app.UnitAsync(Demo.AnLac + "-DU");
        Assert.Equal(partyCommittee.Id.ToString(), page.QuerySelector("#proposal-unit option[selected]")!.GetAttribute("value"));
        Assert.Equal(partyCommittee.Id.ToString(), page.QuerySelector("#speak-unit option[selected]")!.GetAttribute("value"));
    }
}
