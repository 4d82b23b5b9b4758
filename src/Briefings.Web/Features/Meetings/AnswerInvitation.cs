using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>An invited unit confirms, names a substitute ("dự thay": name and position) or declines with a reason.</summary>
public sealed class AnswerInvitation(BriefingsDbContext db, MeetingAccess access, TimeProvider clock)
{
    public sealed record Input(Guid InvitationId, InvitationResponse Response, string? SubstituteName, string? SubstitutePosition, string? Reason, int Version);

    public async Task<Result<Invitation>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == input.InvitationId, ct);
        if (invitation is null)
        {
            return Error.NotFound;
        }

        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == invitation.MeetingId, ct);
        var grant = await access.ForAsync(meeting, user, ct);
        if (!grant.CanManage && !grant.ActingUnitIds.Contains(invitation.UnitId))
        {
            return Error.Forbidden;
        }

        if (meeting.Status == MeetingStatus.Cancelled)
        {
            return MeetingAccess.Cancelled;
        }

        if (invitation.Version != input.Version)
        {
            return Error.Conflict;
        }

        if (invitation.Answer(input.Response, input.SubstituteName, input.SubstitutePosition, input.Reason, user.User.UserName!, clock.GetUtcNow()) is { } error)
        {
            return error;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }

        return Result<Invitation>.Ok(invitation);
    }
}
