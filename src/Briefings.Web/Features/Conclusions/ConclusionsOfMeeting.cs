using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Fills the meeting page's slot: the meeting's conclusions the caller may open (<see cref="ConclusionAccess"/>
/// decides), issued ones first.</summary>
public sealed class ConclusionsOfMeeting(BriefingsDbContext db, ConclusionAccess access) : IMeetingConclusions
{
    public async Task<IReadOnlyList<MeetingConclusionLink>> ForAsync(Guid meetingId, UserContext? user, CancellationToken ct)
    {
        var all = await db.Conclusions.AsNoTracking().AsSplitQuery().Where(c => c.MeetingId == meetingId).ToListAsync(ct);
        var links = new List<MeetingConclusionLink>();
        foreach (var c in all.OrderByDescending(c => c.IsIssued).ThenBy(c => c.IssuedAt ?? DateTimeOffset.MaxValue))
        {
            if ((await access.ForAsync(c, user, ct)).CanView)
            {
                links.Add(new MeetingConclusionLink(c.Id, Label(c), c.IsIssued, $"conclusions/{c.Id}"));
            }
        }

        return links;
    }

    /// <summary>The conclusions already written for a meeting (drafts and issued, corrections left out: a correction
    /// is meant to be a second document). Drafting another asks first.</summary>
    public static async Task<IReadOnlyList<MeetingConclusionLink>> ExistingAsync(BriefingsDbContext db, Guid meetingId, CancellationToken ct)
    {
        var found = await db.Conclusions.AsNoTracking().AsSplitQuery().Where(c => c.MeetingId == meetingId && c.CorrectsConclusionId == null).ToListAsync(ct);
        return [.. found.Select(c => new MeetingConclusionLink(c.Id, Label(c), c.IsIssued, $"conclusions/{c.Id}"))];
    }

    /// <summary>How a conclusion of a meeting is named where the meeting lists it.</summary>
    public static string Label(Conclusion c)
    {
        var type = c.TypeName.ToLower(VietnameseText.Culture);
        return c.Number is { } number
            ? string.Create(VietnameseText.Culture, $"{char.ToUpper(type[0], VietnameseText.Culture)}{type[1..]} số {number}") + (c.IssuedOn is { } d ? string.Create(VietnameseText.Culture, $" ngày {d:dd/MM/yyyy}") : "")
            : $"Dự thảo {type} ({ConclusionStates.Text(c.Status)})";
    }
}
