namespace Briefings.Web.Tests.Infrastructure;

/// <summary>
/// Which database the web suite runs on. <c>./test.sh</c> runs the suite twice: on SQLite (default) and
/// with <c>BRIEFINGS_TEST_DB=Postgres</c> plus <c>BRIEFINGS_TEST_PG</c> (a connection string to a throwaway
/// PostgreSQL on 127.0.0.1 without a database name); each app factory gets a database of its own.
/// </summary>
public static class TestDatabase
{
    public static string Provider => Environment.GetEnvironmentVariable("BRIEFINGS_TEST_DB") is { Length: > 0 } p ? p : "Sqlite";

    public static bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>A fresh, empty database's connection string.</summary>
    public static string NewConnectionString(string folder)
    {
        if (!IsPostgres)
        {
            return $"Data Source={Path.Combine(folder, "test.db")}";
        }

        var server = Environment.GetEnvironmentVariable("BRIEFINGS_TEST_PG")
            ?? throw new InvalidOperationException("BRIEFINGS_TEST_DB=Postgres needs BRIEFINGS_TEST_PG, e.g. 'Host=127.0.0.1;Port=5432;Username=postgres'.");
        return $"{server};Database=t_{Guid.NewGuid():N}";
    }
}
