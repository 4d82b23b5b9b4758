using System.Globalization;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Briefings.Browser.Tests.Features;

/// <summary>
/// The whole cycle as a district office runs it, in the browser, with two communes: the clerk plans a briefing and
/// invites; An Lạc sends a proposal; the clerk drafts the conclusion from the meeting with a directive answering the
/// proposal, a collective directive to every commune's People's Committee and a quarterly one (the proposal select
/// left at "— không —" on the last two, as a browser posts it); the leader approves; the office issues. Every
/// directive becomes its tasks, every lead unit opens the document, the proposer sees the answer and its progress,
/// the next briefing of the series opens with the review, and an old conclusion brought in from history keeps its
/// own number and back-fills nothing. Runs on SQLite and, in test.sh, on PostgreSQL.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CycleLoopBrowserTests(BrowserFixture browser)
{
    // A series of its own (type, area, organizer): no other test's meeting sits between the two briefings.
    private const string Organizer = "HU-TP-BTG";

    [Fact]
    public async Task WholeCycle_TwoCommunes_EveryDirectiveBecomesTasks_LeadsOpen_ProposerSeesAnswer_NextBriefingReviews()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var today = FollowUpStatuses.LocalDate(DateTimeOffset.UtcNow);
        // Each account's browser is closed as soon as the test no longer needs it (as LiveRoomBrowserTests does), and
        // every one that is still open when the test ends, passed or failed: an open context keeps its page, its
        // scripts and its connections alive beside the next sign-in.
        var open = new List<IBrowserContext>();
        async Task<IPage> LoginAsync(string user, int width = 1280, int height = 900)
        {
            var page = await browser.LoginAsync(user, width, height);
            open.Add(page.Context);
            return page;
        }

        async Task CloseAsync(IPage page)
        {
            open.Remove(page.Context);
            await page.Context.CloseAsync();
        }

        try
        {
            var clerk = await LoginAsync("vanphong");

            // 1. Plan and invite.
            var meetingUrl = await NewMeetingAsync(clerk, $"Giao ban tuyên giáo {tag} kỳ trước", today.AddDays(-3));
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Áp dụng thành phần mời" }).ClickAsync();
            await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("điểm cầu");
            await clerk.GetByRole(AriaRole.Button, new() { Name = "Gửi giấy mời" }).ClickAsync();
            await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã gửi giấy mời");

            // 2. An Lạc sends a proposal to the Finance and Planning office.
            var anLac = await LoginAsync("xa.anlac", 360, 760);
            await anLac.GotoAsync(meetingUrl);
            await anLac.FillAsync("#p-title", $"Kinh phí Ban Thanh tra nhân dân {tag}");
            await anLac.FillAsync("#p-content", "Đề nghị huyện hỗ trợ thêm kinh phí hoạt động cho Ban Thanh tra nhân dân xã.");
            await anLac.FillAsync("#p-to", "UB-TP-TCKH");
            await anLac.GetByRole(AriaRole.Button, new() { Name = "Gửi kiến nghị" }).ClickAsync();
            await Assertions.Expect(anLac.Locator("#proposal-list")).ToContainTextAsync($"Kinh phí Ban Thanh tra nhân dân {tag}");
            // An Lạc comes back when its task arrives (step 6), as a commune does: not a browser left open beside the others.
            await CloseAsync(anLac);

            // 3. The clerk drafts the conclusion from the meeting: three directives, two with no proposal chosen.
            await clerk.GotoAsync(meetingUrl);
            await clerk.ClickAsync("#write-conclusion");
            await clerk.WaitForSelectorAsync("#conclusion-form");
            var due = today.AddDays(20);
            var month = today.AddMonths(1);
            await clerk.FillAsync("#summary", $"Giao ban tuyên giáo {tag}");
            await clerk.FillAsync("#body", string.Join('\n',
                "I. Nhiệm vụ cụ thể",
                "1. Về kiến nghị kinh phí hoạt động của Ban Thanh tra nhân dân xã: giao Phòng Tài chính - Kế hoạch huyện nghiên cứu, trả lời bằng văn bản.",
                "2. Đề nghị UBND các xã rà soát cơ sở vật chất nhà văn hóa ấp, báo cáo kết quả về Thường trực Huyện ủy.",
                "3. Ban Tuyên giáo Huyện ủy nắm tình hình tư tưởng trong cán bộ, đảng viên, báo cáo hằng quý."));
            await clerk.FillAsync("#recipients", "Thường trực Huyện ủy\nPhòng TC-KH huyện\nĐảng ủy, UBND các xã\nLưu VPHU");
            await clerk.ClickAsync("#analyze");
            await clerk.WaitForSelectorAsync("#items option[value='I.3']", new() { State = WaitForSelectorState.Attached });
            var rows = await clerk.Locator(".directive-row").CountAsync();
            Assert.True(rows >= 3, $"the editor offers {rows} directive rows");
            for (var r = 0; r < rows; r++)
            {
                // Start from clean rows: what the reader proposed is replaced by what the clerk decides.
                await clerk.FillAsync($"#d{r}-lead", "");
                await clerk.FillAsync($"#d{r}-co", "");
                await clerk.FillAsync($"#d{r}-deadline", "");
            }

            await FillRowAsync(clerk, 0, "I.1", "Phòng Tài chính - Kế hoạch huyện (UB-TP-TCKH)", $"trước {Date(due)}", "WrittenReply");
            // The meeting's proposals are listed once ("KN1", "KN2" … with their text); the row names one.
            var proposal = await clerk.Locator("#proposals option", new() { HasText = $"Kinh phí Ban Thanh tra nhân dân {tag}" }).GetAttributeAsync("value");
            await clerk.FillAsync("#d0-proposal", proposal!);
            await FillRowAsync(clerk, 1, "I.2", "UBND các xã", $"trong tháng {month.Month}/{month.Year}", "ReportBack");
            await FillRowAsync(clerk, 2, "I.3", "Ban Tuyên giáo Huyện ủy (HU-TP-BTG)", "hằng quý", "ReportBack");
            Assert.Equal("", await clerk.InputValueAsync("#d1-proposal"));
            Assert.Equal("", await clerk.InputValueAsync("#d2-proposal"));
            await clerk.SelectOptionAsync("#signer", new SelectOptionValue { Index = 1 });
            await clerk.ClickAsync("#save");
            await clerk.WaitForSelectorAsync("#draft-state");
            await Assertions.Expect(clerk.Locator("#message")).ToContainTextAsync("Đã lưu dự thảo");
            var conclusionId = Guid.Parse(clerk.Url.Split('?')[0].Split('/')[^1]);

            // Every row the clerk filled was saved, with what it held.
            var draft = await browser.App.WithDbAsync(db => db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == conclusionId));
            var directives = draft.Directives.OrderBy(d => d.ItemNumber).ToList();
            Assert.Equal([1, 2, 3], directives.Select(d => d.ItemNumber));
            Assert.NotNull(directives[0].AnswersProposalId);
            Assert.Null(directives[1].AnswersProposalId);
            Assert.True(directives[1].IsCollective, "“UBND các xã” is one collective directive");
            Assert.Equal(DeadlineKind.Quarterly, directives[2].Deadline!.Kind);

            // 4. Submit, approve, issue.
            await clerk.ClickAsync("#submit");
            await clerk.WaitForSelectorAsync("text=Đã trình ký");
            var leader = await LoginAsync("bithu");
            await leader.GotoAsync(browser.BaseUrl + $"/conclusions/{conclusionId}");
            // The leader signs on behalf of the standing committee, as the Bí thư (the signing form is recorded at approval).
            await leader.SelectOptionAsync("#approve-mode", "OnBehalf");
            await leader.FillAsync("#approve-for", "BAN THƯỜNG VỤ");
            await leader.FillAsync("#approve-title", "BÍ THƯ");
            await leader.ClickAsync("#approve");
            await leader.WaitForSelectorAsync("text=Đã duyệt");
            await CloseAsync(leader);
            await clerk.GotoAsync(browser.BaseUrl + "/conclusions/register");
            await clerk.ClickAsync($"button[name=Key][value='{conclusionId}']");
            await Assertions.Expect(clerk.Locator("#issued")).ToContainTextAsync("Đã ban hành");

            // 5. Every directive became its tasks: one for the office, one per commune, one for this quarter only.
            var (tasks, communeCommittees, anLacCommittee, binhDongCommittee) = await browser.App.WithDbAsync(async db =>
            {
                var t = await db.FollowUpTasks.AsNoTracking().Where(x => x.ConclusionId == conclusionId).ToListAsync();
                var groupIds = directives[1].GroupUnitIds;
                var a = await db.Units.Where(u => u.Code == "X-01-UB").Select(u => u.Id).SingleAsync();
                var b = await db.Units.Where(u => u.Code == "X-02-UB").Select(u => u.Id).SingleAsync();
                return (t, groupIds, a, b);
            });
            Assert.Single(tasks, t => t.ItemNumber == 1);
            Assert.Contains(anLacCommittee, communeCommittees);
            Assert.Contains(binhDongCommittee, communeCommittees);
            Assert.Equal(communeCommittees.Order(), tasks.Where(t => t.ItemNumber == 2).Select(t => t.LeadUnitId).Order());
            Assert.Single(tasks, t => t.ItemNumber == 3);

            // 6. Each commune finds its task and opens the document that assigns it.
            anLac = await LoginAsync("xa.anlac", 360, 760);
            var binhDong = await LoginAsync("xa.binhdong");
            foreach (var (commune, committee) in new[] { (anLac, anLacCommittee), (binhDong, binhDongCommittee) })
            {
                var task = tasks.Single(t => t.ItemNumber == 2 && t.LeadUnitId == committee);
                await commune.GotoAsync(browser.BaseUrl + "/tasks");
                await Assertions.Expect(commune.Locator($"#tasks li[data-id='{task.Id}']")).ToHaveCountAsync(1);
                var response = await commune.GotoAsync(browser.BaseUrl + $"/conclusions/{conclusionId}");
                Assert.Equal(200, response!.Status);
                await Assertions.Expect(commune.Locator("#document")).ToContainTextAsync("rà soát cơ sở vật chất nhà văn hóa ấp");
            }

            // Bình Đông reports on its task; An Lạc does not see Bình Đông's task.
            var binhDongTask = tasks.Single(t => t.ItemNumber == 2 && t.LeadUnitId == binhDongCommittee);
            await binhDong.GotoAsync(browser.BaseUrl + $"/tasks/{binhDongTask.Id}");
            await binhDong.FillAsync("#report-text", "Đã rà soát 4/7 nhà văn hóa ấp.");
            await binhDong.FillAsync("#report-percent", "60");
            await binhDong.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await Assertions.Expect(binhDong.Locator("#percent")).ToHaveTextAsync("60 %");
            await CloseAsync(binhDong);
            var foreign = await anLac.GotoAsync(browser.BaseUrl + $"/tasks/{binhDongTask.Id}");
            Assert.NotEqual(200, foreign!.Status);

            // 7. The proposer sees the answer and its progress on its meeting page.
            await anLac.GotoAsync(meetingUrl);
            var answer = anLac.Locator(".answer");
            await Assertions.Expect(answer).ToContainTextAsync("Kết luận số");
            await Assertions.Expect(answer).ToContainTextAsync("Chưa hoàn thành trong hạn");
            await CloseAsync(anLac);

            // 8. The next briefing of the series opens with the review of this conclusion.
            var nextUrl = await NewMeetingAsync(clerk, $"Giao ban tuyên giáo {tag} kỳ sau", today.AddDays(80));
            await Assertions.Expect(clerk.Locator("#review")).ToContainTextAsync("Tóm tắt kiểm điểm");
            await Assertions.Expect(clerk.Locator("body")).ToContainTextAsync("Kiểm điểm việc thực hiện kết luận kỳ trước");
            Assert.NotEqual(meetingUrl, nextUrl);

            // 9. An old conclusion brought in from history keeps its number and date and back-fills nothing.
            var oldNumber = $"{Random.Shared.Next(100, 999)}-KL/HU";
            await clerk.GotoAsync(browser.BaseUrl + "/conclusions/new");
            await clerk.FillAsync("#import-text", string.Join('\n',
                "HUYỆN ỦY TÂN PHONG", "*", $"Số {oldNumber}", "ĐẢNG CỘNG SẢN VIỆT NAM", "Tân Phong, ngày 11 tháng 4 năm 2017",
                "KẾT LUẬN", $"Hội nghị giao ban quý I năm 2017 {tag}",
                "I. Nhiệm vụ",
                "1. Giao Ban Dân vận Huyện ủy thường xuyên theo dõi, nắm tình hình dư luận xã hội, báo cáo Thường trực Huyện ủy.",
                "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn Cũ"));
            await clerk.ClickAsync("text=Phân tích văn bản");
            await clerk.WaitForSelectorAsync("#message");
            await clerk.ClickAsync("#save");
            await clerk.WaitForSelectorAsync("#draft-state");
            var oldId = Guid.Parse(clerk.Url.Split('?')[0].Split('/')[^1]);
            await clerk.FillAsync("#bring-number", oldNumber);
            await clerk.FillAsync("#bring-date", "11/04/2017");
            await clerk.FillAsync("#bring-signer", "Nguyễn Văn Cũ");
            await clerk.ClickAsync("#bring-in-form button[type=submit]");
            await clerk.WaitForSelectorAsync("#brought-in");
            var (old, oldTasks) = await browser.App.WithDbAsync(async db =>
                (await db.Conclusions.AsNoTracking().SingleAsync(c => c.Id == oldId),
                 await db.FollowUpTasks.AsNoTracking().Where(t => t.ConclusionId == oldId).ToListAsync()));
            Assert.Equal(oldNumber, old.Number!.ToString());
            Assert.Equal(new DateOnly(2017, 4, 11), old.IssuedOn);
            Assert.Single(oldTasks);
            await clerk.GotoAsync(browser.BaseUrl + "/conclusions/register");
            await Assertions.Expect(clerk.Locator("#history")).ToContainTextAsync(oldNumber);
            await Assertions.Expect(clerk.Locator("#register")).Not.ToContainTextAsync(oldNumber);
            await BrowserFixture.ScreenshotAsync(clerk, "cycle-register");

        }
        finally
        {
            foreach (var context in open)
            {
                await context.CloseAsync();
            }
        }
    }

    private async Task<string> NewMeetingAsync(IPage clerk, string title, DateOnly date)
    {
        await clerk.GotoAsync(browser.BaseUrl + "/meetings/new");
        await clerk.FillAsync("#title", title);
        await clerk.FillAsync("#date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await clerk.FillAsync("#start", "08:00");
        await clerk.FillAsync("#end", "11:00");
        await clerk.FillAsync("#place", $"Phòng họp {title}");
        await clerk.FillAsync("#organizer", Organizer);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(clerk.Locator("h1")).ToContainTextAsync(title);
        return clerk.Url;
    }

    private static async Task FillRowAsync(IPage page, int row, string item, string lead, string deadline, string output)
    {
        await page.FillAsync($"#d{row}-item", item);
        await page.FillAsync($"#d{row}-lead", lead);
        await page.FillAsync($"#d{row}-deadline", deadline);
        await page.SelectOptionAsync($"#d{row}-output", output);
    }

    private static string Date(DateOnly d) => d.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
}
