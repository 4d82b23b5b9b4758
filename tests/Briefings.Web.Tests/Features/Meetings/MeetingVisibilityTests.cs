using Briefings.Core.Organizations;
using Briefings.Web.Components.Pages;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>Home's next meetings and its notices run as compiled queries for the usual accounts (issue 14.5, round 6):
/// for every shape of account they must list exactly what the LINQ rule (<see cref="MeetingAccess.VisibleAsync"/>,
/// <see cref="ScopeQueries.Within"/>) lists, in the same order — and a commune of another district sees none of a
/// district's meetings, a commune no draft.</summary>
[Collection(AppCollection.Name)]
public sealed class MeetingVisibilityTests(AppFactory app)
{
    // Contexts as the app loads them for a request (with the areas on the chain, which the compiled form needs).
    private async Task<UserContext> ContextAsync(string userName) => await app.WithDbAsync(async db =>
    {
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return (await CurrentUser.LoadAsync(db, id))!;
    });

    [Fact]
    public async Task UpcomingAsync_Compiled_SameMeetingsInSameOrderAsTheLinqRule_OtherDistrictSeesNone()
    {
        var d = await SmallDistrict.CreateAsync(app, hamletHeads: 1);
        var sent = await d.MeetingAsync(app, send: true);
        var draft = await d.MeetingAsync(app, send: false, on: new DateOnly(2032, 3, 10));
        var accounts = new (string Name, string Role, string Unit)[]
        {
            ("district clerk", Roles.Clerk, d.Code + "-VP"),
            ("organizer staff", Roles.UnitStaff, d.Code + "-HU"),
            ("commune clerk", Roles.Clerk, d.CommuneA.Code),
            ("commune leader", Roles.Leader, d.CommuneA.Code),
            ("commune office staff", Roles.UnitStaff, d.CommuneA.Code + "-UB"),
            ("hamlet branch staff", Roles.UnitStaff, d.CommuneC.Code + "-A1"),
            ("technician", Roles.Technician, d.CommuneB.Code),
        };
        var names = new List<(string Label, string UserName)>();
        foreach (var (label, role, unit) in accounts)
        {
            names.Add((label, (await app.NewAccountAsync(role, unit)).UserName!));
        }

        names.AddRange([("demo commune", "xa.anlac"), ("demo commune B", "xa.binhdong"), ("demo board", "bandanvan"), ("demo office", "vanphong"), ("demo chair", "bithu")]);
        var now = DateTimeOffset.UtcNow;
        var seen = new Dictionary<string, IReadOnlyList<MeetingAccess.Upcoming>>();
        foreach (var (label, userName) in names)
        {
            var user = await ContextAsync(userName);
            await using var scope = app.Scope();
            var access = scope.ServiceProvider.GetRequiredService<MeetingAccess>();

            var compiled = await access.UpcomingAsync(user, now, 10_000);
            var linq = await access.UpcomingByLinqAsync(user, now, 10_000);
            var home = await access.UpcomingAsync(user, now);
            var homeLinq = await access.UpcomingByLinqAsync(user, now);

            Assert.True(MeetingAccess.HasSlots(user), $"{label}: the compiled form is not taken");
            Assert.Equal(linq, compiled);
            Assert.Equal(homeLinq, home);
            Assert.True(home.Count <= MeetingAccess.UpcomingCount);
            seen[label] = compiled;
        }

        bool Sees(string label, Guid meeting) => seen[label].Any(m => m.Id == meeting);
        Assert.True(Sees("district clerk", sent.Id) && Sees("district clerk", draft.Id));
        Assert.True(Sees("organizer staff", sent.Id) && Sees("organizer staff", draft.Id));
        Assert.True(Sees("commune clerk", sent.Id) && !Sees("commune clerk", draft.Id));
        Assert.True(Sees("hamlet branch staff", sent.Id) && !Sees("hamlet branch staff", draft.Id));
        Assert.True(Sees("technician", sent.Id) && !Sees("technician", draft.Id)); // by its room (the commune's endpoint)
        foreach (var other in new[] { "demo commune", "demo commune B", "demo board" })
        {
            Assert.False(Sees(other, sent.Id) || Sees(other, draft.Id), $"{other} sees another district's meeting");
        }
    }

    [Fact]
    public async Task HomeNotices_Compiled_SameRowsAsTheLinqScope_AnotherCommuneSeesNotTheOnesOf()
    {
        var anLac = await app.WithDbAsync(db => db.Units.Where(u => u.Code == Demo.AnLac + "-UB").Select(u => u.Id).SingleAsync());
        var text = "Thông báo thử " + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            db.Notifications.Add(new Briefings.Data.Notification { UnitId = anLac, Text = text, Link = "/tasks", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        var own = await app.NewAccountAsync(Roles.UnitStaff, Demo.AnLac + "-UB");
        var seen = new Dictionary<string, List<Briefings.Data.Notification>>();
        foreach (var userName in new[] { "xa.anlac", own.UserName!, "xa.binhdong", "bandanvan", "vanphong" })
        {
            var user = await ContextAsync(userName);
            await using var scope = app.Scope();
            var db = scope.ServiceProvider.GetRequiredService<Briefings.Data.BriefingsDbContext>();

            var compiled = await HomeNotices.LatestAsync(db, user);
            var linq = await HomeNotices.LatestByLinqAsync(db, user);

            Assert.False(user.Scope.All);
            Assert.Equal(linq.Select(n => (n.Id, n.UnitId, n.Text, n.Link, n.CreatedAt)), compiled.Select(n => (n.Id, n.UnitId, n.Text, n.Link, n.CreatedAt)));
            seen[userName] = compiled;
        }

        Assert.Contains(seen["xa.anlac"], n => n.Text == text);
        Assert.Contains(seen[own.UserName!], n => n.Text == text);
        Assert.DoesNotContain(seen["xa.binhdong"], n => n.Text == text);
        Assert.DoesNotContain(seen["bandanvan"], n => n.Text == text);
    }
}
