using System.Globalization;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>The whole live state of a meeting as clients see it. A (re)connecting client gets one of these
/// and every change sends a fresh one, so a client can never miss an update and drift.</summary>
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

    /// <summary>Fingerprint of the content (not of <see cref="Now"/>): the base a listener's delta applies to (<see cref="RoomDeltas"/>).
    /// Empty in a console's state: consoles get whole states only, and its fingerprint (the roll call's thousands of rows
    /// serialized and hashed once more per chair action) served nobody.</summary>
    public string Digest { get; init; } = "";

    public sealed record Item(int Order, string Title, string? Presenter, int PlannedMinutes);

    public sealed record SpeechView(Guid Id, Guid? EndpointId, string UnitName, string Topic, string Source, int PlannedMinutes,
        DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

    public sealed record EndpointView(Guid Id, string Name, bool IsHost, bool Connected, bool Audio, bool Video, bool Muted, DateTimeOffset? LastSeen,
        int Required, int Present);

    public sealed record AttendanceView(Guid InvitationId, Guid EndpointId, string PersonName, string Title, string RuleLabel, string Answer,
        string? AnswerNote, string Status, string? Reason, string? SubstituteName, string? MarkedBy);

    public sealed record MinutesView(int Order, string Text, int Revision, string? UpdatedBy, DateTimeOffset? UpdatedAt);
}

/// <summary>Which state a client gets. Listeners (every open room page: the communes' endpoint views, the hall's display)
/// get no endpoint list: in a national meeting it is thousands of rows (~186 bytes each) and changes with every
/// endpoint's presence, so sending it to every listener made each presence change cost endpoints × listeners; an
/// endpoint view gets its own endpoint's flags in its own group instead (<see cref="RoomBroadcaster.EndpointMethod"/>).
/// The organizer's consoles get the endpoints, and the roll call and minutes when those changed (issue 14.4).</summary>
public enum RoomStateKind
{
    Listener,
    ConsoleWithoutRollCall,
    Console,
}

/// <summary>One endpoint's flags at a moment: what its own endpoint view follows (muted, host).</summary>
public sealed record EndpointMessage(DateTimeOffset Now, RoomState.EndpointView Endpoint);

/// <summary>Builds <see cref="RoomState"/> from the database (the one source of truth across app instances).</summary>
public sealed class RoomStates(BriefingsDbContext db, TimeProvider clock, RedisConnection redis,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.SignalR.JsonHubProtocolOptions> json)
{
    /// <summary>The marks that count a person as present in an endpoint's "present / required".</summary>
    private static readonly AttendanceStatus[] PresentStatuses = [AttendanceStatus.InRoom, AttendanceStatus.Online, AttendanceStatus.Substitute];

    public async Task<RoomState?> LoadAsync(Guid meetingId, RoomStateKind kind, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return null;
        }

