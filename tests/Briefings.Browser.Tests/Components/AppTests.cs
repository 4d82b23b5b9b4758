using Briefings.Browser.Tests.Features.Meetings;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Components;

/// <summary>Every main page loads without a broken sub-request: no stylesheet, script, image or API call answering
/// 4xx/5xx (the layout once linked a CSS bundle that was never built, a 404 on every page).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AppTests(BrowserFixture browser)
{
    [Fact]
    public async Task MainPages_Clerk_NoSubRequestFails()
    {
        var (meetingId, _) = await ReadinessBoardBrowserTests.InvitedMeetingAsync(browser, "Giao ban thử tải trang", new DateOnly(2030, 7, 3));
        var clerk = await browser.LoginAsync("vanphong");
        var broken = new List<string>();
        clerk.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                broken.Add($"{r.Status} {r.Url} (on {clerk.Url})");
            }
        };
        clerk.RequestFailed += (_, r) =>
        {
            if (r.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                broken.Add($"failed {r.Url}: {failure} (on {clerk.Url})");
            }
        };

        string[] pages =
        [
            "/", "/meetings", $"/meetings/{meetingId}", $"/meetings/{meetingId}/readiness", $"/meetings/{meetingId}/invitations",
            "/meetings/new", "/meetings/holidays?year=2027", "/conclusions/inbox", "/conclusions/new", "/conclusions/register",
            "/followup", "/followup/tasks", "/followup/search", "/tasks", "/directory", "/audit", "/Account/Manage",
        ];
        foreach (var path in pages)
        {
            var response = await clerk.GotoAsync(browser.BaseUrl + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        }

        Assert.Empty(broken);
        await clerk.GotoAsync(browser.BaseUrl + "/meetings/holidays?year=2027");
        await BrowserFixture.ScreenshotAsync(clerk, "holidays-desktop");
        await clerk.Context.CloseAsync();

        var phone = await browser.LoginAsync("vanphong", 360, 760);
        await phone.GotoAsync(browser.BaseUrl + "/meetings/holidays?year=2027");
        await BrowserFixture.ScreenshotAsync(phone, "holidays-phone");
        Assert.False(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the holidays page scrolls sideways on a phone");
        await phone.Context.CloseAsync();
    }
}
