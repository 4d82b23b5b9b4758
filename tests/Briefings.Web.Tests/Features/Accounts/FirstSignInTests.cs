using System.Net;
using Briefings.Core.Organizations;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>A new account's first sign-in: the one-time password is changed, then the newcomer goes on.</summary>
[Collection(AppCollection.Name)]
public sealed class FirstSignInTests(AppFactory app)
{
    /// <summary>Found by walk-adopt: a commune clerk changed the one-time password on a phone and was left on the same
    /// account page with an empty form and "Mật khẩu đã được đổi." — no way on but the menu. The page now confirms and
    /// offers "Tiếp tục vào trang chủ"; a later change from the account page stays as it was.</summary>
    [Fact]
    public async Task FirstSignIn_OneTimePasswordChanged_ConfirmedWithTheWayOnToHome()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac, mustChangePassword: true);
        using var client = app.Client();
        var signedIn = await client.LoginAsync(account.UserName!, AppFactory.DemoPassword);
        var required = signedIn.Headers.Location!.OriginalString;
        Assert.Contains("ChangePassword?required=1", required, StringComparison.Ordinal);

        var changed = await client.SubmitAsync(required, "change-password", new()
        {
            ["Input.OldPassword"] = AppFactory.DemoPassword,
            ["Input.NewPassword"] = "Mat-khau-xa-moi-2026",
            ["Input.ConfirmPassword"] = "Mat-khau-xa-moi-2026",
        });
        var (status, page) = await client.GetPageAsync(changed.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Mật khẩu đã được đổi", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        var next = page.QuerySelector("a#continue");
        Assert.NotNull(next);
        Assert.Equal("", next.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/")).StatusCode);
        var (_, again) = await client.GetPageAsync(AccountSessions.ChangePasswordPath);
        Assert.Null(again.QuerySelector("a#continue"));
    }
}
