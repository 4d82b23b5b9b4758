using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>The published app started from another working directory finds its own wwwroot and
/// appsettings.json; an app folder without wwwroot refuses to start with a message.</summary>
public sealed class ContentRootTests
{
    [Fact]
    public async Task PublishedApp_StartedFromAnotherFolder_ServesCssReadsItsAppSettingsAndWithoutWwwrootRefuses()
    {
        var work = System.IO.Directory.CreateTempSubdirectory("briefings-root-").FullName;
        try
        {
            var publish = Path.Combine(work, "app");
            var run = await RunAsync("dotnet", $"publish \"{Path.Combine(RepoRoot(), "src", "Briefings.Web")}\" -c Release --no-build -nologo -o \"{publish}\"", RepoRoot(), [], TimeSpan.FromMinutes(4));
            Assert.True(run.ExitCode == 0, run.Output);

            // A setting only the published appsettings.json holds: where the database goes.
            var database = Path.Combine(work, "from-appsettings.db");
            var settingsPath = Path.Combine(publish, "appsettings.json");
            var settings = JsonNode.Parse(await File.ReadAllTextAsync(settingsPath))!;
            settings["Database"]!["ConnectionString"] = $"Data Source={database}";
            await File.WriteAllTextAsync(settingsPath, settings.ToJsonString());
            var elsewhere = System.IO.Directory.CreateDirectory(Path.Combine(work, "elsewhere")).FullName;

            var (app, port) = await StartHealthyAsync(Path.Combine(publish, "Briefings.Web.dll"), elsewhere, port => new()
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Admin__Password"] = "Mat-khau-thu-2026",
            });
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

                var css = await http.GetAsync("/app.css");

                Assert.Equal(HttpStatusCode.OK, css.StatusCode);
                var body = await css.Content.ReadAsStringAsync();
                Assert.True(body.Length > 1000, $"app.css has {body.Length} characters");
                Assert.Contains("{", body, StringComparison.Ordinal);
                Assert.True(File.Exists(database), "the database was not created where the published appsettings.json says");
                Assert.False(System.IO.Directory.Exists(Path.Combine(elsewhere, "wwwroot")));
            }
            finally
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
                app.Dispose();
            }

            // The same folder without its wwwroot (and no build manifest to fall back on) refuses to start.
            System.IO.Directory.Delete(Path.Combine(publish, "wwwroot"), recursive: true);
            var refused = await RunAsync("dotnet", $"\"{Path.Combine(publish, "Briefings.Web.dll")}\"", elsewhere, new()
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Admin__Password"] = "Mat-khau-thu-2026",
            }, TimeSpan.FromMinutes(2));
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("wwwroot' is missing", refused.Output, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task BuildOutput_ProductionFromAnotherFolder_ServesCssFromTheProject()
    {
        var work = System.IO.Directory.CreateTempSubdirectory("briefings-root-").FullName;
        try
        {
            // The build output has appsettings.json but no wwwroot: its static web assets manifest points to the project.
            var dll = Path.Combine(RepoRoot(), "src", "Briefings.Web", "bin", "Release", "net10.0", "Briefings.Web.dll");
            var (app, port) = await StartHealthyAsync(dll, work, port => new()
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Admin__Password"] = "Mat-khau-thu-2026",
                ["Database__ConnectionString"] = $"Data Source={Path.Combine(work, "x.db")}",
            });
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

                var css = await http.GetStringAsync("/app.css");

                Assert.True(css.Length > 1000, $"app.css has {css.Length} characters");
            }
            finally
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync();
                app.Dispose();
            }
        }
        finally
        {
            System.IO.Directory.Delete(work, recursive: true);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Briefings.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Briefings.slnx not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the app on a free port and waits for /health. The port is free when chosen but another process
    /// may take it before the app binds it: an app that exits at start is started once more on another port, and a
    /// second exit fails the test with what the app printed.</summary>
    private static async Task<(Process App, int Port)> StartHealthyAsync(string dll, string workingDirectory, Func<int, Dictionary<string, string>> environment)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var output = new System.Text.StringBuilder();
            var app = Start(dll, workingDirectory, environment(port), output);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            if (await WaitHealthyAsync(http, app))
            {
                return (app, port);
            }

            await app.WaitForExitAsync();
            var exit = app.ExitCode;
            app.Dispose();
            Assert.True(attempt < 2, $"the app exited with {exit}:\n{output}");
        }
    }

    private static Process Start(string dll, string workingDirectory, Dictionary<string, string> environment, System.Text.StringBuilder output)
    {
        var info = new ProcessStartInfo("dotnet", $"\"{dll}\"") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        // A home of its own: the app keeps its data-protection keys there, never in the real user's profile.
        info.Environment["HOME"] = workingDirectory;
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>True once the app answers /health; false if it exited first.</summary>
    private static async Task<bool> WaitHealthyAsync(HttpClient http, Process app)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until)
        {
            if (app.HasExited)
            {
                return false;
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(300);
        }

        throw new TimeoutException("The published app did not answer /health within 2 minutes.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string workingDirectory, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in environment)
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {arguments} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
