using Briefings.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests;

/// <summary>The real app on Kestrel (127.0.0.1, a free port) and Debian's Chromium driven by Playwright.
/// Playwright never downloads a browser here: <c>CHROMIUM_PATH</c> (default /usr/bin/chromium) is used.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private readonly KestrelAppFactory app;
    private IPlaywright? playwright;

    public BrowserFixture()
        : this(null)
    {
    }

    /// <summary>For an app with other settings (the demo with its history).</summary>
    protected BrowserFixture(IDictionary<string, string?>? overrides) => app = new KestrelAppFactory(overrides);

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public AppFactory App => app;

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
        BaseUrl = app.StartAndGetAddress();
        playwright = await Playwright.CreateAsync();
        var home = Environment.GetEnvironmentVariable("BROWSER_HOME") ?? Directory.CreateTempSubdirectory("briefings-browser-").FullName;
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            Env = new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = home, ["XDG_CACHE_HOME"] = home },
        });
    }

    public async Task<IPage> LoginAsync(string userName, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "vi-VN" });
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        await Briefings.Testing.BrowserSignIn.SignInAsync(page, BaseUrl, userName, AppFactory.DemoPassword);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
