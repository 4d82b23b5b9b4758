using System.Net;
using System.Net.Http.Json;
using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Briefings.Web.Tests.Features.Meetings;

[Collection(AppCollection.Name)]
public sealed class MeetingsTests(AppFactory app)
{
    private static AccessScope Admin => new(true, null, null, true, true);

    private Task<Meeting> NewMeetingAsync(string title, DateOnly date, string place, bool compose = true, bool send = true) =>
        NewMeetingAsync(app, title, date, place, compose, send);

    private static async Task<Meeting> NewMeetingAsync(AppFactory app, string title, DateOnly date, string place, bool compose = true, bool send = true)
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        await using var scope = app.Scope();
        var save = scope.ServiceProvider.GetRequiredService<SaveMeeting>();
        var result = await save.RunAsync(new SaveMeeting.Input(null, district.Id, title, MeetingType.QuarterlyBriefing, MeetingMode.Online, date,
            new TimeOnly(8, 0), new TimeOnly(11, 0), place, "HU-TP-BDV", "MT-TP", null, null, "Thông qua dự thảo báo cáo | Ban Dân vận | 30\nÝ kiến các đơn vị | | 60\nKết luận | | 15", 0), Admin);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        if (compose)
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ApplyComposition>().RunAsync(result.Value!.Id, Admin)).Succeeded);
        }

        if (send)
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<SendInvitations>().RunAsync(result.Value!.Id, Admin)).Succeeded);
        }

        return result.Value!;
    }

    [Fact]
    public async Task GeneratePlan_ClerkTwiceForOneYear_SecondRefused()
    {
        using var clerk = await app.LoginAsync("vanphong");

        var first = await clerk.SubmitAsync("/meetings", "plan", new() { ["Input.Year"] = "2031", ["Input.OrganizerCode"] = "HU-TP-BDV" });
        var second = await clerk.SubmitAsync("/meetings", "plan", new() { ["Input.Year"] = "2031", ["Input.OrganizerCode"] = "HU-TP-BDV" });

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        // "năm 2031": a Guid in another test's title may hold "2031" (CI, 8 Dec: the same race on "2093").
        var meetings = await app.WithDbAsync(db => db.Meetings.Where(m => m.Title.Contains("năm 2031")).ToListAsync());
        Assert.Equal(4 + 6 * 3, meetings.Count);
        Assert.Equal(2, meetings.Count(m => m.Type == MeetingType.QuarterlyBriefing && m.Mode == MeetingMode.Online));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);

        // The refusal shows where the clerk looks: next to the year, in the plan panel left open.
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await second.Content.ReadAsStringAsync());
        var panel = page.QuerySelector("details#year-plan");
        Assert.NotNull(panel);
        Assert.True(panel.HasAttribute("open"));
        Assert.Contains("đã được lập", panel.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyComposition_District_HostAndTwelveCommuneEndpointsWithRequiredPeople()
    {
        var meeting = await NewMeetingAsync("Giao ban thử thành phần", new DateOnly(2030, 1, 6), "Phòng họp thử 1", send: false);

        var endpoints = await app.WithDbAsync(db => db.MeetingEndpoints.Where(e => e.MeetingId == meeting.Id).ToListAsync());
        var invitations = await app.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id).ToListAsync());

        Assert.Equal(13, endpoints.Count);
        Assert.Single(endpoints, e => e.IsHost);
        var anLac = await app.UnitAsync(Demo.AnLac);
        var anLacRoom = endpoints.Single(e => e.AreaUnitId == anLac.Id);
        var labels = invitations.Where(i => i.EndpointId == anLacRoom.Id).Select(i => i.RuleLabel).Distinct().ToList();
        Assert.Contains("Thường trực Đảng ủy xã", labels);
        Assert.Contains("Trưởng các chi hội ấp", labels);
        var host = endpoints.Single(e => e.IsHost);
        Assert.Contains(invitations, i => i.EndpointId == host.Id && i.Title == "Bí thư Huyện ủy");
        Assert.Equal(invitations.Count, invitations.Select(i => i.PersonId).Distinct().Count());
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Invitation" && a.EntityId == meeting.Id.ToString()).ToListAsync());
        Assert.Contains($"\"Count\":{invitations.Count}", Assert.Single(audit).After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationsPage_AfterOneConfirmation_GapShowsOneLessMissing()
    {
        var meeting = await NewMeetingAsync("Giao ban thử kiểm tra thiếu", new DateOnly(2030, 1, 7), "Phòng họp thử 2");
        using var commune = await app.LoginAsync("xa.anlac");
        var invitation = await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Code == Demo.AnLac + "-DU");
            return await db.Invitations.FirstAsync(i => i.MeetingId == meeting.Id && i.UnitId == unit.Id);
        });

        var answer = await commune.SubmitAsync($"/meetings/{meeting.Id}", "answer", new()
        {
            ["AnswerInput.InvitationId"] = invitation.Id.ToString(),
            ["AnswerInput.Response"] = nameof(InvitationResponse.Confirmed),
        });
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync($"/meetings/{meeting.Id}/invitations");

        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var endpointId = await app.WithDbAsync(db => db.MeetingEndpoints.Where(e => e.Id == invitation.EndpointId).Select(e => e.Id).SingleAsync());
        var row = page.QuerySelector($"#endpoint-{endpointId}")!.QuerySelectorAll("table.gap tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Single(r => r[0] == "Thường trực Đảng ủy xã");
        Assert.Equal(["Thường trực Đảng ủy xã", "2", "2", "1", "1"], row);
    }

    [Fact]
    public async Task Answer_SubstituteWithoutName_VietnameseMessageAndNothingSaved()
    {
        var meeting = await NewMeetingAsync("Giao ban thử dự thay", new DateOnly(2030, 1, 8), "Phòng họp thử 3");
        using var commune = await app.LoginAsync("xa.anlac");
        var (_, page) = await commune.GetPageAsync($"/meetings/{meeting.Id}");
        var invitationId = page.QuerySelector("#answer-who option")!.GetAttribute("value")!;

        var response = await commune.SubmitAsync($"/meetings/{meeting.Id}", "answer", new()
        {
            ["AnswerInput.InvitationId"] = invitationId,
            ["AnswerInput.Response"] = nameof(InvitationResponse.Substitute),
            ["AnswerInput.SubstitutePosition"] = "Ủy viên",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Vui lòng nhập họ tên người dự thay.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(InvitationResponse.Pending, (await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Id == Guid.Parse(invitationId)))).Response);
    }

    [Fact]
    public async Task SendInvitations_NoticePerUnitAndOneMailPerUnit()
    {
        var before = System.IO.Directory.Exists(Path.Combine(app.Folder, "mail")) ? System.IO.Directory.GetFiles(Path.Combine(app.Folder, "mail")).Length : 0;

        var meeting = await NewMeetingAsync("Giao ban thử gửi thư", new DateOnly(2030, 1, 14), "Phòng họp thử 9");

        var units = await app.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id).Select(i => i.UnitId).Distinct().CountAsync());
        var notices = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Link == $"/meetings/{meeting.Id}"));
        var mails = System.IO.Directory.GetFiles(Path.Combine(app.Folder, "mail")).Length - before;
        Assert.Equal(units, notices);
        Assert.Equal(units, mails);
        using var commune = await app.LoginAsync("xa.anlac");
        var (_, home) = await commune.GetPageAsync("/");
        Assert.Contains("Giấy mời: Giao ban thử gửi thư", home.QuerySelector("#notice-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendInvitations_ManyUnitsOfOneCommune_CommuneHomeShowsTheInvitationOnce()
    {
        var meeting = await NewMeetingAsync("Giao ban thử thông báo một lần", new DateOnly(2030, 1, 16), "Phòng họp thử thông báo");
        var anLacUnits = await app.WithDbAsync(db => db.Notifications
            .CountAsync(n => n.Link == $"/meetings/{meeting.Id}" && db.Units.Any(u => u.Id == n.UnitId && u.Code.StartsWith(Demo.AnLac))));
        Assert.True(anLacUnits > 1, $"the composition invites {anLacUnits} units of An Lạc");

        using var commune = await app.LoginAsync("xa.anlac");
        var (_, home) = await commune.GetPageAsync("/");

        var shown = home.QuerySelectorAll("#notice-list > li").Where(li => li.TextContent.Contains("Giấy mời: Giao ban thử thông báo một lần", StringComparison.Ordinal));
        Assert.Single(shown);
    }

    [Fact]
    public async Task MeetingPage_UnitNotInvited_RefusedWhileInvitedUnitSeesIt()
    {
        var meeting = await NewMeetingAsync("Họp riêng với xã Bình Đông", new DateOnly(2030, 1, 9), "Phòng họp thử 4", compose: false, send: false);
        await app.WithDbAsync(async db =>
        {
            var person = await db.People.FirstAsync(p => p.UnitId == db.Units.Single(u => u.Code == Demo.BinhDong + "-DU").Id);
            var area = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong);
            var endpoint = MeetingEndpoint.Create(meeting.Id, area.Id, "Điểm cầu xã Bình Đông", false);
            db.MeetingEndpoints.Add(endpoint);
            db.Invitations.Add(Invitation.Create(meeting.Id, endpoint.Id, new RequiredAttendee(person.Id, person.UnitId, "Bí thư", area.Id, "Thường trực Đảng ủy xã")));
            var tracked = await db.Meetings.SingleAsync(m => m.Id == meeting.Id);
            tracked.MarkInvited(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");

        var refused = await anLac.Http.GetAsync($"/meetings/{meeting.Id}");
        var allowed = await binhDong.Http.GetAsync($"/meetings/{meeting.Id}");
        var (_, list) = await anLac.GetPageAsync("/meetings");
        var letter = await anLac.Http.GetAsync($"/meetings/{meeting.Id}/invitation.docx");
        var state = await anLac.Http.GetAsync($"/meetings/{meeting.Id}/readiness/state");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("Họp riêng với xã Bình Đông", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.DoesNotContain("Họp riêng với xã Bình Đông", list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, letter.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, state.StatusCode);
    }

    [Fact]
    public async Task ReadinessState_CommuneItsOwnRoom_OfficeEveryRoom_ShowsANewTick()
    {
        var meeting = await NewMeetingAsync("Giao ban thử bảng sẵn sàng", new DateOnly(2030, 1, 21), "Phòng họp thử 10");
        var anLacArea = await app.UnitAsync(Demo.AnLac);
        var anLacEndpoint = await app.WithDbAsync(db => db.MeetingEndpoints.Where(e => e.MeetingId == meeting.Id && e.AreaUnitId == anLacArea.Id).Select(e => e.Id).SingleAsync());
        using var anLac = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/meetings/{meeting.Id}/readiness/state";

        var before = await anLac.Http.GetFromJsonAsync<ReadReadiness.State>(url);
        await app.WithDbAsync(async db =>
        {
            var endpoint = await db.MeetingEndpoints.SingleAsync(e => e.Id == anLacEndpoint);
            endpoint.Record(ReadinessItem.Sound, true, "kythuat.anlac", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var after = await anLac.Http.GetFromJsonAsync<ReadReadiness.State>(url);
        var office = await clerk.Http.GetFromJsonAsync<ReadReadiness.State>(url);
        var anonymous = await app.Client().Http.GetAsync(url);
        var missing = await clerk.Http.GetAsync($"/meetings/{Guid.NewGuid()}/readiness/state");

        Assert.Equal([anLacEndpoint], before!.Endpoints.Select(e => e.Id));
        Assert.Null(before.Endpoints[0].Items.Single(i => i.Item == nameof(ReadinessItem.Sound)).Passed);
        var sound = after!.Endpoints[0].Items.Single(i => i.Item == nameof(ReadinessItem.Sound));
        Assert.True(sound.Passed);
        Assert.StartsWith("kythuat.anlac, ", sound.Note, StringComparison.Ordinal);
        Assert.Equal(13, office!.Total);
        Assert.Contains(office.Endpoints, e => e.Id == anLacEndpoint && e.Items.Any(i => i.Passed == true));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The page carries no meta refresh: the script keeps it current.
        var (_, page) = await clerk.GetPageAsync($"/meetings/{meeting.Id}/readiness");
        Assert.Null(page.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Equal($"meetings/{meeting.Id}/readiness/state", page.QuerySelector("#ready-summary")!.GetAttribute("data-state-url"));
    }

    [Fact]
    public async Task Proposal_OtherInvitedUnit_CannotReadIt()
    {
        var meeting = await NewMeetingAsync("Giao ban thử kiến nghị", new DateOnly(2030, 1, 10), "Phòng họp thử 5");
        using var binhDong = await app.LoginAsync("xa.binhdong");
        using var anLac = await app.LoginAsync("xa.anlac");
        var (_, page) = await binhDong.GetPageAsync($"/meetings/{meeting.Id}");
        var unit = page.QuerySelector("#proposal-unit option")?.GetAttribute("value") ?? page.QuerySelector("input[name='ProposalInput.UnitId']")!.GetAttribute("value")!;

        var sent = await binhDong.SubmitAsync($"/meetings/{meeting.Id}", "proposal", new()
        {
            ["ProposalInput.UnitId"] = unit,
            ["ProposalInput.Title"] = "Kinh phí sửa nhà văn hóa ấp Bình An",
            ["ProposalInput.Content"] = "Nhà văn hóa ấp xuống cấp, đề nghị hỗ trợ kinh phí sửa chữa.",
        });
        var (_, other) = await anLac.GetPageAsync($"/meetings/{meeting.Id}");
        using var clerk = await app.LoginAsync("vanphong");
        var (_, managed) = await clerk.GetPageAsync($"/meetings/{meeting.Id}");

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Contains("Kinh phí sửa nhà văn hóa", (await binhDong.GetPageAsync($"/meetings/{meeting.Id}")).Document.QuerySelector("#proposal-list")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Kinh phí sửa nhà văn hóa", other.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kinh phí sửa nhà văn hóa", managed.QuerySelector("#proposal-list")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Found from outside (walk-commune): the field asked for "Mã đơn vị", a code a commune's clerk does not know;
    /// "Phòng TC-KH" was refused with "không tìm thấy … mã". It now suggests "Name (CODE)" and takes a suggestion, a code,
    /// or a full or short name borne by one unit; a name several units bear ("UBND xã") is refused with the reason, and
    /// what was typed is kept.</summary>
    [Fact]
    public async Task Proposal_AddressedByNameShortNameOrSuggestion_ResolvedAmbiguousNameRefusedTypedTextKept()
    {
        var meeting = await NewMeetingAsync("Giao ban thử kiến nghị theo tên đơn vị", new DateOnly(2030, 1, 22), "Phòng họp thử tên đơn vị");
        var finance = await app.UnitAsync("UB-TP-TCKH");
        using var anLac = await app.LoginAsync("xa.anlac");
        var (_, page) = await anLac.GetPageAsync($"/meetings/{meeting.Id}");
        Assert.Contains(page.QuerySelectorAll("#p-to-units option"), o => o.GetAttribute("value") == $"{finance.Name} (UB-TP-TCKH)");
        Assert.DoesNotContain("Mã đơn vị", page.QuerySelector("label[for=p-to]")!.TextContent, StringComparison.Ordinal);
        // Each proposal is a new form, as the clerk sends it: the page is loaded again (a new one-time token, FormOnce).
        async Task<Dictionary<string, string>> NewFormAsync() => BrowserForm.Fields((await anLac.GetPageAsync($"/meetings/{meeting.Id}")).Document, "proposal");

        var sent = new List<HttpResponseMessage>();
        var fields = BrowserForm.Fields(page, "proposal");
        foreach (var (typed, n) in new[] { "Phòng TC-KH", $"{finance.Name} (UB-TP-TCKH)", "phòng tài chính - kế hoạch huyện" }.Select((t, i) => (t, i)))
        {
            fields = n == 0 ? fields : await NewFormAsync();
            fields["ProposalInput.Title"] = $"Kinh phí nâng cấp đường liên xã, lần {n}";
            fields["ProposalInput.Content"] = "Đề nghị huyện hỗ trợ kinh phí nâng cấp 3,2 km đường liên xã An Lạc - Bình Đông.";
            fields["ProposalInput.AddressedToCode"] = typed;
            sent.Add(await BrowserForm.PostAsync(anLac, $"/meetings/{meeting.Id}", fields));
        }

        fields = await NewFormAsync();
        fields["ProposalInput.Title"] = "Kiến nghị gửi tên trùng";
        fields["ProposalInput.Content"] = "Đề nghị huyện hỗ trợ kinh phí nâng cấp 3,2 km đường liên xã An Lạc - Bình Đông.";
        fields["ProposalInput.AddressedToCode"] = "UBND xã";
        var ambiguous = await BrowserForm.PostAsync(anLac, $"/meetings/{meeting.Id}", fields);

        Assert.All(sent, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        var saved = await app.WithDbAsync(db => db.Proposals.AsNoTracking().Where(p => p.MeetingId == meeting.Id).ToListAsync());
        Assert.Equal(3, saved.Count);
        Assert.All(saved, p => Assert.Equal(finance.Id, p.AddressedToUnitId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ambiguous.StatusCode);
        var shown = AppClient.Parse(await ambiguous.Content.ReadAsStringAsync());
        Assert.Contains("cùng tên \"UBND xã\"", shown.QuerySelector("#p-to")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal("UBND xã", shown.QuerySelector("#p-to")!.GetAttribute("value"));
        Assert.Equal("Kiến nghị gửi tên trùng", shown.QuerySelector("#p-title")!.GetAttribute("value"));
    }

    /// <summary>Found from outside (walk-clerk): the hint under the field says "Gõ vài chữ của tên đơn vị rồi chọn, ví dụ
    /// "Phòng Tài chính"", and "Phòng Tài chính" sent as typed (the suggestion not picked, as a phone keyboard leaves it)
    /// was refused: "Không tìm thấy đơn vị". A few words borne by exactly one suggested unit are taken, with or without
    /// accents; words several units bear are refused naming some of them, and the typed text is kept.</summary>
    [Fact]
    public async Task Proposal_AddressedByTheHintsFewWords_TakenWhenOneUnitBearsThem_SeveralNamedAndRefused()
    {
        var meeting = await NewMeetingAsync("Giao ban thử kiến nghị theo vài chữ", new DateOnly(2030, 1, 23), "Phòng họp thử vài chữ");
        var finance = await app.UnitAsync("UB-TP-TCKH");
        using var binhDong = await app.LoginAsync("xa.binhdong");
        var (_, page) = await binhDong.GetPageAsync($"/meetings/{meeting.Id}");
        Assert.Contains("\"Phòng Tài chính\"", page.QuerySelector("#p-to-hint")!.TextContent, StringComparison.Ordinal);

        var sent = new List<HttpResponseMessage>();
        foreach (var (typed, n) in new[] { "Phòng Tài chính", "phong tai chinh - ke hoach" }.Select((t, i) => (t, i)))
        {
            var fields = BrowserForm.Fields((await binhDong.GetPageAsync($"/meetings/{meeting.Id}")).Document, "proposal");
            fields["ProposalInput.Title"] = $"Kinh phí nâng cấp đường liên ấp Bình Phú, lần {n}";
            fields["ProposalInput.Content"] = "Đường liên ấp Bình Phú hư hỏng sau mùa mưa, đề nghị đưa vào kế hoạch năm 2027.";
            fields["ProposalInput.AddressedToCode"] = typed;
            sent.Add(await BrowserForm.PostAsync(binhDong, $"/meetings/{meeting.Id}", fields));
        }

        var many = BrowserForm.Fields((await binhDong.GetPageAsync($"/meetings/{meeting.Id}")).Document, "proposal");
        many["ProposalInput.Title"] = "Kiến nghị gửi vài chữ nhiều đơn vị mang";
        many["ProposalInput.Content"] = "Đề nghị hỗ trợ kinh phí tổ chức hội nghị.";
        many["ProposalInput.AddressedToCode"] = "Hội Nông dân xã";
        var ambiguous = await BrowserForm.PostAsync(binhDong, $"/meetings/{meeting.Id}", many);

        Assert.All(sent, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        var saved = await app.WithDbAsync(db => db.Proposals.AsNoTracking().Where(p => p.MeetingId == meeting.Id).ToListAsync());
        Assert.Equal(2, saved.Count);
        Assert.All(saved, p => Assert.Equal(finance.Id, p.AddressedToUnitId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ambiguous.StatusCode);
        var shown = AppClient.Parse(await ambiguous.Content.ReadAsStringAsync());
        var message = shown.QuerySelector("#p-to")!.ParentElement!.TextContent;
        Assert.Contains("đơn vị có tên chứa \"Hội Nông dân xã\" (Hội Nông dân xã ", message, StringComparison.Ordinal);
        Assert.Equal("Hội Nông dân xã", shown.QuerySelector("#p-to")!.GetAttribute("value"));
        Assert.Equal("Kiến nghị gửi vài chữ nhiều đơn vị mang", shown.QuerySelector("#p-title")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Proposal_PostedTwiceAsBrowserResends_SavedOnce_SecondToldAlreadySent()
    {
        // A double click, or the page reloaded after sending ("gửi lại biểu mẫu?"), posts the same form again.
        var meeting = await NewMeetingAsync("Giao ban thử gửi lại kiến nghị", new DateOnly(2030, 1, 14), "Phòng họp thử gửi lại kiến nghị");
        using var anLac = await app.LoginAsync("xa.anlac");
        var (_, page) = await anLac.GetPageAsync($"/meetings/{meeting.Id}");
        var unit = page.QuerySelector("#proposal-unit option[selected]")?.GetAttribute("value") ?? page.QuerySelector("#proposal-unit option")!.GetAttribute("value")!;
        var form = new Dictionary<string, string>
        {
            ["ProposalInput.UnitId"] = unit,
            ["ProposalInput.Title"] = "Hỗ trợ sửa đường giao thông ấp Phú Lợi",
            ["ProposalInput.Content"] = "Đường đất ấp Phú Lợi sạt lở sau mùa mưa, đề nghị huyện hỗ trợ xi măng để nhân dân cùng làm.",
            ["ProposalInput.AddressedToCode"] = "",
        };

        var first = await anLac.SubmitAsync($"/meetings/{meeting.Id}", "proposal", new(form));
        var again = await anLac.SubmitAsync($"/meetings/{meeting.Id}", "proposal", new(form));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var saved = await app.WithDbAsync(db => db.Proposals.Where(p => p.MeetingId == meeting.Id).ToListAsync());
        var proposal = Assert.Single(saved);
        Assert.Equal("Hỗ trợ sửa đường giao thông ấp Phú Lợi", proposal.Title);
        Assert.Equal(Guid.Parse(unit), proposal.UnitId);
        Assert.Null(proposal.AddressedToUnitId);
        var shown = AppClient.Parse(await again.Content.ReadAsStringAsync());
        Assert.Contains("đã được gửi lúc", shown.QuerySelector("#p-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Single(shown.QuerySelectorAll("#proposal-list > li"));

        // A different proposal of the same unit is still a proposal of its own.
        var other = await anLac.SubmitAsync($"/meetings/{meeting.Id}", "proposal", new(form) { ["ProposalInput.Title"] = "Hỗ trợ sửa đường giao thông ấp Mỹ Hòa" });
        Assert.Equal(HttpStatusCode.SeeOther, other.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.Proposals.CountAsync(p => p.MeetingId == meeting.Id)));
    }

    /// <summary>Found from outside: four identical posts at once (curl, or a double click without the page's script)
    /// all passed the "already sent" check before any was saved, and made four proposals with four audit entries.</summary>
    [Fact]
    public async Task Proposal_SameFormPostedSixTimesAtOnce_SavedOnceOneAuditEntry()
    {
        var meeting = await NewMeetingAsync("Giao ban thử kiến nghị song song", new DateOnly(2030, 1, 18), "Phòng họp thử kiến nghị song song");
        using var anLac = await app.LoginAsync("xa.anlac");
        var (_, page) = await anLac.GetPageAsync($"/meetings/{meeting.Id}");
        var fields = BrowserForm.Fields(page, "proposal");
        fields["ProposalInput.Title"] = "Hỗ trợ kinh phí sửa cầu ấp Phú Lợi";
        fields["ProposalInput.Content"] = "Cầu ấp Phú Lợi xuống cấp, đề nghị huyện hỗ trợ kinh phí sửa chữa trước mùa mưa.";

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => BrowserForm.PostAsync(anLac, $"/meetings/{meeting.Id}", fields)));

        // One form (one token, FormOnce): every post is answered as the first, 303 back to the meeting with its notice.
        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.SeeOther, $"{(int)r.StatusCode}"));
        Assert.All(responses, r => Assert.Equal($"/meetings/{meeting.Id}", r.Headers.Location!.AbsolutePath));
        var proposal = Assert.Single(await app.WithDbAsync(db => db.Proposals.AsNoTracking().Where(p => p.MeetingId == meeting.Id).ToListAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == proposal.Id.ToString())));
    }

    [Fact]
    public async Task RegisterToSpeak_PostedTwiceAsBrowserResends_RegisteredOnce_SecondToldAlreadyRegistered()
    {
        var meeting = await NewMeetingAsync("Giao ban thử gửi lại đăng ký phát biểu", new DateOnly(2030, 1, 15), "Phòng họp thử gửi lại phát biểu");
        using var anLac = await app.LoginAsync("xa.anlac");
        var (_, page) = await anLac.GetPageAsync($"/meetings/{meeting.Id}");
        var unit = page.QuerySelector("#speak-unit option[selected]")?.GetAttribute("value") ?? page.QuerySelector("#speak-unit option")!.GetAttribute("value")!;
        var form = new Dictionary<string, string>
        {
            ["SpeakInput.UnitId"] = unit,
            ["SpeakInput.Topic"] = "Mô hình tổ tự quản đường giao thông nông thôn",
            ["SpeakInput.Summary"] = "",
            ["SpeakInput.Minutes"] = "7",
        };

        var first = await anLac.SubmitAsync($"/meetings/{meeting.Id}", "speak", new(form));
        var again = await anLac.SubmitAsync($"/meetings/{meeting.Id}", "speak", new(form));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var saved = Assert.Single(await app.WithDbAsync(db => db.SpeakingRegistrations.Where(r => r.MeetingId == meeting.Id).ToListAsync()));
        Assert.Equal(("Mô hình tổ tự quản đường giao thông nông thôn", (string?)null, 7), (saved.Topic, saved.Summary, saved.Minutes));
        var shown = AppClient.Parse(await again.Content.ReadAsStringAsync());
        Assert.Contains("Đã đăng ký phát biểu nội dung này lúc", shown.QuerySelector("#s-topic")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Single(shown.QuerySelectorAll("#registration-list > li"));
    }

    [Fact]
    public async Task SaveMeeting_EndBeforeStartAndRoomTaken_RefusedWithFieldMessages()
    {
        var first = await NewMeetingAsync("Giao ban chiếm phòng", new DateOnly(2030, 2, 3), "Phòng họp trực tuyến số 9", compose: false, send: false);
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);

        var backwards = await app.WithDbAsync(db => new SaveMeeting(db).RunAsync(new SaveMeeting.Input(null, district.Id, "Họp ngược giờ", MeetingType.Other, MeetingMode.Online,
            new DateOnly(2030, 2, 4), new TimeOnly(10, 0), new TimeOnly(9, 0), "Phòng khác", "HU-TP-BDV", null, null, null, null, 0), Admin));
        var clash = await app.WithDbAsync(db => new SaveMeeting(db).RunAsync(new SaveMeeting.Input(null, district.Id, "Họp trùng phòng", MeetingType.Other, MeetingMode.Online,
            new DateOnly(2030, 2, 3), new TimeOnly(10, 30), new TimeOnly(12, 0), "phong hop truc tuyen so 9", "HU-TP-BDV", null, null, null, null, 0), Admin));

        Assert.Contains(backwards.Errors, e => e.Field == "EndTime" && e.Message == "Giờ kết thúc phải sau giờ bắt đầu.");
        Assert.Contains(clash.Errors, e => e.Field == "Place" && e.Message.Contains(first.Title, StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == "Họp trùng phòng" || m.Title == "Họp ngược giờ")));
    }

    [Fact]
    public async Task SaveMeeting_RetiredCoordinatingUnit_Refused()
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        await app.WithDbAsync(async db =>
        {
            var unit = Unit.Create(Guid.CreateVersion7(), "TP-CU", "Ban đã giải thể", "Ban cũ", UnitKind.Other, await db.Units.SingleAsync(u => u.Id == district.Id));
            unit.Retire(DateTimeOffset.UtcNow);
            db.Units.Add(unit);
            return await db.SaveChangesAsync();
        });

        var result = await app.WithDbAsync(db => new SaveMeeting(db).RunAsync(new SaveMeeting.Input(null, district.Id, "Họp mời ban cũ", MeetingType.Other, MeetingMode.Online,
            new DateOnly(2030, 2, 5), new TimeOnly(8, 0), new TimeOnly(9, 0), "Phòng 3", "HU-TP-BDV", "TP-CU", null, null, null, 0), Admin));

        Assert.Contains(result.Errors, e => e.Field == "CoordinatingCodes" && e.Message.Contains("ngừng hoạt động", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UploadDocument_WrongTypeOrTooLarge_RefusedWithReason()
    {
        var meeting = await NewMeetingAsync("Giao ban thử tài liệu", new DateOnly(2030, 1, 11), "Phòng họp thử 6", compose: false, send: false);
        var options = new MeetingOptions { MaxDocumentBytes = 1024 };
        var user = await app.WithDbAsync(async db => await db.Users.SingleAsync(u => u.UserName == "vanphong"));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var access = scope.ServiceProvider.GetRequiredService<MeetingAccess>();
        var unit = await app.UnitAsync(DemoDistrict.DistrictOfficeCode);
        var context = new Briefings.Web.Infrastructure.UserContext(user, [Roles.Clerk], unit, AccessScope.For([Roles.Clerk], unit, [await app.UnitAsync("T-LG"), await app.UnitAsync(DemoDistrict.DistrictCode)], false));

        var exe = await UploadDocument.RunAsync(db, access, options, meeting.Id, File("virus.exe", 10), null, null, context, DateTimeOffset.UtcNow);
        var big = await UploadDocument.RunAsync(db, access, options, meeting.Id, File("bao-cao.pdf", 4096), null, null, context, DateTimeOffset.UtcNow);
        var ok = await UploadDocument.RunAsync(db, access, options, meeting.Id, File("du-thao.pdf", 100), "Dự thảo báo cáo", null, context, DateTimeOffset.UtcNow);
        var attached = await UploadDocument.RunAsync(db, access, options, meeting.Id, File("bieu-mau.xlsx", 100), "Biểu tổng hợp", 2, context, DateTimeOffset.UtcNow);
        var missingItem = await UploadDocument.RunAsync(db, access, options, meeting.Id, File("khac.pdf", 100), null, 99, context, DateTimeOffset.UtcNow);

        Assert.Contains(".exe", Assert.Single(exe).Message, StringComparison.Ordinal);
        Assert.Contains("quá lớn", Assert.Single(big).Message, StringComparison.Ordinal);
        Assert.Empty(ok);
        Assert.Empty(attached);
        Assert.Single(missingItem);
        Assert.Equal(2, await db.MeetingDocuments.CountAsync(d => d.MeetingId == meeting.Id));
        Assert.Equal(2, await db.MeetingDocuments.Where(d => d.FileName == "bieu-mau.xlsx").Select(d => d.AgendaOrder).SingleAsync());
    }

    [Fact]
    public async Task DownloadDocument_InvitedUnitAllowed_UninvitedCommuneRefused()
    {
        var meeting = await NewMeetingAsync("Họp thử tải tài liệu", new DateOnly(2030, 1, 15), "Phòng họp thử 10", compose: false, send: false);
        var documentId = await app.WithDbAsync(async db =>
        {
            var person = await db.People.FirstAsync(p => p.UnitId == db.Units.Single(u => u.Code == Demo.BinhDong + "-DU").Id);
            var area = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong);
            var endpoint = MeetingEndpoint.Create(meeting.Id, area.Id, "Điểm cầu xã Bình Đông", false);
            db.MeetingEndpoints.Add(endpoint);
            db.Invitations.Add(Invitation.Create(meeting.Id, endpoint.Id, new RequiredAttendee(person.Id, person.UnitId, "Bí thư", area.Id, "Thường trực Đảng ủy xã")));
            var document = new MeetingDocument { MeetingId = meeting.Id, FileName = "du-thao.pdf", ContentType = "application/pdf", Size = 3, Content = [1, 2, 3], UploadedBy = "vanphong" };
            db.MeetingDocuments.Add(document);
            (await db.Meetings.SingleAsync(m => m.Id == meeting.Id)).MarkInvited(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return document.Id;
        });
        using var invited = await app.LoginAsync("xa.binhdong");
        using var uninvited = await app.LoginAsync("xa.anlac");

        var allowed = await invited.Http.GetAsync($"/meetings/{meeting.Id}/documents/{documentId}");
        var refused = await uninvited.Http.GetAsync($"/meetings/{meeting.Id}/documents/{documentId}");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal([1, 2, 3], await allowed.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>A file of <paramref name="size"/> bytes that starts as its extension's format does.</summary>
    private static FormFile File(string name, int size)
    {
        var bytes = new byte[size];
        var head = Path.GetExtension(name) switch
        {
            ".pdf" => "%PDF-1.7"u8.ToArray(),
            ".xlsx" or ".docx" => "PK\u0003\u0004"u8.ToArray(),
            _ => [],
        };
        head.AsSpan(0, Math.Min(head.Length, size)).CopyTo(bytes);
        return Upload(name, bytes, "application/octet-stream");
    }

    private static FormFile Upload(string name, byte[] bytes, string contentType) =>
        new(new MemoryStream(bytes), 0, bytes.Length, "file", name) { Headers = new HeaderDictionary(), ContentType = contentType };

    [Fact]
    public async Task UploadDocument_PageRenamedPdf_RefusedByContent_RealPdfStoredWithFixedTypeServedAsAttachment()
    {
        var meeting = await NewMeetingAsync("Giao ban thử tệp đổi đuôi", new DateOnly(2030, 1, 16), "Phòng họp thử 16", compose: false, send: false);
        var user = await app.WithDbAsync(async db => await db.Users.SingleAsync(u => u.UserName == "vanphong"));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var access = scope.ServiceProvider.GetRequiredService<MeetingAccess>();
        var unit = await app.UnitAsync(DemoDistrict.DistrictOfficeCode);
        var context = new Briefings.Web.Infrastructure.UserContext(user, [Roles.Clerk], unit, AccessScope.For([Roles.Clerk], unit, [await app.UnitAsync("T-LG"), await app.UnitAsync(DemoDistrict.DistrictCode)], false));
        var page = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();

        var renamed = await UploadDocument.RunAsync(db, access, new MeetingOptions(), meeting.Id, Upload("bao-cao.pdf", page, "text/html"), null, null, context, DateTimeOffset.UtcNow);
        var real = await UploadDocument.RunAsync(db, access, new MeetingOptions(), meeting.Id, Upload("that.pdf", "%PDF-1.4 thật"u8.ToArray(), "text/html"), null, null, context, DateTimeOffset.UtcNow);

        Assert.Contains("không phải tệp .pdf thật", Assert.Single(renamed).Message, StringComparison.Ordinal);
        Assert.Empty(real);
        var stored = await db.MeetingDocuments.AsNoTracking().SingleAsync(d => d.MeetingId == meeting.Id);
        Assert.Equal("application/pdf", stored.ContentType);
        using var clerk = await app.LoginAsync("vanphong");
        var response = await clerk.Http.GetAsync($"/meetings/{meeting.Id}/documents/{stored.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    /// <summary>Found from outside: a meeting document named as offices name files (long, or sent by an old browser with
    /// its whole Windows path) was refused with the "too long" page, while a task attachment of the same name was kept.</summary>
    [Fact]
    public async Task UploadDocument_LongNameFromAWindowsPath_StoredUnderTheFileNameCutKeepingItsExtension()
    {
        var meeting = await NewMeetingAsync("Giao ban thử tên tệp dài", new DateOnly(2030, 1, 17), "Phòng họp thử 17", compose: false, send: false);
        using var clerk = await app.LoginAsync("vanphong");
        var (_, page) = await clerk.GetPageAsync($"/meetings/{meeting.Id}");
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var name = "Báo cáo kết quả thực hiện " + new string('x', 300) + ".pdf";
        using var content = new MultipartFormDataContent
        {
            { new StringContent("upload"), "_handler" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(""), "UploadDescription" },
            { new StringContent(""), "UploadAgendaOrder" },
        };
        var file = new ByteArrayContent("%PDF-1.4 thật"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "Upload", @"C:\Users\vanphong\Desktop\" + name);

        var response = await clerk.Http.PostAsync($"/meetings/{meeting.Id}", content);

        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var stored = await app.WithDbAsync(db => db.MeetingDocuments.AsNoTracking().SingleAsync(d => d.MeetingId == meeting.Id));
        Assert.Equal(name[..251] + ".pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
    }

    [Fact]
    public async Task InvitationLetter_Docx_HoldsMeetingData()
    {
        var meeting = await NewMeetingAsync("Giao ban thử giấy mời", new DateOnly(2030, 1, 12), "Phòng họp trực tuyến Huyện ủy Tân Phong");
        using var commune = await app.LoginAsync("xa.anlac");

        var response = await commune.Http.GetAsync($"/meetings/{meeting.Id}/invitation.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("GIẤY MỜI", text, StringComparison.Ordinal);
        Assert.Contains("Giao ban thử giấy mời", text, StringComparison.Ordinal);
        Assert.Contains("08 giờ 00, ngày 12/01/2030", text, StringComparison.Ordinal);
        Assert.Contains("Phòng họp trực tuyến Huyện ủy Tân Phong", text, StringComparison.Ordinal);
        Assert.Contains("BAN DÂN VẬN HUYỆN ỦY", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeed_UnitToken_VietnamTimesAndForeignTokenRefused()
    {
        var meeting = await NewMeetingAsync("Giao ban thử lịch", new DateOnly(2030, 1, 13), "Phòng họp thử 7");
        var anLac = await app.UnitAsync(Demo.AnLac + "-DU");
        var binhDong = await app.UnitAsync(Demo.BinhDong + "-DU");
        var feeds = app.Services.GetRequiredService<CalendarFeeds>();
        using var anonymous = app.Client();

        var text = await anonymous.Http.GetStringAsync($"/calendar/units/{anLac.Id}.ics?token={Uri.EscapeDataString(feeds.Token("unit", anLac.Id))}");
        var forged = await anonymous.Http.GetAsync($"/calendar/units/{binhDong.Id}.ics?token={Uri.EscapeDataString(feeds.Token("unit", anLac.Id))}");

        var calendar = Ical.Net.Calendar.Load(text)!;
        var e = calendar.Events.Single(x => x.Summary == "Giao ban thử lịch");
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(e.DtStart!.AsUtc, TimeSpan.Zero), VietnameseText.VietnamTime);
        Assert.Equal(new DateTime(2030, 1, 13, 8, 0, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(3), e.DtEnd!.AsUtc - e.DtStart.AsUtc);
        Assert.Contains($"/meetings/{meeting.Id}", e.Url!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task Reminders_TwoInstancesRunTogether_EachReminderOnce_OnlyTheLatestOfThoseDue()
    {
        // A database of its own: the job reminds every invited meeting of the database, and another test's meeting
        // near the same moment would be counted in what this one sent.
        using var own = new ConfiguredAppFactory(new Dictionary<string, string?>());
        var meeting = await NewMeetingAsync(own, "Giao ban thử nhắc lịch", new DateOnly(2030, 3, 1), "Phòng họp thử 8");
        var clock = new FakeTimeProvider(meeting.StartsAt.AddMinutes(-50));
        var options = Options.Create(new MeetingOptions { ReminderMinutes = [1440, 60] });
        var scopes = own.Services.GetRequiredService<IServiceScopeFactory>();
        var a = new MeetingReminders(scopes, clock, options, NullLogger<MeetingReminders>.Instance);
        var b = new MeetingReminders(scopes, clock, options, NullLogger<MeetingReminders>.Instance);

        var sent = await Task.WhenAll(a.RunOnceAsync(default), b.RunOnceAsync(default), a.RunOnceAsync(default));
        var again = await b.RunOnceAsync(default);

        // Both moments have passed (the job ran late): the 60-minute reminder goes out once, the 1-day one is dropped.
        var claimed = await own.WithDbAsync(db => db.SentReminders.Where(r => r.MeetingId == meeting.Id).Select(r => r.OffsetMinutes).ToListAsync());
        Assert.Equal([60, 1440], claimed.Order());
        Assert.Equal(1, sent.Sum());
        Assert.Equal(0, again);
        var notices = await own.WithDbAsync(db => db.Notifications.Where(n => n.Text.StartsWith("Nhắc lịch: Giao ban thử nhắc lịch")).ToListAsync());
        var units = await own.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id).Select(i => i.UnitId).Distinct().ToListAsync());
        Assert.Equal(units.Order(), notices.Select(n => n.UnitId).Order());
        var anLac = await own.UnitAsync(Demo.AnLac + "-DU");
        Assert.Contains(anLac.Name, Assert.Single(notices, n => n.UnitId == anLac.Id).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_InvitationsSentAfterTheDayBefore_DayReminderSkipped_OneMailPerPersonPerReminder()
    {
        using var own = new ConfiguredAppFactory(new Dictionary<string, string?>());
        var meeting = await NewMeetingAsync(own, "Giao ban thử mời muộn", new DateOnly(2030, 3, 4), "Phòng họp thử 9", send: false);
        var clock = new FakeTimeProvider(meeting.StartsAt.AddHours(-10));
        var options = Options.Create(new MeetingOptions { ReminderMinutes = [1440, 60] });
        await using (var scope = own.Scope())
        {
            var send = new SendInvitations(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>(), scope.ServiceProvider.GetRequiredService<Mailer>(), clock, options, scope.ServiceProvider.GetRequiredService<Briefings.Web.Documents.PaperNumbers>());
            Assert.True((await send.RunAsync(meeting.Id, Admin)).Succeeded);
        }

        var reminders = new MeetingReminders(own.Services.GetRequiredService<IServiceScopeFactory>(), clock, options, NullLogger<MeetingReminders>.Instance);
        clock.Advance(TimeSpan.FromMinutes(1));
        var right = await reminders.RunOnceAsync(default);
        clock.SetUtcNow(meeting.StartsAt.AddMinutes(-50));
        var hour = await reminders.RunOnceAsync(default);
        var after = await reminders.RunOnceAsync(default);

        Assert.Equal((0, 1, 0), (right, hour, after));
        var subject = "Nhắc lịch họp: Giao ban thử mời muộn";
        var mails = System.IO.Directory.GetFiles(Path.Combine(own.Folder, "mail"), "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Where(m => m.Subject == subject).ToList();
        var people = await own.WithDbAsync(db => db.Invitations.Where(i => i.MeetingId == meeting.Id)
            .Join(db.People, i => i.PersonId, p => p.Id, (i, p) => p.Email).Where(e => e != null && e != "").Distinct().CountAsync());
        Assert.True(people > 0);
        var addresses = mails.SelectMany(m => m.To.Mailboxes.Select(x => x.Address.ToLowerInvariant())).ToList();
        Assert.Equal(people, addresses.Count);
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.All(mails, m => Assert.Contains("Kính gửi đồng chí", m.TextBody, StringComparison.Ordinal));
        Assert.All(mails, m => Assert.Contains($"http://localhost:5080/meetings/{meeting.Id}", m.TextBody, StringComparison.Ordinal));
    }
}
