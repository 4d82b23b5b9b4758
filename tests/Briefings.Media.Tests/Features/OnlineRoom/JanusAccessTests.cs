using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Briefings.Web.Features.OnlineRoom.Media;

namespace Briefings.Media.Tests.Features.OnlineRoom;

/// <summary>What Janus itself accepts: the app's credentials, and nothing expired or forged.</summary>
[Collection(MediaCollection.Name)]
public sealed class JanusAccessTests(MediaFixture media)
{
    private async Task<JsonObject> CreateSessionAsync(string token)
    {
        using var http = new HttpClient();
        var reply = await http.PostAsJsonAsync(media.Janus.ApiUrl, new JsonObject { ["janus"] = "create", ["transaction"] = "t", ["token"] = token });
        return (await reply.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task JanusToken_ExpiredOrForged_RefusedByJanus_ValidAccepted()
    {
        var endpoint = Guid.NewGuid();
        var secret = media.Janus.TokenAuthSecret;

        var valid = await CreateSessionAsync(JanusTokens.Core(secret, DateTimeOffset.UtcNow.AddMinutes(10), JanusTokens.VideoRoom, endpoint));
        var expired = await CreateSessionAsync(JanusTokens.Core(secret, DateTimeOffset.UtcNow.AddMinutes(-1), JanusTokens.VideoRoom, endpoint));
        var forged = await CreateSessionAsync(JanusTokens.Core("not-the-secret", DateTimeOffset.UtcNow.AddMinutes(10), JanusTokens.VideoRoom, endpoint));
        // A valid token whose expiry was pushed later by hand: the signature no longer matches.
        var original = JanusTokens.Core(secret, DateTimeOffset.UtcNow.AddMinutes(10), JanusTokens.VideoRoom, endpoint);
        var later = DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tampered = await CreateSessionAsync(later + original[original.IndexOf(',', StringComparison.Ordinal)..]);

        Assert.Equal("success", (string?)valid["janus"]);
        foreach (var refused in new[] { expired, forged, tampered })
        {
            Assert.Equal("error", (string?)refused["janus"]);
            Assert.Equal(403, (int?)refused["error"]?["code"]);
        }
    }

    [Fact]
    public async Task Credential_OtherUnitsEndpoint_NoCredential()
    {
        var meeting = await media.NewOnlineMeetingAsync("Giao ban quyền vào phòng", new DateOnly(2030, 6, 4));
        var page = await media.LoginAsync("xa.anlac");

        var own = await page.APIRequest.GetAsync($"{media.BaseUrl}/meetings/{meeting.Id}/endpoints/{meeting.AnLac}/media/credential");
        var other = await page.APIRequest.GetAsync($"{media.BaseUrl}/meetings/{meeting.Id}/endpoints/{meeting.BinhDong}/media/credential");
        var host = await page.APIRequest.GetAsync($"{media.BaseUrl}/meetings/{meeting.Id}/endpoints/{meeting.Host}/media/credential");

        Assert.Equal((int)HttpStatusCode.OK, own.Status);
        var body = await own.TextAsync();
        Assert.DoesNotContain(MeetingRooms.SecretFor(media.App.Services.GetService(typeof(MeetingRooms)) is MeetingRooms rooms ? rooms.InstanceFor(meeting.Id) : throw new InvalidOperationException(), MeetingRooms.RoomIdFor(meeting.Id)), body, StringComparison.Ordinal);
        Assert.Contains("endpoint=" + meeting.AnLac.ToString("N"), body, StringComparison.Ordinal);
        Assert.Equal((int)HttpStatusCode.Forbidden, other.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, host.Status);
        await page.Context.CloseAsync();
    }
}
