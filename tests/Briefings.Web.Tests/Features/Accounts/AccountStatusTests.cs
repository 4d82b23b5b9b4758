using System.Net;
using Briefings.Core.Organizations;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>An administrator (or the clerk of the area) locks, disables and resets accounts on the account's
/// page; each ends the account's sessions and is in the audit log; other areas are refused.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountStatusTests(AppFactory app)
{
    [Fact]
    public async Task LockAccount_Admin_SessionEndsSignInRefusedUntilUnlocked()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac);
        using var victim = await app.LoginAsync(account.UserName!);
        using var admin = await app.LoginAsync("admin");

        var locked = await admin.SubmitAsync($"/accounts/{account.Id}", "lock", []);

        var (location, page) = await admin.FollowAsync(locked);
        Assert.Equal($"/accounts/{account.Id}", location);
        Assert.Equal("Đã khóa tài khoản.", page.QuerySelector("#done")!.TextContent.Trim());
        Assert.Equal("Đang bị khóa", page.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await victim.Http.GetAsync("/meetings")).StatusCode);
        using var again = app.Client();
        Assert.Contains("Lockout", (await again.LoginAsync(account.UserName!, AppFactory.DemoPassword)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == account.Id && a.UserName == "admin" && a.After!.Contains("LockoutEnd"))));

        await admin.SubmitAsync($"/accounts/{account.Id}", "unlock", []);

        using var back = await app.LoginAsync(account.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await back.Http.GetAsync("/meetings")).StatusCode);
    }

    [Fact]
    public async Task DisableAccount_Clerk_SignInRefusedWithMessageAndAudited()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.BinhDong);
        using var victim = await app.LoginAsync(account.UserName!);
        using var clerk = await app.LoginAsync("vanphong");

        var disabled = await clerk.SubmitAsync($"/accounts/{account.Id}", "disable", []);

        Assert.Equal(HttpStatusCode.SeeOther, disabled.StatusCode);
        Assert.NotNull((await app.AccountAsync(account.Id)).DisabledAt);
        Assert.Equal(HttpStatusCode.Redirect, (await victim.Http.GetAsync("/meetings")).StatusCode);
        using var again = app.Client();
        var login = await again.LoginAsync(account.UserName!, AppFactory.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("đã bị vô hiệu hóa", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == account.Id && a.UserName == "vanphong" && a.After!.Contains("DisabledAt"))));

        await clerk.SubmitAsync($"/accounts/{account.Id}", "enable", []);

        Assert.Null((await app.AccountAsync(account.Id)).DisabledAt);
        using var back = await app.LoginAsync(account.UserName!);
    }

    [Fact]
    public async Task ResetPassword_Admin_NewOneTimePasswordOldOneAndSessionsEnd()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac);
        using var victim = await app.LoginAsync(account.UserName!);
        using var admin = await app.LoginAsync("admin");

        var reset = await admin.SubmitAsync($"/accounts/{account.Id}", "reset", []);

        var (_, page) = await admin.FollowAsync(reset);
        var password = page.QuerySelector("#reset code")!.TextContent;
        // Shown once: the page's next GET has no password on it.
        Assert.Null((await admin.GetPageAsync($"/accounts/{account.Id}")).Document.QuerySelector("#reset"));
        Assert.Equal(HttpStatusCode.Redirect, (await victim.Http.GetAsync("/meetings")).StatusCode);
        using var old = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await old.LoginAsync(account.UserName!, AppFactory.DemoPassword)).StatusCode);
        using var fresh = app.Client();
        var login = await fresh.LoginAsync(account.UserName!, password);
        Assert.Contains("ChangePassword", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True((await app.AccountAsync(account.Id)).MustChangePassword);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == account.Id && a.UserName == "admin" && a.After!.Contains("MustChangePassword"))));
    }

    [Fact]
    public async Task AccountPage_ClerkOfAnotherArea_RefusedAndNothingChanged()
    {
        var foreignClerk = await app.NewAccountAsync(Roles.Clerk, Demo.AnLac);
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.BinhDong);
        using var clerk = await app.LoginAsync(foreignClerk.UserName!);

        var page = await clerk.Http.GetAsync($"/accounts/{account.Id}");
        var disable = await clerk.SubmitAsync($"/accounts/{account.Id}", "disable", [], tokenSourceUrl: "/accounts");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(account.UserName!, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, disable.StatusCode);
        Assert.Null((await app.AccountAsync(account.Id)).DisabledAt);
    }

    [Fact]
    public async Task AccountPage_OwnAccount_NoLockOrDisableAndForgedPostChangesNothing()
    {
        var self = await app.NewAccountAsync(Roles.Clerk, "HU-TP");
        using var clerk = await app.LoginAsync(self.UserName!);

        var (status, page) = await clerk.GetPageAsync($"/accounts/{self.Id}");
        var forged = await clerk.SubmitAsync($"/accounts/{self.Id}", "lock", []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("input[name='_handler'][value='lock']"));
        Assert.Null(page.QuerySelector("input[name='_handler'][value='disable']"));
        Assert.NotNull(page.QuerySelector("input[name='_handler'][value='reset']"));
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.Null((await app.AccountAsync(self.Id)).LockoutEnd);
    }
}
