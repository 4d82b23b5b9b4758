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
        // What the page asked for and has not received yet: when signing in does not finish, the failure names the
        // request that hangs (a CI run once waited 60 s for the home page's DOMContentLoaded and said nothing more).
        var pending = new System.Collections.Concurrent.ConcurrentDictionary<IRequest, DateTimeOffset>();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var started = DateTimeOffset.UtcNow;
        void Note(string what, IRequest r) => log.Enqueue($"{(DateTimeOffset.UtcNow - started).TotalMilliseconds,7:0} ms {what} {r.Method} {r.Url}");
        page.Request += (_, r) => { pending[r] = DateTimeOffset.UtcNow; Note("→", r); };
        page.RequestFinished += (_, r) => { pending.TryRemove(r, out DateTimeOffset _); Note("✓", r); };
        page.RequestFailed += (_, r) => { pending.TryRemove(r, out DateTimeOffset _); Note("✗ " + r.Failure, r); };
        page.Response += (_, r) => Note($"← {r.Status}", r.Request);
        page.DOMContentLoaded += (_, _) => log.Enqueue($"{(DateTimeOffset.UtcNow - started).TotalMilliseconds,7:0} ms DOMContentLoaded {page.Url}");
        try
        {
            await page.GotoAsync(BaseUrl + "/Account/Login");
            await page.FillAsync("#Input\\.UserName", userName);
            await page.FillAsync("#Input\\.Password", AppFactory.DemoPassword);
            await page.ClickAsync("button[type=submit]");
            // The redirect home is committed first, then its document: waiting for the full load event (every image and
            // script of the dashboard) is not what signing in means, and on a busy machine it was the flaky part.
            await page.WaitForURLAsync(BaseUrl + "/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
            // Then the document itself, asked of the page, not awaited as an event: WaitForLoadStateAsync(DOMContentLoaded)
            // called just after the commit sometimes missed the event and waited 60 s for a page whose DOMContentLoaded
            // had fired 0.1 s after the commit with no request pending (seen with the log below, on SQLite and PostgreSQL,
            // with one context open or three). Polling readyState cannot miss it.
            await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { Timeout = 60_000, PollingInterval = 100 });
        }
        catch (TimeoutException e)
        {
            var now = DateTimeOffset.UtcNow;
            throw new TimeoutException(
                $"Signing in as {userName} did not finish. Still waiting for: "
                + string.Join("; ", pending.Select(p => $"{p.Key.Method} {p.Key.Url} ({(now - p.Value).TotalSeconds:0} s)"))
                + ". Requests: " + string.Join(" | ", log), e);
        }

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
