using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>The answers of a whole endpoint in one submit (<see cref="Briefings.Web.Features.Meetings.AnswerForEndpoint"/>).</summary>
[Collection(AppCollection.Name)]
public sealed class AnswerForEndpointTests(AppFactory app)
{
    private async Task<(SmallDistrict District, Meeting Meeting, MeetingEndpoint RoomC, string Url)> SetUpAsync(int heads)
    {
        var district = await SmallDistrict.CreateAsync(app, hamletHeads: heads);
        var meeting = await district.MeetingAsync(app, send: true);
        var room = await app.WithDbAsync(db => db.MeetingEndpoints.SingleAsync(e => e.MeetingId == meeting.Id && e.AreaUnitId == district.CommuneC.Id));
        return (district, meeting, room, $"/meetings/{meeting.Id}/endpoints/{room.Id}/answers");
    }

    [Fact]
    public async Task AnswerEndpoint_FortyTwoRowsOneCommonAnswerTwoExceptions_SavedInOneSubmitAndAudited()
    {
        var (district, meeting, room, url) = await SetUpAsync(heads: 40);
        using var clerk = await app.LoginAsync(district.ClerkUserName);
        var (_, page) = await clerk.GetPageAsync(url);
        var ids = page.QuerySelectorAll("#answer-rows tbody tr").Select(r => Guid.Parse(r.GetAttribute("data-invitation")!)).ToList();

        var response = await PageForm.PostAsync(clerk, url, "answers", new()
        {
            ["Input.Rows[3].Response"] = nameof(InvitationResponse.Substitute),
            ["Input.Rows[3].SubstituteName"] = "Lê Thị Thay",
            ["Input.Rows[3].SubstitutePosition"] = "Chi hội phó",
            ["Input.Rows[5].Response"] = nameof(InvitationResponse.Declined),
            ["Input.Rows[5].Reason"] = "Đi khám bệnh",
        });

        // 303 to the same page (Post/Redirect/Get): its GET says once how many answers were recorded.
        var (location, shown) = await clerk.FollowAsync(response);
        Assert.Equal(url, location);
        Assert.Equal("Đã ghi nhận trả lời của 42 người.", shown.QuerySelector("#message")!.TextContent.Trim());
        Assert.Null((await clerk.GetPageAsync(url)).Document.QuerySelector("#message"));
        Assert.Equal(42, ids.Count);
        var saved = await app.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == room.Id).ToDictionaryAsync(i => i.Id));
        Assert.Equal(40, saved.Values.Count(i => i.Response == InvitationResponse.Confirmed));
        Assert.Equal(("Lê Thị Thay", "Chi hội phó"), (saved[ids[3]].SubstituteName, saved[ids[3]].SubstitutePosition));
        Assert.Equal((InvitationResponse.Declined, "Đi khám bệnh"), (saved[ids[5]].Response, saved[ids[5]].DeclineReason));
        var audited = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Invitation" && a.Action == "Cập nhật").Select(a => a.EntityId).ToListAsync());
        Assert.All(ids, id => Assert.Contains(id.ToString(), audited));
        var (_, after) = await clerk.GetPageAsync(url);
        Assert.Equal("Substitute", after.QuerySelector<IHtmlSelectElement>("select[name='Input.Rows[3].Response']")!.Value);
    }

    [Fact]
    public async Task AnswerEndpoint_SubstituteWithoutName_MessageOnItsRowTypedKeptNothingSaved()
    {
        var (district, _, room, url) = await SetUpAsync(heads: 3);
        using var clerk = await app.LoginAsync(district.ClerkUserName);

        var response = await PageForm.PostAsync(clerk, url, "answers", new()
        {
            ["Input.Rows[2].Response"] = nameof(InvitationResponse.Substitute),
            ["Input.Rows[2].SubstitutePosition"] = "Chi hội phó",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var row = page.QuerySelectorAll("#answer-rows tbody tr").ElementAt(2);
        Assert.Contains("Vui lòng nhập họ tên người dự thay.", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Substitute", row.QuerySelector<IHtmlSelectElement>("select")!.Value);
        Assert.Equal("Chi hội phó", row.QuerySelector("input[name='Input.Rows[2].SubstitutePosition']")!.GetAttribute("value"));
        Assert.True(await app.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == room.Id).AllAsync(i => i.Response == InvitationResponse.Pending)));
    }

    [Fact]
    public async Task AnswerEndpoint_NoCommonAnswerAndBlankRows_NothingChanged()
    {
        var (district, _, room, url) = await SetUpAsync(heads: 2);
        using var clerk = await app.LoginAsync(district.ClerkUserName);

        var response = await PageForm.PostAsync(clerk, url, "answers", new() { ["Input.All"] = "" });

        var (_, after) = await clerk.FollowAsync(response);
        Assert.Equal("Không có thay đổi.", after.QuerySelector("#message")!.TextContent.Trim());
        Assert.True(await app.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == room.Id).AllAsync(i => i.Response == InvitationResponse.Pending)));
    }

    [Fact]
    public async Task AnswerEndpoint_StaffOfOneCommune_AnswersOnlyTheirOwnAndIsRefusedAnotherCommune()
    {
        var (district, meeting, roomC, urlC) = await SetUpAsync(heads: 2);
        var staff = await app.NewAccountAsync(Roles.UnitStaff, district.Code + "-A-DU");
        using var commune = await app.LoginAsync(staff.UserName!);
        var roomA = await app.WithDbAsync(db => db.MeetingEndpoints.SingleAsync(e => e.MeetingId == meeting.Id && e.AreaUnitId == district.CommuneA.Id));
        var urlA = $"/meetings/{meeting.Id}/endpoints/{roomA.Id}/answers";
        var (_, pageA) = await commune.GetPageAsync(urlA);
        var values = BrowserForm.Fields(pageA, "answers");
        var foreign = await app.WithDbAsync(db => db.Invitations.FirstAsync(i => i.EndpointId == roomA.Id && !db.Units.Any(u => u.Id == i.UnitId && u.Code == district.Code + "-A-DU")));
        values["Input.Rows[0].InvitationId"] = foreign.Id.ToString();
        values["Input.Rows[0].Version"] = "0";

        var (statusC, _) = await commune.GetPageAsync(urlC);
        var forged = await commune.Http.PostAsync(urlA, new FormUrlEncodedContent(values));
        var own = await PageForm.PostAsync(commune, urlA, "answers", new());

        Assert.Equal(HttpStatusCode.Forbidden, statusC);
        Assert.Equal(2, pageA.QuerySelectorAll("#answer-rows tbody tr").Length);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(InvitationResponse.Pending, (await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Id == foreign.Id))).Response);
        Assert.Equal(HttpStatusCode.SeeOther, own.StatusCode);
        var answered = await app.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == roomA.Id && i.Response == InvitationResponse.Confirmed).CountAsync());
        Assert.Equal(2, answered);
        Assert.True(await app.WithDbAsync(db => db.Invitations.Where(i => i.EndpointId == roomC.Id).AllAsync(i => i.Response == InvitationResponse.Pending)));
    }
}
