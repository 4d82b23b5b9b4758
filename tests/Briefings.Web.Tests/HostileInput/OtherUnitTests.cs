using System.Net;
using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.HostileInput;

/// <summary>
/// The running app attacked as a signed-in account of ANOTHER unit of the same district (walk-hostile4): the Front's
/// clerk, a neighbouring commune, a Ban's specialist — each taking a valid form from its own page and posting it with
/// an id of a record it does not own (a hidden field, a query string). The authorization matrix covers GETs with a
/// foreign district's ids; these are the ids the page itself carries back.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OtherUnitTests(AppFactory app)
{
    /// <summary>Found from outside: the editor's "Form.MeetingId" was taken from the post. The Front's clerk, who may not
    /// open the editor from the party committee's meeting (403), posted its own new draft with that meeting's id: the
    /// draft was saved as that meeting's conclusion, the editor listed the meeting's proposals (a commune's title and
    /// name), and issuing it would have marked the party's meeting concluded by the Front's paper.</summary>
    [Fact]
    public async Task SaveConclusion_FrontClerkPostsThePartyMeetingsId_RefusedNothingSavedNoProposalShown()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app, send: false);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var secret = Guid.NewGuid().ToString("N")[..10];
        var anLac = await app.UnitAsync(Demo.AnLac);
        await app.WithDbAsync(async db =>
        {
            db.Proposals.Add(new Proposal
            {
                MeetingId = meeting.Id,
                UnitId = anLac.Id,
                Title = $"Kiến nghị {secret}",
                Content = "Nội dung kiến nghị.",
                SubmittedBy = "xa.anlac",
                SubmittedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        using var front = await app.LoginAsync("mattran");
        var direct = await front.Http.GetAsync($"/conclusions/new?meeting={meeting.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, direct.StatusCode);

        var (_, page) = await front.GetPageAsync("/conclusions/new");
        var fields = BrowserForm.Fields(page, "conclusion");
        fields["Form.MeetingId"] = meeting.Id.ToString();
        fields["Form.Summary"] = $"Kết luận giả của Mặt trận {tag}";
        fields["Form.Body"] = $"I. Nội dung\n1. Các đơn vị triển khai thực hiện {tag}.";
        var posted = await BrowserForm.PostAsync(front, "/conclusions/new", fields);
        var body = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("không có quyền", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Conclusions.AnyAsync(c => c.MeetingId == meeting.Id || c.Summary.Contains(tag))));

        // The analyse button posts the same form and renders it again: the meeting's proposals are not listed either.
        fields["Form.Action"] = "analyze";
        var analysed = await BrowserForm.PostAsync(front, "/conclusions/new", fields);
        Assert.DoesNotContain(secret, await analysed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<Result<Meeting>> PlanAsync(string areaCode, string organizerCode, string title, string place, UserContext? user = null)
    {
        var area = await app.UnitAsync(areaCode);
        await using var scope = app.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveMeeting>();
        var input = new SaveMeeting.Input(null, area.Id, title, MeetingType.ThematicBriefing, MeetingMode.InPerson, new DateOnly(2041, 3, 14),
            new TimeOnly(8, 0), new TimeOnly(10, 0), place, organizerCode, null, null, null, null, 0);
        return user is null ? await save.RunAsync(input, new AccessScope(true, null, null, true, true)) : await save.RunAsync(input, user);
    }

    /// <summary>Found from outside: a room was one name across the whole installation. Bình Đông's "Hội trường Đảng ủy
    /// xã" was refused because An Lạc's hall of the same name was booked, and the refusal named An Lạc's meeting — also
    /// one not yet announced, to a commune that may not see it. A clash is a meeting of the same area, one above or one
    /// below (a district meeting in a commune's hall); its title only for the office that manages it.</summary>
    [Fact]
    public async Task PlanMeeting_NeighbourCommunesHallOfTheSameName_BothPlannedAndAClashNamesNoMeetingTheCallerCannotSee()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var hall = $"Hội trường Đảng ủy xã {tag}";
        var anLac = await PlanAsync(Demo.AnLac, Demo.AnLac + "-DU", $"Giao ban chuyên đề An Lạc {tag}", hall);
        var binhDong = await PlanAsync(Demo.BinhDong, Demo.BinhDong + "-DU", $"Giao ban chuyên đề Bình Đông {tag}", hall);
        var district = await PlanAsync(DemoDistrict.DistrictCode, "HU-TP-BDV", $"Hội nghị huyện tại xã {tag}", hall);

        Assert.True(anLac.Succeeded);
        Assert.True(binhDong.Succeeded, string.Join(" ", binhDong.Errors.Select(e => e.Message)));
        // The district's meeting in the communes' halls of that name books them: refused, and the office of all is told
        // which meeting (either commune's: both clash).
        Assert.Contains(district.Errors, e => e.Field == "Place" && (e.Message.Contains($"Giao ban chuyên đề An Lạc {tag}", StringComparison.Ordinal)
            || e.Message.Contains($"Giao ban chuyên đề Bình Đông {tag}", StringComparison.Ordinal)));

        var secret = $"Hội nghị kín của huyện {tag}";
        var room = $"Phòng họp trực tuyến {tag}";
        Assert.True((await PlanAsync(DemoDistrict.DistrictCode, "HU-TP-BDV", secret, room)).Succeeded);
        var communeClerk = await app.UserContextAsync("xa.anlac", Roles.Clerk);
        var refused = await PlanAsync(Demo.AnLac, Demo.AnLac + "-DU", $"Giao ban xã {tag}", room, communeClerk);

        var message = Assert.Single(refused.Errors, e => e.Field == "Place").Message;
        Assert.DoesNotContain(secret, message, StringComparison.Ordinal);
        Assert.Contains("một cuộc họp khác", message, StringComparison.Ordinal);
    }

    /// <summary>Found from outside: the list of days off — every plan and deadline of the installation skips them — was
    /// open to any Clerk by role, so the Front's clerk (a body's office, not the area's) changed it with its own page's
    /// form. It reads the list; saving is refused with the Vietnamese message and nothing is stored or audited.</summary>
    [Fact]
    public async Task SaveHolidays_FrontClerkPostsItsOwnPagesForm_RefusedNothingStored()
    {
        using var front = await app.LoginAsync("mattran");
        var (status, page) = await front.GetPageAsync("/meetings/holidays?year=2087");
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = BrowserForm.Fields(page, "holidays");
        var blank = fields.Keys.Count(k => k.EndsWith(".Date", StringComparison.Ordinal)) - 1;
        fields[$"Input.Days[{blank}].Date"] = "2087-05-05";
        fields[$"Input.Days[{blank}].Name"] = "Ngày nghỉ của Mặt trận";

        var posted = await BrowserForm.PostAsync(front, "/meetings/holidays?year=2087", fields);

        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("không có quyền", await posted.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var key = HolidayStore.Key(2087);
        Assert.False(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == key)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == key)));
    }
}
