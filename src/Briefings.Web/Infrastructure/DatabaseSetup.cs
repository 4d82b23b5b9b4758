using Briefings.Data;
using Briefings.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Infrastructure;

public static class DatabaseSetup
{
    public static void AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.Provider = DatabaseRegistration.Normalize(options.Provider);
        var contentRoot = builder.Configuration["Database:DataFolderRoot"] ?? Directory.GetCurrentDirectory();

        // Validate now, so a wrong provider stops start-up with a message instead of failing on first use.
        DatabaseRegistration.Configure(new DbContextOptionsBuilder<BriefingsDbContext>(), options, contentRoot);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<IAuditActor, HttpAuditActor>();
        // Contexts come from a pool (issue 14.5: a new context per request, its services and DbSets, was a measurable
        // share of a signed-in page under load). Each scope (request, circuit, job) rents one, sets who acts (the
        // audit actor of that scope) and the clock, and gives it back when the scope ends; the context closes the
        // connection it opened and forgets its tracked entities on the way back.
        builder.Services.AddPooledDbContextFactory<BriefingsDbContext>(o => DatabaseRegistration.Configure(o, options, contentRoot));
        builder.Services.AddScoped(services =>
        {
            var db = services.GetRequiredService<IDbContextFactory<BriefingsDbContext>>().CreateDbContext();
            db.Actor = services.GetRequiredService<IAuditActor>();
            db.Clock = services.GetRequiredService<TimeProvider>();
            return db;
        });
        builder.Services.AddScoped<DemoSeeder>();
        builder.AddDemoHistory();
        builder.Services.AddOptions<DemoOptions>().Bind(builder.Configuration.GetSection(DemoOptions.Section));
        builder.Services.AddOptions<AdminBootstrapOptions>().Bind(builder.Configuration.GetSection(AdminBootstrapOptions.Section));
    }

    /// <summary>Applies migrations, creates roles, the first admin and (when configured) the demo district.
    /// Any failure stops start-up with a message naming the setting to fix.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Briefings.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        try
        {
            await db.Database.MigrateAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var message = options.Provider == DatabaseOptions.Postgres
                ? $"Cannot open the PostgreSQL database given by Database:ConnectionString ({Describe(options.ConnectionString)}): {ex.GetBaseException().Message}. " +
                  "Check that the server runs and accepts this user, or set Database:Provider=Sqlite."
                : $"Cannot open the SQLite database ({Describe(options.ConnectionString) ?? "data/briefings.db"}): {ex.GetBaseException().Message}.";
            logger.LogCritical(ex, "{Message}", message);
            throw new InvalidOperationException(message, ex);
        }

        var repaired = await StoredTextRepair.RunAsync(db);
        if (repaired > 0)
        {
            logger.LogWarning("Cleaned stored text of {Rows} rows (control characters, NFC; see docs/decisions.md).", repaired);
        }

        await scope.ServiceProvider.GetRequiredService<AccountBootstrap>().EnsureAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync();
        logger.LogInformation("Database ready ({Provider}).", options.Provider);
    }

    /// <summary>Host and database of a connection string, never the password.</summary>
    private static string? Describe(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !p.StartsWith("password", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("pwd", StringComparison.OrdinalIgnoreCase));
        return string.Join(';', parts);
    }
}
