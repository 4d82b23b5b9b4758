using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Web.Tests.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>The roll call of a whole endpoint in one submit (<see cref="Briefings.Web.Features.OnlineRoom.RollCallForEndpoint"/>).</summary>
[Collection(AppCollection.Name)]
public sealed class RollCallForEndpointTests(AppFactory app)
{
    private async Task<(SmallDistrict District, Meeting Meeting, MeetingEndpoint Room, string Url)> SetUpAsync(int heads)
    {
        var district = await SmallDistrict.CreateAsync(app, hamletHeads: heads);
        var meeting = await district.MeetingAsync(app, send: true);
        var room = await app.WithDbAsync(db => db.MeetingEndpoints.SingleAsync(e => e.MeetingId == meeting.Id && e.AreaUnitId == district.CommuneC.Id));
        return (district, meeting, room, $"/meetings/{meeting.Id}/endpoints/{room.Id}/roll-call");
    }

    [Fact]
    public async Task RollCall_FortyTwoOnlineOneAbsentWithReason_OneSubmitSavedAndAudited()
    {
        var (district, _, room, url) = await SetUpAsync(heads: 40);
        using var clerk = await app.LoginAsync(district.ClerkUserName);
        var (_, page) = await clerk.GetPageAsync(url);
        var ids = page.QuerySelectorAll("#rollcall-rows tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-invitation")!)).ToList();

        var response = await PageForm.PostAsync(clerk, url, "rollcall", new()
        {
            ["Input.Rows[7].Status"] = nameof(AttendanceStatus.Absent),
            ["Input.Rows[7].Reason"] = "Ốm",
            ["Input.Rows[8].Status"] = nameof(AttendanceStatus.Substitute),
            ["Input.Rows[8].SubstituteName"] = "Nguyễn Văn Thay",
        });

        var (location, after) = await clerk.FollowAsync(response);
        Assert.Equal(url, location);
        Assert.Equal("Đã điểm danh 42 người.", after.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal("Online", page.QuerySelector<IHtmlSelectElement>("#all")!.Value);
        var marks = await app.WithDbAsync(db => db.AttendanceMarks.Where(a => a.EndpointId == room.Id).ToDictionaryAsync(a => a.InvitationId));
        Assert.Equal(42, marks.Count);
        Assert.Equal(40, marks.Values.Count(m => m.Status == AttendanceStatus.Online));
        Assert.Equal((AttendanceStatus.Absent, "Ốm"), (marks[ids[7]].Status, marks[ids[7]].Reason));
        Assert.Equal((AttendanceStatus.Substitute, "Nguyễn Văn Thay"), (marks[ids[8]].Status, marks[ids[8]].SubstituteName));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "AttendanceMark").Select(a => a.EntityId).ToListAsync());
        Assert.All(ids, id => Assert.Contains(id.ToString(), audited));
    }

    [Fact]
    public async Task RollCall_DeclinedInvitee_PrefilledAbsentWithTheirReason()
    {
        var (district, meeting, room, url) = await SetUpAsync(heads: 2);
        using var clerk = await app.LoginAsync(district.ClerkUserName);
        var answersUrl = $"/meetings/{meeting.Id}/endpoints/{room.Id}/answers";
        Assert.Equal(HttpStatusCode.SeeOther, (await PageForm.PostAsync(clerk, answersUrl, "answers", new()
        {
            ["Input.Rows[0].Response"] = nameof(InvitationResponse.Declined),
            ["Input.Rows[0].Reason"] = "Họp Tỉnh",
        })).StatusCode);

        var (_, page) = await clerk.GetPageAsync(url);

        var reasons = page.QuerySelectorAll("#rollcall-rows input[name$='.Reason']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("Họp Tỉnh", reasons);
    }

    [Fact]
    public async Task RollCall_AbsentWithoutReason_MessageOnItsRowNothingSaved()
    {
        var (district, _, room, url) = await SetUpAsync(heads: 3);
        using var clerk = await app.LoginAsync(district.ClerkUserName);

        var response = await PageForm.PostAsync(clerk, url, "rollcall", new() { ["Input.Rows[1].Status"] = nameof(AttendanceStatus.Absent) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng ghi lý do vắng mặt.", page.QuerySelectorAll("#rollcall-rows tbody tr").ElementAt(1).TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.AttendanceMarks.AnyAsync(a => a.EndpointId == room.Id)));
    }

    [Fact]
    public async Task RollCall_ClerkOfAnotherDistrict_Refused()
    {
        var (_, _, room, url) = await SetUpAsync(heads: 1);
        using var other = await app.LoginAsync("vanphong");

        var (status, _) = await other.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.False(await app.WithDbAsync(db => db.AttendanceMarks.AnyAsync(a => a.EndpointId == room.Id)));
    }
}
