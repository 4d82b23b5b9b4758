using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Briefings.Data;

public static class DatabaseRegistration
{
    public const string SqliteMigrationsAssembly = "Briefings.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Briefings.Migrations.Postgres";

    /// <summary>Configures EF Core for the configured provider, or throws a message an operator can act on.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string contentRoot)
    {
        switch (Normalize(db.Provider))
        {
            case DatabaseOptions.Sqlite:
                options.UseSqlite(SqliteConnectionString(db, contentRoot), o => o.MigrationsAssembly(SqliteMigrationsAssembly)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case DatabaseOptions.Postgres:
                if (string.IsNullOrWhiteSpace(db.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is 'Postgres' but Database:ConnectionString is empty. " +
                        "Set it, e.g. Database__ConnectionString='Host=127.0.0.1;Port=5432;Database=briefings;Username=briefings;Password=...'.");
                }

                options.UseNpgsql(PostgresConnectionString(db.ConnectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            default:
                throw new InvalidOperationException(
                    $"Unknown Database:Provider '{db.Provider}'. Use 'Sqlite' (the default, a file under data/) or 'Postgres' with Database:ConnectionString.");
        }

        // A list in a query (ids.Contains(x.Id)) goes to the database as ONE parameter (json_each on SQLite, = ANY on
        // PostgreSQL), so its SQL is the same whatever the list holds. EF 10's default expands it into one parameter
        // per element, and that SQL was built again on every execution under a lock of EF's command cache: on home
        // a sixth of a signed-in request, serialised across all requests (issue 14.5, docs/benchmarks.md).
        options.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();

        // Every committed change a page may show moves the page version (the web app's PageCache).
        options.AddInterceptors(PageVersionOnCommit.Instance);
    }

    public static string Normalize(string? provider) => provider?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseOptions.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseOptions.Postgres,
        _ => provider!,
    };

    /// <summary>The operator's PostgreSQL connection string with two of Npgsql's settings the app relies on, each unless
    /// the operator set it. (1) Automatic preparation ("Max Auto Prepare"): without it PostgreSQL parses and plans every
    /// query of every request again (the session check, the account context, the page's query); with it a connection
    /// prepares a statement after its fifth use and afterwards sends only its parameters (issue 14.5, docs/benchmarks.md
    /// "Signed-in pages, round 3"). (2) No session reset when a connection goes back to the pool ("No Reset On Close"):
    /// with statements prepared, Npgsql otherwise sends a chain of reset statements (RESET ALL, CLOSE ALL, UNLISTEN *,
    /// the advisory locks' release, DISCARD SEQUENCES and TEMP) with the next use of the connection — on every page, as
    /// each opens its connection once — for session state the app never sets: no SET, LISTEN, temporary table or
    /// session-level advisory lock (its advisory locks are the transaction's, SerializedWrites), and an open transaction
    /// is rolled back on close either way (issue 14.5, docs/benchmarks.md "Signed-in pages, round 8").</summary>
    public static string PostgresConnectionString(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Statements each PostgreSQL connection keeps prepared (Npgsql's "Max Auto Prepare"): the app's frequent
    /// queries are a few dozen shapes.</summary>
    public const int AutoPreparedStatements = 100;

    private static string SqliteConnectionString(DatabaseOptions db, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(db.ConnectionString))
        {
            return db.ConnectionString;
        }

        var folder = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "briefings.db")}";
    }
}
