using Briefings.Core.Organizations;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Components.Layout;

/// <summary>The layout's menu (drawn twice: top menu and sidebar) without NavLink/AuthorizeView components (issue 14.5):
/// the links a role opens, the current page marked, the account's name and logout form.</summary>
[Collection(AppCollection.Name)]
public sealed class NavMenuTests(AppFactory app)
{
    [Fact]
    public async Task NavMenu_UnitStaffOnTasks_TasksMarkedAndNoOfficeLinks()
    {
        var account = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac);
        using var client = await app.LoginAsync(account.UserName!);

        var (_, page) = await client.GetPageAsync("/tasks?done=true");

        var menus = page.QuerySelectorAll("ul.nav");
        Assert.Equal(2, menus.Length);
        foreach (var menu in menus)
        {
            var links = menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(["", "directory", "meetings", "conclusions/inbox", "tasks", "followup", "Account/Manage"], links);
            var current = Assert.Single(menu.QuerySelectorAll("a.active"));
            Assert.Equal("tasks", current.GetAttribute("href"));
            Assert.Equal("page", current.GetAttribute("aria-current"));
        }

        Assert.Equal(account.UserName, page.QuerySelector(".userbox a.username")?.TextContent);
        Assert.NotNull(page.QuerySelector(".userbox form[action='Account/Logout'] input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task NavMenu_ClerkOnATaskPage_OfficeLinksShownAndParentMarked()
    {
        var account = await app.NewAccountAsync(Roles.Clerk, "HU-TP");
        using var client = await app.LoginAsync(account.UserName!);

        var (_, page) = await client.GetPageAsync("/followup/search");

        var menu = page.QuerySelector("nav.sidebar ul.nav")!;
        var links = menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["", "directory", "meetings", "conclusions/inbox", "conclusions/register", "tasks", "followup", "accounts", "audit", "Account/Manage"], links);
        Assert.Equal("followup", Assert.Single(menu.QuerySelectorAll("a.active")).GetAttribute("href"));
    }

    [Fact]
    public async Task NavMenu_Home_OnlyHomeMarked()
    {
        var account = await app.NewAccountAsync(Roles.Leader, "HU-TP");
        using var client = await app.LoginAsync(account.UserName!);

        var (_, page) = await client.GetPageAsync("/");

        var menu = page.QuerySelector("nav.sidebar ul.nav")!;
        Assert.Contains("conclusions/register", menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain("accounts", menu.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal("", Assert.Single(menu.QuerySelectorAll("a.active")).GetAttribute("href"));
    }
}
