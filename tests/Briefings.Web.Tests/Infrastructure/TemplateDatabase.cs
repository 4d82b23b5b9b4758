using System.Collections.Concurrent;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>
/// One migrated database with the demo district, made once per test process by a real start of the app, and copied for
/// every later app that starts with the same start-up settings: a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c>
/// on PostgreSQL, and the app's data folder (its key ring) beside it. A fresh start pays the migrations, the demo seed
/// and a password hash per demo account (about 5 CPU-seconds on this machine); a copy pays none of them, and the app
/// still runs its whole start-up on it (migrations found applied, the stored-text repair, the bootstrap, the seeder
/// finding the district). Apps whose settings shape what start-up writes (<c>Database:*</c>, <c>Demo:*</c>,
/// <c>Admin:*</c>) start on an empty database of their own, as before.
/// </summary>
internal static class TemplateDatabase
{
    private static readonly ConcurrentDictionary<string, Lazy<Template>> Templates = new();

    private static readonly string[] StartUpPrefixes = ["Database:", "Demo:", "Admin:"];

    /// <summary>Whether an app with these settings of its own may start from a copy (<c>BRIEFINGS_TEST_TEMPLATE=0</c>
    /// starts every app on an empty database, as before the template, e.g. to measure what it saves).</summary>
    public static bool Fits(IDictionary<string, string?>? overrides) =>
        Environment.GetEnvironmentVariable("BRIEFINGS_TEST_TEMPLATE") != "0"
        && (overrides is null || !overrides.Keys.Any(k => StartUpPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))));

    /// <summary>Fills <paramref name="folder"/> and the database named by <paramref name="connectionString"/> with a
    /// copy of the template, making the template first if this process has none yet.</summary>
    public static void CopyInto(string folder, string connectionString, Func<AppFactory> makeTemplateApp)
    {
        var template = Templates.GetOrAdd(TestDatabase.Provider, _ => new Lazy<Template>(() => Make(makeTemplateApp))).Value;
        CopyFolder(template.Folder, folder);
        if (TestDatabase.IsPostgres)
        {
            TestDatabase.CreateFromTemplate(connectionString, template.ConnectionString);
        }
        else
        {
            // The database file sits in the folder (Data Source=folder/test.db) and came with it.
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"The template's SQLite file did not come with its folder: {file}.");
            }
        }
    }

    private static Template Make(Func<AppFactory> makeTemplateApp)
    {
        var app = makeTemplateApp();
        using (app)
        {
            _ = app.Services; // starts the host: migrations, bootstrap, demo seed
        }

        // The pooled connections of the stopped app are closed, so that SQLite folds its write-ahead log into the file
        // and PostgreSQL lets the database be a template (no session may be connected to it: the stopped app's idle
        // sessions are ended and the database takes no new ones).
        if (TestDatabase.IsPostgres)
        {
            TestDatabase.CloseSessions(app.ConnectionString);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(app.ConnectionString));
        }

        return new Template(app.Folder, app.ConnectionString);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
        }
    }

    private sealed record Template(string Folder, string ConnectionString);
}
