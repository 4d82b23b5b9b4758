using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Features.OnlineRoom.Media;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Tests.Features.OnlineRoom.Media;

/// <summary>Which Janus instance an endpoint joins in tiers, and where it goes when that one fails — configuration
/// only, so no Janus is needed (the media suite runs the real cascade: MediaCascadeTests).</summary>
public sealed class MediaTiersTests : IDisposable
{
    private readonly ConfiguredAppFactory app = new(Tiers());

    private static Dictionary<string, string?> Tiers()
    {
        // The keeper probes the (absent) instances once at start, then not for a day: SettledAsync waits for that pass.
        var settings = new Dictionary<string, string?> { ["Media:ReconcileInterval"] = "1.00:00:00" };
        string[] names = ["centre", "relay-1", "relay-2", "relay-3"];
        for (var i = 0; i < names.Length; i++)
        {
            var key = $"Media:Janus:{i}:";
            settings[key + "Name"] = names[i];
            settings[key + "Role"] = i == 0 ? "Centre" : "Relay";
            settings[key + "ApiUrl"] = $"http://127.0.0.1:{9 + i}/janus";
            settings[key + "ApiSecret"] = "api-" + i;
            settings[key + "TokenAuthSecret"] = "token-" + i;
            settings[key + "RoomAdminKey"] = "key-" + i;
            settings[key + "RtpHost"] = "10.0.0." + (i + 1);
            if (i > 0)
            {
                settings[key + "Units:0"] = DemoDistrict.CommuneCode(i - 1);
            }
        }

        return settings;
    }

    public void Dispose() => app.Dispose();

    /// <summary>After the keeper's first pass (which finds no Janus), every instance reported answering.</summary>
    private async Task<MediaTiers> SettledAsync()
    {
        var keeper = app.Services.GetRequiredService<RoomKeeper>();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (keeper.Passes == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Assert.True(keeper.Passes > 0, "the keeper did not run");
        var health = app.Services.GetRequiredService<MediaHealth>();
        foreach (var name in new[] { "centre", "relay-1", "relay-2", "relay-3" })
        {
            health.Report(name, true);
        }

        return app.Services.GetRequiredService<MediaTiers>();
    }

    private async Task<MeetingEndpoint> EndpointAsync(string unitCode, bool isHost = false)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == unitCode);
        return MeetingEndpoint.Create(Guid.NewGuid(), unit.Id, "Điểm cầu " + unit.Name, isHost);
    }

    private async Task<string> HomeOfAsync(MeetingEndpoint endpoint)
    {
        await using var scope = app.Scope();
        return (await app.Services.GetRequiredService<MediaTiers>().HomeOfAsync(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>(), endpoint)).Name;
    }

    [Fact]
    public async Task HomeOf_HostServedAndUnservedEndpoints_CentreTheirRelayCentre()
    {
        Assert.True(app.Services.GetRequiredService<IOptions<MediaOptions>>().Value is { IsTiered: true, IsConfigured: true });
        Assert.Equal("centre", await HomeOfAsync(await EndpointAsync(DemoDistrict.DistrictCode, isHost: true)));
        Assert.Equal("relay-1", await HomeOfAsync(await EndpointAsync(DemoDistrict.CommuneCode(0))));
        Assert.Equal("relay-2", await HomeOfAsync(await EndpointAsync(DemoDistrict.CommuneCode(1))));
        Assert.Equal("centre", await HomeOfAsync(await EndpointAsync(DemoDistrict.CommuneCode(5))));
    }

    [Fact]
    public async Task CandidatesFor_RelayEndpoints_HomeFirstCentreLastFallbacksSpread()
    {
        var tiers = await SettledAsync();
        var home = tiers.Relays.Single(r => r.Name == "relay-1");
        var seconds = new HashSet<string>();
        for (var i = 0; i < 50; i++)
        {
            var order = tiers.CandidatesFor(home, Guid.NewGuid()).Select(j => j.Name).ToList();
            Assert.Equal("relay-1", order[0]);
            Assert.Equal("centre", order[^1]);
            Assert.Equal(4, order.Distinct().Count());
            seconds.Add(order[1]);
        }

        // A dead relay's endpoints do not all land on the same neighbour.
        Assert.Equal(["relay-2", "relay-3"], seconds.Order());
    }

    [Fact]
    public async Task CandidatesFor_FallbackDown_ListedAfterThoseThatAnswer()
    {
        var tiers = await SettledAsync();
        app.Services.GetRequiredService<MediaHealth>().Report("relay-2", false, "refused");
        var order = tiers.CandidatesFor(tiers.Relays.Single(r => r.Name == "relay-1"), Guid.NewGuid()).Select(j => j.Name).ToList();
        Assert.Equal(["relay-1", "relay-3", "centre", "relay-2"], order);
    }

    [Fact]
    public void IsConfigured_RelaysWithoutOneCentre_NotConfigured()
    {
        var o = new MediaOptions { Janus = [new() { Name = "a", Role = JanusRole.Relay, ApiUrl = "u", ApiSecret = "s", TokenAuthSecret = "t", RoomAdminKey = "k", RtpHost = "h" }] };
        Assert.False(o.IsConfigured);
        o.Janus.Add(new() { Name = "c", Role = JanusRole.Centre, ApiUrl = "u", ApiSecret = "s", TokenAuthSecret = "t", RoomAdminKey = "k", RtpHost = "h" });
        Assert.True(o.IsConfigured);
        o.Janus[0].RtpHost = null;
        Assert.False(o.IsConfigured);
    }
}
