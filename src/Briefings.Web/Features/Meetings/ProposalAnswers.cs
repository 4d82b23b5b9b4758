namespace Briefings.Web.Features.Meetings;

/// <summary>How a proposal was answered: a directive of a conclusion and the state of its task.</summary>
public sealed record ProposalAnswer(Guid ProposalId, string Directive, string Progress, string? Reply, string? Link);

/// <summary>
/// A slot the follow-up fills: the answers to proposals, shown to the proposing unit under each of its proposals.
/// Meetings never calls into a later stage directly; with no source registered the meeting page shows none.
/// </summary>
public interface IProposalAnswers
{
    Task<IReadOnlyList<ProposalAnswer>> ForAsync(IReadOnlyList<Guid> proposalIds, CancellationToken ct);
}
