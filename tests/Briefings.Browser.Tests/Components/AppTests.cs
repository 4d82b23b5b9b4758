using Briefings.Browser.Tests.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task SaveNewDraft_SecondClickWhileTheAnswerIsOnTheWay_OneDraftSaved()
    {
        // On a slow connection the page stays as it was for seconds after "Lưu dự thảo"; the second click used to post
        // the form again and the server made a second draft. The answer is held here as a weak connection holds it.
        var summary = $"Kết luận thử mạng chậm {Guid.NewGuid():N}";
        var clerk = await browser.LoginAsync("vanphong");
        await clerk.GotoAsync(browser.BaseUrl + "/conclusions/new");
        await clerk.FillAsync("#summary", summary);
        await clerk.FillAsync("#date", "16/12/2030");
        await clerk.FillAsync("#body", "I. Nhiệm vụ cụ thể\n1. Giao Ban Dân vận Huyện ủy tổng hợp ý kiến của các xã.");
        var posts = 0;
        await clerk.RouteAsync("**/conclusions/new", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }

            Interlocked.Increment(ref posts);
            var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
            await Task.Delay(2000);
            try
            {
                await route.FulfillAsync(new() { Response = answer });
            }
            catch (PlaywrightException)
            {
                // The browser gave up on this request (it sent another): its answer has nowhere to go.
            }
        });
        var save = await clerk.Locator("#save").BoundingBoxAsync();

        // Mouse clicks, not locator clicks: Playwright would wait for the pending navigation, a person does not.
        await clerk.Mouse.ClickAsync(save!.X + 5, save.Y + 5);
        await Task.Delay(500);
        await clerk.Mouse.ClickAsync(save.X + 5, save.Y + 5);
        await clerk.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/conclusions/[0-9a-f-]{36}$"));

        Assert.Equal(1, posts);
        Assert.Equal(1, await browser.App.WithDbAsync(db => db.Conclusions.CountAsync(c => c.Summary == summary)));
        await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã lưu dự thảo");
        await clerk.Context.CloseAsync();
    }
}
