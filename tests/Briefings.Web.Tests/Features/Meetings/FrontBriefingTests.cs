using System.Net;
using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>
/// The Fatherland Front's office plans its OWN briefing with its commune branches (walk-orgs): it adds the meeting,
/// the composition invites its vertical line (the commune Fronts under their communes), it sends the invitations and
/// concludes — and the party committee's office, on the same day in the same district, neither sees the Front's draft
/// nor changes it, while the Front neither sees nor changes the party's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FrontBriefingTests(AppFactory app)
{
    private static readonly DateOnly Day = new(2030, 5, 14);

    private async Task<Meeting> PartyMeetingAsync()
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        var office = await app.UserContextAsync("vanphong");
        await using var scope = app.Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id,
            $"Giao ban Huyện ủy {Guid.NewGuid():N}", MeetingType.QuarterlyBriefing, MeetingMode.Online, Day, new TimeOnly(8, 0), new TimeOnly(11, 0),
            $"Hội trường Huyện ủy {Guid.NewGuid():N}", "HU-TP-BDV", null, null, null, null, 0), office);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        return saved.Value!;
    }

    [Fact]
    public async Task NewMeeting_FrontOfficeAsBrowser_PlansItsOwnBriefingOrganizedByTheFront()
    {
        using var front = await app.LoginAsync("mattran");
        var (status, page) = await front.GetPageAsync("/meetings/new");
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = BrowserForm.Fields(page, "meeting");
        Assert.Equal(DemoDistrict.FrontCode, fields["Input.OrganizerCode"]);
        var title = $"Giao ban chuyên đề Mặt trận với các xã {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.Date"] = Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.Place"] = $"Phòng họp trực tuyến UBMTTQ huyện {Guid.NewGuid():N}";

        var saved = await BrowserForm.PostAsync(front, "/meetings/new", fields);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Title == title));
        Assert.True(stored.OrganizerOwns);
        Assert.Equal((await app.UnitAsync(DemoDistrict.FrontCode)).Id, stored.OrganizerUnitId);
        Assert.Equal((await app.UnitAsync(DemoDistrict.DistrictCode)).Id, stored.BodyAreaId);
    }

    [Fact]
    public async Task FrontBriefing_PlannedComposedSentConcludedByTheFront_PartyOfficeNeitherSeesNorChangesAndViceVersa()
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        var frontUnit = await app.UnitAsync(DemoDistrict.FrontCode);
        var front = await app.UserContextAsync("mattran");
        var office = await app.UserContextAsync("vanphong");
        var party = await PartyMeetingAsync();
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var access = sp.GetRequiredService<MeetingAccess>();

        // Planned by the Front's office, in its own district, on the same day as the party's briefing.
        var saved = await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id,
            $"Giao ban Mặt trận quý II {Guid.NewGuid():N}", MeetingType.ThematicBriefing, MeetingMode.Online, Day, new TimeOnly(14, 0), new TimeOnly(16, 30),
            $"Phòng họp UBMTTQ huyện {Guid.NewGuid():N}", DemoDistrict.FrontCode, null, null, null, null, 0), front);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var meeting = saved.Value!;
        Assert.True(meeting.OrganizerOwns);

        // The Front's chair reads the draft of the Front's briefing, without managing it.
        var chair = await app.UserContextAsync("chutich.mattran");
        var chairGrant = await access.ForAsync(meeting, chair);
        Assert.True(chairGrant.CanView);
        Assert.False(chairGrant.CanManage);
        Assert.True(await (await access.VisibleAsync(chair)).AnyAsync(m => m.Id == meeting.Id));
        Assert.Contains(await access.UpcomingAsync(chair, DateTimeOffset.UnixEpoch, 10_000), u => u.Id == meeting.Id);

        // Before the invitations go out, the party office neither sees nor composes, sends or edits the Front's draft.
        Assert.False((await access.ForAsync(meeting, office)).CanView);
        Assert.False(await (await access.VisibleAsync(office)).AnyAsync(m => m.Id == meeting.Id));
        Assert.DoesNotContain(await access.UpcomingAsync(office, DateTimeOffset.UnixEpoch, 10_000), u => u.Id == meeting.Id);
        Assert.Equal(Error.Forbidden, (await sp.GetRequiredService<ApplyComposition>().RunAsync(meeting.Id, office.Scope)).Errors.Single());
        Assert.Equal(Error.Forbidden, (await sp.GetRequiredService<SendInvitations>().RunAsync(meeting.Id, office.Scope)).Errors.Single());
        Assert.Equal(Error.Forbidden, (await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(meeting.Id, district.Id, "Đổi tên",
            meeting.Type, meeting.Mode, Day, new TimeOnly(14, 0), new TimeOnly(16, 30), meeting.Place, "HU-TP-BDV", null, null, null, null, meeting.Version), office)).Errors.Single());
        Assert.Equal(Error.Forbidden, (await sp.GetRequiredService<PrepareConclusionForm>().NewAsync(office, meeting.Id)).Errors.Single());

        // Nor does the Front see or change the party's draft of the same day.
        Assert.False((await access.ForAsync(party, front)).CanView);
        Assert.False(await (await access.VisibleAsync(front)).AnyAsync(m => m.Id == party.Id));
        Assert.Equal(Error.Forbidden, (await sp.GetRequiredService<ApplyComposition>().RunAsync(party.Id, front.Scope)).Errors.Single());
        Assert.Equal(Error.Forbidden, (await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(party.Id, district.Id, "Đổi tên",
            party.Type, party.Mode, Day, new TimeOnly(8, 0), new TimeOnly(11, 0), party.Place, DemoDistrict.FrontCode, null, null, null, null, party.Version), front)).Errors.Single());

        // The Front's office composes its vertical line: the Front in the host room, each commune's Front in its commune.
        var own = await access.ForAsync(meeting, front);
        Assert.True(own.CanManage);
        Assert.True(own.IsOffice);
        var composed = await sp.GetRequiredService<ApplyComposition>().RunAsync(meeting.Id, front.Scope);
        Assert.True(composed.Succeeded, string.Join(" ", composed.Errors.Select(e => e.Message)));
        var invited = await app.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id)
            .Join(db.Units.AsNoTracking(), i => i.UnitId, u => u.Id, (i, u) => new { u.Code, u.Kind, u.VerticalParentId }).ToListAsync());
        Assert.Contains(invited, i => i.Code == DemoDistrict.FrontCode);
        Assert.Contains(invited, i => i.Code == Demo.AnLac + "-MT");
        Assert.Contains(invited, i => i.Code == DemoDistrict.CommuneCode(1) + "-MT");
        Assert.DoesNotContain(invited, i => i.Kind is UnitKind.PartyCommittee or UnitKind.PeoplesCommittee or UnitKind.PartyBoard or UnitKind.Office);
        Assert.DoesNotContain(invited, i => i.Kind == UnitKind.Organization);
        Assert.All(invited.Where(i => i.Code != DemoDistrict.FrontCode && i.Kind == UnitKind.FatherlandFront), i => Assert.Equal(frontUnit.Id, i.VerticalParentId));

        var sent = await sp.GetRequiredService<SendInvitations>().RunAsync(meeting.Id, front.Scope);
        Assert.True(sent.Succeeded, string.Join(" ", sent.Errors.Select(e => e.Message)));

        // Once sent, the commune Front answers for itself; the party office still cannot change it nor speak for the
        // commune Fronts.
        var anLacFront = await app.UserContextAsync("mattran.anlac");
        var anLacUnit = await app.UnitAsync(Demo.AnLac + "-MT");
        var branch = await access.ForAsync(await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id)), anLacFront);
        Assert.True(branch.CanView);
        Assert.Contains(anLacUnit.Id, branch.ActingUnitIds);
        var officeAfter = await access.ForAsync(await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id)), office);
        Assert.False(officeAfter.CanManage);
        Assert.DoesNotContain(anLacUnit.Id, officeAfter.ActingUnitIds);

        // The Front concludes its own briefing, as the Front.
        var form = await sp.GetRequiredService<PrepareConclusionForm>().NewAsync(front, meeting.Id);
        Assert.True(form.Succeeded, string.Join(" ", form.Errors.Select(e => e.Message)));
        Assert.Equal(frontUnit.Id, form.Value!.IssuerUnitId);
        Assert.Equal(meeting.Id, form.Value.MeetingId);
    }

    /// <summary>An organization's office (the Women's Union, demo account "phunu") plans its own thematic briefing: the
    /// composition invites its own vertical line — the Union and each commune's Women's Union, the hamlet branches as
    /// optional — and none of the other organizations of the same communes (the reference's rule "Ban Thường vụ các đoàn
    /// thể xã" matched every organization by kind).</summary>
    [Fact]
    public async Task OrganizationBriefing_WomenUnionOffice_InvitesItsOwnVerticalLineOnly()
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        var women = await app.UnitAsync("PN-TP");
        var clerk = await app.UserContextAsync("phunu");
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;

        var saved = await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id,
            $"Giao ban chuyên đề Hội LHPN {Guid.NewGuid():N}", MeetingType.ThematicBriefing, MeetingMode.Online, Day, new TimeOnly(8, 0), new TimeOnly(10, 0),
            $"Phòng họp Hội LHPN huyện {Guid.NewGuid():N}", "PN-TP", null, null, null, null, 0), clerk);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var composed = await sp.GetRequiredService<ApplyComposition>().RunAsync(saved.Value!.Id, clerk.Scope);
        Assert.True(composed.Succeeded, string.Join(" ", composed.Errors.Select(e => e.Message)));

        var invited = await app.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.MeetingId == saved.Value!.Id)
            .Join(db.Units.AsNoTracking(), i => i.UnitId, u => u.Id, (i, u) => new { u.Id, u.Code, u.Kind, u.VerticalParentId, i.IsOptional }).ToListAsync());
        var line = invited.Where(i => i.Id != women.Id && i.Kind == UnitKind.Organization).ToList();
        Assert.Contains(invited, i => i.Id == women.Id);
        // Each commune's Women's Union (An Lạc's may have been changed by another test of the shared app: any of them).
        Assert.True(line.Count(i => i.Code.EndsWith("-PN", StringComparison.Ordinal)) >= 2, string.Join(", ", line.Select(i => i.Code)));
        Assert.All(line, i => Assert.EndsWith("-PN", i.Code, StringComparison.Ordinal));
        Assert.All(line, i => Assert.Equal(women.Id, i.VerticalParentId));
        Assert.DoesNotContain(invited, i => i.Kind is UnitKind.FatherlandFront or UnitKind.PartyCommittee or UnitKind.PeoplesCommittee);
        Assert.All(invited.Where(i => i.Kind == UnitKind.HamletBranch), i => Assert.True(i.IsOptional));
        Assert.Contains(invited, i => i.Kind == UnitKind.HamletBranch && i.Code.EndsWith("-PN", StringComparison.Ordinal));
        Assert.DoesNotContain(invited, i => i.Kind == UnitKind.HamletBranch && !i.Code.EndsWith("-PN", StringComparison.Ordinal));

        // The Front's office cannot take over the Union's briefing.
        var front = await app.UserContextAsync("mattran");
        Assert.Equal(Error.Forbidden, (await sp.GetRequiredService<SendInvitations>().RunAsync(saved.Value!.Id, front.Scope)).Errors.Single());
    }
}
