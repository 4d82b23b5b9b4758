using System.Globalization;
using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Infrastructure;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>What a commune's clerk sees of the office's answers on its task (found from outside, walk-clerk): a returned
/// completion request and a refused extension stood only at the bottom of the history, under two long forms on a phone;
/// an extended due day stood in the inbox beside the conclusion's "trước 2/11/2026" with nothing saying why.</summary>
[Collection(AppCollection.Name)]
public sealed class CommuneAnswersTests(AppFactory app)
{
    private static readonly string AnLacUb = Demo.AnLac + "-UB";
    private static readonly string BinhDongUb = Demo.BinhDong + "-UB";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shown(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TaskPage_OfficeReturnsCompletionAndRefusesExtension_LeadSeesBothAtTheTop_PartnerDoesNot_GoneOnceAskedAgain()
    {
        var due = FollowUpFixture.Today.AddDays(10);
        var task = (await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(AnLacUb, Deadline.By(due), [BinhDongUb]))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");
        using var clerk = await app.LoginAsync("vanphong");
        var asked = due.AddDays(30);

        var extend = await anLac.SubmitAsync($"/tasks/{task.Id}", "extend", new() { ["ExtendTo"] = Iso(asked), ["ExtendReason"] = "Chờ kết quả thẩm định của huyện." });
        var complete = await anLac.SubmitAsync($"/tasks/{task.Id}", "complete", new() { ["CompleteResult"] = "Đã rà soát xong 6 ấp." });
        var refuse = await clerk.SubmitAsync($"/tasks/{task.Id}", "decide", new() { ["Approve"] = "false", ["DecisionNote"] = "Đề nghị hoàn thành đúng hạn đã giao." });
        var giveBack = await clerk.SubmitAsync($"/tasks/{task.Id}", "review", new() { ["Decision"] = "return", ["ReviewNote"] = "Thiếu biên bản họp dân ấp Tân Hòa." });
        var (_, lead) = await anLac.GetPageAsync($"/tasks/{task.Id}");
        var (_, partner) = await binhDong.GetPageAsync($"/tasks/{task.Id}");

        Assert.All(new[] { extend, complete, refuse, giveBack }, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        var refusals = lead.QuerySelectorAll(".refusal").Select(e => e.TextContent).ToList();
        Assert.Equal(2, refusals.Count);
        // Above the task's facts and the forms, the newest answer first.
        Assert.True(lead.QuerySelector(".refusal")!.CompareDocumentPosition(lead.QuerySelector("#item")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Contains("trả lại đề nghị công nhận hoàn thành", refusals[0], StringComparison.Ordinal);
        Assert.Contains("Thiếu biên bản họp dân ấp Tân Hòa.", refusals[0], StringComparison.Ordinal);
        Assert.Contains("vanphong", refusals[0], StringComparison.Ordinal);
        Assert.Contains($"không đồng ý gia hạn đến {Shown(asked)}", refusals[1], StringComparison.Ordinal);
        Assert.Contains("Đề nghị hoàn thành đúng hạn đã giao.", refusals[1], StringComparison.Ordinal);
        Assert.Contains($"Thời hạn vẫn là {Shown(due)}", refusals[1], StringComparison.Ordinal);
        Assert.Empty(partner.QuerySelectorAll(".refusal"));

        // The clerk answers: adds what was missing and asks again; the returned request is no longer a pending answer.
        var report = await anLac.PostMultipartAsync($"/tasks/{task.Id}", "report", new() { ["ReportText"] = "Bổ sung biên bản họp dân ấp Tân Hòa.", ["ReportPercent"] = "100" },
            ("Biên bản họp dân ấp Tân Hòa.pdf", "%PDF-1.4 biên bản"u8.ToArray()));
        var (_, afterReport) = await anLac.GetPageAsync($"/tasks/{task.Id}");
        var again = await anLac.SubmitAsync($"/tasks/{task.Id}", "complete", new() { ["CompleteResult"] = "Đã rà soát xong 6 ấp, kèm biên bản." });
        var (_, afterAsking) = await anLac.GetPageAsync($"/tasks/{task.Id}");

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], new[] { report.StatusCode, again.StatusCode });
        Assert.Equal(2, afterReport.QuerySelectorAll(".refusal").Length);
        Assert.Empty(afterAsking.QuerySelectorAll(".refusal"));
        Assert.NotNull(afterAsking.QuerySelector("#awaiting"));
    }

    [Fact]
    public async Task Inbox_ExtendedTask_RowSaysTheDueDayWasExtendedFromTheConclusionsDay()
    {
        var due = FollowUpFixture.Today.AddDays(4);
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(BinhDongUb, Deadline.By(due)), new FollowUpFixture.Spec(BinhDongUb, Deadline.By(due)));
        var (extended, kept) = (issued.Task(1), issued.Task(2));
        using var binhDong = await app.LoginAsync("xa.binhdong");
        using var clerk = await app.LoginAsync("vanphong");
        var newDue = due.AddDays(33);

        var asked = await binhDong.SubmitAsync($"/tasks/{extended.Id}", "extend", new() { ["ExtendTo"] = Iso(newDue), ["ExtendReason"] = "Mưa lũ kéo dài." });
        var approved = await clerk.SubmitAsync($"/tasks/{extended.Id}", "decide", new() { ["Approve"] = "true" });
        var (_, inbox) = await binhDong.GetPageAsync("/tasks");

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], new[] { asked.StatusCode, approved.StatusCode });
        var row = inbox.QuerySelector($"li.task[data-id='{extended.Id}'] .due")!.TextContent;
        Assert.Contains($"Hạn {Shown(newDue)}", row, StringComparison.Ordinal);
        Assert.Contains($"(đã gia hạn từ {Shown(due)})", row, StringComparison.Ordinal);
        Assert.DoesNotContain("gia hạn", inbox.QuerySelector($"li.task[data-id='{kept.Id}'] .due")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The inbox row says what the task page's red box says (walk-clerk left it out of the row): the lead unit
    /// sees which of its tasks had a completion request returned or an extension refused, without opening each; the
    /// coordinating commune does not; the mark goes once the unit asks again.</summary>
    [Fact]
    public async Task Inbox_CompletionReturnedAndExtensionRefused_LeadsRowsSaySo_PartnerNot_GoneOnceAskedAgain()
    {
        var due = FollowUpFixture.Today.AddDays(10);
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(AnLacUb, Deadline.By(due), [BinhDongUb]),
            new FollowUpFixture.Spec(AnLacUb, Deadline.By(due)), new FollowUpFixture.Spec(AnLacUb, Deadline.By(due)));
        var (returned, untouched, refused) = (issued.Task(1), issued.Task(2), issued.Task(3));
        using var anLac = await app.LoginAsync("xa.anlac");
        using var binhDong = await app.LoginAsync("xa.binhdong");
        using var clerk = await app.LoginAsync("vanphong");

        var answers = new[]
        {
            await anLac.SubmitAsync($"/tasks/{returned.Id}", "complete", new() { ["CompleteResult"] = "Đã rà soát xong 6 ấp." }),
            await clerk.SubmitAsync($"/tasks/{returned.Id}", "review", new() { ["Decision"] = "return", ["ReviewNote"] = "Thiếu biên bản họp dân." }),
            await anLac.SubmitAsync($"/tasks/{refused.Id}", "extend", new() { ["ExtendTo"] = Iso(due.AddDays(30)), ["ExtendReason"] = "Chờ kết quả thẩm định." }),
            await clerk.SubmitAsync($"/tasks/{refused.Id}", "decide", new() { ["Approve"] = "false", ["DecisionNote"] = "Hoàn thành đúng hạn." }),
        };
        var (_, lead) = await anLac.GetPageAsync("/tasks");
        var (_, partner) = await binhDong.GetPageAsync("/tasks");

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        string Marks(AngleSharp.Dom.IDocument page, Guid id) =>
            string.Join(" | ", page.QuerySelectorAll($"li.task[data-id='{id}'] .refusal").Select(e => e.TextContent));
        Assert.Equal("Bị trả lại đề nghị hoàn thành", Marks(lead, returned.Id));
        Assert.Equal("Không được gia hạn", Marks(lead, refused.Id));
        Assert.Equal("", Marks(lead, untouched.Id));
        Assert.NotNull(partner.QuerySelector($"li.task[data-id='{returned.Id}']"));
        Assert.Equal("", Marks(partner, returned.Id));

        var again = await anLac.SubmitAsync($"/tasks/{returned.Id}", "complete", new() { ["CompleteResult"] = "Đã rà soát xong 6 ấp, kèm biên bản." });
        var askedAgain = await anLac.SubmitAsync($"/tasks/{refused.Id}", "extend", new() { ["ExtendTo"] = Iso(due.AddDays(5)), ["ExtendReason"] = "Thêm 5 ngày để họp dân." });
        var (_, after) = await anLac.GetPageAsync("/tasks");

        Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.SeeOther], new[] { again.StatusCode, askedAgain.StatusCode });
        Assert.Equal("", Marks(after, returned.Id));
        Assert.Equal("", Marks(after, refused.Id));
    }
}
