using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Bench;

/// <summary>
/// Live state fan-out of the online room (issue 6): the built web app runs as its own process (SQLite, demo
/// district); this driver opens one chair connection and N listener connections (WebSockets, one signed-in
/// commune account) in one meeting, then times chair actions ("move to agenda item k"): from just before the
/// chair's invocation to the arrival of the resulting state at each listener. Per action the slowest listener
/// is "reached every client". Baseline in the same run: the same actions with a single listener. Memory per
/// connection = growth of the server's resident set (VmRSS) from before the N listeners connected to after,
/// divided by N (the server's GC runs first on both sides to count live memory, not garbage).
/// </summary>
internal static class RoomBench
{
    private static readonly Regex Token = new("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"", RegexOptions.Compiled);

    public static async Task<RoomFigures> RunAsync(string appDll, string work, int clients, int actions, string password, string? pidFile)
    {
        Directory.CreateDirectory(work);
        var port = StartBench.FreePort();
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var database = "Data Source=" + Path.Combine(work, "room.db");
        using var process = await StartDemoAppAsync(appDll, work, url, database, password, pidFile);

        var connections = new List<HubConnection>();
        try
        {
            await WaitForAsync(url);
            var meetingId = await NewMeetingAsync(database);
            var chairCookies = await SignInAsync(url, "vanphong", password);
            var listenerCookies = await SignInAsync(url, "xa.anlac", password);

            var chair = await ConnectAsync(url, chairCookies);
            connections.Add(chair);
            await JoinAsync(chair, meetingId, console: true);

            var load = Machine.LoadAverage();
            var arrivals = new ConcurrentDictionary<(int Listener, int Order), long>();
            var first = await ConnectAsync(url, listenerCookies);
            connections.Add(first);
            Listen(first, 0, arrivals);
            await JoinAsync(first, meetingId, console: false);
            var baseline = await MeasureAsync(chair, meetingId, [0], arrivals, actions);

            await Task.Delay(1000);
            var rssBefore = await SettledRssAsync(url, chairCookies, process.Id);
            var connect = Stopwatch.GetTimestamp();
            var listeners = new List<int>();
            for (var batch = 1; batch < clients; batch += 100)
            {
                var ids = Enumerable.Range(batch, Math.Min(100, clients - batch)).ToList();
                var batchConnections = await Task.WhenAll(ids.Select(async i =>
                {
                    var c = await ConnectAsync(url, listenerCookies);
                    Listen(c, i, arrivals);
                    await JoinAsync(c, meetingId, console: false);
                    return c;
                }));
                connections.AddRange(batchConnections);
                listeners.AddRange(ids);
            }

            var connectSeconds = Stopwatch.GetElapsedTime(connect).TotalSeconds;
            await Task.Delay(2000);
            var rssAfter = await SettledRssAsync(url, chairCookies, process.Id);
            listeners.Insert(0, 0);
            var loaded = await MeasureAsync(chair, meetingId, listeners, arrivals, actions);
            return new RoomFigures(
                clients,
                actions,
                baseline.EveryClient,
                baseline.Deliveries,
                loaded.EveryClient,
                loaded.Deliveries,
                loaded.Missing,
                rssBefore,
                rssAfter,
                (rssAfter - rssBefore) * 1024 / (clients - 1),
                connectSeconds,
                load,
                Machine.LoadAverage());
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
            await StartBench.StopAsync(process);
        }
    }

    private sealed record Measured(LatencySummary EveryClient, LatencySummary Deliveries, int Missing);

    /// <summary>Each action moves the meeting to the next agenda item (1, 2, 3, 1, ...): every listener gets one
    /// state whose currentOrder tells which action it answers.</summary>
    private static async Task<Measured> MeasureAsync(HubConnection chair, Guid meetingId, IReadOnlyList<int> listeners,
        ConcurrentDictionary<(int, int), long> arrivals, int actions)
    {
        var everyClient = new List<double>();
        var deliveries = new List<double>();
        var missing = 0;
        for (var a = 0; a < actions + 1; a++)
        {
            var order = (a % 3) + 1;
            foreach (var l in listeners)
            {
                arrivals.TryRemove((l, order), out _);
            }

            var start = Stopwatch.GetTimestamp();
            var reply = await chair.InvokeAsync<JsonElement>("SetCurrentItem", meetingId, order);
            if (!reply.GetProperty("ok").GetBoolean())
            {
                throw new InvalidOperationException("SetCurrentItem refused: " + reply);
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (listeners.Any(l => !arrivals.ContainsKey((l, order))) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(2);
            }

            if (a == 0)
            {
                continue; // warm-up
            }

            var times = listeners.Select(l => arrivals.TryGetValue((l, order), out var t) ? Stopwatch.GetElapsedTime(start, t).TotalMilliseconds : double.NaN).ToList();
            missing += times.Count(double.IsNaN);
            var received = times.Where(t => !double.IsNaN(t)).ToList();
            deliveries.AddRange(received);
            everyClient.Add(received.Count == 0 ? double.NaN : received.Max());
            await Task.Delay(200);
        }

        return new Measured(LatencySummary.Of(everyClient), LatencySummary.Of(deliveries), missing);
    }

    /// <summary>Times the arrival of each agenda move at a listener: in a whole "state", or in a "delta" of the changed
    /// parts, which is what a listener gets once the instance has broadcast the meeting before (RoomDeltas; the
    /// scale driver also applies deltas, this one only times them).</summary>
    private static void Listen(HubConnection connection, int listener, ConcurrentDictionary<(int, int), long> arrivals)
    {
        void Arrived(JsonElement parts, long now)
        {
            if (parts.TryGetProperty("currentOrder", out var order) && order.ValueKind == JsonValueKind.Number)
            {
                arrivals.TryAdd((listener, order.GetInt32()), now);
            }
        }

        connection.On<JsonElement>("state", state => Arrived(state, Stopwatch.GetTimestamp()));
        connection.On<JsonElement>("delta", delta => Arrived(delta.GetProperty("changes"), Stopwatch.GetTimestamp()));
    }

    private static async Task JoinAsync(HubConnection connection, Guid meetingId, bool console)
    {
        var reply = await connection.InvokeAsync<JsonElement>("Join", meetingId, null, console);
        if (!reply.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException("Join refused: " + reply);
        }
    }

    private static async Task<HubConnection> ConnectAsync(string url, CookieContainer cookies)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(url + "/hubs/room", HttpTransportType.WebSockets, o =>
            {
                o.Cookies = cookies;
                o.SkipNegotiation = true;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        await connection.StartAsync();
        return connection;
    }

    /// <summary>The server's resident set after its GC settled (a full page request in between gives it work to finish).</summary>
    private static async Task<double> SettledRssAsync(string url, CookieContainer cookies, int pid)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies });
        for (var i = 0; i < 3; i++)
        {
            await http.GetAsync(url + "/");
            await Task.Delay(1000);
        }

        return StartBench.ReadStatusKb(pid, "VmRSS:") / 1024.0;
    }

