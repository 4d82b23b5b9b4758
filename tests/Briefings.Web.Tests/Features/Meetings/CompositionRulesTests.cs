using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Meetings;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
}
