using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>Invites one person of the directory outside the composition rules ("mời thêm"), with the reason, at the
/// endpoint of the area their record belongs to. A person taken off the list before comes back this way.</summary>
public sealed class InviteOnePerson(BriefingsDbContext db)
{
    public sealed record Input(Guid MeetingId, Guid PersonId, string? Reason);

    public async Task<Result<Invitation>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var managed = await ManagedMeeting.LoadAsync(db, input.MeetingId, user.Scope, ct);
        if (!managed.Succeeded)
        {
            return Result<Invitation>.Fail(managed.Errors);
        }

        var (meeting, area) = managed.Value;
        if (ManagedMeeting.CheckReason(input.Reason) is { } bad)
        {
            return bad;
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.PersonId && p.RetiredAt == null, ct);
        var home = person is null ? null : await db.Units.AsNoTracking().FirstAsync(u => u.Id == person.UnitId, ct);
        if (person is null || home is null || !home.IsInSubtreeOf(area.Path))
        {
            return new Error("Chỉ mời thêm được cán bộ đang công tác trong địa bàn của cuộc họp.", "PersonId");
        }

        if (await db.Invitations.AnyAsync(i => i.MeetingId == meeting.Id && i.PersonId == person.Id, ct))
        {
            return new Error("Người này đã có trong danh sách mời.", "PersonId");
        }

        // The endpoint: the area directly below the body that holds the person's record, or the body's own room.
        var endpointArea = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == area.Id && u.Kind == UnitKind.Area && u.RetiredAt == null)
            .Select(u => new { u.Id, u.Path, u.Name })
            .ToListAsync(ct);
        var sub = endpointArea.FirstOrDefault(a => home.IsInSubtreeOf(a.Path));
        var areaId = sub?.Id ?? area.Id;
        var endpoint = await db.MeetingEndpoints.FirstOrDefaultAsync(e => e.MeetingId == meeting.Id && e.AreaUnitId == areaId, ct);
        if (endpoint is null)
        {
            endpoint = MeetingEndpoint.Create(meeting.Id, areaId, sub is null ? $"Điểm cầu chính — {area.Name}" : $"Điểm cầu {sub.Name}", sub is null);
            db.MeetingEndpoints.Add(endpoint);
        }

        var position = person.Positions.OrderBy(p => p.SortOrder).FirstOrDefault();
        var invitation = Invitation.AddIndividually(meeting.Id, endpoint.Id, person.Id, position?.UnitId ?? person.UnitId, position?.Title ?? "", input.Reason!, user.User.UserName ?? "");
        db.Invitations.Add(invitation);
        var exclusion = await db.MeetingExclusions.FirstOrDefaultAsync(x => x.MeetingId == meeting.Id && x.PersonId == person.Id, ct);
        if (exclusion is not null)
        {
            db.MeetingExclusions.Remove(exclusion);
        }

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

        return Result<Invitation>.Ok(invitation);
    }
}
