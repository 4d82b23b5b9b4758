using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Core.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The demo district with its year of history (<c>Demo:History</c>, as Development starts it), loaded once on
/// a fresh database for the tests of this class.</summary>
public sealed class DemoHistoryAppFactory() : AppFactory(new Dictionary<string, string?> { ["Demo:History"] = "true" });

/// <summary>
/// What a newcomer sees in the demo: for every demo account the inbox, the follow-up dashboard, the meeting list (past
/// briefings and the next one), the register and the audit log have content, all of it made through the use cases; a
/// restart on the same database adds nothing; without <c>Demo:History</c> nothing of it is loaded.
/// </summary>
public sealed class DemoHistoryTests(DemoHistoryAppFactory app) : IClassFixture<DemoHistoryAppFactory>
{
    public static TheoryData<string> Accounts => ["admin", "vanphong", "bithu", "bandanvan", "xa.anlac", "xa.binhdong", "kythuat.anlac"];

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task DemoHistory_EachAccount_InboxDashboardMeetingsRegisterAuditHaveContent(string userName)
    {
        using var client = await app.LoginAsync(userName);

        var (inboxStatus, inbox) = await client.GetPageAsync("/conclusions/inbox");
        Assert.Equal(HttpStatusCode.OK, inboxStatus);
        Assert.NotEmpty(inbox.QuerySelectorAll("#inbox tbody tr"));

        var (_, dashboard) = await client.GetPageAsync("/followup");
        Assert.NotEmpty(dashboard.QuerySelectorAll("#units li"));
        Assert.NotEmpty(dashboard.QuerySelectorAll("#conclusions li"));

        var (_, meetings) = await client.GetPageAsync("/meetings");
        var rows = meetings.QuerySelectorAll("#meetings tbody tr");
        Assert.True(rows.Length >= 2, $"{userName} sees {rows.Length} meetings; a past briefing and the next one expected");

        var (registerStatus, register) = await client.GetPageAsync("/conclusions/register");
        if (userName is "admin" or "vanphong" or "bithu")
        {
            Assert.Equal(HttpStatusCode.OK, registerStatus);
            var numbers = register.QuerySelectorAll("#register tbody tr").Select(r => r.TextContent).ToList();
            Assert.Contains(numbers, n => n.Contains("01-KL/HU", StringComparison.Ordinal));
            Assert.Contains(numbers, n => n.Contains("01-TB/HU", StringComparison.Ordinal));
        }
        else
        {
            // The register is the office's and the leaders' page; the others read the issued documents in their inbox.
            Assert.NotEqual(HttpStatusCode.OK, registerStatus);
        }

        // The audit log names this account's own changes (read by the admin, who sees every account's).
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        using var admin = await app.LoginAsync("admin");
        var (_, audit) = await admin.GetPageAsync($"/audit?account={id}");
        Assert.NotEmpty(audit.QuerySelectorAll("#entries tbody tr"));
        if (userName is "admin" or "vanphong")
        {
            var (_, own) = await client.GetPageAsync("/audit");
            Assert.NotEmpty(own.QuerySelectorAll("#entries tbody tr"));
        }
    }

    [Fact]
    public async Task DemoHistory_Loaded_TasksInEveryStatusWithReportsFilesAndExtensions()
    {
        var today = FollowUpStatuses.LocalDate(DateTimeOffset.UtcNow);
        var (tasks, files, extensions, meetings) = await app.WithDbAsync(async db => (
            await db.FollowUpTasks.AsNoTracking().ToListAsync(),
            await db.TaskAttachments.CountAsync(),
            await db.TaskExtensions.AsNoTracking().ToListAsync(),
            await db.Meetings.AsNoTracking().ToListAsync()));

        Assert.Contains(tasks, t => t.CompletedOn is { } done && t.DueOn is { } due && done <= due);
        Assert.Contains(tasks, t => t.CompletedOn is { } done && t.DueOn is { } due && done > due);
        Assert.Contains(tasks, t => t.CompletedOn is null && t.DueOn is { } due && due < today);
        Assert.Contains(tasks, t => t.CompletedOn is null && t.DueOn is { } due && due >= today);
        Assert.Contains(tasks, t => t.ExtensionsGranted > 0 && t.CompletedOn is null);
        Assert.Contains(tasks, t => t.PendingExtensionId is not null);
        Assert.True(files > 0, "reports carry files");
        Assert.Contains(extensions, e => e.RequestedDueOn > today);
        Assert.Contains(meetings, m => m.StartsAt > DateTimeOffset.UtcNow && m.Status == MeetingStatus.Invited);
        Assert.True(meetings.Count(m => m.StartsAt < DateTimeOffset.UtcNow) >= 3, "past briefings held");
    }

    [Fact]
    public async Task DemoHistory_RestartOnSameDatabase_AddsNothing()
    {
        var before = await CountsAsync(app);
        Assert.True(before.Conclusions > 0);

        using var restarted = new ConfiguredAppFactory(new Dictionary<string, string?>
        {
            ["Demo:History"] = "true",
            ["Database:ConnectionString"] = app.ConnectionString,
            ["Demo:DataFolder"] = app.Folder,
        });
        _ = restarted.Services; // starts the host: migrations, then the seeder, on the same database

        Assert.Equal(before, await CountsAsync(restarted));
        Assert.Equal(ConclusionStatus.Issued, await restarted.WithDbAsync(db => db.Conclusions.Select(c => c.Status).FirstAsync()));
    }

    [Fact]
    public async Task DemoHistory_Off_DistrictOnly()
    {
        using var plain = new ConfiguredAppFactory(new Dictionary<string, string?>());

        var (units, meetings, conclusions) = await plain.WithDbAsync(async db =>
            (await db.Units.CountAsync(), await db.Meetings.CountAsync(), await db.Conclusions.CountAsync()));

        Assert.True(units > 0);
        Assert.Equal(0, meetings);
        Assert.Equal(0, conclusions);
    }

    private static Task<(int Meetings, int Invitations, int Proposals, int Conclusions, int Tasks, int Reports, int Users)> CountsAsync(AppFactory factory) =>
        factory.WithDbAsync(async db => (
            await db.Meetings.CountAsync(), await db.Invitations.CountAsync(), await db.Proposals.CountAsync(), await db.Conclusions.CountAsync(),
            await db.FollowUpTasks.CountAsync(), await db.TaskReports.CountAsync(), await db.Users.CountAsync()));
}
