using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.HostileInput;

/// <summary>
/// The real app as its own process (the built Briefings.Web.dll) on a database of the suite's provider: a clerk
/// creates units in a loop, the process is killed with SIGKILL in the middle, the app starts again on the same
/// database, and every unit whose creation was acknowledged (303) is there with its audit entry, no unit exists
/// without one, and (SQLite) the file passes <c>PRAGMA integrity_check</c>. Bounded: a few seconds of writes and two
/// starts.
/// </summary>
public sealed class KillDuringWritesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("briefings-kill-").FullName;
    private Process? app;

    [Fact]
    public async Task Kill9_DuringWrites_EveryAcknowledgedWriteKeptAndDatabaseIntact()
    {
        var connection = TestDatabase.NewConnectionString(folder);
        var port = FreePort();
        var prefix = "X-K9-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() + "-";

        app = Start(connection, port);
        using var clerk = await SignInAsync(port);
        var acknowledged = new List<string>();
        var inFlight = new List<Task>();
        var watch = Stopwatch.StartNew();
        var killAt = TimeSpan.FromSeconds(3 + Random.Shared.NextDouble() * 2);
        var n = 0;
        while (watch.Elapsed < killAt)
        {
            var code = prefix + n++;
            var response = await CreateUnitAsync(clerk, code);
            if (response == HttpStatusCode.SeeOther)
            {
                acknowledged.Add(code);
            }
        }

        // One more write on its way while the process dies.
        var last = CreateUnitAsync(clerk, prefix + n);
        await Task.Delay(Random.Shared.Next(0, 30));
        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();
        try
        {
            if (await last == HttpStatusCode.SeeOther)
            {
                acknowledged.Add(prefix + n);
            }
        }
        catch (HttpRequestException)
        {
            // The connection died with the process: not acknowledged.
        }

        Assert.NotEmpty(acknowledged);
        app = Start(connection, port);
        using (var again = await SignInAsync(port))
        {
            Assert.Equal(HttpStatusCode.SeeOther, await CreateUnitAsync(again, prefix + "after"));
        }

        app.Kill(entireProcessTree: true);
        await app.WaitForExitAsync();

        var options = new DbContextOptionsBuilder<BriefingsDbContext>();
        DatabaseRegistration.Configure(options, new DatabaseOptions { Provider = TestDatabase.Provider, ConnectionString = connection }, folder);
        await using var db = new BriefingsDbContext(options.Options);
        var units = await db.Units.AsNoTracking().Where(u => u.Code.StartsWith(prefix)).Select(u => new { u.Id, u.Code }).ToListAsync();
        var ids = units.Select(u => u.Id.ToString()).ToList();
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Unit) && ids.Contains(a.EntityId)).Select(a => a.EntityId).Distinct().ToListAsync();
        Assert.Empty(acknowledged.Except(units.Select(u => u.Code)));
        Assert.Equal(units.Count, audited.Count);
        if (!TestDatabase.IsPostgres)
        {
            Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
        }
    }

    private Process Start(string connection, int port)
    {
        var dll = AppDll();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // A home of its own: a process killed while writing its data-protection key must not leave it in the real profile.
        info.Environment["HOME"] = folder;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["Database__Provider"] = TestDatabase.Provider;
        info.Environment["Database__ConnectionString"] = connection;
        info.Environment["Database__DataFolderRoot"] = folder;
        info.Environment["Demo__Load"] = "true";
        info.Environment["Demo__Password"] = AppFactory.DemoPassword;
        info.Environment["Demo__DataFolder"] = folder;
        info.Environment["Meetings__RunReminders"] = "false";
        info.Environment["FollowUp__Reminders__Run"] = "false";
        info.Environment["FollowUp__RunPeriodJob"] = "false";
        info.Environment["Mail__PickupFolder"] = Path.Combine(folder, "mail");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<AppClient> SignInAsync(int port)
    {
        var client = new AppClient(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        });
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(90))
            {
            }

            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), "The app did not start within 90 s.");
            await Task.Delay(200);
        }

        var login = await client.LoginAsync("vanphong", AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return client;
    }

    private static async Task<HttpStatusCode> CreateUnitAsync(AppClient client, string code) =>
        (await client.SubmitAsync("/directory/units/new?parent=" + Demo.AnLac, "unit", new()
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Tổ ghi thử " + code,
            ["Input.ShortName"] = "Tổ thử",
            ["Input.Kind"] = nameof(UnitKind.Organization),
        })).StatusCode;

    private static string AppDll()
    {
        // tests/Briefings.Web.Tests/bin/<Configuration>/net10.0/ -> src/Briefings.Web/bin/<Configuration>/net10.0/
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = bin.Parent!.Name;
        var root = bin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "Briefings.Web", "bin", configuration, bin.Name, "Briefings.Web.dll");
        Assert.True(File.Exists(dll), $"The app is not built: {dll}");
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (app is { HasExited: false })
        {
            app.Kill(entireProcessTree: true);
            app.WaitForExit(10_000);
        }

        app?.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }
}
