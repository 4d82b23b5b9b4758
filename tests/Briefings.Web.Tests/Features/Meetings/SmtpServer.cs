using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>
/// A real SMTP server on 127.0.0.1: aiosmtpd (Debian package <c>python3-aiosmtpd</c>, an RFC 5321 server) with its
/// Mailbox handler, delivering every accepted message into a maildir in a temp folder that the test reads. Started and
/// stopped (by its PID) by the test, on the same port each time, so the app sees it go down and come back.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? process;

    public SmtpServer()
    {
        if (!File.Exists(Python) || !System.IO.Directory.Exists("/usr/lib/python3/dist-packages/aiosmtpd"))
        {
            throw new InvalidOperationException("aiosmtpd is not installed: apt-get install python3-aiosmtpd (./test.sh does it).");
        }

        Folder = System.IO.Directory.CreateTempSubdirectory("briefings-smtp-").FullName;
        Port = FreePort();
    }

    public int Port { get; }
    public string Folder { get; }
    public string Maildir => Path.Combine(Folder, "maildir");
    public bool Running => process is { HasExited: false };

    public SmtpServer Start()
    {
        var start = new ProcessStartInfo(Python)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilReady();
        return this;
    }

    /// <summary>Kills the server by its PID; the port is free again at once.</summary>
    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit(5000);
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Every message delivered so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var files = new[] { "new", "cur" }.Select(d => Path.Combine(Maildir, d)).Where(System.IO.Directory.Exists)
            .SelectMany(System.IO.Directory.GetFiles);
        return [.. files.Select(f => MimeMessage.Load(f))];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilReady()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                using var stream = client.GetStream();
                var buffer = new byte[256];
                var read = stream.Read(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("220", StringComparison.Ordinal))
                {
                    stream.Write(Encoding.ASCII.GetBytes("QUIT\r\n"));
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (IOException)
            {
                // Closed while starting.
            }

            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode}.");
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("aiosmtpd did not greet.");
    }

    public void Dispose()
    {
        Stop();
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
