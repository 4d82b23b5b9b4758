using System.Net;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Accounts;

[Collection(AppCollection.Name)]
public sealed class AccountAdministrationTests(AppFactory app)
{
    [Fact]
    public async Task CreateAccount_Clerk_OneTimePasswordWorksAndMustBeChanged()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var response = await clerk.SubmitAsync("/accounts", "account", new()
        {
            ["Input.UserName"] = "xa.phumy",
            ["Input.FullName"] = "Văn phòng Đảng ủy xã Phú Mỹ",
            ["Input.Role"] = "UnitStaff",
            ["Input.UnitCode"] = "X-03",
        });

        // 303 to the list (Post/Redirect/Get); the one-time password is shown once, by that GET, never again.
        var (location, page) = await clerk.FollowAsync(response);
        Assert.Equal("/accounts", location);
        Assert.Contains("Đã tạo tài khoản xa.phumy.", page.QuerySelector("#created")!.TextContent, StringComparison.Ordinal);
        var password = page.QuerySelector("#created code")!.TextContent;
        Assert.Equal(16, password.Length);
        var (_, reloaded) = await clerk.GetPageAsync("/accounts");
        Assert.Null(reloaded.QuerySelector("#created"));
        Assert.Contains("xa.phumy", reloaded.QuerySelector("#accounts")!.TextContent, StringComparison.Ordinal);
        using var newcomer = app.Client();
        var login = await newcomer.LoginAsync("xa.phumy", password);
        Assert.Contains("ChangePassword", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ApplicationUser" && a.After!.Contains("xa.phumy") && a.UserName == "vanphong")));
    }

    [Fact]
    public async Task CreateAccount_UnitOutsideClerkArea_RefusedNextToField()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var response = await clerk.SubmitAsync("/accounts", "account", new()
        {
            ["Input.UserName"] = "tinhuy.test",
            ["Input.FullName"] = "Thử ngoài phạm vi",
            ["Input.Role"] = "UnitStaff",
            ["Input.UnitCode"] = "TU-LG",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("nằm ngoài phạm vi", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "tinhuy.test")));
    }

    [Fact]
    public async Task AccountsPage_CommuneStaff_Refused()
    {
        using var staff = await app.LoginAsync("xa.anlac");

        var response = await staff.Http.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
