using Briefings.Core.Conclusions;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// A slot later stages fill (the follow-up turns directives into tasks): called by <see cref="IssueConclusion"/>
/// inside the issue transaction, after the number is taken and before saving, with the same database
/// context, so what a handler adds is saved — or rolled back — with the issued document.
/// </summary>
public interface IConclusionIssuedHandler
{
    Task OnIssuedAsync(Conclusion conclusion, DateTimeOffset at, CancellationToken ct);
}
