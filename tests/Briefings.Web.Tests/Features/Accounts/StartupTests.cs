using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>A wrong configuration stops start-up with a message that names the setting.</summary>
public sealed class StartupTests
{
    [Fact]
    public void Startup_UnknownProvider_StopsWithClearMessage()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" });

        var error = Assert.ThrowsAny<Exception>(() => app.Client());

        Assert.Contains("Unknown Database:Provider 'Oracle'", error.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_UnreachablePostgres_StopsWithClearMessage()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            // Port 9 on loopback: nothing listens there, the connection is refused at once.
            ["Database:ConnectionString"] = "Host=127.0.0.1;Port=9;Database=none;Username=nobody;Password=x;Timeout=3",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Client());

        var message = Flatten(error);
        Assert.Contains("Cannot open the PostgreSQL database", message, StringComparison.Ordinal);
        Assert.Contains("Host=127.0.0.1", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=x", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_PostgresWithoutConnectionString_StopsWithClearMessage()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => app.Client());

        Assert.Contains("Database:ConnectionString is empty", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e)
    {
        var parts = new List<string>();
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            parts.Add(x.Message);
        }

        return string.Join(" | ", parts);
    }
}

/// <summary>Outside the demo, the first administrator never gets a fixed password.</summary>
public sealed class AdminBootstrapTests
{
    [Fact]
    public async Task EmptyDatabase_NoAdminPassword_OneTimePasswordThatMustBeChanged()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?> { ["Demo:Load"] = "false", ["Admin:UserName"] = "quantri" });
        using var client = app.Client();

        var admin = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users));

        Assert.Equal("quantri", admin.UserName);
        Assert.True(admin.MustChangePassword);
        // No known password opens it: the generated one is only in the log.
        var login = await client.LoginAsync("quantri", AppFactory.DemoPassword);
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task EmptyDatabase_AdminPasswordConfigured_AdminCanLogIn()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?>
        {
            ["Demo:Load"] = "false",
            ["Admin:UserName"] = "quantri",
            ["Admin:Password"] = "Cau-hinh-rieng-2026",
        });
        using var client = app.Client();

        var login = await client.LoginAsync("quantri", "Cau-hinh-rieng-2026");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, login.StatusCode);
        Assert.False((await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users))).MustChangePassword);
    }
}
