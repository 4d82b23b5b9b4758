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

    /// <summary>Creates the PostgreSQL database of <paramref name="connectionString"/> as a copy of the one of
    /// <paramref name="templateConnectionString"/> (nobody may be connected to that one).</summary>
    public static void CreateFromTemplate(string connectionString, string templateConnectionString)
    {
        var template = new Npgsql.NpgsqlConnectionStringBuilder(templateConnectionString).Database!;
        OnServer(connectionString, name => $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
    }

    /// <summary>Ends every session on the PostgreSQL database of <paramref name="connectionString"/> and refuses new
    /// ones: a database taken away from its app, or made ready to be the template of others.</summary>
    public static void CloseSessions(string connectionString) =>
        OnServer(connectionString, name => $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}';");

    /// <summary>Takes the database away from a running app, as a server that stopped: on PostgreSQL the database
    /// refuses connections and its sessions are ended; on SQLite the file is replaced by a folder, so opening it fails.</summary>
    public static Task MakeUnreachableAsync(string connectionString)
    {
        if (IsPostgres)
        {
            CloseSessions(connectionString);
            Npgsql.NpgsqlConnection.ClearAllPools();
            return Task.CompletedTask;
        }

        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var part in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(part);
        }

        Directory.CreateDirectory(file);
        return Task.CompletedTask;
    }

    /// <summary>Runs a statement about the database of <paramref name="connectionString"/> on the server's
    /// maintenance database.</summary>
    private static void OnServer(string connectionString, Func<string, string> statement)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        using var admin = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        admin.Open();
        using var command = admin.CreateCommand();
        command.CommandText = statement(name);
        command.ExecuteNonQuery();
    }
}
