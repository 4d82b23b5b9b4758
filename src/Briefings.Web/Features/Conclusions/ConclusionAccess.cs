using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// Who may read a conclusion inside the app:
/// <list type="bullet">
/// <item>managers (admins, and clerks whose scope covers the issuing body) and leaders covering the issuing
/// body: drafts and issued documents;</item>
/// <item>once issued, also every account whose scope covers a recipient unit ("Nơi nhận");</item>
/// <item>nobody else: they get 403 and no data. The public version is a separate page.</item>
/// </list>
/// An account opens a document for the recipient units of its own scope (managers and leaders: only their
/// own unit, not the units of the area they oversee); those openings are the receipts.
/// </summary>
public sealed class ConclusionAccess(BriefingsDbContext db)
{
    public sealed record Grant(bool CanView, bool CanManage, IReadOnlyList<Guid> ActingUnitIds);

    public static Grant None { get; } = new(false, false, []);

    public async Task<Grant> ForAsync(Conclusion conclusion, UserContext? user, CancellationToken ct = default)
    {
        if (user is null)
        {
            return None;
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        var manage = user.Scope.CanEditUnits && user.Scope.Covers(issuer);
        var leader = user.IsInRole(Roles.Leader) && user.Scope.Covers(issuer);
        if (!conclusion.IsIssued)
        {
            return manage || leader ? new Grant(true, manage, []) : None;
        }

        var recipientUnitIds = RecipientUnitIds(conclusion);
        var inScope = await db.Units.AsNoTracking().Within(user.Scope)
            .Where(u => recipientUnitIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        var view = manage || leader || inScope.Count > 0;
        if (!view)
        {
            return None;
        }

        // The office and the leaders read what they oversee without receiving it for the units below them:
        // the Bí thư reading a conclusion is no receipt of the Ban Dân vận. They receive for their own unit.
        var overseer = manage || leader || user.Scope.All;
        List<Guid> acting = overseer ? [.. recipientUnitIds.Where(id => id == user.Unit.Id)] : inScope;
        return new Grant(true, manage, acting);
    }

    /// <summary>The units an issued document went to: its fixed distribution list, plus — for documents issued
    /// before the list was kept — the single-unit lines and every unit a directive assigns: a lead unit opening its
    /// task's conclusion is never refused.</summary>
    public static List<Guid> RecipientUnitIds(Conclusion conclusion) =>
        [.. conclusion.Addressees.Select(a => a.UnitId)
            .Concat(conclusion.Recipients.Where(r => r.UnitId is not null).Select(r => r.UnitId!.Value))
            .Concat(conclusion.Directives.SelectMany(d => d.LeadUnitIds.Concat(d.CoordinatingUnitIds)))
            .Distinct()];
}
