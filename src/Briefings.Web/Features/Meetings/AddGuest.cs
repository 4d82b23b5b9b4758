using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>Adds a guest who is not in the directory (a name, a position, an organisation) at one endpoint, with the
/// reason.</summary>
public sealed class AddGuest(BriefingsDbContext db, TimeProvider clock)
{
    public sealed record Input(Guid MeetingId, Guid EndpointId, string? FullName, string? Position, string? Organization, string? Reason);

    public async Task<Result<MeetingGuest>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var managed = await ManagedMeeting.LoadAsync(db, input.MeetingId, user.Scope, ct);
        if (!managed.Succeeded)
        {
            return Result<MeetingGuest>.Fail(managed.Errors);
        }

        var (meeting, _) = managed.Value;
        var errors = new List<Error>();
        if (!await db.MeetingEndpoints.AnyAsync(e => e.Id == input.EndpointId && e.MeetingId == meeting.Id, ct))
        {
            errors.Add(new Error("Vui lòng chọn điểm cầu của khách mời.", "EndpointId"));
        }

        if (string.IsNullOrWhiteSpace(input.FullName) || input.FullName.Trim().Length > 200)
        {
            errors.Add(new Error("Vui lòng nhập họ tên khách mời (tối đa 200 ký tự).", "FullName"));
        }

        if (string.IsNullOrWhiteSpace(input.Position) || input.Position.Trim().Length > 200)
        {
            errors.Add(new Error("Vui lòng nhập chức vụ của khách mời (tối đa 200 ký tự).", "Position"));
        }

        if ((input.Organization?.Trim().Length ?? 0) > 300)
        {
            errors.Add(new Error("Cơ quan, đơn vị tối đa 300 ký tự.", "Organization"));
        }

        if (ManagedMeeting.CheckReason(input.Reason) is { } bad)
        {
            errors.Add(bad);
        }

        if (errors.Count > 0)
        {
            return Result<MeetingGuest>.Fail(errors);
        }

        var guest = MeetingGuest.Create(meeting.Id, input.EndpointId, input.FullName!, input.Position!, input.Organization, input.Reason!, user.User.UserName ?? "", clock.GetUtcNow());
        db.MeetingGuests.Add(guest);
        meeting.Touch();
        await db.SaveChangesAsync(ct);
        return Result<MeetingGuest>.Ok(guest);
    }
}