        var room = await db.LiveRooms.AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == meetingId, ct);
        var endpointViews = kind == RoomStateKind.Listener ? [] : await EndpointsAsync(meetingId, null, ct);
        List<RoomState.AttendanceView>? attendance = null;
        List<RoomState.MinutesView>? minutes = null;
        if (kind == RoomStateKind.Console)
        {
            var invitations = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct);
            var marks = await db.AttendanceMarks.AsNoTracking().Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.InvitationId, ct);
            var personIds = invitations.Select(i => i.PersonId).ToList();
            var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
            // Vietnamese order by the names' sort keys, each made once: the same order as VietnameseText.Order, without a
            // culture comparison per pair (a district meeting's roll call has thousands of rows, sorted per chair action).
            var compare = Briefings.Core.Common.VietnameseText.Culture.CompareInfo;
            var keys = names.ToDictionary(n => n.Key, n => compare.GetSortKey(n.Value, CompareOptions.IgnoreCase));
            var noName = compare.GetSortKey("", CompareOptions.IgnoreCase);
            attendance = invitations.OrderBy(i => i.RuleLabel, StringComparer.Ordinal)
                .ThenBy(i => keys.GetValueOrDefault(i.PersonId) ?? noName, Comparer<SortKey>.Create(SortKey.Compare))
                .Select(i =>
                {
                    var m = marks.GetValueOrDefault(i.Id);
                    var note = i.Response switch
                    {
                        InvitationResponse.Substitute => i.SubstituteName,
                        InvitationResponse.Declined => i.DeclineReason,
                        _ => null,
                    };
                    return new RoomState.AttendanceView(i.Id, i.EndpointId, names.GetValueOrDefault(i.PersonId) ?? "", i.Title, i.RuleLabel,
                        Invitation.DisplayName(i.Response), note, (m?.Status ?? AttendanceStatus.Unmarked).ToString(), m?.Reason, m?.SubstituteName, m?.MarkedBy);
                }).ToList();
            var entries = await db.MinutesEntries.AsNoTracking().Where(m => m.MeetingId == meetingId).ToDictionaryAsync(m => m.AgendaOrder, ct);
            minutes = meeting.Agenda.OrderBy(a => a.Order).Select(a => entries.TryGetValue(a.Order, out var m)
                ? new RoomState.MinutesView(a.Order, m.Text, m.Revision, m.UpdatedBy, m.UpdatedAt)
                : new RoomState.MinutesView(a.Order, "", 0, null, null)).ToList();
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
            minutes) { SingleInstance = redis.SingleInstance };
        return kind == RoomStateKind.Listener ? state with { Digest = RoomDeltas.DigestOf(state, json.Value.PayloadSerializerOptions) } : state;
    }

    /// <summary>The consoles' state without roll call from a listener state just loaded: the same public parts, with
    /// the endpoints added (a chair action then reads the meeting once for the listeners and the consoles).</summary>
    public async Task<RoomState> ForConsolesAsync(RoomState listener, CancellationToken ct = default) =>
        listener with { Endpoints = await EndpointsAsync(listener.MeetingId, null, ct), Digest = "" };

    /// <summary>One endpoint's flags and counts now, for its own endpoint view; null when it is not of this meeting.</summary>
    public async Task<EndpointMessage?> EndpointAsync(Guid meetingId, Guid endpointId, CancellationToken ct = default) =>
        (await EndpointsAsync(meetingId, endpointId, ct)) is [var one] ? new EndpointMessage(clock.GetUtcNow(), one) : null;

    /// <summary>The meeting's endpoints (or the one asked for) with their presence and present / required counts.</summary>
    private async Task<List<RoomState.EndpointView>> EndpointsAsync(Guid meetingId, Guid? only, CancellationToken ct)
    {
        var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId && (only == null || e.Id == only)).ToListAsync(ct);
        var presence = await db.EndpointPresences.AsNoTracking().Where(p => p.MeetingId == meetingId && (only == null || p.EndpointId == only)).ToDictionaryAsync(p => p.EndpointId, ct);
        // Per endpoint: how many are invited and how many of them are marked present, counted in the database (reading
        // every invitation of a district meeting, about 2,100 rows, per load was most of a join's cost: issue 14.4).
        var required = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId && (only == null || i.EndpointId == only))
            .GroupBy(i => i.EndpointId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var present = await db.AttendanceMarks.AsNoTracking().Where(a => a.MeetingId == meetingId && (only == null || a.EndpointId == only) && PresentStatuses.Contains(a.Status))
            .Join(db.Invitations, a => a.InvitationId, i => i.Id, (_, i) => i.EndpointId)
            .GroupBy(e => e).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var endpointViews = endpoints.OrderBy(e => !e.IsHost).ThenBy(e => e.Name, Briefings.Core.Common.VietnameseText.Order).Select(e =>
        {
            presence.TryGetValue(e.Id, out var p);
            return new RoomState.EndpointView(e.Id, e.AreaName, e.IsHost, p?.Connected ?? false, p?.AudioFlowing ?? false, p?.VideoFlowing ?? false,
                p?.Muted ?? false, p?.LastSeenAt, required.GetValueOrDefault(e.Id), present.GetValueOrDefault(e.Id));
        }).ToList();

        return endpointViews;
    }
}
