using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Features.FollowUp;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The account's context is kept in memory between requests (issue 14.5); every test first makes a
/// request that puts it there, then changes the account, and the very next request must follow the change:
/// a disabled, locked or re-passworded account stops, a moved account or a changed role loses the old unit's task.</summary>
[Collection(AppCollection.Name)]
public sealed class CurrentUserTests(AppFactory app)
{
    private static readonly string AnLacUb = Demo.AnLac + "-UB";
    private static readonly string BinhDongUb = Demo.BinhDong + "-UB";

    [Fact]
    public async Task GetAsync_CachedThenMovedToAnotherUnit_OldUnitsTaskRefusedAtOnce()
    {
        var (account, task, client) = await SignedInWithTaskAsync();
        using var _ = client;

        await ChangeAccountAsync(account.Id, async (users, db, user) =>
        {
            user.UnitId = (await db.Units.SingleAsync(u => u.Code == BinhDongUb)).Id;
            return await users.UpdateAsync(user);
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync($"/tasks/{task}")).StatusCode);
        var (_, inbox) = await client.GetPageAsync("/tasks");
        Assert.Empty(inbox.QuerySelectorAll($"li[data-id='{task}']"));

        await ChangeAccountAsync(account.Id, async (users, db, user) =>
        {
            user.UnitId = (await db.Units.SingleAsync(u => u.Code == AnLacUb)).Id;
            return await users.UpdateAsync(user);
        });

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/tasks/{task}")).StatusCode);
    }

    [Fact]
    public async Task GetAsync_CachedThenRoleChanged_TaskRefusedAtOnce()
    {
        var (account, task, client) = await SignedInWithTaskAsync();
        using var _ = client;

        await ChangeAccountAsync(account.Id, async (users, _, user) =>
        {
            var removed = await users.RemoveFromRoleAsync(user, Roles.UnitStaff);
            return removed.Succeeded ? await users.AddToRoleAsync(user, Roles.Technician) : removed;
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync($"/tasks/{task}")).StatusCode);
    }

    [Fact]
    public async Task GetAsync_CachedThenDisabled_NextRequestSentToLogin()
    {
        var (account, task, client) = await SignedInWithTaskAsync();
        using var _ = client;
        using var clerk = await app.LoginAsync("vanphong");

        var disabled = await clerk.SubmitAsync($"/accounts/{account.Id}", "disable", []);

        Assert.Equal(HttpStatusCode.SeeOther, disabled.StatusCode);
        AssertSentToLogin(await client.Http.GetAsync($"/tasks/{task}"));
    }

    [Fact]
    public async Task GetAsync_CachedThenLocked_NextRequestSentToLogin()
    {
        var (account, task, client) = await SignedInWithTaskAsync();
        using var _ = client;
        using var admin = await app.LoginAsync("admin");

        var locked = await admin.SubmitAsync($"/accounts/{account.Id}", "lock", []);

        Assert.Equal(HttpStatusCode.SeeOther, locked.StatusCode);
        AssertSentToLogin(await client.Http.GetAsync($"/tasks/{task}"));
    }

    [Fact]
    public async Task GetAsync_CachedThenPasswordChangedElsewhere_OtherSessionSentToLogin()
    {
        var (account, task, other) = await SignedInWithTaskAsync();
        using var _ = other;
        using var client = await app.LoginAsync(account.UserName!);

        var changed = await client.SubmitAsync(AccountSessions.ChangePasswordPath, "change-password", new()
        {
            ["Input.OldPassword"] = AppFactory.DemoPassword,
            ["Input.NewPassword"] = "Mat-khau-moi-2026",
            ["Input.ConfirmPassword"] = "Mat-khau-moi-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/tasks/{task}")).StatusCode);
        AssertSentToLogin(await other.Http.GetAsync($"/tasks/{task}"));
    }

    [Fact]
    public async Task ForRequestAsync_ConcurrentMissesOfOneAccount_ShareOneLoadedContext()
    {
        // As a commune's listeners rejoining a surviving instance in the same second (issue 14.4): every request misses
        // the cache (a fresh one here) at once; they share one load instead of each running the four queries.
        var account = await app.NewAccountAsync(Roles.UnitStaff, AnLacUb);
        AccountSessions.SessionRow session;
        await using (var read = app.Scope())
        {
            var db = read.ServiceProvider.GetRequiredService<BriefingsDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == account.Id);
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == user.UnitId);
            session = new(user.Id, user.SecurityStamp, user.ConcurrencyStamp, user.DisabledAt, user.MustChangePassword, user.UnitId,
                user.IncludeSubunits, unit.Path, unit.Kind);
        }

        using var cache = new Microsoft.Extensions.Caching.Memory.MemoryCache(new Microsoft.Extensions.Caching.Memory.MemoryCacheOptions());
        var scopes = Enumerable.Range(0, 8).Select(_ => app.Scope()).ToList();
        try
        {
            var contexts = await Task.WhenAll(scopes.Select(scope =>
            {
                var http = new Microsoft.AspNetCore.Http.DefaultHttpContext
                {
                    User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                        [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, account.Id)], "test")),
                };
                http.Items[AccountSessions.SessionKey] = session;
                return CurrentUser.ForRequestAsync(http, scope.ServiceProvider.GetRequiredService<BriefingsDbContext>(), cache);
            }));

            Assert.All(contexts, c => Assert.Same(contexts[0], c));
            Assert.Equal(account.Id, contexts[0]!.User.Id);
            Assert.Equal(AnLacUb, contexts[0]!.Unit.Code);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    /// <summary>A new staff account of An Lạc's people's committee, signed in, with a task of its unit that it has
    /// opened twice (the second request served from the kept context).</summary>
    private async Task<(ApplicationUser Account, Guid Task, AppClient Client)> SignedInWithTaskAsync()
    {
        var task = (await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(AnLacUb, Deadline.By(FollowUpFixture.Today.AddDays(20))))).Task(1);
        var account = await app.NewAccountAsync(Roles.UnitStaff, AnLacUb);
        var client = await app.LoginAsync(account.UserName!);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/tasks/{task.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/tasks/{task.Id}")).StatusCode);
        return (account, task.Id, client);
    }

    private async Task ChangeAccountAsync(string id, Func<UserManager<ApplicationUser>, BriefingsDbContext, ApplicationUser, Task<IdentityResult>> change)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException("account missing");
        var result = await change(users, db, user);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
