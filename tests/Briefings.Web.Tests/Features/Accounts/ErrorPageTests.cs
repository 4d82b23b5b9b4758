using System.Net;
using System.Text.RegularExpressions;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>An engineer's view of a failure: the user sees a Vietnamese page with a code, and that code finds the
/// error in the log, with the user who met it and without their password.</summary>
public sealed partial class ErrorPageTests
{
    [Fact]
    public async Task DatabaseGone_SignedInPage_ErrorPageWithTheCodeOfItsLogLine_NamingTheUser()
    {
        using var app = new LoggedAppFactory(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" });
        using var client = app.Client();
        var cookie = TestAccounts.AuthCookie(await client.LoginAsync("vanphong", AppFactory.DemoPassword));
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        await TestDatabase.MakeUnreachableAsync(app.ConnectionString);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/meetings");
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Đã có lỗi xảy ra", body, StringComparison.Ordinal);
        var code = RequestCode().Match(body);
        Assert.True(code.Success, "no request code on the error page");
        var error = Assert.Single(app.Log, l => l.Level >= LogLevel.Error && l.Exception is not null
            && l.Category.Contains("ExceptionHandler", StringComparison.Ordinal) && l.Message.Contains("unhandled exception", StringComparison.Ordinal));
        Assert.Equal(code.Groups[1].Value, error.Scope.GetValueOrDefault("TraceId")?.ToString());
        Assert.Equal("vanphong", error.Scope.GetValueOrDefault("UserName")?.ToString());
        Assert.Equal("/meetings", error.Scope.GetValueOrDefault("RequestPath")?.ToString());
        Assert.DoesNotContain(app.Log, l => l.Message.Contains(AppFactory.DemoPassword, StringComparison.Ordinal)
            || l.Scope.Values.Any(v => v?.ToString()?.Contains(AppFactory.DemoPassword, StringComparison.Ordinal) == true));
    }

    [GeneratedRegex("Mã yêu cầu:</strong> <code>([0-9a-f]{32})</code>")]
    private static partial Regex RequestCode();
}
