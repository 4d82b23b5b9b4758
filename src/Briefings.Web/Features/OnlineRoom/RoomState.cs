using System.Globalization;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>The whole live state of a meeting as clients see it. A (re)connecting client gets one of these; changes
/// arrive as changed parts (<see cref="RoomDeltas"/>, <see cref="ConsoleDeltas"/>) that a client applies only onto the
/// state they follow, asking for the whole state again otherwise, so a client can never miss an update and drift.</summary>
public sealed record RoomState(
    Guid MeetingId,
    string Title,
    DateTimeOffset Now,
    int Version,
    IReadOnlyList<RoomState.Item> Agenda,
    int? CurrentOrder,
    DateTimeOffset? CurrentItemSince,
    bool MediaUnavailable,
    string? MediaNote,
    RoomState.SpeechView? Current,
    IReadOnlyList<RoomState.SpeechView> Queue,
    IReadOnlyList<RoomState.SpeechView> Done,
    IReadOnlyList<RoomState.EndpointView> Endpoints,
    IReadOnlyList<RoomState.AttendanceView>? Attendance,
    IReadOnlyList<RoomState.MinutesView>? Minutes)
{
    /// <summary>Redis (the backplane) is configured but unreachable: this instance reaches only its own clients.</summary>
    public bool SingleInstance { get; init; }

    /// <summary>When the meeting was closed ("bế mạc"); the endpoint views then stop offering to ask for the floor.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>A console's whole state: the number of the last console message (<see cref="ConsoleDeltas"/>) its rows
    /// include, read before them; the console applies the messages that follow it. Absent from listeners' states (and
    /// from the public parts a chair action sends the consoles: they keep the rows they hold).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? ConsoleSequence { get; init; }

    /// <summary>Fingerprint of the content (not of <see cref="Now"/>): the base a listener's delta applies to (<see cref="RoomDeltas"/>).
    /// Empty in a console's state: consoles follow <see cref="ConsoleSequence"/> instead, and its fingerprint (the roll call's
    /// thousands of rows serialized and hashed) would serve nobody.</summary>
    public string Digest { get; init; } = "";

    /// <summary>A console's roll-call totals, counted by the server (the sums of the endpoints' counts): what the console's
    /// summary line shows without holding the rows. Absent from listeners' states. A console keeps them current from the
    /// endpoints of its changed-row messages (each carries its endpoint's counts).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RollCallTotals? RollCall { get; init; }

    public sealed record Item(int Order, string Title, string? Presenter, int PlannedMinutes);

    public sealed record SpeechView(Guid Id, Guid? EndpointId, string UnitName, string Topic, string Source, int PlannedMinutes,
        DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

    /// <summary>An endpoint with its presence and its roll call's counts: invited (<paramref name="Required"/>), marked
    /// present (in the hall, online or by a substitute) and marked at all.</summary>
    public sealed record EndpointView(Guid Id, string Name, bool IsHost, bool Connected, bool Audio, bool Video, bool Muted, DateTimeOffset? LastSeen,
        int Required, int Present, int Marked);

    /// <summary>The whole roll call's counts: people marked (any status), marked present, invited.</summary>
    public sealed record RollCallTotals(int Marked, int Present, int Total);

    /// <summary>The roll-call rows of some endpoints (the groups a console opened), read after the console number
    /// <see cref="Sequence"/>: they include every change numbered up to it; the console applies the later ones onto them.</summary>
    public sealed record GroupRows(long Sequence, IReadOnlyList<Guid> Endpoints, IReadOnlyList<AttendanceView> Attendance);

    public sealed record AttendanceView(Guid InvitationId, Guid EndpointId, string PersonName, string Title, string RuleLabel, string Answer,
        string? AnswerNote, string Status, string? Reason, string? SubstituteName, string? MarkedBy);

    public sealed record MinutesView(int Order, string Text, int Revision, string? UpdatedBy, DateTimeOffset? UpdatedAt);
}

/// <summary>Which state a client gets. Listeners (every open room page: the communes' endpoint views, the hall's display)
/// get no endpoint list: in a national meeting it is thousands of rows (~186 bytes each) and changes with every
/// endpoint's presence, so sending it to every listener made each presence change cost endpoints × listeners; an
/// endpoint view gets its own endpoint's flags in its own group instead (<see cref="RoomBroadcaster.EndpointMethod"/>).
/// The organizer's consoles get the endpoints (with their roll-call counts), the roll call's totals and the minutes when
/// they join — the roll call's rows too when the meeting is small (<see cref="RoomStates.WholeRollCallUpTo"/>), otherwise
/// per endpoint as the clerk opens it (<see cref="RoomHub.RollCallRows"/>) — then changed rows (<see cref="ConsoleDeltas"/>)
/// and the public parts of chair actions (issue 14.4).</summary>
public enum RoomStateKind
{
    Listener,
    Console,
}

/// <summary>One endpoint's flags at a moment: what its own endpoint view follows (muted, host).</summary>
public sealed record EndpointMessage(DateTimeOffset Now, RoomState.EndpointView Endpoint)
{
    /// <summary>The endpoint's latest request to speak when the chair took it out of the queue without giving the floor
    /// (<see cref="SpeechStatus.Declined"/>): its own view says so instead of going back to "not asked" as if the request
    /// had never been sent. Sent on joining (so a phone that reconnects still sees it) and when the chair takes it out;
    /// absent from the presence messages (no news, the view keeps what it shows until its endpoint asks again).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RoomState.SpeechView? Declined { get; init; }
}

/// <summary>Builds <see cref="RoomState"/> (and the rows of <see cref="ConsoleDeltas"/>) from the database (the one source
/// of truth across app instances).</summary>
public sealed class RoomStates(BriefingsDbContext db, TimeProvider clock, RedisConnection redis,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.SignalR.JsonHubProtocolOptions> json, IConfiguration configuration)
{
    /// <summary>Up to this many invitations a console's whole state carries the roll call's rows (a district meeting: a
    /// few hundred rows, ~380 bytes each, drawn at once, as before); above it the console loads an endpoint's rows when the
    /// clerk opens it (a national meeting's 69,771 rows were 26.5 MB per join). <c>OnlineRoom:WholeRollCallUpTo</c>.</summary>
    public int WholeRollCallUpTo => configuration.GetValue("OnlineRoom:WholeRollCallUpTo", 500);

    /// <summary>Most endpoints one <see cref="RoomHub.RollCallRows"/> call may ask for. A clerk opens one group (endpoint)
    /// at a time; after a whole console state the console asks again for every group it holds, in batches of this size
    /// (the console page gives it to the script). Without a cap one call could ask for all of a national meeting's
    /// thousands of endpoints — the 69,771 rows the whole state leaves out. <c>OnlineRoom:RollCallRowsUpTo</c>.</summary>
    public int RollCallRowsUpTo => Math.Max(1, configuration.GetValue("OnlineRoom:RollCallRowsUpTo", 50));

    public async Task<RoomState?> LoadAsync(Guid meetingId, RoomStateKind kind, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        // A console's number first: its rows below then include at least every change numbered up to it.
        long? sequence = kind == RoomStateKind.Console ? await ConsoleDeltas.SequenceAsync(db, meetingId, ct) : null;
        var room = await db.LiveRooms.AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == meetingId, ct);
        var endpointViews = kind == RoomStateKind.Listener ? [] : await EndpointsAsync(meetingId, null, ct);
        List<RoomState.AttendanceView>? attendance = null;
        List<RoomState.MinutesView>? minutes = null;
        RoomState.RollCallTotals? totals = null;
        if (kind == RoomStateKind.Console)
        {
            totals = new RoomState.RollCallTotals(endpointViews.Sum(e => e.Marked), endpointViews.Sum(e => e.Present), endpointViews.Sum(e => e.Required));
            attendance = totals.Total <= WholeRollCallUpTo ? await AttendanceAsync(meetingId, null, null, ct) : null;
            var entries = await db.MinutesEntries.AsNoTracking().Where(m => m.MeetingId == meetingId).ToDictionaryAsync(m => m.AgendaOrder, ct);
            minutes = meeting.Agenda.OrderBy(a => a.Order).Select(a => MinutesOf(a.Order, entries.GetValueOrDefault(a.Order))).ToList();
        }

        static RoomState.SpeechView View(Speech s) =>
            new(s.Id, s.EndpointId, s.UnitName, s.Topic, s.Source.ToString(), s.PlannedMinutes, s.StartedAt, s.EndedAt);

        var state = new RoomState(
            meeting.Id,
            meeting.Title,
            clock.GetUtcNow(),
            room?.Version ?? 0,
            meeting.Agenda.OrderBy(a => a.Order).Select(a => new RoomState.Item(a.Order, a.Title, a.Presenter, a.PlannedMinutes)).ToList(),
            room?.CurrentAgendaOrder,
            room?.CurrentItemSince,
            room?.MediaUnavailable ?? false,
            room?.MediaNote,
            room?.Current is { } current ? View(current) : null,
            room?.Queue.Select(View).ToList() ?? [],
            room?.Speeches.Where(s => s.Status == SpeechStatus.Done).OrderBy(s => s.StartedAt).Select(View).ToList() ?? [],
            endpointViews,
            attendance,
            minutes) { SingleInstance = redis.SingleInstance, ConsoleSequence = sequence, RollCall = totals, EndedAt = meeting.EndedAt };
        return kind == RoomStateKind.Listener ? state with { Digest = RoomDeltas.DigestOf(state, json.Value.PayloadSerializerOptions) } : state;
    }

    /// <summary>One endpoint's flags and counts now, for its own endpoint view; null when it is not of this meeting.</summary>
    public async Task<EndpointMessage?> EndpointAsync(Guid meetingId, Guid endpointId, CancellationToken ct = default)
    {
        if ((await EndpointsAsync(meetingId, [endpointId], ct)) is not [var one])
        {
            return null;
        }

        // An endpoint's own speeches are few (at most LiveRoom.MaxLiveRequestsPerEndpoint live ones): the latest is picked here.
        var own = await db.LiveRooms.AsNoTracking().Where(r => r.MeetingId == meetingId).SelectMany(r => r.Speeches)
            .Where(s => s.EndpointId == endpointId).ToListAsync(ct);
        var latest = own.OrderByDescending(s => s.RequestedAt).FirstOrDefault();
        return new EndpointMessage(clock.GetUtcNow(), one)
        {
            Declined = latest is { Status: SpeechStatus.Declined }
                ? new RoomState.SpeechView(latest.Id, latest.EndpointId, latest.UnitName, latest.Topic, latest.Source.ToString(), latest.PlannedMinutes, null, null)
                : null,
        };
    }

    /// <summary>The roll-call rows of <paramref name="endpoints"/> (the groups a console opened) and the console number
    /// they include, read before them (<see cref="RoomState.GroupRows"/>). Endpoints of another meeting have no rows.</summary>
    public async Task<RoomState.GroupRows> GroupRowsAsync(Guid meetingId, IReadOnlyCollection<Guid> endpoints, CancellationToken ct = default)
    {
        var sequence = await ConsoleDeltas.SequenceAsync(db, meetingId, ct);
        return new RoomState.GroupRows(sequence, endpoints.ToList(), await AttendanceAsync(meetingId, null, endpoints, ct));
    }

    /// <summary>The roll call (or its rows of <paramref name="only"/>, or of the endpoints <paramref name="endpoints"/>): each
    /// invitation with its person's name and its mark, by rule and then by name in Vietnamese order. One query (invitations joined to people and marks, only the
    /// columns shown): the former reads of whole invitations, then people by a list of 69,771 ids, were most of a
    /// national console's join (issue 14.4).</summary>
    public async Task<List<RoomState.AttendanceView>> AttendanceAsync(Guid meetingId, IReadOnlyCollection<Guid>? only, IReadOnlyCollection<Guid>? endpoints,
        CancellationToken ct = default)
    {
        var invitations = db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId);
        if (endpoints is not null)
        {
            // A group's rows through the endpoint's index, for the meeting's own endpoints only: filtered by the meeting as
            // well, SQLite read all of a national meeting's 69,771 invitations for one commune's 21 (~150 ms a group).
            var own = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId && endpoints.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct);
            invitations = db.Invitations.AsNoTracking().Where(i => own.Contains(i.EndpointId));
        }

        if (only is not null)
        {
            invitations = invitations.Where(i => only.Contains(i.Id));
        }

        var rows = await (
            from i in invitations
            join p in db.People.AsNoTracking() on i.PersonId equals p.Id into people
            from p in people.DefaultIfEmpty()
            join m in db.AttendanceMarks.AsNoTracking() on i.Id equals m.InvitationId into marks
            from m in marks.DefaultIfEmpty()
            select new
            {
                i.Id, i.EndpointId, Name = p == null ? null : p.FullName, i.Title, i.RuleLabel, i.Response, i.SubstituteName, i.DeclineReason,
                Status = m == null ? (AttendanceStatus?)null : m.Status, Reason = m == null ? null : m.Reason,
                MarkedSubstitute = m == null ? null : m.SubstituteName, MarkedBy = m == null ? null : m.MarkedBy,
            }).ToListAsync(ct);

        // Vietnamese order by the names' sort keys, each made once: the same order as VietnameseText.Order, without a
        // culture comparison per pair (a national roll call has 69,771 rows).
        var compare = Briefings.Core.Common.VietnameseText.Culture.CompareInfo;
        var keys = new Dictionary<string, SortKey>(StringComparer.Ordinal);
        SortKey KeyOf(string name)
        {
            if (!keys.TryGetValue(name, out var key))
            {
                keys[name] = key = compare.GetSortKey(name, CompareOptions.IgnoreCase);
            }

            return key;
        }

        return rows.OrderBy(r => r.RuleLabel, StringComparer.Ordinal)
            .ThenBy(r => KeyOf(r.Name ?? ""), Comparer<SortKey>.Create(SortKey.Compare))
            // Rows alike in both (a unit's invitation without a person) in one fixed order: PostgreSQL returns the join
            // in whatever order its plan gives, so two reads of one roll call listed them differently.
            .ThenBy(r => r.Id)
            .Select(r => new RoomState.AttendanceView(r.Id, r.EndpointId, r.Name ?? "", r.Title, r.RuleLabel, Invitation.DisplayName(r.Response),
                r.Response switch
                {
                    InvitationResponse.Substitute => r.SubstituteName,
                    InvitationResponse.Declined => r.DeclineReason,
                    _ => null,
                },
                (r.Status ?? AttendanceStatus.Unmarked).ToString(), r.Reason, r.MarkedSubstitute, r.MarkedBy)).ToList();
    }

    /// <summary>One agenda item's minutes now (none when the meeting has no such item).</summary>
    public async Task<List<RoomState.MinutesView>> MinutesAsync(Guid meetingId, int order, CancellationToken ct = default)
    {
        var m = await db.MinutesEntries.AsNoTracking().FirstOrDefaultAsync(m => m.MeetingId == meetingId && m.AgendaOrder == order, ct);
        return [MinutesOf(order, m)];
    }

    /// <summary>An agenda item's minutes as the console shows them: empty until somebody writes.</summary>
    private static RoomState.MinutesView MinutesOf(int order, MinutesEntry? m) =>
        m is null ? new RoomState.MinutesView(order, "", 0, null, null) : new RoomState.MinutesView(order, m.Text, m.Revision, m.UpdatedBy, m.UpdatedAt);

    /// <summary>The meeting's endpoints (or those of <paramref name="only"/>) with their presence and present / required counts.</summary>
    public async Task<List<RoomState.EndpointView>> EndpointsAsync(Guid meetingId, IReadOnlyCollection<Guid>? only, CancellationToken ct = default)
    {
        var all = only is null;
        only ??= [];
        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId && (all || only.Contains(e.Id))).ToListAsync(ct);
        var presence = await db.EndpointPresences.AsNoTracking().Where(p => p.MeetingId == meetingId && (all || only.Contains(p.EndpointId))).ToDictionaryAsync(p => p.EndpointId, ct);
        // Per endpoint: how many are invited and how many of them are marked present, counted in the database (reading
        // every invitation of a district meeting, about 2,100 rows, per load was most of a join's cost: issue 14.4).
        var required = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId && (all || only.Contains(i.EndpointId)))
            .GroupBy(i => i.EndpointId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Marked and marked present per endpoint in one pass over the meeting's marks, counted by status in the database and
        // folded here with the roll call's one rule of presence (RollCallSummary.IsPresent): the console's totals are their
        // sums, and a changed-row message carries its endpoint's counts, so a console keeps its totals without the rows.
        var byStatus = await db.AttendanceMarks.AsNoTracking().Where(a => a.MeetingId == meetingId && (all || only.Contains(a.EndpointId)) && a.Status != AttendanceStatus.Unmarked)
            .Join(db.Invitations, a => a.InvitationId, i => i.Id, (a, i) => new { i.EndpointId, a.Status })
            .GroupBy(x => new { x.EndpointId, x.Status })
            .Select(g => new { g.Key.EndpointId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var marked = byStatus.GroupBy(x => x.EndpointId).ToDictionary(g => g.Key, g => (
            Marked: g.Sum(x => x.Count), Present: g.Where(x => RollCallSummary.IsPresent(x.Status)).Sum(x => x.Count)));

        var endpointViews = endpoints.OrderBy(e => !e.IsHost).ThenBy(e => e.Name, Briefings.Core.Common.VietnameseText.Order).Select(e =>
        {
            presence.TryGetValue(e.Id, out var p);
            return new RoomState.EndpointView(e.Id, e.AreaName, e.IsHost, p?.Connected ?? false, p?.AudioFlowing ?? false, p?.VideoFlowing ?? false,
                p?.Muted ?? false, p?.LastSeenAt, required.GetValueOrDefault(e.Id), marked.GetValueOrDefault(e.Id).Present, marked.GetValueOrDefault(e.Id).Marked);
        }).ToList();

        return endpointViews;
    }
}
