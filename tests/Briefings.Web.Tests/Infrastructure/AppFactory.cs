using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The real app on a database of its own with the demo district loaded.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>Password of every demo account in tests (a test-only value, never used outside tests).</summary>
    public const string DemoPassword = "Test-Demo-Pass-2026";

    private readonly Dictionary<string, string?> settings;

    /// <summary>Starts on a copy of this process's template database (see <see cref="TemplateDatabase"/>); false for
    /// the template itself and for apps whose own settings shape what start-up writes.</summary>
    private readonly bool fromTemplate;

    private readonly bool keepFolder;

    public AppFactory()
        : this(null)
    {
    }

    /// <summary>For an app with other settings (start-up failures, a second instance).</summary>
    protected AppFactory(IDictionary<string, string?>? overrides)
        : this(overrides, template: false)
    {
    }

    private AppFactory(IDictionary<string, string?>? overrides, bool template)
    {
        fromTemplate = !template && TemplateDatabase.Fits(overrides);
        keepFolder = template;
        Folder = Directory.CreateTempSubdirectory("briefings-test-").FullName;
        settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = TestDatabase.Provider,
            ["Database:ConnectionString"] = TestDatabase.NewConnectionString(Folder),
            ["Database:DataFolderRoot"] = Folder,
            ["Demo:Load"] = "true",
            ["Demo:Password"] = DemoPassword,
            ["Demo:DataFolder"] = Folder,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Meetings:RunReminders"] = "false",
            ["FollowUp:Reminders:Run"] = "false",
            ["Mail:PickupFolder"] = Path.Combine(Folder, "mail"),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public string Folder { get; }

    /// <summary>This app's database, to start a second app on it (a restart).</summary>
    public string ConnectionString => settings["Database:ConnectionString"]!;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (fromTemplate)
        {
            TemplateDatabase.CopyInto(Folder, ConnectionString, () => new AppFactory(null, template: true));
        }

        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // Outside Development the app serves static assets only from a publish folder; tests run from the build output.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Passwords are hashed with Identity's own hasher at a test work factor: the suites sign in about a thousand
        // times and seed every demo account, and at the deployed 100,000 PBKDF2 rounds each costs ≈ 70 ms of CPU.
        // The deployed app keeps Identity's default (PasswordHashingTests checks it does).
        builder.ConfigureServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordIterations));
    }

    /// <summary>PBKDF2 rounds of a password hashed in tests (the deployed app uses Identity's default).</summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>A scope to read or arrange data directly (assertions check what was really stored).</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public AppClient Client() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<AppClient> LoginAsync(string userName, string password = DemoPassword)
    {
        var client = Client();
        var response = await client.LoginAsync(userName, password);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.Contains("Login", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (keepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be open on a slow shutdown; the OS cleans the temp folder.
        }
    }
}

/// <summary>An app with settings of its own.</summary>
public sealed class ConfiguredAppFactory(IDictionary<string, string?> overrides) : AppFactory(overrides);

/// <summary>One app and its demo data shared by the tests of a collection; tests create their own records
/// when they change data, so they do not depend on each other.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "app";
}
