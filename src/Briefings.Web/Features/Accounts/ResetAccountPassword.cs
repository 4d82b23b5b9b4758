using Briefings.Core.Common;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Briefings.Web.Features.Accounts;

/// <summary>Gives an account a new one-time password (forgotten password): shown once to the administrator,
/// stored only as a hash, to be changed at the next sign-in. The account's sessions end; the change is
/// audited (the hash masked).</summary>
public sealed class ResetAccountPassword(AccountAccess access, UserManager<ApplicationUser> users)
{
    public async Task<Result<string>> RunAsync(string accountId, UserContext? user, CancellationToken ct = default)
    {
        var grant = await access.ForAsync(accountId, user, ct);
        if (!grant.Succeeded)
        {
            return Result<string>.Fail(grant.Errors);
        }

        var account = grant.Value!.Account;
        var password = AccountBootstrap.GeneratePassword();
        account.MustChangePassword = true;
        var token = await users.GeneratePasswordResetTokenAsync(account);

        // Resetting changes the hash and the security stamp and saves the flag with them.
        var result = await users.ResetPasswordAsync(account, token, password);
        return result.Succeeded ? Result<string>.Ok(password) : Result<string>.Fail(result.Errors.Select(e => new Error(e.Description)).ToList());
    }
}
