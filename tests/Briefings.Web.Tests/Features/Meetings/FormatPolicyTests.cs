using System.Net;
using Briefings.Core.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>The format policy is data an admin edits; a changed policy drives the next year's plan.</summary>
public sealed class FormatPolicyTests
{
    [Fact]
    public async Task SavePolicy_AdminChangesQ1ToInPerson_NextPlanFollowsIt()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?>());
        using var admin = await app.LoginAsync("admin");
        using var clerk = await app.LoginAsync("vanphong");

        var saved = await admin.SubmitAsync("/meetings/policy", "policy", new()
        {
            ["Input.Name"] = "Quy định thử: quý I tập trung",
            ["Input.Slots[0].Mode"] = nameof(MeetingMode.InPerson),
            ["Input.ThematicFromQuarter"] = "5",
        });
        var refused = await clerk.Http.GetAsync("/meetings/policy");
        var planned = await clerk.SubmitAsync("/meetings", "plan", new() { ["Input.Year"] = "2032", ["Input.OrganizerCode"] = "HU-TP-BDV" });

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal("/meetings/policy", saved.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, planned.StatusCode);
        var meetings = await app.WithDbAsync(db => db.Meetings.Where(m => m.Title.Contains("2032")).ToListAsync());
        Assert.Equal(4, meetings.Count);
        Assert.Equal(MeetingMode.InPerson, meetings.Single(m => m.Type == MeetingType.QuarterlyBriefing && m.Quarter == 1).Mode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "SettingEntry" && a.UserName == "admin")));
    }

    [Fact]
    public async Task SavePolicy_MonthThirteen_MessageNextToFieldAndNothingSaved()
    {
        using var app = new ConfiguredAppFactory(new Dictionary<string, string?>());
        using var admin = await app.LoginAsync("admin");

        var response = await admin.SubmitAsync("/meetings/policy", "policy", new() { ["Input.Slots[1].Month"] = "13" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Tháng phải từ 1 đến 12.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The only settings of a fresh database are the start-up text repair's marker and the page version (moved by
        // the demo's seeding and the sign-in).
        Assert.False(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key != Briefings.Data.StoredTextRepair.DoneKey && s.Key != Briefings.Data.BriefingsDbContext.PageVersionKey)));
    }
}
