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

    /// <summary>Left by walk-hostile4: the chair and the secretary were taken from the post as given, so a forged form put a
    /// person of a neighbouring commune (or of another district) on An Lạc's meeting and its invitation letter. Now they
    /// are people of the meeting's area or of an area above it: a Bình Đông cadre is refused with the Vietnamese message
    /// on the field and nothing is saved; the district's own leader (the area above) may chair the commune's meeting.</summary>
    [Fact]
    public async Task PlanMeeting_ChairFromTheNeighbouringCommune_RefusedOnTheField_DistrictLeaderAccepted()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var anLac = await app.UnitAsync(Demo.AnLac);
        var binhDong = await app.UnitAsync(Demo.BinhDong);
        var committee = await app.UnitAsync(DemoDistrict.DistrictCommitteeCode);
        async Task<Guid> PersonUnderAsync(Unit under) => await app.WithDbAsync(db => db.People.AsNoTracking()
            .Join(db.Units.AsNoTracking(), p => p.UnitId, u => u.Id, (p, u) => new { p.Id, u.Path })
            .Where(x => x.Path.StartsWith(under.Path)).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync());
        var neighbour = await PersonUnderAsync(binhDong);
        var own = await PersonUnderAsync(anLac);
        // A cadre of the district's party committee (the area above An Lạc), not any unit of the district: a person of
        // another commune is also "under the district".
        var districtLeader = await PersonUnderAsync(committee);
        var clerk = await app.UserContextAsync("xa.anlac", Roles.Clerk);
        await using var scope = app.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveMeeting>();
        SaveMeeting.Input Input(string title, Guid? chair, Guid? secretary) => new(null, anLac.Id, title, MeetingType.ThematicBriefing, MeetingMode.InPerson,
            new DateOnly(2041, 4, 18), new TimeOnly(8, 0), new TimeOnly(10, 0), $"Phòng họp {tag}", Demo.AnLac + "-DU", null, chair, secretary, null, 0);

        var forged = await save.RunAsync(Input($"Giao ban chủ trì lạ {tag}", neighbour, own), clerk);
        var forgedSecretary = await save.RunAsync(Input($"Giao ban thư ký lạ {tag}", own, neighbour), clerk);
        var fine = await save.RunAsync(Input($"Giao ban huyện dự {tag}", districtLeader, own), clerk);

        var refusal = Assert.Single(forged.Errors);
        Assert.Equal(nameof(SaveMeeting.Input.ChairPersonId), refusal.Field);
        Assert.Contains("phải là cán bộ của", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(SaveMeeting.Input.SecretaryPersonId), Assert.Single(forgedSecretary.Errors).Field);
        Assert.True(fine.Succeeded, string.Join(" ", fine.Errors.Select(e => e.Message)));
        Assert.False(await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title.Contains("lạ " + tag))));
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
    /// form. Now only the admin and the district's office keep it (walk-orgs, HolidayStore.MayEditAsync): the page is
    /// refused to the Front's clerk, and a post made with a form token of its own (the sign-out form's, on every page)
    /// is refused with the Vietnamese message, nothing stored or audited.</summary>
    [Fact]
    public async Task SaveHolidays_FrontClerkPostsWithItsOwnToken_PageAndSaveRefusedNothingStored()
    {
        using var front = await app.LoginAsync("mattran");
        var (status, _) = await front.GetPageAsync("/meetings/holidays?year=2087");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var (_, home) = await front.GetPageAsync("/");
        var token = home.QuerySelector("form[action='Account/Logout'] input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "the sign-out form carries the account's form token");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token!,
            ["_handler"] = "holidays",
            ["Input.Year"] = "2087",
            ["Input.Days[0].Date"] = "2087-05-05",
            ["Input.Days[0].Name"] = "Ngày nghỉ của Mặt trận",
        };

        var posted = await BrowserForm.PostAsync(front, "/meetings/holidays?year=2087", fields);

        // Refused before the save: the page's own one-time form field is missing (400, "form gone") or the page is not
        // the account's (403); either way in Vietnamese, and nothing stored.
        var body = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"{(int)posted.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        Assert.Matches("không có quyền|biểu mẫu|Biểu mẫu|tải lại", body);
        var key = HolidayStore.Key(2087);
        Assert.False(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == key)));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == key)));
    }
}
