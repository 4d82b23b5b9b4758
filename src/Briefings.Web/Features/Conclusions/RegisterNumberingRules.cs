using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Web.Documents;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Gives the other papers (giấy mời) the numbering rule the office set for the issuer's register.</summary>
public sealed class RegisterNumberingRules(RegisterSettings settings, IOptions<ConclusionOptions> options) : INumberingRules
{
    public Task<NumberingRule> RuleForAsync(Unit issuer, CancellationToken ct) => settings.RuleForAsync(issuer, options.Value, ct);
}
