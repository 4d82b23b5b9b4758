using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Meetings;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

[Collection(AppCollection.Name)]
public sealed class CompositionRulesTests(AppFactory app)
{
    private static string Url(SmallDistrict d) => $"/meetings/composition/{d.Area.Id}";

    /// <summary>The index of the first blank row of the rules form (the page adds five after the saved rules).</summary>
    private static int FirstBlank => CompositionTemplates.Reference.Count;

    [Fact]
    public async Task RulesPage_NothingSaved_ShowsTheReferenceRulesAndBlankRows()
    {
        var district = await SmallDistrict.CreateAsync(app);
        using var clerk = await app.LoginAsync(district.ClerkUserName);

        var (status, page) = await clerk.GetPageAsync(Url(district));

        Assert.Equal(HttpStatusCode.OK, status);
        var labels = page.QuerySelectorAll("#rule-rows tbody tr input[name$='.Label']").Select(i => i.GetAttribute("value") ?? "").ToList();
        Assert.Equal(CompositionTemplates.Reference.Select(r => r.Label).Concat(Enumerable.Repeat("", 5)), labels);
    }

    [Fact]
    public async Task ApplyComposition_RulesNeverEdited_InvitesAsTheReferenceDid()
    {
        var district = await SmallDistrict.CreateAsync(app, hamletHeads: 3);

        var meeting = await district.MeetingAsync(app);

        var invitations = await app.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id).ToListAsync());
        // Host: the Bí thư; each commune: Bí thư and Phó Bí thư (party committee) and its hamlet branch heads;
        // UBND xã is not in the reference's commune list.
        Assert.Equal(1 + 3 + 3 + (2 + 3), invitations.Count);
        Assert.All(invitations, i => Assert.False(i.IsOptional));
        Assert.DoesNotContain(invitations, i => i.Title.Contains("Chủ tịch", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RulesPage_RequiredViceChairAndOptionalBranches_SavedReadBackAndGapShownByPosition()
    {
        var district = await SmallDistrict.CreateAsync(app);
        using var clerk = await app.LoginAsync(district.ClerkUserName);
        var branches = CompositionTemplates.Reference.ToList().FindIndex(r => r.Kind == Core.Organizations.UnitKind.HamletBranch);

        var response = await PageForm.PostAsync(clerk, Url(district), "composition", new()
        {
            [$"Input.Rows[{FirstBlank}].Level"] = nameof(CompositionLevel.Below),
            [$"Input.Rows[{FirstBlank}].Kind"] = "PeoplesCommittee",
            [$"Input.Rows[{FirstBlank}].Keywords"] = "Phó Chủ tịch",
            [$"Input.Rows[{FirstBlank}].Label"] = "Phó Chủ tịch UBND xã",
            [$"Input.Rows[{FirstBlank}].MinCount"] = "1",
            [$"Input.Rows[{branches}].Required"] = "false",
        });

        var (location, page) = await clerk.FollowAsync(response);
        Assert.Equal(Url(district), location);
        Assert.Contains("Đã lưu thành phần mời.", page.QuerySelector("#message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Phó Chủ tịch UBND xã", page.QuerySelector($"input[name='Input.Rows[{FirstBlank}].Label']")!.GetAttribute("value"));
        Assert.Equal("1", page.QuerySelector($"input[name='Input.Rows[{FirstBlank}].MinCount']")!.GetAttribute("value"));
        Assert.Equal("false", page.QuerySelector<IHtmlSelectElement>($"select[name='Input.Rows[{branches}].Required']")!.Value);
        var key = CompositionRules.Key(district.Area.Id);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "SettingEntry" && a.EntityId == key)));

        var meeting = await district.MeetingAsync(app);
        var (_, list) = await clerk.GetPageAsync($"/meetings/{meeting.Id}/invitations");
        var endpoints = await app.WithDbAsync(db => db.MeetingEndpoints.Where(e => e.MeetingId == meeting.Id).ToListAsync());
        var roomB = endpoints.Single(e => e.AreaUnitId == district.CommuneB.Id);
        var roomA = endpoints.Single(e => e.AreaUnitId == district.CommuneA.Id);
        var gapB = list.QuerySelector($"#endpoint-{roomB.Id} tr[data-position='Phó Chủ tịch UBND xã']")!;
        Assert.Contains("gap-unfilled", gapB.ClassName, StringComparison.Ordinal);
        Assert.Contains("Danh bạ chưa có ai giữ chức danh này", gapB.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", gapB.QuerySelector("td[data-label='Còn thiếu']")!.TextContent.Trim());
        var gapA = list.QuerySelector($"#endpoint-{roomA.Id} tr[data-position='Phó Chủ tịch UBND xã']")!;
        Assert.DoesNotContain("gap-unfilled", gapA.ClassName ?? "", StringComparison.Ordinal);
        Assert.Equal("1", gapA.QuerySelector("td[data-label='Đã mời']")!.TextContent.Trim());
        var branchLine = list.QuerySelector($"#endpoint-{roomA.Id} tr[data-position='Trưởng các chi hội ấp']")!;
        Assert.Contains("không bắt buộc", branchLine.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", branchLine.QuerySelector("td[data-label='Còn thiếu']")!.TextContent.Trim());
        Assert.True(await app.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id && i.RuleLabel == "Trưởng các chi hội ấp").AllAsync(i => i.IsOptional)));
    }

    [Fact]
    public async Task RulesPage_LetterAsMinimumAndDuplicateName_MessagesBesideTheRowsTypedKeptNothingSaved()
    {
        var district = await SmallDistrict.CreateAsync(app);
        using var clerk = await app.LoginAsync(district.ClerkUserName);

        var response = await PageForm.PostAsync(clerk, Url(district), "composition", new()
        {
            [$"Input.Rows[{FirstBlank}].Label"] = "Phó Chủ tịch UBND xã",
            [$"Input.Rows[{FirstBlank}].MinCount"] = "một",
            [$"Input.Rows[{FirstBlank + 1}].Level"] = nameof(CompositionLevel.Below),
            [$"Input.Rows[{FirstBlank + 1}].Label"] = "Thường trực Đảng ủy xã",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        var rows = page.QuerySelectorAll("#rule-rows tbody tr").ToList();
        Assert.Contains("Số người tối thiểu là một số", rows[FirstBlank].TextContent, StringComparison.Ordinal);
        Assert.Equal("một", page.QuerySelector($"input[name='Input.Rows[{FirstBlank}].MinCount']")!.GetAttribute("value"));
        Assert.Equal("Thường trực Đảng ủy xã", page.QuerySelector($"input[name='Input.Rows[{FirstBlank + 1}].Label']")!.GetAttribute("value"));
        var key = CompositionRules.Key(district.Area.Id);
        Assert.False(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == key)));
    }

    [Fact]
    public async Task RulesPage_DuplicateNameAtOneLevel_MessageOnThatRowNothingSaved()
    {
        var district = await SmallDistrict.CreateAsync(app);
        using var clerk = await app.LoginAsync(district.ClerkUserName);

        var response = await PageForm.PostAsync(clerk, Url(district), "composition", new()
        {
            [$"Input.Rows[{FirstBlank + 2}].Level"] = nameof(CompositionLevel.Below),
            [$"Input.Rows[{FirstBlank + 2}].Label"] = "Thường trực Đảng ủy xã",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("đã có ở cùng cấp điểm cầu", page.QuerySelectorAll("#rule-rows tbody tr").ElementAt(FirstBlank + 2).TextContent, StringComparison.Ordinal);
        var key = CompositionRules.Key(district.Area.Id);
        Assert.False(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == key)));
    }

    [Fact]
    public async Task RulesPage_ClerkOfAnotherDistrict_RefusedToReadAndToSave()
    {
        var district = await SmallDistrict.CreateAsync(app);
        using var clerk = await app.LoginAsync(district.ClerkUserName);
        var (_, own) = await clerk.GetPageAsync(Url(district));
        var values = BrowserForm.Fields(own, "composition");
        values[$"Input.Rows[{FirstBlank}].Label"] = "Thành phần của huyện khác";
        using var other = await app.LoginAsync("vanphong");
        var home = await app.UnitAsync(Briefings.Web.Infrastructure.Demo.DemoDistrict.DistrictCode);
        var (_, ownPage) = await other.GetPageAsync($"/meetings/composition/{home.Id}");
        values["__RequestVerificationToken"] = ownPage.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var (status, _) = await other.GetPageAsync(Url(district));
        var post = await other.Http.PostAsync(Url(district), new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        // The form is not on the page the other clerk gets (refused), so the post is refused before any handler runs.
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, post.StatusCode.ToString());
        var key = CompositionRules.Key(district.Area.Id);
        Assert.False(await app.WithDbAsync(db => db.Settings.AnyAsync(s => s.Key == key)));
    }

    /// <summary>walk-orgs left the rules of a body's own briefing without a page: the Women's Union of a district could
    /// not change whom its briefing with its commune branches invites (the vertical line's template always applied).
    /// Its office now edits them at its own id, its briefing is composed by them, and neither the district's party office
    /// nor the district's other bodies read or change them — nor does the Union's office read the district's.</summary>
    [Fact]
    public async Task RulesPage_WomenUnionOfficeEditsItsOwnLine_ItsBriefingInvitesByThem_PartyOfficeRefused()
    {
        var district = await SmallDistrict.CreateAsync(app);
        var (union, front) = await app.WithDbAsync(async db =>
        {
            var u = Core.Organizations.Unit.Create(Guid.CreateVersion7(), district.Code + "-PN", $"Hội LHPN huyện Thử {district.Code}", "Hội LHPN huyện",
                Core.Organizations.UnitKind.Organization, district.Area);
            var f = Core.Organizations.Unit.Create(Guid.CreateVersion7(), district.Code + "-MT", $"Ủy ban MTTQ huyện Thử {district.Code}", "UBMTTQ huyện",
                Core.Organizations.UnitKind.FatherlandFront, district.Area);
            db.Units.AddRange(u, f);
            foreach (var (commune, vice) in new[] { (district.CommuneA, true), (district.CommuneB, false) })
            {
                var branch = Core.Organizations.Unit.Create(Guid.CreateVersion7(), $"{commune.Code}-PN", $"Hội LHPN {commune.Name}", "Hội LHPN xã",
                    Core.Organizations.UnitKind.Organization, commune);
                branch.VerticalParentId = u.Id;
                db.Units.Add(branch);
                Add(db, $"Chủ tịch Hội LHPN {commune.Name}", branch, "Chủ tịch Hội LHPN xã");
                if (vice)
                {
                    Add(db, $"Phó Chủ tịch Hội LHPN {commune.Name}", branch, "Phó Chủ tịch Hội LHPN xã");
                }
            }

            await db.SaveChangesAsync();
            return (u, f);
        });
        var unionClerk = await app.NewAccountAsync(Roles.Clerk, union.Code);
        var frontClerk = await app.NewAccountAsync(Roles.Clerk, front.Code);
        using var clerk = await app.LoginAsync(unionClerk.UserName!);
        var url = $"/meetings/composition/{union.Id}";

        var (status, page) = await clerk.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("#body-rules"));
        var template = VerticalLineTemplate.For(Core.Organizations.UnitKind.Organization);
        var labels = page.QuerySelectorAll("#rule-rows tbody tr input[name$='.Label']").Select(i => i.GetAttribute("value") ?? "").ToList();
        Assert.Equal(template.Select(r => r.Label).Concat(Enumerable.Repeat("", 5)), labels);

        // The commune branches' row: their vice-chairs now, at least one each.
        var saved = await PageForm.PostAsync(clerk, url, "composition", new()
        {
            ["Input.Rows[1].Keywords"] = "Phó Chủ tịch",
            ["Input.Rows[1].Label"] = "Phó Chủ tịch Hội LHPN xã",
            ["Input.Rows[1].MinCount"] = "1",
        });
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var key = CompositionRules.Key(union.Id);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == key && a.UserName == unionClerk.UserName)));

        // The Union's own briefing invites by them: the vice-chair of commune A's branch, not its chair.
        var scope = (await app.UserContextAsync(unionClerk.UserName!)).Scope;
        await using (var services = app.Scope())
        {
            var meeting = await services.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Area.Id,
                $"Giao ban Hội LHPN {district.Code}", MeetingType.ThematicBriefing, MeetingMode.Online, new DateOnly(2032, 3, 10), new TimeOnly(8, 0),
                new TimeOnly(10, 0), $"Phòng họp Hội LHPN {district.Code}", union.Code, null, null, null, null, 0), await app.UserContextAsync(unionClerk.UserName!));
            Assert.True(meeting.Succeeded, string.Join(" ", meeting.Errors.Select(e => e.Message)));
            Assert.True(meeting.Value!.OrganizerOwns);
            Assert.True((await services.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(meeting.Value.Id, scope)).Succeeded);
            var invited = await app.WithDbAsync(db => db.Invitations.AsNoTracking().Where(i => i.MeetingId == meeting.Value.Id).Select(i => i.Title).ToListAsync());
            Assert.Contains("Phó Chủ tịch Hội LHPN xã", invited);
            Assert.DoesNotContain("Chủ tịch Hội LHPN xã", invited);
            var (_, list) = await clerk.GetPageAsync($"/meetings/{meeting.Value.Id}/invitations");
            Assert.Equal(url, "/" + list.QuerySelector("#rules-link")!.GetAttribute("href"));
        }

        // The district's party office, and the district's Front, neither read nor change the Union's rules; the Union's
        // office does not read the district's.
        var version = await app.WithDbAsync(db => db.Settings.Where(x => x.Key == key).Select(x => x.Version).SingleAsync());
        using var party = await app.LoginAsync(district.ClerkUserName);
        using var frontOffice = await app.LoginAsync(frontClerk.UserName!);
        Assert.Equal(HttpStatusCode.Forbidden, (await party.GetPageAsync(url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await frontOffice.GetPageAsync(url)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetPageAsync(Url(district))).Status);
        var (_, partyPage) = await party.GetPageAsync(Url(district));
        var forged = BrowserForm.Fields(partyPage, "composition");
        forged["Input.Rows[0].Label"] = "Thành phần do văn phòng Huyện ủy sửa";
        var post = await BrowserForm.PostAsync(party, url, forged);
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, post.StatusCode.ToString());
        await using (var services = app.Scope())
        {
            var store = services.ServiceProvider.GetRequiredService<CompositionRules>();
            var partyScope = (await app.UserContextAsync(district.ClerkUserName)).Scope;
            Assert.Equal(Error.Forbidden, (await store.SaveAsync(union.Id, template, version, partyScope)).Errors.Single());
        }

        Assert.Equal(version, await app.WithDbAsync(db => db.Settings.Where(x => x.Key == key).Select(x => x.Version).SingleAsync()));
    }

    private static void Add(Briefings.Data.BriefingsDbContext db, string name, Core.Organizations.Unit unit, string title)
    {
        var p = Core.Organizations.Person.Create(Guid.CreateVersion7(), name, unit);
        p.SetPositions([(unit.Id, title)]);
        db.People.Add(p);
    }
}
