using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// What a meeting left behind, for its page once it is held: the roll call result (per endpoint and in total), the
/// minutes typed per agenda item in the console, the speakers in the order they spoke, the conclusions and the
/// links to the biên bản. Everyone who may view the meeting sees the roll call, the speakers and the conclusions
/// they may open; the minutes text only its managers and the leaders (the biên bản is theirs until signed).
/// </summary>
public sealed class ReadMeetingRecord(BriefingsDbContext db, MeetingRollCall rollCall, IEnumerable<IMeetingConclusions> conclusionSources)
{
    public sealed record MinutesItem(int Order, string Title, string Text, string? UpdatedBy, DateTimeOffset? UpdatedAt);

    public sealed record Speaker(string UnitName, string Topic, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, bool Speaking);

    public sealed record View(MeetingPhase Phase, RollCallSummary RollCall, bool MayReadMinutes, IReadOnlyList<MinutesItem> Minutes,
        IReadOnlyList<Speaker> Speakers, IReadOnlyList<MeetingConclusionLink> Conclusions, string MinutesDocx, string MinutesPdf);

    /// <summary>The record of <paramref name="meeting"/>, already opened through <see cref="MeetingAccess"/> with
    /// <paramref name="grant"/>; null before the meeting is held.</summary>
    public async Task<View?> RunAsync(Meeting meeting, MeetingAccess.Grant grant, UserContext? user, DateTimeOffset now, CancellationToken ct = default)
    {
        var phase = meeting.PhaseAt(now);
        if (!grant.CanView || !phase.IsOver())
        {
            return null;
        }

        var summary = await rollCall.LoadAsync(meeting.Id, ct);
        var mayReadMinutes = grant.CanManage || (user?.IsInRole(Roles.Leader) ?? false);
        List<MinutesItem> minutes = [];
        if (mayReadMinutes)
        {
            var entries = await db.MinutesEntries.AsNoTracking().Where(m => m.MeetingId == meeting.Id).ToListAsync(ct);
            minutes = [.. meeting.Agenda.OrderBy(a => a.Order).Select(a => entries.FirstOrDefault(e => e.AgendaOrder == a.Order) is { } e
                ? new MinutesItem(a.Order, a.Title, e.Text, e.UpdatedBy, e.UpdatedAt)
                : new MinutesItem(a.Order, a.Title, "", null, null))];
        }

        var room = await db.LiveRooms.AsNoTracking().FirstOrDefaultAsync(r => r.MeetingId == meeting.Id, ct);
        List<Speaker> speakers = room is null ? [] :
            [.. room.Speeches.Where(s => s.Status is SpeechStatus.Done or SpeechStatus.Speaking)
                .OrderBy(s => s.StartedAt ?? DateTimeOffset.MaxValue)
                .Select(s => new Speaker(s.UnitName, s.Topic, s.StartedAt, s.EndedAt, s.Status == SpeechStatus.Speaking))];

        var conclusions = new List<MeetingConclusionLink>();
        foreach (var source in conclusionSources)
        {
            conclusions.AddRange(await source.ForAsync(meeting.Id, user, ct));
        }

        return new View(phase, summary, mayReadMinutes, minutes, speakers, conclusions,
            $"meetings/{meeting.Id}/minutes.docx", $"meetings/{meeting.Id}/minutes.pdf");
    }
}
