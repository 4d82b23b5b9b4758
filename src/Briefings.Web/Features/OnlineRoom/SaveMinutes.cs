using Briefings.Core.Common;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.OnlineRoom;

/// <summary>
/// Autosave of the minutes of one agenda item. The editor sends its text with the revision it was written on.
/// When someone else saved in between, the text is not written over theirs: it is kept as a version marked
/// "conflict" and the caller gets the current text back, so nothing typed is ever lost.
/// </summary>
public sealed class SaveMinutes(BriefingsDbContext db, TimeProvider clock, RoomBroadcaster broadcaster)
{
    /// <summary>Saves of one person within this window fold into one kept version.</summary>
    public static readonly TimeSpan VersionWindow = TimeSpan.FromMinutes(1);

    public sealed record Saved(int Order, int Revision, bool Conflict, string Text);

    public async Task<Result<Saved>> RunAsync(RoomAccess.Grant grant, int order, string? text, int baseRevision, CancellationToken ct = default)
    {
        if (!grant.CanDrive)
        {
            return Error.Forbidden;
        }

        text ??= "";
        var orders = await db.Meetings.AsNoTracking().Where(m => m.Id == grant.MeetingId).SelectMany(m => m.Agenda.Select(a => a.Order)).ToListAsync(ct);
        if (!orders.Contains(order))
        {
            return new Error("Không có mục này trong chương trình họp.", "Order");
        }

        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        var entry = await db.MinutesEntries.FirstOrDefaultAsync(m => m.MeetingId == grant.MeetingId && m.AgendaOrder == order, ct);
        if (entry is null)
        {
            entry = MinutesEntry.Create(grant.MeetingId, order);
            db.MinutesEntries.Add(entry);
        }

        var error = entry.Save(text, baseRevision, grant.UserName, now);
        if (error == Error.Conflict)
        {
            return await KeepConflictAsync(grant, order, text, baseRevision, now, ct);
        }

        if (error is not null)
        {
            db.ChangeTracker.Clear();
            return error;
        }

        var latest = await db.MinutesRevisions.Where(r => r.MeetingId == grant.MeetingId && r.AgendaOrder == order)
            .OrderByDescending(r => r.SavedAt).FirstOrDefaultAsync(ct);
        if (latest is { Conflicted: false } && latest.SavedBy == grant.UserName && now - latest.SavedAt < VersionWindow)
        {
            latest.Text = entry.Text;
            latest.Revision = entry.Revision;
            latest.SavedAt = now;
        }
        else
        {
            db.MinutesRevisions.Add(new MinutesRevision
            {
                MeetingId = grant.MeetingId, AgendaOrder = order, Revision = entry.Revision, Text = entry.Text, SavedBy = grant.UserName, SavedAt = now,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Saved by someone else at the same moment.
            return await KeepConflictAsync(grant, order, text, baseRevision, now, ct);
        }

        await broadcaster.SendConsoleAsync(grant.MeetingId, ConsoleChange.Minutes(order), ct);
        return Result<Saved>.Ok(new Saved(order, entry.Revision, false, entry.Text));
    }

    private async Task<Result<Saved>> KeepConflictAsync(RoomAccess.Grant grant, int order, string text, int baseRevision, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        db.MinutesRevisions.Add(new MinutesRevision
        {
            MeetingId = grant.MeetingId, AgendaOrder = order, Revision = baseRevision, Text = text, Conflicted = true, SavedBy = grant.UserName, SavedAt = now,
        });
        await db.SaveChangesAsync(ct);
        var current = await db.MinutesEntries.AsNoTracking().FirstAsync(m => m.MeetingId == grant.MeetingId && m.AgendaOrder == order, ct);
        return Result<Saved>.Ok(new Saved(order, current.Revision, true, current.Text));
    }
}
