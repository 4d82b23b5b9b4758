using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>Takes a guest off the list, with the reason; the guest's row stays as the record.</summary>
public sealed class RemoveGuest(BriefingsDbContext db, TimeProvider clock)
{
    public sealed record Input(Guid MeetingId, Guid GuestId, string? Reason);

    public async Task<Result<MeetingGuest>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var managed = await ManagedMeeting.LoadAsync(db, input.MeetingId, user.Scope, ct);
        if (!managed.Succeeded)
        {
            return Result<MeetingGuest>.Fail(managed.Errors);
        }

        var (meeting, _) = managed.Value;
        var guest = await db.MeetingGuests.FirstOrDefaultAsync(g => g.Id == input.GuestId && g.MeetingId == meeting.Id, ct);
        if (guest is null)
        {
            return Error.NotFound;
        }

        if (ManagedMeeting.CheckReason(input.Reason, $"RemoveGuest[{input.GuestId:N}]") is { } bad)
        {
            return bad;
        }

        if (guest.Remove(input.Reason!, user.User.UserName ?? "", clock.GetUtcNow()) is { } error)
        {
            return error;
        }

        meeting.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict;
        }

        return Result<MeetingGuest>.Ok(guest);
    }
}
