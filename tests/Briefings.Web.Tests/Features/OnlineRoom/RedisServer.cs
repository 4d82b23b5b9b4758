using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Briefings.Web.Tests.Features.OnlineRoom;

/// <summary>A throwaway redis-server on 127.0.0.1 (a free port, nothing saved to disk), stopped by its PID.
/// Needs the Debian package redis-server (./test.sh installs it for the full run).</summary>
public sealed class RedisServer : IDisposable
{
    private readonly string binary;
    private Process process;

    public RedisServer()
    {
        binary = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: apt-get install redis-server (./test.sh does it).");
        Port = FreePort();
        Folder = System.IO.Directory.CreateTempSubdirectory("briefings-redis-").FullName;
        process = StartProcess();
    }

    /// <summary>Kills the server by its PID (its data is gone: nothing is saved).</summary>
    public void Stop()
    {
        if (!process.HasExited)
        {
            Resume();
        }

        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit(5000);
        }
    }

    /// <summary>Stops the server answering without closing a connection (SIGSTOP to its PID), as a Redis too busy to
    /// answer in time: clients stay connected and their commands time out. <see cref="Resume"/> lets it go on.</summary>
    public void Pause() => Signal("-STOP");

    public void Resume() => Signal("-CONT");

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", [signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start.");
        kill.WaitForExit();
    }

    /// <summary>Starts it again on the same port.</summary>
    public void Start()
    {
        Stop();
        process.Dispose();
        process = StartProcess();
    }

    private Process StartProcess()
    {
        var start = new ProcessStartInfo(binary)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", Folder })
        {
            start.ArgumentList.Add(arg);
        }

        var started = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        started.OutputDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        WaitUntilReady(started);
        return started;
    }

    public int Port { get; }
    public string Folder { get; }
    public string Connection => $"127.0.0.1:{Port}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilReady(Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var stream = client.GetStream();
                stream.Write(Encoding.ASCII.GetBytes("PING\r\n"));
                var buffer = new byte[16];
                var read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            if (server.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {server.ExitCode}.");
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("redis-server did not answer PING.");
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }
}
