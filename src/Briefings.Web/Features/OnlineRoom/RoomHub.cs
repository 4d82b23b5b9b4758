using System.Security.Claims;
using Briefings.Core.Common;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Memory;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>The answer of every hub method: refused actions say why (in Vietnamese) and change nothing.</summary>
public sealed record RoomReply(bool Ok, string? Error = null, RoomState? State = null, SaveMinutes.Saved? Minutes = null, EndpointMessage? Endpoint = null,
    RoomState.GroupRows? Rows = null)
{
    public static RoomReply From(Error? error) => error is null ? new(true) : new(false, error.Message);
}

/// <summary>
/// Live state of online meetings over SignalR. A client calls <see cref="Join"/> (again after every
/// reconnect) and gets the whole current state back; afterwards every change arrives as a "delta" message of the changed
/// parts (listeners; <see cref="RoomDeltas"/>), or to consoles as the public "state" of a chair action and "console"
/// messages of changed rows (<see cref="ConsoleDeltas"/>).
/// Groups: one per meeting for everybody in it, and one for the organizer's consoles (roll call, minutes).
/// Every method checks the caller's grant for that meeting; the grant is worked out once per connection.
/// </summary>
[Authorize]
public sealed class RoomHub(
    BriefingsDbContext db,
    RoomAccess access,
    RoomStates states,
    JoinStates joinStates,
    LiveRooms rooms,
    SpeakerQueue queue,
    RollCall rollCall,
    SaveMinutes minutes,
    ReportPresence presence,
    IMemoryCache cache,
    AccountActionBudgets budgets) : Hub
{
    public static string RoomGroup(Guid meetingId) => $"room:{meetingId:N}";

    public static string ConsoleGroup(Guid meetingId) => $"console:{meetingId:N}";

    /// <summary>An endpoint view's own group: its flags (<see cref="RoomBroadcaster.EndpointMethod"/>).</summary>
    public static string EndpointGroup(Guid meetingId, Guid endpointId) => $"endpoint:{meetingId:N}:{endpointId:N}";

    /// <summary>Joins the meeting's group; <paramref name="endpointId"/> says which room this client is
    /// (the endpoint view), and must be the caller's own. Returns the whole current state (a listener's has no endpoint
    /// list) and, for an endpoint view, its own endpoint's flags.</summary>
    public async Task<RoomReply> Join(Guid meetingId, Guid? endpointId = null, bool console = false)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var grant = await GrantAsync(meetingId);
        RoomMetrics.JoinGrant.Since(started);
        if (grant is null)
        {
            return RoomReply.From(Error.Forbidden);
        }

        if ((endpointId is { } e && !grant.OwnEndpointIds.Contains(e)) || (console && !grant.CanDrive))
        {
            return RoomReply.From(Error.Forbidden);
        }

        if (grant.CanDrive)
        {
            await rooms.EnsureOpenAsync(meetingId, Context.ConnectionAborted);
        }

        if (console)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ConsoleGroup(meetingId));
        }
        else
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroup(meetingId));
        }

        EndpointMessage? mine = null;
        if (endpointId is { } endpoint)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, EndpointGroup(meetingId, endpoint));
            Endpoints()[endpoint] = meetingId;
            await presence.RunAsync(meetingId, new ReportPresence.Report(endpoint, true, null, null, null), "signalr");
            mine = await states.EndpointAsync(meetingId, endpoint, Context.ConnectionAborted);
        }

        // Listeners (thousands, arriving together when an instance dies) share loads, and so do a meeting's consoles.
        var beforeState = System.Diagnostics.Stopwatch.GetTimestamp();
        var state = console ? await joinStates.LoadConsoleAsync(meetingId) : await joinStates.LoadAsync(meetingId);
        RoomMetrics.JoinState.Since(beforeState);
        RoomMetrics.Join.Since(started);
        return new RoomReply(true, State: state, Endpoint: mine);
    }

    /// <summary>The whole public state again, for a listener that missed a change (a delta that does not apply onto
    /// what it holds, see <see cref="RoomDeltas"/>). No side effects: the caller has joined already.</summary>
    public async Task<RoomReply> CurrentState(Guid meetingId) =>
        await GrantAsync(meetingId) is null ? RoomReply.From(Error.Forbidden) : new RoomReply(true, State: await joinStates.LoadAsync(meetingId));

    /// <summary>The whole console state again, for a console that missed a changed-row message (one that does not follow
    /// the number it holds, see <see cref="ConsoleDeltas"/>). Only for those who may drive the meeting.</summary>
    public async Task<RoomReply> CurrentConsoleState(Guid meetingId) =>
        await GrantAsync(meetingId) is { CanDrive: true } ? new RoomReply(true, State: await joinStates.LoadConsoleAsync(meetingId)) : RoomReply.From(Error.Forbidden);

    /// <summary>The roll-call rows of the endpoints whose groups a console opened (or holds again after a whole console
    /// state), with the console number they include: a national console's state carries the endpoints and the totals, not
    /// the 69,771 rows. Only for those who may drive the meeting, as <see cref="CurrentConsoleState"/>.</summary>
    public async Task<RoomReply> RollCallRows(Guid meetingId, Guid[]? endpointIds)
    {
        if (await GrantAsync(meetingId) is not { CanDrive: true })
        {
            return RoomReply.From(Error.Forbidden);
        }

        var wanted = (endpointIds ?? []).Distinct().ToList();
        return wanted.Count > states.RollCallRowsUpTo
            ? RoomReply.From(new Error($"Mỗi lần chỉ tải được danh sách điểm danh của tối đa {states.RollCallRowsUpTo} điểm cầu (yêu cầu {wanted.Count}). Hãy đóng bớt các nhóm đang mở rồi mở lại nhóm cần xem."))
            : new RoomReply(true, Rows: await states.GroupRowsAsync(meetingId, wanted, Context.ConnectionAborted));
    }

    public async Task<RoomReply> Heartbeat(Guid meetingId, Guid endpointId) =>
        await GrantAsync(meetingId) is { } g && g.OwnEndpointIds.Contains(endpointId)
            ? await Presence(meetingId, new ReportPresence.Report(endpointId, true, null, null, null), "signalr")
            : RoomReply.From(Error.Forbidden);

    /// <summary>From the endpoint's media module: whether its audio and video are flowing. Counted against the
    /// connection's budget like the other actions: every change of a flag is a write, an audit line and a message to the
    /// consoles, and a script flipping "audio" in a loop sent them without limit (walk-meetday). A media module reports
    /// a change when one happens, a few a minute.</summary>
    public async Task<RoomReply> ReportMedia(Guid meetingId, Guid endpointId, bool audio, bool video) =>
        await GrantAsync(meetingId) is { } g && g.OwnEndpointIds.Contains(endpointId)
            ? !await TryTakeAsync(meetingId) ? new RoomReply(false, ActionBudget.Refused)
            : await Presence(meetingId, new ReportPresence.Report(endpointId, true, audio, video, null), "browser")
            : RoomReply.From(Error.Forbidden);

    /// <summary>Mute state of an endpoint: its own room, or the organizer for any room.</summary>
    public async Task<RoomReply> SetMuted(Guid meetingId, Guid endpointId, bool muted) =>
        await GrantAsync(meetingId) is { } g && (g.OwnEndpointIds.Contains(endpointId) || g.CanDrive)
            ? !await TryTakeAsync(meetingId) ? new RoomReply(false, ActionBudget.Refused) : await Presence(meetingId, new ReportPresence.Report(endpointId, null, null, null, muted), g.CanDrive && !g.OwnEndpointIds.Contains(endpointId) ? "chair" : "signalr")
            : RoomReply.From(Error.Forbidden);

    public Task<RoomReply> RequestToSpeak(Guid meetingId, Guid endpointId, string? topic) =>
        Act(meetingId, g => queue.RequestAsync(g, endpointId, topic, Context.ConnectionAborted));

    public Task<RoomReply> Withdraw(Guid meetingId, Guid speechId) =>
        Act(meetingId, g => queue.WithdrawAsync(g, speechId, Context.ConnectionAborted));

    public Task<RoomReply> AddSpeech(Guid meetingId, Guid endpointId, string? topic, int minutes) =>
        Act(meetingId, g => queue.AddAsync(g, endpointId, topic, minutes, Context.ConnectionAborted));

    public Task<RoomReply> MoveSpeech(Guid meetingId, Guid speechId, int index) =>
        Act(meetingId, g => queue.MoveAsync(g, speechId, index, Context.ConnectionAborted));

    public Task<RoomReply> StartSpeech(Guid meetingId, Guid speechId) =>
        Act(meetingId, g => queue.StartAsync(g, speechId, Context.ConnectionAborted));

    public Task<RoomReply> StopSpeech(Guid meetingId) =>
        Act(meetingId, g => queue.StopAsync(g, Context.ConnectionAborted));

    public Task<RoomReply> SetCurrentItem(Guid meetingId, int order) =>
        Act(meetingId, g => queue.SetCurrentItemAsync(g, order, Context.ConnectionAborted));

    public Task<RoomReply> SetMediaUnavailable(Guid meetingId, bool unavailable, string? note) =>
        Act(meetingId, g => queue.SetMediaAsync(g, unavailable, note, Context.ConnectionAborted));

    public Task<RoomReply> MarkAttendance(Guid meetingId, Guid invitationId, string status, string? reason, string? substituteName) =>
        Act(meetingId, g => Enum.TryParse<AttendanceStatus>(status, out var s) && Enum.IsDefined(s)
            ? rollCall.MarkAsync(g, invitationId, s, reason, substituteName, Context.ConnectionAborted)
            : Task.FromResult<Error?>(new Error("Trạng thái điểm danh không hợp lệ.", "Status")));

    public async Task<RoomReply> SaveMinutes(Guid meetingId, int order, string? text, int baseRevision)
    {
        var grant = await GrantAsync(meetingId);
        if (grant is null)
        {
            return RoomReply.From(Error.Forbidden);
        }

        if (!await TryTakeAsync(meetingId))
        {
            return new RoomReply(false, ActionBudget.Refused);
        }

        var result = await minutes.RunAsync(grant, order, text, baseRevision, Context.ConnectionAborted);
        return result.Succeeded ? new RoomReply(true, Minutes: result.Value) : RoomReply.From(result.Errors[0]);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (endpointId, meetingId) in Endpoints())
        {
            await presence.RunAsync(meetingId, new ReportPresence.Report(endpointId, false, false, false, null), "signalr");
        }

        await base.OnDisconnectedAsync(exception);
    }

    private async Task<RoomReply> Presence(Guid meetingId, ReportPresence.Report report, string source)
    {
        await presence.RunAsync(meetingId, report, source, Context.ConnectionAborted);
        return new RoomReply(true);
    }

    // A refused grant is answered as before; an allowed action is counted against the connection's budget and the account's.
    private async Task<RoomReply> Act(Guid meetingId, Func<RoomAccess.Grant, Task<Error?>> action) =>
        await GrantAsync(meetingId) is not { } grant ? RoomReply.From(Error.Forbidden)
            : !await TryTakeAsync(meetingId) ? new RoomReply(false, ActionBudget.Refused)
            : RoomReply.From(await action(grant));

    private Task<bool> TryTakeAsync(Guid meetingId) => budgets.TryTakeAsync(Context.Items, Context.UserIdentifier ?? Context.ConnectionId, meetingId);

    private Dictionary<Guid, Guid> Endpoints()
    {
        if (Context.Items.TryGetValue("endpoints", out var value) && value is Dictionary<Guid, Guid> map)
        {
            return map;
        }

        var fresh = new Dictionary<Guid, Guid>();
        Context.Items["endpoints"] = fresh;
        return fresh;
    }

    /// <summary>Grants a connection keeps (one per meeting it asked about). A page's connection asks about one meeting; a
    /// script asking about thousands of ids kept an entry for each for the connection's life (walk-hostile2). Past the cap
    /// the kept grants are dropped and worked out again when asked: never more lenient, only a read more.</summary>
    public const int GrantsPerConnection = 8;

    private async Task<RoomAccess.Grant?> GrantAsync(Guid meetingId)
    {
        var grants = Grants(Context.Items);
        if (grants.TryGetValue(meetingId, out var cached))
        {
            return cached;
        }

        // The account's context as a page gets it: cached against the session row its handshake read (CurrentUser).
        var http = Context.GetHttpContext();
        var id = Context.User?.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = http is not null ? await CurrentUser.ForRequestAsync(http, db, cache, Context.ConnectionAborted)
            : id is null ? null : await CurrentUser.LoadAsync(db, id, Context.ConnectionAborted);
        var result = await access.ForAsync(meetingId, user, Context.ConnectionAborted);
        var grant = result.Succeeded ? result.Value : null;
        Keep(grants, meetingId, grant);
        return grant;
    }

    /// <summary>Keeps <paramref name="grant"/> for the connection, dropping those kept before when the cap is reached.</summary>
    internal static void Keep(Dictionary<Guid, RoomAccess.Grant?> grants, Guid meetingId, RoomAccess.Grant? grant)
    {
        if (grants.Count >= GrantsPerConnection && !grants.ContainsKey(meetingId))
        {
            grants.Clear();
        }

        grants[meetingId] = grant;
    }

    /// <summary>The grants a connection keeps, by meeting (at most <see cref="GrantsPerConnection"/>).</summary>
    internal static Dictionary<Guid, RoomAccess.Grant?> Grants(IDictionary<object, object?> items)
    {
        if (items.TryGetValue("grants", out var value) && value is Dictionary<Guid, RoomAccess.Grant?> map)
        {
            return map;
        }

        var fresh = new Dictionary<Guid, RoomAccess.Grant?>();
        items["grants"] = fresh;
        return fresh;
    }
}
