using Briefings.Core.Common;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>Loads (opening on first use) a meeting's <see cref="LiveRoom"/>, applies one change and saves it.
/// Several app instances may act on one room at once: a change that lost the race is re-applied to the
/// fresh state, so none is lost and none overwrites another. Within one instance the changes of one room wait for
/// each other (twenty communes asking for the floor at the same moment each lost the race to the others until the
/// retries ran out, and the hub answered with its English "unexpected error").</summary>
public sealed class LiveRooms(BriefingsDbContext db, TimeProvider clock)
{
    private const int Attempts = 6;

    /// <summary>Told when another instance kept winning the race every time (never seen with the gate below).</summary>
    public static readonly Error Busy = new("Phòng họp đang có nhiều thao tác cùng lúc nên thao tác của bạn chưa được ghi. Vui lòng bấm lại.");

    // One gate per room, striped: rooms that share a stripe only wait for each other's short save.
    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<Error?> ChangeAsync(Guid meetingId, Func<LiveRoom, Error?> change, CancellationToken ct = default)
    {
        var gate = Gates[(meetingId.GetHashCode() & int.MaxValue) % Gates.Length];
        await gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                db.ChangeTracker.Clear();
                var room = await OpenAsync(meetingId, ct);
                var error = change(room);
                if (error is not null)
                {
                    db.ChangeTracker.Clear();
                    return error;
                }

                try
                {
                    await db.SaveChangesAsync(ct);
                    return null;
                }
                catch (DbUpdateException) when (attempt < Attempts)
                {
                    // Another instance changed (or opened) the room in between: start again from its state, after a
                    // short random pause so two instances do not collide again in step.
                    await Task.Delay(Random.Shared.Next(2, 10 * attempt), ct);
                }
                catch (DbUpdateException)
                {
                    // Lost every time: told, not thrown (below).
                }
            }

            db.ChangeTracker.Clear();
            return Busy;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Makes sure the room exists with every speaking registration in its queue (a registration sent
    /// after the room opened joins the registered ones, ahead of live requests).</summary>
    public Task<Error?> EnsureOpenAsync(Guid meetingId, CancellationToken ct = default) => ChangeAsync(meetingId, _ => null, ct);

    private async Task<LiveRoom> OpenAsync(Guid meetingId, CancellationToken ct)
    {
        var room = await db.LiveRooms.FirstOrDefaultAsync(r => r.MeetingId == meetingId, ct);
        if (room is null)
        {
            room = LiveRoom.Open(meetingId);
            db.LiveRooms.Add(room);
        }

        var imported = room.Speeches.Where(s => s.RegistrationId is not null).Select(s => s.RegistrationId!.Value).ToList();
        var fresh = await db.SpeakingRegistrations.AsNoTracking()
            .Where(r => r.MeetingId == meetingId && !imported.Contains(r.Id))
            .Join(db.Units.AsNoTracking(), r => r.UnitId, u => u.Id, (r, u) => new { r, u.Name, u.Path })
            .ToListAsync(ct);
        if (fresh.Count > 0)
        {
            var endpoints = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId)
                .Join(db.Units.AsNoTracking(), e => e.AreaUnitId, u => u.Id, (e, u) => new { e.Id, u.Path })
                .ToListAsync(ct);
            room.Import(fresh.Select(x => new RegisteredSpeech(
                x.r.Id,
                endpoints.Where(e => x.Path.StartsWith(e.Path, StringComparison.Ordinal)).OrderByDescending(e => e.Path.Length).Select(e => (Guid?)e.Id).FirstOrDefault(),
                x.r.UnitId,
                x.Name,
                x.r.Topic,
                x.r.Minutes,
                x.r.SubmittedBy,
                x.r.SubmittedAt)));
        }

        return room;
    }
}
