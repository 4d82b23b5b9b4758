using System.Net;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>An app whose sign-in limit per address is three failures (the default is 30), on its own database: the
/// failures counted here must not reach the shared app's other tests.</summary>
public sealed class ThrottledSignInApp() : AppFactory(new Dictionary<string, string?> { ["Accounts:MaxFailedSignInsPerAddress"] = "3" });

/// <summary>Found from outside (walk-hostile, evening): Identity's lockout counts per account, so one address tried 200
/// user names in 0.4 s (and could try four passwords on every account) without meeting any limit.</summary>
public sealed class SignInThrottleTests(ThrottledSignInApp app) : IClassFixture<ThrottledSignInApp>
{
    [Fact]
    public async Task Login_AfterTheAddressesFailuresLimit_RefusedInVietnameseEvenWithTheRightPasswordNameKept()
    {
        using var client = app.Client();
        for (var i = 0; i < 3; i++)
        {
            var failed = await client.LoginAsync($"khong-co-{i}", "sai-mat-khau");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var refused = await client.LoginAsync("vanphong", AppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Máy này đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("vanphong", page.QuerySelector("input[name='Input.UserName']")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/tasks")).StatusCode);
        // The account itself was not touched: the refusal is the address's, not a wrong password of the account.
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "vanphong").Select(u => u.AccessFailedCount).SingleAsync()));
    }
}
