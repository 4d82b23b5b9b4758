using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Briefings.Media.Tests;

/// <summary>
/// A private Janus (Debian's <c>janus</c>) for one test run: its own config folder with fresh secrets, HTTP and
/// admin API on 127.0.0.1, media only on the namespace's veth (<c>ice_enforce_list</c>), only the VideoRoom and
/// EchoTest plugins and the HTTP transport. Started and stopped by PID.
/// </summary>
public sealed class JanusServer : IAsyncDisposable
{
    private const string Modules = "/usr/lib/x86_64-linux-gnu/janus";
    private Process? process;

    private JanusServer(string folder, string iface, string ip, string name, int rtpPortBase)
    {
        Folder = folder;
        Name = name;
        RtpPortBase = rtpPortBase;
        Interface = iface;
        Ip = ip;
        Port = FreePort();
        AdminPort = FreePort();
    }

    public string Folder { get; }

    /// <summary>Janus's <c>server_name</c>: the "emitter" of its events, matched to <c>Media:Janus:N:Name</c>.</summary>
    public string Name { get; }

    /// <summary>First of the 1,000 ports this instance gathers ICE candidates on (instances side by side differ).</summary>
    public int RtpPortBase { get; }
    public string Interface { get; }
    public string Ip { get; }
    public int Port { get; }
    public int AdminPort { get; }
    public string ApiUrl => $"http://127.0.0.1:{Port}/janus";
    public string AdminUrl => $"http://127.0.0.1:{AdminPort}/admin";
    public string ApiSecret { get; } = Secret();
    public string AdminSecret { get; } = Secret();
    public string TokenAuthSecret { get; } = Secret();
    public string RoomAdminKey { get; } = Secret();
    public int? Pid => process is { HasExited: false } p ? p.Id : null;

    /// <summary>Ports and secrets, not started yet (the app is configured with them first).</summary>
    public static JanusServer Create(string iface, string ip, string name = "test", int rtpPortBase = 40000) =>
        new(Directory.CreateTempSubdirectory("briefings-janus-").FullName, iface, ip, name, rtpPortBase);

    /// <summary>Kills the process by its PID, as an operator or a crash would (no clean shutdown).</summary>
    public void Kill()
    {
        if (Pid is { } pid)
        {
            using var victim = Process.GetProcessById(pid);
            victim.Kill();
            victim.WaitForExit();
        }
    }

    /// <summary>Writes the private config (events posted to <paramref name="eventsBackend"/> with basic auth
    /// janus:<paramref name="eventsPassword"/>) and starts Janus.</summary>
    public async Task StartAsync(string eventsBackend, string eventsPassword)
    {
        WriteConfig(eventsBackend, eventsPassword);
        await StartProcessAsync();
    }

    public async Task StartProcessAsync()
    {
        var info = new ProcessStartInfo("janus")
        {
            ArgumentList = { "-C", Path.Combine(Folder, "janus.jcfg"), "-F", Folder, "-L", Path.Combine(Folder, "janus.log"), "-N", "-o" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        process = Process.Start(info) ?? throw new InvalidOperationException("janus did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("janus exited: " + Log());
            }

            try
            {
                var reply = await http.PostAsJsonAsync(ApiUrl, new JsonObject { ["janus"] = "info", ["transaction"] = "ready" });
                if (reply.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("janus did not answer info within 15 s: " + Log());
    }

    public async Task StopProcessAsync()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public string Log()
    {
        var path = Path.Combine(Folder, "janus.log");
        return File.Exists(path) ? string.Join('\n', File.ReadAllLines(path).TakeLast(40)) : "(no log)";
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }
    }

    private void WriteConfig(string eventsBackend, string eventsPassword)
    {
        File.WriteAllText(Path.Combine(Folder, "janus.jcfg"), $$"""
            general: {
                configs_folder = "{{Folder}}"
                plugins_folder = "{{Modules}}/plugins"
                transports_folder = "{{Modules}}/transports"
                events_folder = "{{Modules}}/events"
                loggers_folder = "{{Modules}}/loggers"
                debug_level = 4
                server_name = "{{Name}}"
                interface = "{{Ip}}"
                admin_secret = "{{AdminSecret}}"
                api_secret = "{{ApiSecret}}"
                token_auth = true
                token_auth_secret = "{{TokenAuthSecret}}"
                session_timeout = 60
            }
            media: {
                rtp_port_range = "{{RtpPortBase}}-{{RtpPortBase + 999}}"
            }
            nat: {
                full_trickle = true
                ice_enforce_list = "{{Interface}}"
                ignore_mdns = true
            }
            plugins: {
                disable = "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_streaming.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so"
            }
            transports: {
                disable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so,libjanus_websockets.so"
            }
            loggers: {
                disable = "libjanus_jsonlog.so"
            }
            events: {
                broadcast = true
                stats_period = 5
                disable = "libjanus_gelfevh.so,libjanus_mqttevh.so,libjanus_nanomsgevh.so,libjanus_rabbitmqevh.so,libjanus_wsevh.so"
            }
            """);
        File.WriteAllText(Path.Combine(Folder, "janus.eventhandler.sampleevh.jcfg"), $$"""
            general: {
                enabled = true
                events = "handles,plugins,webrtc,media"
                grouping = true
                json = "plain"
                backend = "{{eventsBackend}}"
                backend_user = "janus"
                backend_pwd = "{{eventsPassword}}"
            }
            """);
        File.WriteAllText(Path.Combine(Folder, "janus.transport.http.jcfg"), $$"""
            general: {
                json = "plain"
                base_path = "/janus"
                http = true
                port = {{Port}}
                ip = "127.0.0.1"
                https = false
            }
            admin: {
                admin_base_path = "/admin"
                admin_http = true
                admin_port = {{AdminPort}}
                admin_ip = "127.0.0.1"
                admin_https = false
            }
            cors: {
                allow_origin = "*"
            }
            """);
        File.WriteAllText(Path.Combine(Folder, "janus.plugin.videoroom.jcfg"), $$"""
            general: {
                admin_key = "{{RoomAdminKey}}"
            }
            """);
        File.WriteAllText(Path.Combine(Folder, "janus.plugin.echotest.jcfg"), "general: {\n}\n");
    }

    private static string Secret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
