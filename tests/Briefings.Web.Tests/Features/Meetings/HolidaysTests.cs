using System.Net;
using Briefings.Core.Meetings;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>The days off are data the office edits (audited); the year plan keeps off them. Each test has a
/// database of its own: the 2032 year plan is refused when any other test has put a meeting of the district in 2032.</summary>
[Collection(AppCollection.Name)]
public sealed class HolidaysTests
{
    [Fact]
    public async Task Holidays_ClerkEditsAYear_SavedAuditedAndThePlanKeepsOff_CommuneRefused()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?>());
        using var clerk = await app.LoginAsync("vanphong");
        using var commune = await app.LoginAsync("xa.anlac");

        // The default list of 2032 as shown, plus 12/4/2032 (the Monday the Q1 briefing would move to from Saturday 10/4).
        var (status, page) = await clerk.GetPageAsync("/meetings/holidays?year=2032");
        Assert.Equal(HttpStatusCode.OK, status);
        var shown = page.QuerySelectorAll("#holidays input[type=date]").Select(i => i.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        Assert.Equal(PublicHolidays.Defaults(2032).Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), shown);
        var blank = shown.Count;
        var saved = await clerk.SubmitAsync("/meetings/holidays?year=2032", "holidays", new()
        {
            [$"Input.Days[{blank}].Date"] = "2032-04-12", [$"Input.Days[{blank}].Name"] = "Nghỉ bù thử",
        });
        // 303 to the year saved; its GET says so once and shows the new day.
        var (location, after) = await clerk.FollowAsync(saved);
        Assert.Equal("/meetings/holidays?year=2032", location);
        Assert.Equal("Đã lưu danh sách ngày nghỉ năm 2032.", after.QuerySelector("#message")!.TextContent.Trim());
        Assert.Contains(after.QuerySelectorAll("input[name$='.Name']"), i => i.GetAttribute("value") == "Nghỉ bù thử");

        var stored = await ReadAsync(app, 2032);
        Assert.False(stored.IsDefault);
        Assert.Contains(new Holiday(new DateOnly(2032, 4, 12), "Nghỉ bù thử"), stored.Days);
        Assert.Equal(PublicHolidays.Defaults(2032).Count + 1, stored.Days.Count);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == HolidayStore.Key(2032)).ToListAsync());
        Assert.Contains(audit, a => a.UserName == "vanphong" && a.After != null && a.After.Contains("Nghỉ bù thử", StringComparison.Ordinal));

        // The plan of 2032 skips the weekend and the added day.
        var plan = await clerk.SubmitAsync("/meetings", "plan", new() { ["Input.Year"] = "2032", ["Input.OrganizerCode"] = "HU-TP-BDV" });
        Assert.Equal(HttpStatusCode.SeeOther, plan.StatusCode);
        var meetings = await app.WithDbAsync(db => db.Meetings.AsNoTracking().Where(m => m.Title.Contains("năm 2032")).ToListAsync());
        var q1 = meetings.Single(m => m.Type == MeetingType.QuarterlyBriefing && m.Quarter == 1);
        Assert.Equal(new DateOnly(2032, 4, 13), DateOnly.FromDateTime(Core.Common.VietnameseText.ToLocal(q1.StartsAt)));
        var days = stored.Days.Select(d => d.Date).ToHashSet();
        Assert.All(meetings, m =>
        {
            var day = DateOnly.FromDateTime(Core.Common.VietnameseText.ToLocal(m.StartsAt));
            Assert.True(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !days.Contains(day), $"{m.Title}: {day}");
        });

        // A commune may neither see nor change the list.
        var refusedPage = await commune.Http.GetAsync("/meetings/holidays?year=2032");
        Assert.Equal(HttpStatusCode.Redirect, refusedPage.StatusCode);
        Assert.Contains("AccessDenied", refusedPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var refusedPost = await commune.Http.PostAsync("/meetings/holidays?year=2032", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "holidays", ["Input.Year"] = "2032", ["Input.Version"] = "1", ["Input.Days[0].Date"] = "",
        }));
        Assert.NotEqual(HttpStatusCode.OK, refusedPost.StatusCode);
        Assert.Equal(stored.Days.Count, (await ReadAsync(app, 2032)).Days.Count);
    }

    /// <summary>The Clerk role alone let the Front's clerk and a commune's clerk change the installation's one list of
    /// days off (and so every body's year plan); only the admin and the top area's office keep it.</summary>
    [Fact]
    public async Task Holidays_FrontClerkAndCommuneClerk_NeitherSeeNorChangeTheList()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?>());
        var communeClerk = await app.NewAccountAsync(Core.Organizations.Roles.Clerk, Demo.AnLac);
        var before = await ReadAsync(app, 2033);

        foreach (var userName in new[] { "mattran", communeClerk.UserName! })
        {
            using var client = await app.LoginAsync(userName);
            var (status, page) = await client.GetPageAsync("/meetings/holidays?year=2033");
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Null(page.QuerySelector("#holidays"));
            var (_, meetings) = await client.GetPageAsync("/meetings");
            Assert.Null(meetings.QuerySelector("a[href='meetings/holidays']"));

            await using var scope = app.Scope();
            var saved = await scope.ServiceProvider.GetRequiredService<HolidayStore>().SaveAsync(2033, [new Holiday(new DateOnly(2033, 6, 6), "Nghỉ bù tự đặt")], before.Version,
                await app.UserContextAsync(userName));
            Assert.Equal(Core.Common.Error.Forbidden, saved.Errors.Single());
        }

        Assert.Equal(before.Days.Count, (await ReadAsync(app, 2033)).Days.Count);
        using var office = await app.LoginAsync("vanphong");
        Assert.Equal(HttpStatusCode.OK, (await office.GetPageAsync("/meetings/holidays?year=2033")).Status);
    }

    [Fact]
    public async Task Holidays_BadDateAndDayOfAnotherYear_RefusedNextToTheField_NothingSaved()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?>());
        using var clerk = await app.LoginAsync("vanphong");

        var response = await clerk.SubmitAsync("/meetings/holidays?year=2034", "holidays", new()
        {
            ["Input.Days[0].Date"] = "31/02/2034", ["Input.Days[1].Date"] = "2035-01-01", ["Input.Days[1].Name"] = "Năm sau",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("không hợp lệ", html.QuerySelector("#hd-0")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("31/02/2034", html.QuerySelector("#hd-0")!.GetAttribute("value"));
        Assert.True((await ReadAsync(app, 2034)).IsDefault);
    }

    [Fact]
    public async Task DaysOff_KeptPerInstance_ThisInstanceSeesItsSaveAtOnce_AnotherWithinTheLifetime()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?>());
        var clerk = await app.UserContextAsync("vanphong");
        var tuesday = new DateOnly(2039, 3, 15);
        Assert.Equal(DayOfWeek.Tuesday, tuesday.DayOfWeek);
        async Task<string?> NameAsync(HolidayCache? cache = null)
        {
            await using var scope = app.Scope();
            var store = cache is null ? scope.ServiceProvider.GetRequiredService<HolidayStore>()
                : new HolidayStore(scope.ServiceProvider.GetRequiredService<Briefings.Data.BriefingsDbContext>(), cache);
            return (await store.DaysOffAsync([tuesday, tuesday.AddDays(4)])).GetValueOrDefault(tuesday);
        }

        // Another instance, with its own copy and clock, has read the list before the save.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var other = new HolidayCache(clock);
        Assert.Null(await NameAsync(other));
        Assert.Null(await NameAsync()); // this instance keeps the list too

        await using (var scope = app.Scope())
        {
            var store = scope.ServiceProvider.GetRequiredService<HolidayStore>();
            var current = await store.GetAsync(2039);
            var saved = await store.SaveAsync(2039, [.. current.Days, new Holiday(tuesday, "Nghỉ bù thử")], current.Version, clerk);
            Assert.True(saved.Succeeded);
        }

        Assert.Equal("Nghỉ bù thử", await NameAsync()); // at once where it was saved
        Assert.Null(await NameAsync(other)); // the other instance still shows its copy...
        clock.Advance(HolidayCache.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal("Nghỉ bù thử", await NameAsync(other)); // ...for at most the lifetime
    }

    private static async Task<HolidayStore.Current> ReadAsync(AppFactory app, int year)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<HolidayStore>().GetAsync(year);
    }
}
