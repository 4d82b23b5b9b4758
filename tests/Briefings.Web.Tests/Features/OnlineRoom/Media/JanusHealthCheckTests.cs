using System.Net;
using System.Net.Sockets;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.OnlineRoom.Media;

/// <summary>/health's "janus" part. A Janus that answers is checked in the media suite (real Janus); here the
/// app is given the address of a port on 127.0.0.1 where nothing listens, as a Janus that died.</summary>
public sealed class JanusHealthCheckTests
{
    [Fact]
    public async Task Health_JanusUnreachable_DegradedNamingIt()
    {
        var port = ClosedPort();
        await using var app = new ConfiguredAppFactory(new Dictionary<string, string?>
        {
            ["Media:Janus:0:Name"] = "trung-tam",
            ["Media:Janus:0:ApiUrl"] = $"http://127.0.0.1:{port}/janus",
            ["Media:Janus:0:ApiSecret"] = "test-api-secret",
            ["Media:Janus:0:TokenAuthSecret"] = "test-token-secret",
            ["Media:Janus:0:RoomAdminKey"] = "test-admin-key",
        });
        using var http = app.CreateClient();

        var response = await http.GetAsync("/health");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Degraded", text, StringComparison.Ordinal);
        Assert.Contains($"janus: Degraded — 1 of 1 Janus instance(s) down", text, StringComparison.Ordinal);
        Assert.Contains($"trung-tam (http://127.0.0.1:{port}/janus) unreachable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test-api-secret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NoJanusConfigured_JanusPartHealthy()
    {
        await using var app = new ConfiguredAppFactory(new Dictionary<string, string?>());
        using var http = app.CreateClient();

        var text = await (await http.GetAsync("/health")).Content.ReadAsStringAsync();

        Assert.Equal("Healthy", text);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
