using Briefings.Core.Common;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Briefings.Web.Features.Accounts;

/// <summary>Locks an account until an administrator unlocks it (suspected misuse), or unlocks it (also after
/// a lockout by wrong passwords). Locking ends the account's sessions at once; both are audited.</summary>
public sealed class LockAccount(AccountAccess access, UserManager<ApplicationUser> users)
{
    public async Task<Result<bool>> RunAsync(string accountId, bool locked, UserContext? user, CancellationToken ct = default)
    {
        var grant = await access.ForAsync(accountId, user, ct);
        if (!grant.Succeeded)
        {
            return Result<bool>.Fail(grant.Errors);
        }

        var account = grant.Value!.Account;
        if (locked && grant.Value.IsSelf)
        {
            return new Error("Bạn không thể tự khóa tài khoản của mình.");
        }

        if (locked)
        {
            await users.SetLockoutEnabledAsync(account, true);
            await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(account);
        }
        else
        {
            await users.SetLockoutEndDateAsync(account, null);
            await users.ResetAccessFailedCountAsync(account);
        }

        return Result<bool>.Ok(true);
    }
}
