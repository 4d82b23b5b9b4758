using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Authorization;

public sealed partial class RouteMatrixTests
{
    /// <summary>Every signed-in route with an id has a same-district rule (<see cref="NeighbourRules"/>): how to fill it
    /// with the neighbouring commune's record, and who of another unit may open it.</summary>
    [Fact]
    public void RouteTable_EveryRouteWithAnId_HasASameDistrictRule()
    {
        var withIds = Routes().Keys.Where(r => Parameter().IsMatch(r) && !RouteRules.Public.ContainsKey(r) && !r.StartsWith("/_", StringComparison.Ordinal)).ToList();

        var missing = withIds.Where(r => !NeighbourRules.Rules.ContainsKey(r)).ToList();
        var stale = NeighbourRules.Rules.Keys.Where(r => !withIds.Contains(r)).ToList();

        Assert.True(missing.Count == 0, "Routes with an id but no same-district rule: " + string.Join(", ", missing) + ". Add each to " +
            "NeighbourRules.Rules in tests/Briefings.Web.Tests/Authorization/RouteRules.Neighbour.cs: how to fill its ids with the " +
            "neighbouring commune's record, and which account of another unit of the district may open it.");
        Assert.True(stale.Count == 0, "Same-district rules for routes the app no longer has: " + string.Join(", ", stale));
    }

    /// <summary>Every route with an id, filled with a record of An Lạc, opened by the neighbouring commune's office, the
    /// Front's clerk and a Ban's specialist: refused (403, 404, the refusal page) unless the rule allows it, never an
    /// error and never the sign-in page.</summary>
    [Fact]
    public async Task EveryRouteWithAnId_AnotherUnitOfTheSameDistrict_RefusedUnlessAllowed()
    {
        var records = await NeighbourAsync();
        var routes = Routes().Where(r => NeighbourRules.Rules.ContainsKey(r.Key)).ToList();
        var problems = new List<string>();

        foreach (var account in NeighbourRules.Accounts)
        {
            using var client = await app.LoginAsync(account);
            foreach (var (route, methods) in routes)
            {
                var rule = NeighbourRules.Rules[route];
                var values = rule.Fill(records);
                var url = Parameter().Replace(route, m => values.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var v) ? v : Guid.NewGuid().ToString());
                var response = await SendAsync(client, url, methods);
                var outcome = Outcome(response);
                var allowed = rule.Allowed.Contains(account);
                if (outcome is "error" or "login")
                {
                    problems.Add($"{account} {url}: {(int)response.StatusCode} ({outcome})");
                }
                else if (allowed && outcome == "refused")
                {
                    problems.Add($"{account} {url}: refused ({(int)response.StatusCode}) but the rule allows it — {rule.Why}");
                }
                else if (!allowed && outcome != "refused")
                {
                    problems.Add($"{account} {url}: {(int)response.StatusCode} ({outcome}) but it is An Lạc's — {rule.Why}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private NeighbourRecords? neighbour;

    /// <summary>An Lạc's records: a meeting of the commune's own (organized by its party committee, invitations sent,
    /// a document), a conclusion issued to its People's Committee with the task it leads, a person and its account.</summary>
    private async Task<NeighbourRecords> NeighbourAsync()
    {
        if (neighbour is not null)
        {
            return neighbour;
        }

        var admin = new AccessScope(true, null, null, true, true);
        var area = await app.UnitAsync(Demo.AnLac);
        var committee = await app.UnitAsync(Demo.AnLac + "-UB");
        var person = await app.FirstPersonOfAsync(Demo.AnLac + "-UB");
        var account = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "xa.anlac"));
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(committee.Code, null));

        Guid meetingId;
        await using (var scope = app.Scope())
        {
            var sp = scope.ServiceProvider;
            var saved = await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, area.Id, $"Giao ban riêng xã An Lạc {Guid.NewGuid():N}",
                MeetingType.ThematicBriefing, MeetingMode.Online, new DateOnly(2031, 6, 10), new TimeOnly(8, 0), new TimeOnly(10, 0), $"Hội trường xã An Lạc {Guid.NewGuid():N}",
                Demo.AnLac + "-DU", null, null, null, "Ý kiến | | 30", 0), admin);
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            meetingId = saved.Value!.Id;
            Assert.True((await sp.GetRequiredService<ApplyComposition>().RunAsync(meetingId, admin)).Succeeded);
            Assert.True((await sp.GetRequiredService<SendInvitations>().RunAsync(meetingId, admin)).Succeeded);
        }

        var (endpointId, documentId) = await app.WithDbAsync(async db =>
        {
            var endpoint = await db.MeetingEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.MeetingId == meetingId);
            if (endpoint is null)
            {
                endpoint = MeetingEndpoint.Create(meetingId, area.Id, "Điểm cầu xã An Lạc", true);
                db.MeetingEndpoints.Add(endpoint);
            }

            var document = new MeetingDocument
            {
                MeetingId = meetingId, FileName = "du-thao-bao-cao.pdf", ContentType = "application/pdf", Size = 9, Content = "%PDF-1.4\n"u8.ToArray(),
                UploadedBy = "xa.anlac", UploadedAt = DateTimeOffset.UtcNow,
            };
            db.MeetingDocuments.Add(document);
            await db.SaveChangesAsync();
            return (endpoint.Id, document.Id);
        });

        neighbour = new NeighbourRecords(area.Id.ToString(), committee.Id.ToString(), person.Id.ToString(), account.Id, meetingId.ToString(), endpointId.ToString(),
            documentId.ToString(), issued.ConclusionId.ToString(), issued.Tasks[0].Id.ToString());
        return neighbour;
    }
}