    internal static async Task<CookieContainer> SignInAsync(string url, string userName, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
        var page = await http.GetStringAsync(url + "/Account/Login");
        var token = WebUtility.HtmlDecode(Token.Match(page).Groups[1].Value);
        var response = await http.PostAsync(url + "/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {userName} failed: {(int)response.StatusCode}");
        }

        return cookies;
    }

    /// <summary>The built app as its own process on a SQLite file, with the demo district loaded (the room benches).</summary>
    internal static async Task<Process> StartDemoAppAsync(string appDll, string work, string url, string database, string password, string? pidFile)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(appDll)!, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(appDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Demo__Load"] = "true";
        psi.Environment["Demo__Password"] = password;
        psi.Environment["Demo__DataFolder"] = work;
        psi.Environment["Database__ConnectionString"] = database;
        psi.Environment["Meetings__RunReminders"] = "false";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(psi) ?? throw new InvalidOperationException("Cannot start dotnet.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine("app: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (pidFile is not null)
        {
            await File.WriteAllTextAsync(pidFile, process.Id.ToString(CultureInfo.InvariantCulture));
        }

        return process;
    }

    internal static async Task WaitForAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(url + "/Account/Login")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(300);
        }

        throw new TimeoutException("The app did not start.");
    }

    /// <summary>An online meeting of the demo district with its composition, marked invited.</summary>
    private static Task<Guid> NewMeetingAsync(string connection) => NewMeetingAsync("Sqlite", connection);

    internal static async Task<Guid> NewMeetingAsync(string provider, string connection)
    {
        var options = SearchBench.Options(provider, connection);
        await using var db = new BriefingsDbContext(options);
        var district = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
        var (meetingId, _) = await NewInvitedMeetingAsync(db, district.Id, "Giao ban trực tuyến — đo tải");
        return meetingId;
    }

    /// <summary>An online meeting of the area <paramref name="areaId"/>, organised by the demo district office, with
    /// its composition applied and marked invited; the endpoint and invitation counts of the composition.</summary>
    internal static async Task<(Guid MeetingId, string Counts)> NewInvitedMeetingAsync(BriefingsDbContext db, Guid areaId, string title)
    {
        var organizer = await db.Units.SingleAsync(u => u.Code == DemoDistrict.DistrictOfficeCode);
        var meeting = Meeting.Create(Guid.CreateVersion7(), title, MeetingType.QuarterlyBriefing, MeetingMode.Online, areaId, organizer.Id);
        var start = new DateTimeOffset(2031, 3, 10, 1, 0, 0, TimeSpan.Zero);
        _ = meeting.Schedule(start, start.AddHours(3), "Hội trường đo tải");
        meeting.SetAgenda([new AgendaItem(1, "Thông qua dự thảo báo cáo", "Ban Dân vận", 30), new AgendaItem(2, "Ý kiến các đơn vị", null, 60), new AgendaItem(3, "Kết luận", null, 15)]);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        var composed = await new ApplyComposition(db, new CompositionRules(db)).RunAsync(meeting.Id, new AccessScope(true, null, null, true, true));
        if (!composed.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", composed.Errors.Select(e => e.Message)));
        }

        db.ChangeTracker.Clear();
        var tracked = await db.Meetings.SingleAsync(m => m.Id == meeting.Id);
        _ = tracked.MarkInvited(DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return (meeting.Id, $"{composed.Value?.Endpoints} endpoints, {composed.Value?.Invitations} invitations");
    }
}

