using System.Net;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>One invitee taken off or added, guests added and removed: <see cref="RemoveInvitee"/>,
/// <see cref="InviteOnePerson"/>, <see cref="AddGuest"/>, <see cref="RemoveGuest"/> through their pages.</summary>
[Collection(AppCollection.Name)]
public sealed class InviteeChangesTests(AppFactory app)
{
    private async Task<(SmallDistrict District, Meeting Meeting, MeetingEndpoint RoomA)> SetUpAsync()
    {
        var district = await SmallDistrict.CreateAsync(app);
        var meeting = await district.MeetingAsync(app);
        var room = await app.WithDbAsync(db => db.MeetingEndpoints.SingleAsync(e => e.MeetingId == meeting.Id && e.AreaUnitId == district.CommuneA.Id));
        return (district, meeting, room);
    }

    private Task<Invitation> InvitationOfAsync(Guid meetingId, string personName) =>
        app.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meetingId)
            .Join(db.People.Where(p => p.FullName == personName), i => i.PersonId, p => p.Id, (i, _) => i).SingleAsync());

    [Fact]
    public async Task RemoveInvitee_WithReason_GoneAuditedAndNotInvitedAgainUntilInvitedByHand()
    {
        var (district, meeting, room) = await SetUpAsync();
        var invitation = await InvitationOfAsync(meeting.Id, "Phó Bí thư xã A");
        using var clerk = await app.LoginAsync(district.ClerkUserName);
        var url = $"/meetings/{meeting.Id}/endpoints/{room.Id}/invitees";

        var removed = await PageForm.PostAsync(clerk, url, $"remove-{invitation.Id:N}", new() { ["RemoveReason"] = "Đi học tập trung dài hạn" });
        await using (var scope = app.Scope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(meeting.Id, new AccessScope(true, null, null, true, true))).Succeeded);
        }

        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.MeetingId == meeting.Id && i.PersonId == invitation.PersonId)));
        var exclusion = await app.WithDbAsync(db => db.MeetingExclusions.SingleAsync(x => x.MeetingId == meeting.Id));
        Assert.Equal("Đi học tập trung dài hạn", exclusion.Reason);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == invitation.Id.ToString() || a.EntityType == "MeetingExclusion" && a.EntityId == meeting.Id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.EntityType == "Invitation" && a.Action == "Xóa");
        Assert.Contains(audit, a => a.EntityType == "MeetingExclusion" && a.After!.Contains("Đi học tập trung dài hạn", StringComparison.Ordinal));
        var (_, list) = await clerk.GetPageAsync($"/meetings/{meeting.Id}/invitations");
        Assert.Contains("Đi học tập trung dài hạn", list.QuerySelector("#removed")!.TextContent, StringComparison.Ordinal);

        var find = $"/meetings/{meeting.Id}/invitations?find=" + Uri.EscapeDataString("pho bi thu xa a");
        var invited = await PageForm.PostAsync(clerk, find, $"invite-{invitation.PersonId:N}", new() { ["InviteReason"] = "Đã về địa phương" });

        // Back to the same search: the query survives the redirect as it was sent.
        Assert.Equal(HttpStatusCode.SeeOther, invited.StatusCode);
        Assert.Equal(find, invited.Headers.Location!.PathAndQuery);
        var back = await InvitationOfAsync(meeting.Id, "Phó Bí thư xã A");
        Assert.Equal(CompositionGap.AddedLabel, back.RuleLabel);
        Assert.Equal("Đã về địa phương", back.AddedReason);
        Assert.Equal(room.Id, back.EndpointId);
        Assert.True(back.IsOptional);
        Assert.False(await app.WithDbAsync(db => db.MeetingExclusions.AnyAsync(x => x.MeetingId == meeting.Id)));
    }

    [Fact]
    public async Task RemoveInvitee_EmptyReason_MessageBesideTheFormNothingRemoved()
    {
        var (district, meeting, room) = await SetUpAsync();
        var invitation = await InvitationOfAsync(meeting.Id, "Bí thư xã A");
        using var clerk = await app.LoginAsync(district.ClerkUserName);

        var response = await PageForm.PostAsync(clerk, $"/meetings/{meeting.Id}/endpoints/{room.Id}/invitees", $"remove-{invitation.Id:N}", new() { ["RemoveReason"] = "  " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng ghi lý do.", page.QuerySelector($"tr[data-invitation='{invitation.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Id == invitation.Id)));
    }

    [Fact]
    public async Task Guest_AddedWithoutOrganisationThenRemoved_ReadBackAndAudited()
    {
        var (district, meeting, room) = await SetUpAsync();
        using var clerk = await app.LoginAsync(district.ClerkUserName);
        var url = $"/meetings/{meeting.Id}/endpoints/{room.Id}/invitees";

        var added = await PageForm.PostAsync(clerk, url, "guest", new()
        {
            ["GuestInput.FullName"] = "Trần Văn Khách",
            ["GuestInput.Position"] = "Giám đốc Hợp tác xã",
            ["GuestInput.Reason"] = "Báo cáo điển hình kinh tế tập thể",
        });

        var (location, afterAdd) = await clerk.FollowAsync(added);
        Assert.Equal(url, location);
        Assert.Equal("Đã thêm khách mời Trần Văn Khách.", afterAdd.QuerySelector("#message")!.TextContent.Trim());
        var guest = await app.WithDbAsync(db => db.MeetingGuests.SingleAsync(g => g.MeetingId == meeting.Id));
        Assert.Equal(("Trần Văn Khách", "Giám đốc Hợp tác xã", (string?)null, room.Id), (guest.FullName, guest.Position, guest.Organization, guest.EndpointId));
        var (_, page) = await clerk.GetPageAsync(url);
        Assert.Contains("Trần Văn Khách", page.QuerySelector("#guests")!.TextContent, StringComparison.Ordinal);

        var removed = await PageForm.PostAsync(clerk, url, $"guest-remove-{guest.Id:N}", new() { ["RemoveReason"] = "Bận việc đột xuất" });

        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        guest = await app.WithDbAsync(db => db.MeetingGuests.SingleAsync(g => g.Id == guest.Id));
        Assert.Equal("Bận việc đột xuất", guest.RemovedReason);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "MeetingGuest" && a.EntityId == guest.Id.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == "Tạo mới" && a.After!.Contains("Trần Văn Khách", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "Cập nhật" && a.After!.Contains("Bận việc đột xuất", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guest_NoNameNoPosition_MessagesBesideTheFieldsTypedKept()
    {
        var (district, meeting, room) = await SetUpAsync();
        using var clerk = await app.LoginAsync(district.ClerkUserName);

        var response = await PageForm.PostAsync(clerk, $"/meetings/{meeting.Id}/endpoints/{room.Id}/invitees", "guest", new()
        {
            ["GuestInput.Organization"] = "Hợp tác xã Rau sạch",
            ["GuestInput.Reason"] = "Điển hình",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập họ tên khách mời", page.QuerySelector("#g-name")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vui lòng nhập chức vụ của khách mời", page.QuerySelector("#g-position")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hợp tác xã Rau sạch", page.QuerySelector("#g-org")!.GetAttribute("value"));
        Assert.False(await app.WithDbAsync(db => db.MeetingGuests.AnyAsync(g => g.MeetingId == meeting.Id)));
    }

    [Fact]
    public async Task InviteeChanges_ClerkOfAnotherDistrict_RefusedAndNothingChanged()
    {
        var (district, meeting, room) = await SetUpAsync();
        var invitation = await InvitationOfAsync(meeting.Id, "Bí thư xã A");
        using var clerk = await app.LoginAsync(district.ClerkUserName);
        var url = $"/meetings/{meeting.Id}/endpoints/{room.Id}/invitees";
        var (_, own) = await clerk.GetPageAsync(url);
        var values = BrowserForm.Fields(own, $"remove-{invitation.Id:N}");
        values["RemoveReason"] = "Huyện khác xóa";
        using var other = await app.LoginAsync("vanphong");
        var (_, otherPage) = await other.GetPageAsync("/meetings/new");
        values["__RequestVerificationToken"] = otherPage.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var (status, _) = await other.GetPageAsync(url);
        var (listStatus, _) = await other.GetPageAsync($"/meetings/{meeting.Id}/invitations");
        var post = await other.Http.PostAsync(url, new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(HttpStatusCode.Forbidden, listStatus);
        // The form is not on the page the other clerk gets (refused), so the post is refused before any handler runs.
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, post.StatusCode.ToString());
        Assert.True(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Id == invitation.Id)));
    }
}
