using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>Takes one person off a meeting's invitation list, with the reason. The removal is kept
/// (<see cref="MeetingExclusion"/>): applying the composition again does not invite them back.</summary>
public sealed class RemoveInvitee(BriefingsDbContext db, TimeProvider clock)
{
    public sealed record Input(Guid MeetingId, Guid InvitationId, string? Reason);

    public async Task<Result<Guid>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var managed = await ManagedMeeting.LoadAsync(db, input.MeetingId, user.Scope, ct);
        if (!managed.Succeeded)
        {
            return Result<Guid>.Fail(managed.Errors);
        }

        var (meeting, _) = managed.Value;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == input.InvitationId && i.MeetingId == meeting.Id, ct);
        if (invitation is null)
        {
            return Error.NotFound;
        }

        if (ManagedMeeting.CheckReason(input.Reason, $"Remove[{input.InvitationId:N}]") is { } bad)
        {
            return bad;
        }

        db.Invitations.Remove(invitation);
        db.MeetingExclusions.Add(MeetingExclusion.Create(meeting.Id, invitation.PersonId, invitation.UnitId, input.Reason!, user.User.UserName ?? "", clock.GetUtcNow()));
        meeting.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict;
        }

        return Result<Guid>.Ok(invitation.PersonId);
    }
}
