using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Briefings.Testing;

/// <summary>
/// Signing in through the login form, as a user does, shared by the browser and media suites (linked into both).
/// The wait for the home page is a poll of the page's URL and document, not Playwright's <c>WaitForURLAsync</c>: when
/// the redirect home had already committed before that call (the common case: the click waits for the navigation it
/// starts), <c>WaitForURLAsync</c> turns into a wait for a load-state event that had fired already and waits its whole
/// timeout (CI, 7 Dec: "Timeout 60000ms exceeded", its log showing only the later "NetworkIdle" event, on a home page
/// loaded 1.8 s after the click with no request pending). Polling what the page is cannot miss an event.
/// </summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, string baseUrl, string userName, string password, int timeoutMs = 60_000)
    {
        // What the page asked for and has not received yet: when signing in does not finish, the failure names the
        // request that hangs.
        var pending = new ConcurrentDictionary<IRequest, DateTimeOffset>();
        var log = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        void Note(string what, IRequest r) => log.Enqueue($"{clock.ElapsedMilliseconds,7} ms {what} {r.Method} {r.Url}");
        page.Request += (_, r) => { pending[r] = DateTimeOffset.UtcNow; Note("→", r); };
        page.RequestFinished += (_, r) => { pending.TryRemove(r, out DateTimeOffset _); Note("✓", r); };
        page.RequestFailed += (_, r) => { pending.TryRemove(r, out DateTimeOffset _); Note("✗ " + r.Failure, r); };
        page.Response += (_, r) => Note($"← {r.Status}", r.Request);
        page.DOMContentLoaded += (_, _) => log.Enqueue($"{clock.ElapsedMilliseconds,7} ms DOMContentLoaded {page.Url}");

        var home = baseUrl.TrimEnd('/') + "/";
        try
        {
            await page.GotoAsync(baseUrl.TrimEnd('/') + "/Account/Login", new() { Timeout = timeoutMs });
            await page.FillAsync("#Input\\.UserName", userName);
            await page.FillAsync("#Input\\.Password", password);
            await page.ClickAsync("button[type=submit]", new() { Timeout = timeoutMs });
            while (page.Url != home)
            {
                if (clock.ElapsedMilliseconds > timeoutMs)
                {
                    throw new TimeoutException($"the page stayed at {page.Url}");
                }

                await Task.Delay(50);
            }

            var left = Math.Max(1_000, timeoutMs - (int)clock.ElapsedMilliseconds);
            await page.WaitForFunctionAsync("() => document.readyState !== 'loading'", null, new() { Timeout = left, PollingInterval = 100 });
        }
        catch (TimeoutException e)
        {
            var now = DateTimeOffset.UtcNow;
            throw new TimeoutException(
                $"Signing in as {userName} did not finish in {clock.ElapsedMilliseconds} ms ({e.Message}). Still waiting for: "
                + string.Join("; ", pending.Select(p => $"{p.Key.Method} {p.Key.Url} ({(now - p.Value).TotalSeconds:0} s)"))
                + ". Requests: " + string.Join(" | ", log), e);
        }
    }
}
