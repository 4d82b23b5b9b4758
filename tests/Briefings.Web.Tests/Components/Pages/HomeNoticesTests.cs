using AngleSharp.Html.Dom;
using Briefings.Data;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Components.Pages;

/// <summary>The home page's notices show which ones the account has not seen yet (<c>HomeNotices</c>): opening the
/// home page sees them, for that account only — another account of the same unit still finds them new — and an
/// account of another unit never sees them.</summary>
[Collection(AppCollection.Name)]
public sealed class HomeNoticesTests(AppFactory app)
{
    [Fact]
    public async Task Notices_ReadByOneAccount_NewForTheOtherOfTheSameUnit_NeverShownToAnotherUnit()
    {
        var a = await app.NewAccountAsync(Briefings.Core.Organizations.Roles.Clerk, "X-01-UB");
        var b = await app.NewAccountAsync(Briefings.Core.Organizations.Roles.Clerk, "X-01-UB");
        var other = await app.NewAccountAsync(Briefings.Core.Organizations.Roles.Clerk, "X-02-UB");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (first, second, third) = ($"Giấy mời thử {tag} một", $"Nhắc lịch thử {tag} hai", $"Nhiệm vụ thử {tag} ba");
        await NotifyAsync("X-01-UB", first, second);
        using var clientA = await app.LoginAsync(a.UserName!);
        using var clientB = await app.LoginAsync(b.UserName!);
        using var clientOther = await app.LoginAsync(other.UserName!);

        // A opens home: both are new; opened again, both are seen.
        var home = await HomeAsync(clientA);
        Assert.True(IsNew(home, first));
        Assert.True(IsNew(home, second));
        Assert.Contains("chưa xem", home.QuerySelector("#notices-new")!.TextContent, StringComparison.Ordinal);
        home = await HomeAsync(clientA);
        Assert.False(IsNew(home, first));
        Assert.False(IsNew(home, second));

        // A notice that comes later is new for A; the older ones stay seen.
        await NotifyAsync("X-01-UB", third);
        home = await HomeAsync(clientA);
        Assert.True(IsNew(home, third));
        Assert.False(IsNew(home, first));

        // B, in the same unit, has read nothing: A's reading did not mark B's.
        home = await HomeAsync(clientB);
        Assert.True(IsNew(home, first));
        Assert.True(IsNew(home, second));
        Assert.True(IsNew(home, third));

        // An account of another commune sees none of them.
        var foreign = (await HomeAsync(clientOther)).QuerySelector("#notice-list")?.TextContent ?? "";
        Assert.DoesNotContain(tag, foreign, StringComparison.Ordinal);

        // Each account's mark is its own.
        var marks = await app.WithDbAsync(db => db.NoticeMarks.AsNoTracking().Where(m => m.UserId == a.Id || m.UserId == b.Id).ToListAsync());
        Assert.Equal(2, marks.Count);
    }

    private async Task NotifyAsync(string unitCode, params string[] texts) => await app.WithDbAsync(async db =>
    {
        var unit = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var text in texts)
        {
            db.Notifications.Add(new Notification { UnitId = unit, Text = text, Link = "tasks", CreatedAt = now });
            // One at a time: each its own id, in the order given.
            await db.SaveChangesAsync();
        }

        return texts.Length;
    });

    private static async Task<IHtmlDocument> HomeAsync(AppClient client) => (await client.GetPageAsync("/")).Item2;

    private static bool IsNew(IHtmlDocument home, string text)
    {
        var li = Assert.Single(home.QuerySelectorAll("#notice-list > li"), li => li.TextContent.Contains(text, StringComparison.Ordinal));
        return li.GetAttribute("data-new") == "true" && li.ClassList.Contains("notice-new") && li.TextContent.Contains("Mới", StringComparison.Ordinal);
    }
}
