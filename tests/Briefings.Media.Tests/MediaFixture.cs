using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Briefings.Media.Tests;

/// <summary>
/// Janus, the app on Kestrel and Chromium with its fake camera and microphone, all inside the network namespace
/// that <c>netns-run.sh</c> creates (test.sh's <c>media</c> suite): signalling on 127.0.0.1, media on the
/// namespace's own veth address. Outside such a namespace the fixture refuses to start rather than let media
/// use the machine's real interfaces.
/// </summary>
public class MediaFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private KestrelAppFactory? app;

    /// <summary>The only Janus, or in tiers (<see cref="Relays"/> &gt; 0) the centre.</summary>
    public JanusServer Janus { get; private set; } = null!;

    /// <summary>Relay instances in tiers (<see cref="CascadeFixture"/>), each serving one demo commune.</summary>
    public IReadOnlyList<JanusServer> RelayServers { get; private set; } = [];

    protected virtual int Relays => 0;

    /// <summary>What Janus's event handler authenticates with when it posts events to the app.</summary>
    public string EventsPassword { get; } = Guid.NewGuid().ToString("N");
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public AppFactory App => app!;

    public static string ArtifactsFolder
    {
        get
        {
            var folder = Path.Combine(Environment.GetEnvironmentVariable("BRIEFINGS_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task InitializeAsync()
    {
        var iface = Environment.GetEnvironmentVariable("BRIEFINGS_MEDIA_IFACE");
        var ip = Environment.GetEnvironmentVariable("BRIEFINGS_MEDIA_IP");
        if (string.IsNullOrEmpty(iface) || string.IsNullOrEmpty(ip))
        {
            throw new InvalidOperationException("Media tests run inside a network namespace: ./test.sh media, or tests/Briefings.Media.Tests/netns-run.sh dotnet test tests/Briefings.Media.Tests --no-build");
        }

        Janus = JanusServer.Create(iface, ip, Relays > 0 ? "centre" : "test");
        RelayServers = [.. Enumerable.Range(1, Relays).Select(i => JanusServer.Create(iface, ip, "relay-" + i, 40000 + 1000 * i))];
        var settings = new Dictionary<string, string?>
        {
            ["Media:EventsPassword"] = EventsPassword,
            ["Media:Janus:0:Name"] = "test",
            ["Media:Janus:0:ApiUrl"] = Janus.ApiUrl,
            ["Media:Janus:0:AdminUrl"] = Janus.AdminUrl,
            ["Media:Janus:0:AdminSecret"] = Janus.AdminSecret,
            ["Media:Janus:0:ApiSecret"] = Janus.ApiSecret,
            ["Media:Janus:0:TokenAuthSecret"] = Janus.TokenAuthSecret,
            ["Media:Janus:0:RoomAdminKey"] = Janus.RoomAdminKey,
            ["Media:CaptureWidth"] = "320",
            ["Media:CaptureHeight"] = "240",
            ["Media:ReconcileInterval"] = "00:00:02",
        };
        if (Relays > 0)
        {
            // Tiers: the centre hosts the chair; relay N serves the demo district's commune N-1. Forwarded RTP
            // goes between the instances over the namespace's veth address, like the browsers' media.
            settings["Media:Janus:0:Name"] = Janus.Name;
            settings["Media:Janus:0:Label"] = "Máy chủ trung tâm";
            settings["Media:Janus:0:Role"] = "Centre";
            settings["Media:Janus:0:RtpHost"] = ip;
            settings["Media:Janus:0:RtpInterface"] = ip;
            for (var i = 0; i < RelayServers.Count; i++)
            {
                var relay = RelayServers[i];
                var key = $"Media:Janus:{i + 1}:";
                settings[key + "Name"] = relay.Name;
                settings[key + "Label"] = "Trạm chuyển tiếp " + (i + 1);
                settings[key + "Role"] = "Relay";
                settings[key + "Units:0"] = DemoDistrict.CommuneCode(i);
                settings[key + "RtpHost"] = ip;
                settings[key + "RtpInterface"] = ip;
                settings[key + "ApiUrl"] = relay.ApiUrl;
                settings[key + "AdminUrl"] = relay.AdminUrl;
                settings[key + "AdminSecret"] = relay.AdminSecret;
                settings[key + "ApiSecret"] = relay.ApiSecret;
                settings[key + "TokenAuthSecret"] = relay.TokenAuthSecret;
                settings[key + "RoomAdminKey"] = relay.RoomAdminKey;
            }
        }

        app = new KestrelAppFactory(settings);
        BaseUrl = app.StartAndGetAddress();
        await Janus.StartAsync(BaseUrl + "/media/janus/events", EventsPassword);
        foreach (var relay in RelayServers)
        {
            await relay.StartAsync(BaseUrl + "/media/janus/events", EventsPassword);
        }

        playwright = await Playwright.CreateAsync();
        var home = Directory.CreateTempSubdirectory("briefings-media-browser-").FullName;
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--autoplay-policy=no-user-gesture-required",
            ],
            Env = new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = home, ["XDG_CACHE_HOME"] = home, ["TMPDIR"] = home },
        });
    }

    public async Task<IPage> LoginAsync(string userName, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "vi-VN", Permissions = ["camera", "microphone"] });
        var page = await context.NewPageAsync();
        await Briefings.Testing.BrowserSignIn.SignInAsync(page, BaseUrl, userName, AppFactory.DemoPassword);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });

    public sealed record OnlineMeeting(Guid Id, Guid Host, Guid AnLac, Guid BinhDong);

    /// <summary>An online meeting of the demo district with its default composition, invitations sent.</summary>
    public async Task<OnlineMeeting> NewOnlineMeetingAsync(string title, DateOnly date)
    {
        await using var scope = App.Scope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BriefingsDbContext>();
        var admin = new AccessScope(true, null, null, true, true);
        var district = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
        var saved = await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.QuarterlyBriefing, MeetingMode.Online, date,
            new TimeOnly(8, 0), new TimeOnly(11, 0), "Phòng họp trực tuyến " + title, "HU-TP-BDV", "MT-TP", null, null, "Thông qua dự thảo báo cáo | Ban Dân vận | 30", 0), admin);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var id = saved.Value!.Id;
        Assert.True((await sp.GetRequiredService<ApplyComposition>().RunAsync(id, admin)).Succeeded);
        Assert.True((await sp.GetRequiredService<SendInvitations>().RunAsync(id, admin)).Succeeded);
        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == id)
            .Join(db.Units.AsNoTracking(), e => e.AreaUnitId, u => u.Id, (e, u) => new { e.Id, e.IsHost, u.Code }).ToListAsync();
        return new OnlineMeeting(id, endpoints.Single(e => e.IsHost).Id,
            endpoints.Single(e => e.Code == DemoDistrict.CommuneCode(0)).Id, endpoints.Single(e => e.Code == DemoDistrict.CommuneCode(1)).Id);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (Janus is not null)
        {
            await Janus.DisposeAsync();
        }

        foreach (var relay in RelayServers)
        {
            await relay.DisposeAsync();
        }
    }
}

/// <summary>Media in tiers: a centre Janus and two relays (three processes), the app configured with their roles
/// and the units each relay serves.</summary>
public sealed class CascadeFixture : MediaFixture
{
    protected override int Relays => 2;
}

[CollectionDefinition(Name)]
public sealed class CascadeCollection : ICollectionFixture<CascadeFixture>
{
    public const string Name = "media-cascade";
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "media";
}
