using System.Net;
using AngleSharp.Dom;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>The organizing unit prepares and runs its own meetings — edit, upload, console — through MeetingAccess,
/// and no other unit's: the Ban Dân vận for the briefing, each đoàn thể for its thematic meetings.</summary>
[Collection(AppCollection.Name)]
public sealed class OrganizerAccessTests(AppFactory app)
{
    [Fact]
    public async Task EditPage_OrganizerStaffPostsAsBrowser_SavedAndAudited()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app, "HU-TP-BDV");
        using var staff = await app.LoginAsync("bandanvan");
        var url = $"/meetings/{meeting.Id}/edit";
        var (status, page) = await staff.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var fields = BrowserForm.Fields(page, "meeting");
        var place = $"Hội trường Ban Dân vận {Guid.NewGuid():N}";
        fields["Input.Place"] = place;

        var saved = await BrowserForm.PostAsync(staff, url, fields);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(place, stored.Place);
        Assert.Equal(meeting.OrganizerUnitId, stored.OrganizerUnitId);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Meeting" && a.EntityId == meeting.Id.ToString() && a.UserName == "bandanvan").ToListAsync());
        Assert.Contains(audit, a => a.After != null && a.After.Contains(place, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditPage_OrganizerStaffHandsMeetingToAnotherUnit_RefusedNextToFieldNothingLost()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app, "HU-TP-BDV");
        using var staff = await app.LoginAsync("bandanvan");
        var url = $"/meetings/{meeting.Id}/edit";
        var (_, page) = await staff.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, "meeting");
        var title = $"Giao ban chuyển đơn vị {Guid.NewGuid():N}";
        fields["Input.Title"] = title;
        fields["Input.OrganizerCode"] = "MT-TP";

        var refused = await BrowserForm.PostAsync(staff, url, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("phải là đơn vị của bạn", html.QuerySelector("#organizer")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, html.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#title")!.Value);
        var stored = await app.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meeting.Id));
        Assert.Equal(meeting.OrganizerUnitId, stored.OrganizerUnitId);
        Assert.Equal(meeting.Title, stored.Title);
    }

    [Fact]
    public async Task EditPage_StaffOfAnotherOrganization_Refused()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app, "HU-TP-BDV");
        var other = await app.NewAccountAsync(Roles.UnitStaff, "ND-TP");
        using var client = await app.LoginAsync(other.UserName!);

        var (status, page) = await client.GetPageAsync($"/meetings/{meeting.Id}/edit");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Null(page.QuerySelector("#title"));
    }

    [Fact]
    public async Task MeetingAccess_ThematicMeetingOfAnOrganization_ItsStaffManageBanDanVanDoesNot()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app, "ND-TP", send: false);
        var farmer = await app.NewAccountAsync(Roles.UnitStaff, "ND-TP");
        var farmerContext = await app.UserContextAsync(farmer.UserName!);
        var banDanVan = await app.UserContextAsync("bandanvan");
        await using var scope = app.Scope();
        var access = scope.ServiceProvider.GetRequiredService<MeetingAccess>();
        var rooms = scope.ServiceProvider.GetRequiredService<RoomAccess>();

        var own = await access.ForAsync(meeting, farmerContext);
        var foreign = await access.ForAsync(meeting, banDanVan);
        var ownRoom = await rooms.ForAsync(meeting.Id, farmerContext);
        var foreignRoom = await rooms.ForAsync(meeting.Id, banDanVan);
        var visible = await (await access.VisibleAsync(farmerContext)).AnyAsync(m => m.Id == meeting.Id);

        Assert.True(own.CanManage);
        Assert.False(own.IsOffice);
        Assert.True(ownRoom.Value!.CanDrive);
        Assert.True(visible);
        Assert.False(foreign.CanManage);
        Assert.Equal(Error.Forbidden, foreignRoom.Errors.Single());
    }

    [Fact]
    public async Task Upload_OrganizerStaffAllowed_AnotherUnitRefused()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app, "HU-TP-BDV");
        var other = await app.NewAccountAsync(Roles.UnitStaff, "PN-TP");
        var content = System.Text.Encoding.UTF8.GetBytes("%PDF-1.4\n% Dự thảo báo cáo\n%%EOF\n");

        var ownErrors = await UploadAsync(meeting.Id, await app.UserContextAsync("bandanvan"), content);
        var otherErrors = await UploadAsync(meeting.Id, await app.UserContextAsync(other.UserName!), content);

        Assert.Empty(ownErrors);
        Assert.Equal(Error.Forbidden, otherErrors.Single());
        Assert.Equal(1, await app.WithDbAsync(db => db.MeetingDocuments.CountAsync(d => d.MeetingId == meeting.Id)));
    }

    [Fact]
    public async Task ConsolePage_OrganizerStaffOpens_AnotherUnitRefused()
    {
        var meeting = await MeetingLifeTests.InvitedMeetingAsync(app, "HU-TP-BDV");
        var other = await app.NewAccountAsync(Roles.UnitStaff, "CCB-TP");
        using var staff = await app.LoginAsync("bandanvan");
        using var stranger = await app.LoginAsync(other.UserName!);

        var (ownStatus, _) = await staff.GetPageAsync($"/meetings/{meeting.Id}/console");
        var (otherStatus, _) = await stranger.GetPageAsync($"/meetings/{meeting.Id}/console");

        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
    }

    private async Task<IReadOnlyList<Error>> UploadAsync(Guid meetingId, Briefings.Web.Infrastructure.UserContext user, byte[] content)
    {
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        using var stream = new MemoryStream(content);
        var file = new Microsoft.AspNetCore.Http.FormFile(stream, 0, content.Length, "Upload", "du-thao-bao-cao.pdf")
        {
            Headers = new Microsoft.AspNetCore.Http.HeaderDictionary(),
            ContentType = "application/pdf",
        };
        return await UploadDocument.RunAsync(sp.GetRequiredService<Briefings.Data.BriefingsDbContext>(), sp.GetRequiredService<MeetingAccess>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeetingOptions>>().Value, meetingId, file, "Dự thảo báo cáo", null, user, DateTimeOffset.UtcNow);
    }
}
