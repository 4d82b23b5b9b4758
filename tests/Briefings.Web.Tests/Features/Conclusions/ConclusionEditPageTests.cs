using System.Globalization;
using System.Net;
using System.Text;
using Xunit.Abstractions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Briefings.Core.Conclusions;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure.Demo;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Conclusions;

/// <summary>The conclusion editor posted exactly as a browser posts it: on a meeting that received proposals every
/// directive row has a "Trả lời kiến nghị" select, left at "— không —" (an empty value) on most rows; 40 rows; empty
/// optional fields. Every row must come back; a post whose values cannot be read is refused and saves nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class ConclusionEditPageTests(AppFactory app, ITestOutputHelper output)
{
    private const int Rows = 40;

    [Fact]
    public async Task Save_MeetingWithProposals_FortyRowsWithEmptyProposalSelects_EveryRowSaved()
    {
        var (meetingId, proposalId) = await MeetingWithProposalAsync(app);
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/conclusions/new?meeting={meetingId}";
        var (_, blank) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(blank, "conclusion-form");
        fields["Form.Summary"] = "Giao ban thử bốn mươi nhiệm vụ";
        fields["Form.Body"] = Body(Rows);
        fields["Form.Action"] = "analyze";

        // "Đề xuất lại nhiệm vụ từ nội dung": the page proposes one row per item, each with an empty proposal select.
        var analyzed = await BrowserForm.PostAsync(clerk, url, fields);
        var page = AppClient.Parse(await analyzed.Content.ReadAsStringAsync());
        fields = BrowserForm.Fields(page, "conclusion-form");
        Assert.Equal(Rows + 2, page.QuerySelectorAll(".directive-row").Length);
        Assert.Equal(Rows + 2, fields.Count(f => f.Key.EndsWith(".AnswersProposalId", StringComparison.Ordinal) && f.Value == ""));
        fields["Form.Directives[7].AnswersProposalId"] = proposalId.ToString();
        fields["Form.Directives[3].Output"] = nameof(ExpectedOutput.WrittenReply);
        fields["Form.Action"] = "save";

        var saved = await BrowserForm.PostAsync(clerk, url, fields);

        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await ErrorOf(saved));
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?')[^1]);
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id));
        var lead = await app.UnitAsync("HU-TP-BDV");
        var directives = stored.Directives.OrderBy(d => d.ItemNumber).ToList();
        Assert.Equal(Enumerable.Range(1, Rows), directives.Select(d => d.ItemNumber));
        Assert.All(directives, d => Assert.Equal(lead.Id, d.LeadUnitId));
        Assert.Equal(Enumerable.Range(1, Rows).Select(n => $"trước {Due(n):d/M/yyyy}"), directives.Select(d => d.Deadline!.ToString()));
        Assert.Equal([8], directives.Where(d => d.AnswersProposalId == proposalId).Select(d => d.ItemNumber));
        Assert.Equal(Rows - 1, directives.Count(d => d.AnswersProposalId is null));
        Assert.Equal([4], directives.Where(d => d.ExpectedOutput == ExpectedOutput.WrittenReply).Select(d => d.ItemNumber));
        Assert.Equal(meetingId, stored.MeetingId);
        Assert.Null(stored.SignerPersonId);
    }

    /// <summary>The most directives a conclusion holds (500), ten to an item of a 50-item document: every row had a
    /// select of all 50 items (25,000 options on the page); now the items are listed once and each row is a text field
    /// with that list. Every row still comes back on save. The figures go to docs/benchmarks.md; the bound only says the
    /// page no longer grows with rows × items.</summary>
    [Fact]
    public async Task Editor_FiveHundredRowsOfFiftyItems_ItemsListedOnceEveryRowSaved()
    {
        const int rows = ConclusionForm.MaxDirectives, sections = 5, perSection = 10;
        using var clerk = await app.LoginAsync("vanphong");
        var (_, blank) = await clerk.GetPageAsync("/conclusions/new");
        var fields = BrowserForm.Fields(blank, "conclusion-form");
        fields["Form.Summary"] = $"Giao ban năm trăm nhiệm vụ {Guid.NewGuid():N}";
        fields["Form.Body"] = LongBody(sections, perSection);
        for (var r = 0; r < rows; r++)
        {
            fields[$"Form.Directives[{r}].Item"] = DirectiveRow.ItemKey(r % sections + 1, r / sections % perSection + 1);
            fields[$"Form.Directives[{r}].Lead"] = "Ban Dân vận Huyện ủy";
            fields[$"Form.Directives[{r}].Deadline"] = $"trước {Due(r % 28 + 1):d/M/yyyy}";
        }

        fields["Form.Action"] = "save";
        var saved = await BrowserForm.PostAsync(clerk, "/conclusions/new", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await ErrorOf(saved));
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?')[^1]);

        var html = await clerk.Http.GetStringAsync($"/conclusions/{id}/edit");
        output.WriteLine($"editor of a saved draft, {rows} rows × {sections * perSection} items: {Encoding.UTF8.GetByteCount(html):N0} bytes");
        var page = AppClient.Parse(html);
        Assert.Equal(sections * perSection, page.QuerySelectorAll("#items option").Length);
        Assert.Empty(page.QuerySelectorAll(".directive-row option[value^='I.'], .directive-row option[value^='1.']"));
        Assert.Equal("V.10", page.QuerySelector<IHtmlInputElement>($"#d{rows - 1}-item")!.Value);
        Assert.True(Encoding.UTF8.GetByteCount(html) < 1_500_000, $"the editor page weighs {Encoding.UTF8.GetByteCount(html):N0} bytes at {rows} rows");

        // Saved again from the page as it came, every row is still there.
        fields = BrowserForm.Fields(page, "conclusion-form");
        fields["Form.Action"] = "save";
        var again = await BrowserForm.PostAsync(clerk, $"/conclusions/{id}/edit", fields);
        Assert.True(again.StatusCode == HttpStatusCode.SeeOther, await ErrorOf(again));
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(rows, stored.Directives.Count);
        Assert.Equal(rows / (sections * perSection), stored.Directives.Count(d => d.SectionOrder == 5 && d.ItemNumber == 10));
    }

    /// <summary>Forty rows on a meeting with thirty proposals: each row had a select of every proposal (1,200 options);
    /// now they are listed once (value "KN1" … "KN30", label the unit and title) and a row names one. The choice is
    /// kept on save and shown again on the saved draft; a number the meeting lacks is refused with the row kept.</summary>
    [Fact]
    public async Task Save_FortyRowsThirtyProposals_ProposalsListedOnceEachRowsChoiceKept()
    {
        const int proposals = 30;
        var (meetingId, first) = await MeetingWithProposalAsync(app);
        var ids = await app.WithDbAsync(async db =>
        {
            var units = await db.Units.Where(u => u.Code.EndsWith("-DU")).OrderBy(u => u.Code).Take(5).ToListAsync();
            var start = (await db.Proposals.SingleAsync(p => p.Id == first)).SubmittedAt;
            var added = Enumerable.Range(2, proposals - 1).Select(n => new Proposal
            {
                MeetingId = meetingId, UnitId = units[n % units.Count].Id, Title = $"Kiến nghị số {n} về kinh phí",
                Content = "Nội dung kiến nghị.", SubmittedBy = "xa.binhdong", SubmittedAt = start.AddMinutes(n),
            }).ToList();
            db.Proposals.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(p => p.Id).Prepend(first).ToList();
        });
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/conclusions/new?meeting={meetingId}";
        var (_, blank) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(blank, "conclusion-form");
        var summary = $"Giao ban ba mươi kiến nghị {Guid.NewGuid():N}";
        fields["Form.Summary"] = summary;
        fields["Form.Body"] = Body(Rows);
        fields["Form.Action"] = "analyze";
        var page = AppClient.Parse(await (await BrowserForm.PostAsync(clerk, url, fields)).Content.ReadAsStringAsync());

        Assert.Equal(Rows + 2, page.QuerySelectorAll(".directive-row").Length);
        Assert.Equal(Enumerable.Range(1, proposals).Select(n => $"KN{n}"), page.QuerySelectorAll("#proposals option").Select(o => o.GetAttribute("value")));
        Assert.Contains("Kiến nghị số 17 về kinh phí", page.QuerySelectorAll("#proposals option")[16].TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".directive-row select[name$='AnswersProposalId'], .directive-row option[value^='KN']"));
        fields = BrowserForm.Fields(page, "conclusion-form");
        fields["Form.Directives[7].AnswersProposalId"] = "KN1";
        fields["Form.Directives[12].AnswersProposalId"] = " kn 17 ";
        fields["Form.Directives[30].AnswersProposalId"] = "KN31";
        fields["Form.Action"] = "save";

        var refused = await BrowserForm.PostAsync(clerk, url, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("không đọc được kiến nghị “KN31”", page.QuerySelector(".directive-row.invalid .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("KN31", page.QuerySelector<IHtmlInputElement>("#d30-proposal")!.Value);
        Assert.Equal("KN17", page.QuerySelector<IHtmlInputElement>("#d12-proposal")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.Summary == summary)));

        fields = BrowserForm.Fields(page, "conclusion-form");
        fields["Form.Directives[30].AnswersProposalId"] = "KN30";
        fields["Form.Action"] = "save";
        var saved = await BrowserForm.PostAsync(clerk, url, fields);
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await ErrorOf(saved));
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?')[^1]);
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(Rows, stored.Directives.Count);
        Assert.Equal([(8, ids[0]), (13, ids[16]), (31, ids[29])],
            stored.Directives.Where(d => d.AnswersProposalId is not null).OrderBy(d => d.ItemNumber).Select(d => (d.ItemNumber, d.AnswersProposalId!.Value)));

        var editor = AppClient.Parse(await clerk.Http.GetStringAsync($"/conclusions/{id}/edit"));
        Assert.Equal("KN17", editor.QuerySelector<IHtmlInputElement>("#d12-proposal")!.Value);
        Assert.Contains("Kiến nghị số 17 về kinh phí", editor.QuerySelector("#d12-proposal-text")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", editor.QuerySelector<IHtmlInputElement>("#d13-proposal")!.Value);
    }

    /// <summary>500 rows, each on its own item, naming the area's units every way the form allows: the list's label
    /// ("Name" or "Name (CODE)" for a name used twice), the same in capitals, two coordinating units after ";". The
    /// save looks the names up in an index built once per save (it folded every unit's name for every row); every row
    /// must still get exactly its own units. The save's time is written out for docs/benchmarks.md, not asserted.</summary>
    [Fact]
    public async Task Save_FiveHundredRowsNamingUnitsEveryWay_EachRowItsOwnUnits()
    {
        const int rows = ConclusionForm.MaxDirectives, sections = 10, perSection = 50;
        using var clerk = await app.LoginAsync("vanphong");
        var (_, blank) = await clerk.GetPageAsync("/conclusions/new");
        var labels = blank.QuerySelectorAll("#units option").Select(o => o.GetAttribute("value")!).ToList();
        var directory = await app.WithDbAsync(db => db.Units.AsNoTracking().Select(u => new { u.Id, u.Name, u.Code }).ToListAsync());
        Guid IdOf(string label) =>
            label.EndsWith(')') ? directory.Single(u => u.Code == label[(label.LastIndexOf('(') + 1)..^1]).Id : directory.Single(u => u.Name == label).Id;
        var usable = labels.Where(l => l.EndsWith(')') || directory.Count(u => u.Name == l) == 1).ToList();
        Assert.True(usable.Count >= 20, $"the demo area lists {usable.Count} units");
        Assert.Contains(usable, l => l.EndsWith(')'));

        var fields = BrowserForm.Fields(blank, "conclusion-form");
        fields["Form.Summary"] = $"Giao ban năm trăm đơn vị {Guid.NewGuid():N}";
        fields["Form.Body"] = LongBody(sections, perSection);
        var expected = new Dictionary<(int, int), (Guid Lead, Guid[] Coordinating)>();
        for (var r = 0; r < rows; r++)
        {
            var (s, i) = (r / perSection + 1, r % perSection + 1);
            var (lead, co1, co2) = (usable[r % usable.Count], usable[(r + 7) % usable.Count], usable[(r + 13) % usable.Count]);
            fields[$"Form.Directives[{r}].Item"] = DirectiveRow.ItemKey(s, i);
            fields[$"Form.Directives[{r}].Lead"] = r % 3 == 0 ? lead.ToUpperInvariant() : lead;
            fields[$"Form.Directives[{r}].Coordinating"] = $"{co1}; {co2}";
            expected[(s, i)] = (IdOf(lead), [.. new[] { IdOf(co1), IdOf(co2) }.Where(c => c != IdOf(lead)).Distinct().Order()]);
        }

        fields["Form.Action"] = "save";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var saved = await BrowserForm.PostAsync(clerk, "/conclusions/new", fields);
        output.WriteLine($"save of {rows} rows naming {usable.Count} units: {watch.Elapsed.TotalSeconds:0.00} s");

        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await ErrorOf(saved));
        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?')[^1]);
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == id));
        Assert.Equal(rows, stored.Directives.Count);
        Assert.All(stored.Directives, d =>
        {
            var (lead, coordinating) = expected[(d.SectionOrder, d.ItemNumber)];
            Assert.Equal(lead, d.LeadUnitId);
            Assert.Equal(coordinating, d.CoordinatingUnitIds.Order());
        });
    }

    [Fact]
    public async Task Save_ItemTypedAsTheDocumentNumbersIt_SavedUnknownItemRefusedWithMessageRowKept()
    {
        using var clerk = await app.LoginAsync("vanphong");
        var (_, blank) = await clerk.GetPageAsync("/conclusions/new");
        var fields = BrowserForm.Fields(blank, "conclusion-form");
        var summary = $"Giao ban mục gõ tay {Guid.NewGuid():N}";
        fields["Form.Summary"] = summary;
        fields["Form.Body"] = Body(3);
        fields["Form.Directives[0].Item"] = "I.9";
        fields["Form.Directives[0].Lead"] = "Ban Dân vận Huyện ủy";
        fields["Form.Directives[1].Item"] = " i.2 ";
        fields["Form.Directives[1].Lead"] = "Ban Dân vận Huyện ủy";
        fields["Form.Action"] = "save";

        var refused = await BrowserForm.PostAsync(clerk, "/conclusions/new", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = AppClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("văn bản không có mục “I.9”", page.QuerySelector(".directive-row.invalid .field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("I.9", page.QuerySelector<IHtmlInputElement>("#d0-item")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.Summary == summary)));

        fields = BrowserForm.Fields(page, "conclusion-form");
        fields["Form.Directives[0].Item"] = "I.3";
        fields["Form.Action"] = "save";
        var saved = await BrowserForm.PostAsync(clerk, "/conclusions/new", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await ErrorOf(saved));
        var stored = await app.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Summary == summary));
        Assert.Equal([2, 3], stored.Directives.Select(d => d.ItemNumber).Order());
    }

    [Theory]
    [InlineData("Form.Directives[0].AnswersProposalId", "khong-phai-ma")]
    [InlineData("Form.Directives[0].Output", "Bogus")]
    [InlineData("Form.SignerPersonId", "12")]
    public async Task Save_ValueThatCannotBeRead_RefusedWithMessageNothingSaved(string field, string value)
    {
        var (meetingId, _) = await MeetingWithProposalAsync(app);
        using var clerk = await app.LoginAsync("vanphong");
        var url = $"/conclusions/new?meeting={meetingId}";
        var (_, blank) = await clerk.GetPageAsync(url);
        var fields = BrowserForm.Fields(blank, "conclusion-form");
        var summary = $"Giao ban thử dữ liệu hỏng {Guid.NewGuid():N}";
        fields["Form.Summary"] = summary;
        fields["Form.Body"] = Body(1);
        fields["Form.Directives[0].Item"] = "1.1";
        fields["Form.Directives[0].Lead"] = "Ban Dân vận Huyện ủy";
        fields[field] = value;
        fields["Form.Action"] = "save";

        var response = await BrowserForm.PostAsync(clerk, url, fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = AppClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("không đọc được", html.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Chưa lưu gì", html.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        // What was typed is still there.
        Assert.Equal(summary, html.QuerySelector<IHtmlInputElement>("#summary")!.Value);
        Assert.Equal(0, await app.WithDbAsync(db => db.Conclusions.CountAsync(c => c.Summary == summary)));
    }

    [Fact]
    public async Task Editor_DeadlineOnAWeekendOrAHoliday_DayOffNamedUnderTheRowWorkingDayNot()
    {
        // Items due Thursday 2/1, Friday 3/1, Saturday 4/1 and Sunday 5/1/2031; the first row is then set to 1/1, New Year's Day.
        using var clerk = await app.LoginAsync("vanphong");
        var (_, blank) = await clerk.GetPageAsync("/conclusions/new");
        var fields = BrowserForm.Fields(blank, "conclusion-form");
        fields["Form.Summary"] = $"Giao ban thử hạn ngày nghỉ {Guid.NewGuid():N}";
        fields["Form.Body"] = Body(4);
        fields["Form.Action"] = "analyze";
        var analyzed = AppClient.Parse(await (await BrowserForm.PostAsync(clerk, "/conclusions/new", fields)).Content.ReadAsStringAsync());
        Assert.Null(analyzed.QuerySelector("#d0-dayoff"));
        Assert.Null(analyzed.QuerySelector("#d1-dayoff"));
        Assert.Contains("04/01/2031 rơi vào thứ Bảy, ngày nghỉ", analyzed.QuerySelector("#d2-dayoff")!.TextContent, StringComparison.Ordinal);

        fields = BrowserForm.Fields(analyzed, "conclusion-form");
        fields["Form.Directives[0].Deadline"] = "trước 1/1/2031";
        fields["Form.Action"] = "save";
        var saved = await BrowserForm.PostAsync(clerk, "/conclusions/new", fields);
        Assert.True(saved.StatusCode == HttpStatusCode.SeeOther, await ErrorOf(saved));

        var id = Guid.Parse(saved.Headers.Location!.OriginalString.Split('/', '?')[^1]);
        var (_, page) = await clerk.GetPageAsync($"/conclusions/{id}/edit");
        Assert.Contains("01/01/2031 rơi vào Tết Dương lịch, ngày nghỉ", page.QuerySelector("#d0-dayoff")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#d1-dayoff"));
        Assert.Contains("thứ Bảy, ngày nghỉ", page.QuerySelector("#d2-dayoff")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("05/01/2031 rơi vào Chủ nhật, ngày nghỉ", page.QuerySelector("#d3-dayoff")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("d3-dayoff", page.QuerySelector("#d3-deadline")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task NewDraft_NotFromAMeeting_StartsWithTheStandingRecipientsAndTheOfficesFile()
    {
        // "Soạn văn bản mới" from the register: the draft had an empty "Nơi nhận" and was issued with it.
        using var clerk = await app.LoginAsync("vanphong");

        var (_, page) = await clerk.GetPageAsync("/conclusions/new");

        var recipients = page.QuerySelector("#recipients")!.TextContent;
        Assert.StartsWith("Thường trực ", recipients, StringComparison.Ordinal);
        Assert.EndsWith("Lưu VPHU.", recipients.TrimEnd(), StringComparison.Ordinal);
    }

    private static DateOnly Due(int n) => new DateOnly(2031, 1, 1).AddDays(n);

    /// <summary>One section of <paramref name="count"/> items, each giving a task to the Ban Dân vận with its own deadline.</summary>
    private static string Body(int count)
    {
        var text = new StringBuilder("I. Nhiệm vụ\n");
        for (var n = 1; n <= count; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{n}. Giao Ban Dân vận Huyện ủy chủ trì rà soát việc số {n}, hoàn thành trước {Due(n):d/M/yyyy}.\n");
        }

        return text.ToString();
    }

    /// <summary><paramref name="sections"/> sections of <paramref name="items"/> items each, every item a task with its own deadline.</summary>
    private static string LongBody(int sections, int items)
    {
        var text = new StringBuilder();
        for (var s = 1; s <= sections; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{RomanNumerals.Format(s)}. Nhiệm vụ nhóm {s}\n");
            for (var n = 1; n <= items; n++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{n}. Giao Ban Dân vận Huyện ủy chủ trì rà soát việc số {n} của nhóm {s}, hoàn thành trước {Due(n):d/M/yyyy}.\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A district meeting whose invitations went out and that received one proposal from Bình Đông.</summary>
    internal static async Task<(Guid MeetingId, Guid ProposalId)> MeetingWithProposalAsync(AppFactory app)
    {
        var district = await app.UnitAsync(DemoDistrict.DistrictCode);
        Guid meetingId;
        await using (var scope = app.Scope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(null, district.Id, $"Giao ban có kiến nghị {Guid.NewGuid():N}", MeetingType.QuarterlyBriefing, MeetingMode.Online,
                new DateOnly(2030, 2, 1), new TimeOnly(8, 0), new TimeOnly(11, 0), $"Phòng họp thử {Guid.NewGuid():N}", "HU-TP-BDV", "MT-TP", null, null, "Ý kiến các đơn vị | | 60", 0),
                new AccessScope(true, null, null, true, true));
            Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
            meetingId = saved.Value!.Id;
        }

        var proposalId = await app.WithDbAsync(async db =>
        {
            var unit = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong + "-DU");
            var person = await db.People.FirstAsync(p => p.UnitId == unit.Id);
            var area = await db.Units.SingleAsync(u => u.Code == Demo.BinhDong);
            var endpoint = MeetingEndpoint.Create(meetingId, area.Id, "Điểm cầu xã Bình Đông", false);
            db.MeetingEndpoints.Add(endpoint);
            db.Invitations.Add(Invitation.Create(meetingId, endpoint.Id, new RequiredAttendee(person.Id, person.UnitId, "Bí thư", area.Id, "Thường trực Đảng ủy xã")));
            (await db.Meetings.SingleAsync(m => m.Id == meetingId)).MarkInvited(DateTimeOffset.UtcNow);
            var proposal = new Proposal
            {
                MeetingId = meetingId, UnitId = unit.Id, Title = "Kinh phí sửa nhà văn hóa ấp",
                Content = "Nhà văn hóa ấp xuống cấp.", SubmittedBy = "xa.binhdong", SubmittedAt = DateTimeOffset.UtcNow,
            };
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            return proposal.Id;
        });
        return (meetingId, proposalId);
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        $"{response.StatusCode}: {AppClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".alert-error")?.TextContent}";
}
