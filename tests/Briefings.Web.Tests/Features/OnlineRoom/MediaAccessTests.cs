using System.Net;
using System.Net.Http.Json;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom.Media;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>Who gets media credentials and who may record an endpoint's technical check. No Janus here (the app
/// runs without media configured): refusals come before any media server is asked.</summary>
[Collection(AppCollection.Name)]
public sealed class MediaAccessTests(AppFactory app)
{
    private static AccessScope Admin => new(true, null, null, true, true);

    private static readonly RecordTechnicalCheck.Measurement Good = new(4, 0, 640, 480, 480, 20, 250, 0.2, null);

    /// <summary>An online meeting with only the host room and Bình Đông's room.</summary>
    private async Task<(Guid Meeting, Guid Host, Guid BinhDong)> MeetingWithBinhDongAsync(string title, DateOnly date)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var district = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
        var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.ThematicBriefing,
            MeetingMode.Online, date, new TimeOnly(8, 0), new TimeOnly(10, 0), "Phòng " + title, "HU-TP-BDV", null, null, null, "Nội dung | | 30", 0), Admin);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var area = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong);
        var host = MeetingEndpoint.Create(saved.Value!.Id, district.Id, "Điểm cầu chính — Huyện Tân Phong", true);
        var binhDong = MeetingEndpoint.Create(saved.Value.Id, area.Id, "Điểm cầu Xã Bình Đông", false);
        var person = await db.People.FirstAsync(p => p.UnitId == db.Units.Single(u => u.Code == Demo.BinhDong + "-DU").Id);
        db.MeetingEndpoints.AddRange(host, binhDong);
        db.Invitations.Add(Invitation.Create(saved.Value.Id, binhDong.Id, new RequiredAttendee(person.Id, person.UnitId, "Bí thư", area.Id, "Thường trực Đảng ủy xã")));
        (await db.Meetings.SingleAsync(m => m.Id == saved.Value.Id)).MarkInvited(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return (saved.Value.Id, host.Id, binhDong.Id);
    }

    private static async Task<HttpResponseMessage> PostCheckAsync(AppClient client, string pageUrl, string resultUrl, RecordTechnicalCheck.Measurement m)
    {
        var (_, page) = await client.GetPageAsync(pageUrl);
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? "";
        using var request = new HttpRequestMessage(HttpMethod.Post, resultUrl) { Content = JsonContent.Create(m) };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task Credential_AccountNotInvited_Refused()
    {
        var (meeting, host, binhDong) = await MeetingWithBinhDongAsync("Họp trực tuyến riêng Bình Đông", new DateOnly(2030, 5, 6));
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDongUser = await app.LoginAsync("xa.binhdong");

        var toBinhDong = await anLac.Http.GetAsync($"/meetings/{meeting}/endpoints/{binhDong}/media/credential");
        var toHost = await anLac.Http.GetAsync($"/meetings/{meeting}/endpoints/{host}/media/credential");
        var check = await anLac.Http.GetAsync($"/meetings/{meeting}/endpoints/{binhDong}/check/credential");
        var page = await anLac.Http.GetAsync($"/meetings/{meeting}/endpoints/{binhDong}/check");
        var invited = await binhDongUser.Http.GetAsync($"/meetings/{meeting}/endpoints/{binhDong}/media/credential");
        var othersRoom = await binhDongUser.Http.GetAsync($"/meetings/{meeting}/endpoints/{host}/media/credential");

        Assert.Equal(HttpStatusCode.Forbidden, toBinhDong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, toHost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, check.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("roomToken", await toBinhDong.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // The invited commune passes the access rule; here no Janus is configured, so media is "unavailable".
        Assert.Equal(HttpStatusCode.ServiceUnavailable, invited.StatusCode);
        Assert.Contains("chưa được cấu hình", (await invited.Content.ReadFromJsonAsync<GetMediaCredential.Unavailable>())!.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, othersRoom.StatusCode);
    }

    [Fact]
    public async Task HostEndpoint_CommuneInsideDistrictArea_CannotTickItNorSeeUninvitedMeeting()
    {
        var (meeting, host, _) = await MeetingWithBinhDongAsync("Họp trực tuyến phòng chính", new DateOnly(2030, 5, 9));
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");

        // Bình Đông is invited, its room is its own commune's, not the district's host room.
        var tick = await binhDong.SubmitAsync($"/meetings/{meeting}/readiness", "tick", new() { ["Key"] = $"{host}:Picture:1" });
        var (_, board) = await binhDong.GetPageAsync($"/meetings/{meeting}/readiness");
        // An Lạc is not invited at all: being inside the district's area does not make the host room its own.
        var page = await anLac.Http.GetAsync($"/meetings/{meeting}");
        var (_, list) = await anLac.GetPageAsync("/meetings");

        Assert.Equal(HttpStatusCode.Forbidden, tick.StatusCode);
        Assert.Null(board.QuerySelector($"#ready-{host}"));
        Assert.Equal(0, await app.WithDbAsync(db => db.MeetingEndpoints.AsNoTracking().Where(e => e.Id == host).Select(e => e.Ticks.Count).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("Họp trực tuyến phòng chính", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckResult_OtherUnitsEndpoint_RefusedAndNothingStored()
    {
        var (meeting, _, binhDong) = await MeetingWithBinhDongAsync("Họp trực tuyến kiểm tra chéo", new DateOnly(2030, 5, 7));
        using var anLac = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/meetings/{meeting}/endpoints/{binhDong}/check";

        // An Lạc takes a valid antiforgery token from a page it may open, then posts for Bình Đông's room.
        var refused = await PostCheckAsync(anLac, "/", url + "/result", Good);

        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
        var ticks = await app.WithDbAsync(db => db.MeetingEndpoints.AsNoTracking().Where(e => e.Id == binhDong).Select(e => e.Ticks.Count).SingleAsync());
        Assert.Equal(0, ticks);

        // The organizer may record it (e.g. a check run at the district on the commune's behalf).
        var allowed = await PostCheckAsync(clerk, url, url + "/result", Good);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task JanusEvents_WithoutTheEventsPassword_Refused()
    {
        using var anonymous = app.Client();
        var body = """[{"type":2,"handle_id":1,"event":{"name":"attached","token":"1,janus,endpoint=00000000000000000000000000000001:x"}}]""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/media/janus/events") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("janus:guess"u8.ToArray()));

        var plain = await anonymous.Http.PostAsync("/media/janus/events", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var guessed = await anonymous.Http.SendAsync(request);

        // No Media:EventsPassword here: every post is refused, with or without credentials.
        Assert.Equal(HttpStatusCode.Unauthorized, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);
        Assert.Null(app.Services.GetRequiredService<MediaPresence>().For(new Guid("00000000000000000000000000000001")));
    }

    [Fact]
    public async Task CheckResult_OwnEndpoint_StoresPassAndFailWithFigures()
    {
        var (meeting, _, binhDong) = await MeetingWithBinhDongAsync("Họp trực tuyến tự kiểm tra", new DateOnly(2030, 5, 8));
        using var commune = await app.LoginAsync("xa.binhdong");
        var url = $"/meetings/{meeting}/endpoints/{binhDong}/check";
        var (status, page) = await commune.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("[data-tech-check]"));

        var noToken = await commune.Http.PostAsJsonAsync(url + "/result", Good);
        var slow = await PostCheckAsync(commune, url, url + "/result", Good with { RttMs = 900, LossPercent = 12 });

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        var endpoint = await app.WithDbAsync(db => db.MeetingEndpoints.AsNoTracking().SingleAsync(e => e.Id == binhDong));
        Assert.True(endpoint.Tick(ReadinessItem.Picture)!.Passed);
        Assert.True(endpoint.Tick(ReadinessItem.Sound)!.Passed);
        var connection = endpoint.Tick(ReadinessItem.Connection)!;
        Assert.False(connection.Passed);
        Assert.Contains("RTT 900 ms", connection.Details, StringComparison.Ordinal);
        Assert.Contains("mất gói 12,0 %", connection.Details, StringComparison.Ordinal);
        Assert.Contains("nhận 640×480", endpoint.Tick(ReadinessItem.Picture)!.Details, StringComparison.Ordinal);
        Assert.Equal("xa.binhdong", connection.By);
    }
}
