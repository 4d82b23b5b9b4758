using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>The task page's report form posted as a browser posts it (multipart, the explanation left empty), and
/// with a value that cannot be read: the report is kept whole, or nothing is saved.</summary>
[Collection(AppCollection.Name)]
public sealed class TaskPageFormPostTests(AppFactory app)
{
    [Fact]
    public async Task Report_EmptyOptionalExplanation_SavedAndReadBack()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");
        var text = $"Đã triển khai ở 5 ấp {Guid.NewGuid():N}";

        var sent = await anLac.PostMultipartAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = text, ["ReportPercent"] = "40", ["ReportExplanation"] = "" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var report = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.TaskId == issued.Task(1).Id));
        Assert.Equal((text, 40), (report.Text, report.Percent));
    }

    /// <summary>Found from outside: the inbox said "Mục I.2", the task page and search "mục 2" — with sections, "mục 2"
    /// does not say which item. Every place now labels it as the conclusion numbers it.</summary>
    [Fact]
    public async Task TaskPageAndSearch_ItemOfSectionI_LabelledIPointN_AsTheInbox()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");
        var text = $"Báo cáo nhãn mục {Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await anLac.PostMultipartAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = text, ["ReportPercent"] = "10" })).StatusCode);

        var (status, page) = await anLac.GetPageAsync($"/tasks/{issued.Task(1).Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("Nhiệm vụ mục I.1 ", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        (status, page) = await anLac.GetPageAsync($"/followup/search?q={Uri.EscapeDataString(text)}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Kết luận số {issued.Task(1).ConclusionNumber}, mục I.1 ", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_PercentThatCannotBeRead_RefusedNothingSaved()
    {
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(FollowUpFixture.Today.AddDays(20))));
        using var anLac = await app.LoginAsync("xa.anlac");

        var sent = await anLac.PostMultipartAsync($"/tasks/{issued.Task(1).Id}", "report", new() { ["ReportText"] = "Đã làm một phần", ["ReportPercent"] = "bốn mươi" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        Assert.Contains("Chưa lưu gì", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.TaskReports.AnyAsync(r => r.TaskId == issued.Task(1).Id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("before-due")]
    public async Task Extend_DateAndReasonBothWrong_BothMessagesNextToTheirFieldsNothingSaved(string date)
    {
        var due = FollowUpFixture.Today.AddDays(20);
        var issued = await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(Demo.AnLac + "-UB", Deadline.By(due)));
        using var anLac = await app.LoginAsync("xa.anlac");
        var posted = date == "" ? "" : due.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var sent = await anLac.SubmitAsync($"/tasks/{issued.Task(1).Id}", "extend", new() { ["ExtendTo"] = posted, ["ExtendReason"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        var page = AppClient.Parse(await sent.Content.ReadAsStringAsync());
        Assert.NotEmpty(page.QuerySelector("#extend-date")!.ParentElement!.QuerySelectorAll(".validation-message"));
        Assert.Contains("Vui lòng nêu lý do đề nghị gia hạn.", page.QuerySelector("#extend-reason")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.TaskExtensions.AnyAsync(e => e.TaskId == issued.Task(1).Id)));
    }
}
