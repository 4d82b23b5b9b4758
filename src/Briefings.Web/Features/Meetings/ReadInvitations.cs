using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>The invitation list of a meeting for its managers: per endpoint, the gap check by position (the body's
/// rules of that level), the invitees, the guests; and, when asked, people of the area who could be invited one by
/// one.</summary>
public sealed class ReadInvitations(BriefingsDbContext db, MeetingAccess access, CompositionRules rules)
{
    public const int MaxCandidates = 20;

    public sealed record Invitee(Invitation Invitation, string PersonName);

    public sealed record EndpointView(MeetingEndpoint Endpoint, IReadOnlyList<GapLine> Gaps, IReadOnlyList<Invitee> Invitees, IReadOnlyList<MeetingGuest> Guests);

    public sealed record Candidate(Guid PersonId, string FullName, string Title, string UnitName);

    public sealed record View(Meeting Meeting, Unit Area, bool RulesAreDefault, IReadOnlyList<EndpointView> Endpoints, IReadOnlyList<Candidate> Candidates,
        IReadOnlyList<(MeetingExclusion Exclusion, string PersonName)> Removed);

    public async Task<Result<View>> RunAsync(Guid meetingId, UserContext? user, string? find = null, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound;
        }

        var grant = await access.ForAsync(meeting, user, ct);
        if (!grant.CanManage)
        {
            return Error.Forbidden;
        }

        var area = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.BodyAreaId, ct);
        var organizer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == meeting.OrganizerUnitId, ct);
        var (areaRules, isDefault) = await rules.ForMeetingAsync(meeting, organizer, ct);
        var list = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId).ToListAsync(ct);
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId)
            .Join(db.People.AsNoTracking(), i => i.PersonId, p => p.Id, (i, p) => new { i, p.FullName }).ToListAsync(ct);
        var guests = await db.MeetingGuests.AsNoTracking().Where(g => g.MeetingId == meetingId).OrderBy(g => g.AddedAt).ToListAsync(ct);
        var endpoints = list.OrderBy(e => !e.IsHost).ThenBy(e => e.Name, VietnameseText.Order)
            .Select(e =>
            {
                var mine = invitations.Where(x => x.i.EndpointId == e.Id).ToList();
                var level = e.IsHost ? CompositionLevel.Body : CompositionLevel.Below;
                var gaps = CompositionGap.For(mine.Select(x => x.i), areaRules.Where(r => r.Level == level));
                var invitees = mine.OrderBy(x => x.i.RuleLabel, StringComparer.Ordinal).ThenBy(x => x.FullName, VietnameseText.Order)
                    .Select(x => new Invitee(x.i, x.FullName)).ToList();
                return new EndpointView(e, gaps, invitees, guests.Where(g => g.EndpointId == e.Id).ToList());
            })
            .ToList();

        var removed = await db.MeetingExclusions.AsNoTracking().Where(x => x.MeetingId == meetingId)
            .Join(db.People.AsNoTracking(), x => x.PersonId, p => p.Id, (x, p) => new { x, p.FullName })
            .ToListAsync(ct);
        return Result<View>.Ok(new View(meeting, area, isDefault, endpoints, await CandidatesAsync(meetingId, area, find, ct),
            removed.OrderByDescending(r => r.x.At).Select(r => (r.x, r.FullName)).ToList()));
    }

    private async Task<IReadOnlyList<Candidate>> CandidatesAsync(Guid meetingId, Unit area, string? find, CancellationToken ct)
    {
        var tokens = TextFolding.QueryTokens(find);
        if (tokens.Count == 0)
        {
            return [];
        }

        var areaPath = area.Path;
        var people = db.People.AsNoTracking()
            .Where(p => p.RetiredAt == null && db.Units.Any(u => u.Id == p.UnitId && u.Path.StartsWith(areaPath)))
            .Where(p => !db.Invitations.Any(i => i.MeetingId == meetingId && i.PersonId == p.Id));
        foreach (var token in tokens)
        {
            var pattern = "%" + token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            people = people.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
        }

        var hits = await people.OrderBy(p => p.SearchText).Take(MaxCandidates)
            .Join(db.Units.AsNoTracking(), p => p.UnitId, u => u.Id, (p, u) => new
            {
                p.Id,
                p.FullName,
                Title = p.Positions.OrderBy(x => x.SortOrder).Select(x => x.Title).FirstOrDefault(),
                u.Name,
            })
            .ToListAsync(ct);
        return hits.Select(h => new Candidate(h.Id, h.FullName, h.Title ?? "", h.Name)).ToList();
    }
}
