using Briefings.Core.Conclusions;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>When a conclusion of a meeting is issued, the meeting is concluded (its life's last step), in the same
/// transaction. A later correction of the same meeting leaves the first conclusion as the meeting's.</summary>
public sealed class MarkMeetingConcluded(BriefingsDbContext db) : IConclusionIssuedHandler
{
    public async Task OnIssuedAsync(Conclusion conclusion, DateTimeOffset at, CancellationToken ct)
    {
        if (conclusion.MeetingId is not { } meetingId || conclusion.IsBroughtIn)
        {
            return;
        }

        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        meeting?.MarkConcluded(conclusion.Id, at);
    }
}
