using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Briefings.Bench;

/// <summary>
/// Cold start of the built web app: from <see cref="Process.Start()"/> to the first 200 of GET /Account/Login,
/// first with an empty SQLite database (migrations + demo seed included), then warm (the database exists).
/// Memory is the resident set (VmRSS of /proc/PID/status) two seconds after the first page, and again
/// one second after 50 sequential requests to the login page. The app is stopped by its PID (SIGTERM,
/// then SIGKILL after 15 s); its PID is written to a file so that bench/run.sh can stop it if this driver dies.
/// </summary>
internal static class StartBench
{
    private static Process? current;

    /// <param name="history">Demo:History of the started app (Development turns it on): the demo's year of history is
    /// played at the empty-database start. False gives the same-run baseline (the district and accounts only).</param>
    public static async Task<StartFigures> RunAsync(string appDll, string work, int runs, string password, string? pidFile, string workingDirectory, bool history = true)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillCurrent();
        Directory.CreateDirectory(work);
        var loadBefore = Machine.LoadAverage();
        var result = new List<StartRun>();
        string? lastFolder = null;
        for (var i = 1; i <= runs; i++)
        {
            lastFolder = Path.Combine(work, string.Create(CultureInfo.InvariantCulture, $"empty-{i}"));
            Directory.CreateDirectory(lastFolder);
            result.Add(await OneAsync("empty", appDll, lastFolder, password, pidFile, workingDirectory, history));
        }

        for (var i = 1; i <= runs; i++)
        {
            result.Add(await OneAsync("warm", appDll, lastFolder!, password, pidFile, workingDirectory, history));
        }

        return new StartFigures(
            $"dotnet {appDll} --urls http://127.0.0.1:PORT, Demo__History={(history ? "true" : "false")}",
            workingDirectory,
            result,
            loadBefore,
            Machine.LoadAverage());
    }

    private static async Task<StartRun> OneAsync(string kind, string appDll, string folder, string password, string? pidFile, string workingDirectory, bool history)
    {
        var port = FreePort();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add(appDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Demo__Load"] = "true";
        psi.Environment["Demo__Password"] = password;
        psi.Environment["Demo__History"] = history ? "true" : "false";
        psi.Environment["Demo__DataFolder"] = folder;
        psi.Environment["Database__ConnectionString"] = "Data Source=" + Path.Combine(folder, "b.db");

        var logPath = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"app-{kind}-{DateTime.UtcNow:HHmmssfff}.log"));
        await using var log = TextWriter.Synchronized(new StreamWriter(logPath));
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var login = new Uri(url + "/Account/Login");

        // Playing the demo history at an empty-database start takes far longer than a plain start on a busy machine.
        var limit = TimeSpan.FromMinutes(history && kind == "empty" ? 10 : 2);
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start dotnet.");
        current = process;
        if (pidFile is not null)
        {
            await File.WriteAllTextAsync(pidFile, process.Id.ToString(CultureInfo.InvariantCulture));
        }

        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            double firstPage;
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The app exited with code {process.ExitCode} before serving the login page; see {logPath}.");
                }

                if (Stopwatch.GetElapsedTime(start) > limit)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"No 200 from {login} within {limit.TotalMinutes:F0} minutes; see {logPath}."));
                }

                try
                {
                    using var response = await http.GetAsync(login);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        await response.Content.ReadAsByteArrayAsync();
                        firstPage = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet (refused, or the connect timed out while the machine is busy).
                }

                await Task.Delay(10);
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var rssAfterStart = ReadStatusKb(process.Id, "VmRSS:") / 1024.0;

            var requests = Stopwatch.StartNew();
            for (var i = 0; i < 50; i++)
            {
                using var response = await http.GetAsync(login);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Request {i + 1} to {login} answered {(int)response.StatusCode}.");
                }

                await response.Content.ReadAsByteArrayAsync();
            }

            var requestsMs = requests.Elapsed.TotalMilliseconds;
            await Task.Delay(TimeSpan.FromSeconds(1));
            var rssAfter50 = ReadStatusKb(process.Id, "VmRSS:") / 1024.0;
            var peak = ReadStatusKb(process.Id, "VmHWM:") / 1024.0;
            var run = new StartRun(kind, firstPage, rssAfterStart, rssAfter50, peak, requestsMs);
            Console.Error.WriteLine(FormattableString.Invariant(
                $"  start ({kind} db): first 200 after {firstPage:F0} ms; RSS {rssAfterStart:F0} MB after start, {rssAfter50:F0} MB after 50 requests ({requestsMs:F0} ms), peak {peak:F0} MB"));
            return run;
        }
        finally
        {
            await StopAsync(process);
            current = null;
            if (pidFile is not null)
            {
                File.Delete(pidFile);
            }
        }
    }

    internal static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private static void KillCurrent()
    {
        try
        {
            if (current is { HasExited: false } p)
            {
                p.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    internal static long ReadStatusKb(int pid, string field)
    {
        foreach (var line in File.ReadLines(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/status")))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"No {field} in /proc/{pid}/status.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
