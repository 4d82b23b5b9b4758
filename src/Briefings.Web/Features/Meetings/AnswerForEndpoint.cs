using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// The answers of a whole endpoint in one submit: one answer for everyone ("tham dự") and per-person exceptions
/// (a substitute, an absence with its reason). A row left blank takes the common answer; with no common answer it
/// stays as it was. Every row is checked first; one bad row saves nothing and each error names its row. Managers
/// answer for every invitee of the endpoint, a unit's staff for the invitees of their units (<see cref="MeetingAccess"/>).
/// </summary>
public sealed class AnswerForEndpoint(BriefingsDbContext db, MeetingAccess access, TimeProvider clock)
{
    public sealed record Row(Guid InvitationId, int Version, string? Response, string? SubstituteName, string? SubstitutePosition, string? Reason);

    public sealed record Input(Guid MeetingId, Guid EndpointId, string? All, string? AllReason, IReadOnlyList<Row> Rows);

    public sealed record Line(Invitation Invitation, string PersonName);

    public sealed record View(Meeting Meeting, MeetingEndpoint Endpoint, IReadOnlyList<Line> Lines);

    /// <summary>The invitees of the endpoint the caller may answer for.</summary>
    public async Task<Result<View>> ReadAsync(Guid meetingId, Guid endpointId, UserContext? user, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var endpoint = meeting is null ? null : await db.MeetingEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId && e.MeetingId == meetingId, ct);
        if (meeting is null || endpoint is null)
        {
            return Error.NotFound;
        }

        var grant = await access.ForAsync(meeting, user, ct);
        var acting = grant.ActingUnitIds.ToList();
        var query = db.Invitations.AsNoTracking().Where(i => i.EndpointId == endpointId);
        if (!grant.CanManage)
        {
            query = query.Where(i => acting.Contains(i.UnitId));
        }

        var lines = grant.CanManage || acting.Count > 0
            ? await query.Join(db.People.AsNoTracking(), i => i.PersonId, p => p.Id, (i, p) => new { i, p.FullName }).ToListAsync(ct)
            : [];
        if (lines.Count == 0 && !grant.CanManage)
        {
            return Error.Forbidden;
        }

        return Result<View>.Ok(new View(meeting, endpoint, lines
            .OrderBy(x => x.i.RuleLabel, StringComparer.Ordinal).ThenBy(x => x.FullName, VietnameseText.Order)
            .Select(x => new Line(x.i, x.FullName)).ToList()));
    }

    public async Task<Result<int>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var read = await ReadAsync(input.MeetingId, input.EndpointId, user, ct);
        if (read.Value is not { } view)
        {
            return Result<int>.Fail(read.Errors);
        }

        if (view.Meeting.Status == MeetingStatus.Cancelled)
        {
            return new Error("Cuộc họp đã hủy.");
        }

        var allowed = view.Lines.Select(l => l.Invitation.Id).ToHashSet();
        if (input.Rows.Any(r => !allowed.Contains(r.InvitationId)))
        {
            return Error.Forbidden;
        }

        var errors = new List<Error>();
        InvitationResponse? all = null;
        if (!string.IsNullOrEmpty(input.All))
        {
            all = Parse(input.All);
            if (all is null)
            {
                errors.Add(new Error("Trả lời chung không hợp lệ.", "All"));
            }
        }

        var ids = input.Rows.Select(r => r.InvitationId).ToList();
        var invitations = await db.Invitations.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var by = user.User.UserName ?? "";
        var now = clock.GetUtcNow();
        var changed = 0;
        for (var n = 0; n < input.Rows.Count; n++)
        {
            var row = input.Rows[n];
            var invitation = invitations[row.InvitationId];
            InvitationResponse? response = all;
            if (!string.IsNullOrEmpty(row.Response))
            {
                response = Parse(row.Response);
                if (response is null)
                {
                    errors.Add(new Error("Trả lời không hợp lệ.", $"Rows[{n}].Response"));
                    continue;
                }
            }

            if (response is not { } answer)
            {
                continue;
            }

            if (invitation.Version != row.Version)
            {
                errors.Add(Error.Conflict);
                continue;
            }

            var reason = string.IsNullOrWhiteSpace(row.Reason) ? input.AllReason : row.Reason;
            if (Same(invitation, answer, row.SubstituteName, row.SubstitutePosition, reason))
            {
                continue;
            }

            if (invitation.Answer(answer, row.SubstituteName, row.SubstitutePosition, reason, by, now) is { } error)
            {
                errors.Add(error with { Field = $"Rows[{n}].{error.Field}" });
                continue;
            }

            changed++;
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result<int>.Fail(errors.Distinct().ToList());
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict;
        }

        return Result<int>.Ok(changed);
    }

    private static InvitationResponse? Parse(string value) =>
        Enum.TryParse<InvitationResponse>(value, out var r) && Enum.IsDefined(r) && r != InvitationResponse.Pending && !int.TryParse(value, out _) ? r : null;

    private static bool Same(Invitation i, InvitationResponse answer, string? name, string? position, string? reason) =>
        i.Response == answer && answer switch
        {
            InvitationResponse.Substitute => i.SubstituteName == name?.Trim() && i.SubstitutePosition == position?.Trim(),
            InvitationResponse.Declined => i.DeclineReason == reason?.Trim(),
            _ => true,
        };
}
