using Briefings.Core.Common;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Briefings.Web.Features.Accounts;

/// <summary>Disables an account that is no longer used (the person left), or enables it again. A disabled
/// account cannot sign in and its sessions end at once; both are audited.</summary>
public sealed class DisableAccount(AccountAccess access, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public async Task<Result<bool>> RunAsync(string accountId, bool disabled, UserContext? user, CancellationToken ct = default)
    {
        var grant = await access.ForAsync(accountId, user, ct);
        if (!grant.Succeeded)
        {
            return Result<bool>.Fail(grant.Errors);
        }

        var account = grant.Value!.Account;
        if (disabled && grant.Value.IsSelf)
        {
            return new Error("Bạn không thể tự vô hiệu hóa tài khoản của mình.");
        }

        account.DisabledAt = disabled ? account.DisabledAt ?? clock.GetUtcNow() : null;

        // A new security stamp is saved together with the flag: one audited change, sessions end with it.
        var result = disabled ? await users.UpdateSecurityStampAsync(account) : await users.UpdateAsync(account);
        return result.Succeeded ? Result<bool>.Ok(true) : Result<bool>.Fail(result.Errors.Select(e => new Error(e.Description)).ToList());
    }
}
