using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Accounts;

/// <summary>
/// The one gate of account administration: admins administer every account; clerks the accounts of units in
/// their area, except administrators'; nobody locks or disables their own account (they would shut
/// themselves out). Everyone else is refused with no data.
/// </summary>
public sealed class AccountAccess(BriefingsDbContext db)
{
    public sealed record Grant(ApplicationUser Account, Unit Unit, IReadOnlyList<string> Roles, bool IsSelf);

    /// <summary>The tracked account with what the caller may know of it, or NotFound/Forbidden.</summary>
    public async Task<Result<Grant>> ForAsync(string accountId, UserContext? user, CancellationToken ct = default)
    {
        if (user is null || !user.Scope.ManagesAccounts)
        {
            return Error.Forbidden;
        }

        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == accountId, ct);
        if (account is null)
        {
            return Error.NotFound;
        }

        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == account.UnitId, ct);
        var roles = await db.UserRoles.Where(ur => ur.UserId == account.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        if (!user.Scope.Covers(unit) || (roles.Contains(Roles.Admin) && !user.Scope.All))
        {
            return Error.Forbidden;
        }

        return Result<Grant>.Ok(new Grant(account, unit, roles, account.Id == user.User.Id));
    }
}
