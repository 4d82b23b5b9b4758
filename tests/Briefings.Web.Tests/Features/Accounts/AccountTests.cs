using System.Net;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Accounts;

[Collection(AppCollection.Name)]
public sealed class AccountTests(AppFactory app)
{
    [Fact]
    public async Task Login_FiveWrongPasswords_AccountLockedEvenForRightPassword()
    {
        const string userName = "lockout.test";
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var unit = await app.UnitAsync(Demo.AnLac + "-PN");
            var user = new ApplicationUser { UserName = userName, FullName = "Tài khoản thử khóa", UnitId = unit.Id };
            Assert.True((await users.CreateAsync(user, AppFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, Roles.UnitStaff);
        }

        using var client = app.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.LoginAsync(userName, "sai-mat-khau-" + i);
            Assert.NotEqual("/", wrong.Headers.Location?.OriginalString);
        }

        var right = await client.LoginAsync(userName, AppFactory.DemoPassword);

        Assert.Contains("Account/Lockout", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == userName));
        Assert.NotNull(stored.LockoutEnd);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == stored.Id && a.After!.Contains("LockoutEnd"))));
    }

    [Fact]
    public async Task Login_WrongPassword_VietnameseMessage()
    {
        using var client = app.Client();

        var response = await client.LoginAsync("vanphong", "khong-dung");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_DemoClerk_LandsOnHomeWithName()
    {
        using var client = await app.LoginAsync("vanphong");

        var (status, page) = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Đặng Thị Mai", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_Anonymous_Healthy()
    {
        using var client = app.Client();

        var response = await client.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DemoDistrict_HasTwelveCommunesEachWithBodiesAndHamlets()
    {
        var communes = await app.WithDbAsync(db => db.Units.Where(u => u.Level == "Xã").ToListAsync());

        Assert.True(communes.Count >= 12);
        foreach (var commune in communes)
        {
            var kinds = await app.WithDbAsync(db => db.Units.Where(u => u.ParentId == commune.Id).Select(u => u.Kind).ToListAsync());
            Assert.Contains(UnitKind.PartyCommittee, kinds);
            Assert.Contains(UnitKind.PeoplesCommittee, kinds);
            Assert.Contains(UnitKind.FatherlandFront, kinds);
            Assert.Contains(UnitKind.Organization, kinds);
            Assert.Contains(UnitKind.Area, kinds);
        }
    }
}
