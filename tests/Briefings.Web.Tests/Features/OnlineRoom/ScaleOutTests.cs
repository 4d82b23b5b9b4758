using Briefings.Web.Features.OnlineRoom;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>Two app instances (real Kestrel) on one database and one real Redis: SignalR's Redis backplane
/// carries a change made on one instance to the clients of the other.</summary>
[Trait("Category", "Redis")]
public sealed class ScaleOutTests : IDisposable
{
    private readonly RedisServer redis = new();
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("briefings-scaleout-").FullName;
    private readonly LiveRoomApp first;
    private readonly LiveRoomApp second;

    public ScaleOutTests()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Connection"] = redis.Connection,
            ["Database:ConnectionString"] = TestDatabase.NewConnectionString(folder),
        };
        // One after the other: the first prepares the shared database (migrations, demo data).
        first = new LiveRoomApp(settings).Start();
        second = new LiveRoomApp(settings).Start();
    }

    [Fact]
    public async Task QueueChangeOnOneInstance_ReachesClientOfTheOther()
    {
        var meeting = await first.NewOnlineMeetingAsync("Giao ban hai máy chủ", new DateOnly(2030, 5, 1));
        var anLacEndpoint = await first.EndpointOfAsync(meeting.Id, Demo.AnLac);
        await using var clerkOnFirst = await first.SignInAsync("vanphong");
        await using var anLacOnSecond = await second.SignInAsync("xa.anlac");
        var chair = await clerkOnFirst.ConnectAsync();
        var endpoint = await anLacOnSecond.ConnectAsync();
        var endpointInbox = new StateInbox(endpoint);
        var chairInbox = new StateInbox(chair);
        Assert.True((await chair.InvokeAsync<RoomReply>("Join", meeting.Id, null, true)).Ok);
        Assert.True((await endpoint.InvokeAsync<RoomReply>("Join", meeting.Id, anLacEndpoint, false)).Ok);

        // The commune asks on the second instance; the chair's console on the first sees it.
        Assert.True((await endpoint.InvokeAsync<RoomReply>("RequestToSpeak", meeting.Id, anLacEndpoint, "Ý kiến qua máy chủ thứ hai")).Ok);
        var request = (await chairInbox.WaitForAsync(s => s.Queue.Count == 1)).Queue[0];

        // The chair adds and reorders on the first instance; the endpoint on the second receives it.
        Assert.True((await chair.InvokeAsync<RoomReply>("AddSpeech", meeting.Id, anLacEndpoint, "Chủ trì mời bổ sung", 3)).Ok);
        var added = (await endpointInbox.WaitForAsync(s => s.Queue.Count == 2)).Queue[1];
        Assert.True((await chair.InvokeAsync<RoomReply>("MoveSpeech", meeting.Id, added.Id, 0)).Ok);
        var reordered = await endpointInbox.WaitForAsync(s => s.Queue.Count == 2 && s.Queue[0].Id == added.Id);
        Assert.Equal([added.Id, request.Id], reordered.Queue.Select(q => q.Id));
        Assert.True((await chair.InvokeAsync<RoomReply>("StartSpeech", meeting.Id, request.Id)).Ok);
        var live = await endpointInbox.WaitForAsync(s => s.Current?.Id == request.Id);
        Assert.Equal("Ý kiến qua máy chủ thứ hai", live.Current!.Topic);
    }

    /// <summary>walk-hostile5: the account's budget per meeting was per instance; a script spreading its connections over
    /// the instances behind one address got one budget on each. With Redis the account has one budget across them.</summary>
    [Fact]
    public async Task OneAccountFloodsOverConnectionsOnBothInstances_OneBudgetAcrossThem()
    {
        var meeting = await first.NewOnlineMeetingAsync($"Giao ban hai máy chủ dồn dập {Guid.NewGuid():N}", new DateOnly(2030, 5, 2));
        await using var onFirst = await first.SignInAsync("vanphong");
        await using var onSecond = await second.SignInAsync("vanphong");
        var connections = await RoomConsoles.JoinAsync(meeting.Id, 12, onFirst, onSecond);

        // Each connection under its own budget, and each instance's share (6 × 95) above the account's budget too.
        await RoomConsoles.FloodWithinOneBudgetAsync(connections, meeting.Id, 95);
    }

    [Fact]
    public async Task SignInOnOneInstance_CookieAcceptedByTheOther()
    {
        // Behind one address a browser's next request may land on the other instance: the key ring is shared in Redis.
        await using var clerk = await first.SignInAsync("vanphong");
        using var other = new HttpClient(new HttpClientHandler { CookieContainer = clerk.Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(second.BaseUrl) };

        var response = await other.GetAsync("/Account/Manage");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose()
    {
        second.Dispose();
        first.Dispose();
        redis.Dispose();
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }
}