internal static class RoomReport
{
    public static string Markdown(RoomFigures f)
    {
        static string Ms(double v) => v.ToString("0", CultureInfo.InvariantCulture);
        var b = new System.Text.StringBuilder();
        b.AppendLine(CultureInfo.InvariantCulture, $"Load average before / after: {f.LoadBefore} / {f.LoadAfter}; {f.Clients - 1} listeners connected in {f.ConnectSeconds:0.0} s; {f.Missing} deliveries missing.");
        b.AppendLine();
        b.AppendLine("| Listeners | Actions | Reached every client p50 | **p99** | max | Per delivery p50 / p99 |");
        b.AppendLine("|---|---|---|---|---|---|");
        b.AppendLine(CultureInfo.InvariantCulture, $"| 1 (baseline) | {f.BaselineEveryClient.Count} | {Ms(f.BaselineEveryClient.P50)} ms | **{Ms(f.BaselineEveryClient.P99)} ms** | {Ms(f.BaselineEveryClient.Max)} ms | {Ms(f.BaselineDeliveries.P50)} / {Ms(f.BaselineDeliveries.P99)} ms |");
        b.AppendLine(CultureInfo.InvariantCulture, $"| {f.Clients} | {f.EveryClient.Count} | {Ms(f.EveryClient.P50)} ms | **{Ms(f.EveryClient.P99)} ms** | {Ms(f.EveryClient.Max)} ms | {Ms(f.Deliveries.P50)} / {Ms(f.Deliveries.P99)} ms |");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Server RSS: {f.RssBeforeMb:0} MB with 2 connections → {f.RssAfterMb:0} MB with {f.Clients + 1}: **{f.KbPerConnection:0} KB per connection**.");
        return b.ToString();
    }
}

internal sealed record RoomFigures(
    int Clients,
    int Actions,
    LatencySummary BaselineEveryClient,
    LatencySummary BaselineDeliveries,
    LatencySummary EveryClient,
    LatencySummary Deliveries,
    int Missing,
    double RssBeforeMb,
    double RssAfterMb,
    double KbPerConnection,
    double ConnectSeconds,
    string LoadBefore,
    string LoadAfter);
