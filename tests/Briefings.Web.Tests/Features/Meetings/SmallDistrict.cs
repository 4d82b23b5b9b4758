using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>
/// A district of a test's own beside the demo's (so its composition rules and meetings touch no other test): a
/// Huyện ủy with its Bí thư, an office with a clerk account, commune A (Bí thư, Phó Bí thư, Chủ tịch and Phó Chủ tịch
/// UBND xã), commune B (no Phó Chủ tịch UBND xã) and commune C with as many hamlet branch heads as asked.
/// </summary>
public sealed record SmallDistrict(Unit Area, Unit CommuneA, Unit CommuneB, Unit CommuneC, string Code, string ClerkUserName)
{
    public static async Task<SmallDistrict> CreateAsync(AppFactory app, int hamletHeads = 3)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (area, a, b, c) = await app.WithDbAsync(async db =>
        {
            var province = await db.Units.SingleAsync(u => u.Id == db.Units.Single(x => x.Code == "H-TP").ParentId);
            var d = Unit.Create(Guid.CreateVersion7(), code, $"Huyện Thử {code}", $"Thử {code}", UnitKind.Area, province);
            var hu = Unit.Create(Guid.CreateVersion7(), code + "-HU", $"Huyện ủy Thử {code}", "Huyện ủy", UnitKind.PartyCommittee, d);
            var vp = Unit.Create(Guid.CreateVersion7(), code + "-VP", $"Văn phòng Huyện ủy Thử {code}", "Văn phòng", UnitKind.Office, d);
            db.Units.AddRange(d, hu, vp);
            Person(db, "Bí thư Huyện", hu, "Bí thư Huyện ủy");

            Unit Commune(string letter, bool viceChair, int heads)
            {
                var x = Unit.Create(Guid.CreateVersion7(), $"{code}-{letter}", $"Xã {letter} {code}", $"Xã {letter}", UnitKind.Area, d);
                var du = Unit.Create(Guid.CreateVersion7(), $"{code}-{letter}-DU", $"Đảng ủy xã {letter} {code}", "Đảng ủy", UnitKind.PartyCommittee, x);
                var ub = Unit.Create(Guid.CreateVersion7(), $"{code}-{letter}-UB", $"UBND xã {letter} {code}", "UBND", UnitKind.PeoplesCommittee, x);
                db.Units.AddRange(x, du, ub);
                Person(db, $"Bí thư xã {letter}", du, "Bí thư Đảng ủy xã");
                Person(db, $"Phó Bí thư xã {letter}", du, "Phó Bí thư Thường trực Đảng ủy xã");
                Person(db, $"Chủ tịch xã {letter}", ub, "Chủ tịch UBND xã");
                if (viceChair)
                {
                    Person(db, $"Phó Chủ tịch xã {letter}", ub, "Phó Chủ tịch UBND xã");
                }

                for (var i = 1; i <= heads; i++)
                {
                    var branch = Unit.Create(Guid.CreateVersion7(), $"{code}-{letter}-A{i}", $"Chi hội Nông dân ấp {i} xã {letter}", $"Chi hội ấp {i}", UnitKind.HamletBranch, x);
                    db.Units.Add(branch);
                    Person(db, $"Chi hội trưởng ấp {i:00} xã {letter}", branch, "Chi hội trưởng");
                }

                return x;
            }

            var ca = Commune("A", true, 1);
            var cb = Commune("B", false, 1);
            var cc = Commune("C", true, hamletHeads);
            await db.SaveChangesAsync();
            return (d, ca, cb, cc);
        });
        var clerk = await app.NewAccountAsync(Roles.Clerk, code + "-VP");
        return new SmallDistrict(area, a, b, c, code, clerk.UserName!);
    }

    private static void Person(BriefingsDbContext db, string name, Unit unit, string title)
    {
        var p = Briefings.Core.Organizations.Person.Create(Guid.CreateVersion7(), name, unit);
        p.SetPositions([(unit.Id, title)]);
        db.People.Add(p);
    }

    /// <summary>A meeting of this district, its invitations built from the district's rules, optionally sent; on 9/3/2032
    /// unless <paramref name="on"/> says another day (one room holds one meeting at a time).</summary>
    public async Task<Meeting> MeetingAsync(AppFactory app, bool send = false, MeetingMode mode = MeetingMode.Online, DateOnly? on = null)
    {
        var admin = new AccessScope(true, null, null, true, true);
        await using var scope = app.Scope();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, Area.Id, $"Giao ban thử {Code}", MeetingType.QuarterlyBriefing,
            mode, on ?? new DateOnly(2032, 3, 9), new TimeOnly(8, 0), new TimeOnly(10, 0), $"Phòng họp {Code}", Code + "-HU", null, null, null, "Ý kiến | | 30", 0), admin);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(saved.Value!.Id, admin)).Succeeded);
        if (send)
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(saved.Value!.Id, admin)).Succeeded);
        }

        return saved.Value!;
    }
}

/// <summary>Loads a page, fills the form whose handler is the given name as a browser would
/// (<see cref="BrowserForm.Fields"/>), changes a few fields and posts it.</summary>
public static class PageForm
{
    public static async Task<HttpResponseMessage> PostAsync(AppClient client, string url, string formName, Dictionary<string, string> changes)
    {
        var (_, page) = await client.GetPageAsync(url);
        var fields = BrowserForm.Fields(page, formName);
        foreach (var (k, v) in changes)
        {
            fields[k] = v;
        }

        return await BrowserForm.PostAsync(client, url, fields);
    }
}
