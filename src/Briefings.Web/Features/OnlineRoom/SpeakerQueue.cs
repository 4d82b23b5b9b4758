using Briefings.Core.Common;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>The chair's and the endpoints' actions on the room: current agenda item, the speaker queue
/// (ask, withdraw, add, reorder, start, stop) and the "media unavailable" flag. Each checks the caller's
/// <see cref="RoomAccess.Grant"/>, changes the room, and sends the new state to every client.</summary>
public sealed class SpeakerQueue(BriefingsDbContext db, LiveRooms rooms, RoomBroadcaster broadcaster, Media.RoomKeeper media)
{
    public async Task<Error?> RequestAsync(RoomAccess.Grant grant, Guid endpointId, string? topic, CancellationToken ct = default)
    {
        if (!grant.OwnEndpointIds.Contains(endpointId))
        {
            return Error.Forbidden;
        }

        if (await ClosedAsync(grant, ct) is { } closed)
        {
            return closed;
        }

        var endpoint = await db.MeetingEndpoints.AsNoTracking().FirstAsync(e => e.Id == endpointId, ct);
        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == endpoint.AreaUnitId).Select(u => u.Name).FirstAsync(ct);
        return await ApplyAsync(grant, r => r.Request(endpointId, endpoint.AreaUnitId, unitName, topic, SpeechSource.Live, LiveRoom.DefaultLiveMinutes,
            grant.UserName, rooms.Now).Errors.FirstOrDefault(), ct);
    }

    /// <summary>An endpoint withdraws its own waiting request; the organizer may take any out.</summary>
    public Task<Error?> WithdrawAsync(RoomAccess.Grant grant, Guid speechId, CancellationToken ct = default)
    {
        if (!grant.CanDrive)
        {
            return ApplyAsync(grant, r =>
            {
                var speech = r.Speeches.FirstOrDefault(s => s.Id == speechId);
                return speech?.EndpointId is { } e && grant.OwnEndpointIds.Contains(e) ? r.Withdraw(speechId, e) : Error.Forbidden;
            }, ct);
        }

        return DeclineAsync(grant, speechId, ct);
    }

    /// <summary>The organizer takes a speech out: the endpoint that asked is told it was not given the floor.</summary>
    private async Task<Error?> DeclineAsync(RoomAccess.Grant grant, Guid speechId, CancellationToken ct)
    {
        Guid? endpoint = null;
        var error = await ApplyAsync(grant, r =>
        {
            endpoint = r.Speeches.FirstOrDefault(s => s.Id == speechId)?.EndpointId;
            return r.Withdraw(speechId, null);
        }, ct);
        if (error is null && endpoint is { } e)
        {
            await broadcaster.SendEndpointAsync(grant.MeetingId, e, ct);
        }

        return error;
    }

    public async Task<Error?> AddAsync(RoomAccess.Grant grant, Guid endpointId, string? topic, int minutes, CancellationToken ct = default)
    {
        if (!grant.CanDrive)
        {
            return Error.Forbidden;
        }

        if (await ClosedAsync(grant, ct) is { } closed)
        {
            return closed;
        }

        var endpoint = await db.MeetingEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId && e.MeetingId == grant.MeetingId, ct);
        if (endpoint is null)
        {
            return new Error("Không có điểm cầu này trong cuộc họp.", "EndpointId");
        }

        var unitName = await db.Units.AsNoTracking().Where(u => u.Id == endpoint.AreaUnitId).Select(u => u.Name).FirstAsync(ct);
        return await ApplyAsync(grant, r => r.Request(endpointId, endpoint.AreaUnitId, unitName, topic, SpeechSource.AddedByChair, minutes, grant.UserName, rooms.Now)
            .Errors.FirstOrDefault(), ct);
    }

    public Task<Error?> MoveAsync(RoomAccess.Grant grant, Guid speechId, int index, CancellationToken ct = default) =>
        Drive(grant, r => r.Move(speechId, index), ct);

    /// <summary>Gives the floor; in media tiers the speaker's feed is forwarded to every instance right away.</summary>
    public async Task<Error?> StartAsync(RoomAccess.Grant grant, Guid speechId, CancellationToken ct = default) =>
        grant.CanDrive && await ClosedAsync(grant, ct) is { } closed ? closed
            : media.ForwardSoon(grant.MeetingId, await Drive(grant, r => r.Start(speechId, rooms.Now), ct));

    public async Task<Error?> StopAsync(RoomAccess.Grant grant, CancellationToken ct = default) =>
        media.ForwardSoon(grant.MeetingId, await Drive(grant, r => r.Stop(rooms.Now), ct));

    public async Task<Error?> SetCurrentItemAsync(RoomAccess.Grant grant, int order, CancellationToken ct = default)
    {
        var orders = await db.Meetings.AsNoTracking().Where(m => m.Id == grant.MeetingId).SelectMany(m => m.Agenda.Select(a => a.Order)).ToListAsync(ct);
        return await Drive(grant, r => r.SetCurrentItem(order, orders, rooms.Now), ct);
    }

    /// <summary>Flags media as unavailable (by the secretary, or by the media part when Janus does not answer).
    /// Nothing else depends on it: roll call, queue and minutes go on.</summary>
    public Task<Error?> SetMediaAsync(RoomAccess.Grant grant, bool unavailable, string? note, CancellationToken ct = default) =>
        Drive(grant, r =>
        {
            r.SetMedia(unavailable, note);
            return null;
        }, ct);

    /// <summary>After the meeting's closing ("bế mạc") nobody asks for, is given or is added to the floor: a phone left
    /// open, or a script, asked to speak in a meeting that had ended and the request waited in a queue nobody ran. Taking
    /// requests out, ending a speech, the roll call and the minutes go on (the secretary completes the record).</summary>
    private async Task<Error?> ClosedAsync(RoomAccess.Grant grant, CancellationToken ct) =>
        await db.Meetings.AsNoTracking().Where(m => m.Id == grant.MeetingId).Select(m => m.EndedAt).FirstOrDefaultAsync(ct) is { } ended
            ? new Error($"Cuộc họp đã bế mạc lúc {VietnameseText.DateTime(ended)}: không xin phát biểu hay mời phát biểu được nữa.")
            : null;

    private Task<Error?> Drive(RoomAccess.Grant grant, Func<LiveRoom, Error?> change, CancellationToken ct) =>
        grant.CanDrive ? ApplyAsync(grant, change, ct) : Task.FromResult<Error?>(Error.Forbidden);

    private async Task<Error?> ApplyAsync(RoomAccess.Grant grant, Func<LiveRoom, Error?> change, CancellationToken ct)
    {
        var error = await rooms.ChangeAsync(grant.MeetingId, change, ct);
        if (error is null)
        {
            await broadcaster.SendPublicAsync(grant.MeetingId, ct);
        }

        return error;
    }
}
