using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Documents;

/// <summary>The numbering rule of an issuer (when its register restarts); the feature that keeps the register's
/// settings fills this slot, so a paper of an earlier feature (a giấy mời) numbers by the same rule.</summary>
public interface INumberingRules
{
    Task<NumberingRule> RuleForAsync(Unit issuer, CancellationToken ct);
}

/// <summary>
/// Takes the next number of an issuer's register for one document type ("GM" for giấy mời, "BB", "BC"): each type
/// counts on its own, in the period the issuer's rule gives. The caller saves the register with the paper in one
/// transaction; <see cref="DocumentRegister.Version"/> makes two racing callers collide instead of sharing a number.
/// </summary>
public sealed class PaperNumbers(BriefingsDbContext db, IEnumerable<INumberingRules> rules)
{
    public async Task<DocumentNumber> AllocateAsync(Unit issuer, string typeCode, DateOnly issuedOn, CancellationToken ct)
    {
        var rule = rules.FirstOrDefault() is { } source ? await source.RuleForAsync(issuer, ct) : NumberingRule.Continuous;
        var periodKey = rule.PeriodKey(issuedOn);
        var register = await db.DocumentRegisters.FirstOrDefaultAsync(
            r => r.IssuerUnitId == issuer.Id && r.TypeCode == typeCode && r.PeriodKey == periodKey, ct);
        if (register is null)
        {
            register = DocumentRegister.Open(issuer.Id, typeCode, periodKey);
            db.DocumentRegisters.Add(register);
        }

        var symbol = issuer.DocumentSymbol ?? issuer.ShortName;
        return DocumentNumber.Of(register.Allocate(), typeCode, symbol, IssuerLayouts.NumberStyleFor(issuer));
    }
}
