using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.Meetings;

/// <summary>A conclusion of a meeting as its page links it: "Số 07-KL/HU" or "Dự thảo (đang soạn)".</summary>
public sealed record MeetingConclusionLink(Guid Id, string Label, bool IsIssued, string Href);

/// <summary>
/// A slot the conclusions fill: the conclusions of a meeting the caller may open, for the meeting page's record.
/// Meetings never calls into a later stage directly; with no source registered the page lists none.
/// </summary>
public interface IMeetingConclusions
{
    Task<IReadOnlyList<MeetingConclusionLink>> ForAsync(Guid meetingId, UserContext? user, CancellationToken ct);
}
