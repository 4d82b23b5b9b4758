using System.Globalization;
using System.Net;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Web.Tests.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Tests.HostileInput;

/// <summary>
/// The office's two answers on a task posted from outside without the button that says which answer (walk-review):
/// the review's "Decision" and the extension's "Approve". No browser sends such a post, but a forged or truncated one
/// was read as the harsher answer — a completion request returned, an extension refused — whenever a note was given.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReviewPostsTests(AppFactory app)
{
    private static readonly string AnLacUb = Demo.AnLac + "-UB";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tra-lai")]
    public async Task ReviewCompletion_PostedWithoutAKnownDecision_RefusedInVietnameseNothingChangedNothingAudited(string? decision)
    {
        var task = (await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(AnLacUb, Deadline.By(FollowUpFixture.Today.AddDays(10))))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");
        var asked = await anLac.SubmitAsync($"/tasks/{task.Id}", "complete", new() { ["CompleteResult"] = "Đã rà soát xong 6 ấp." });
        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        var before = await AuditCountAsync(task.Id);

        var fields = new Dictionary<string, string> { ["ReviewNote"] = "Thiếu biên bản họp dân." };
        if (decision is not null)
        {
            fields["Decision"] = decision;
        }

        var posted = await clerk.SubmitAsync($"/tasks/{task.Id}", "review", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        var page = AppClient.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng chọn «Công nhận hoàn thành» hoặc «Trả lại»", page.Body!.TextContent, StringComparison.Ordinal);
        // The typed note is kept for the office to post again with a button.
        Assert.Equal("Thiếu biên bản họp dân.", page.QuerySelector("#review-note")!.TextContent);
        var stored = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.Equal(TaskState.AwaitingConfirmation, stored.State);
        Assert.NotNull(stored.PendingCompletionId);
        var request = await app.WithDbAsync(db => db.TaskReports.AsNoTracking().SingleAsync(r => r.Id == stored.PendingCompletionId));
        Assert.Equal(ReviewOutcome.Pending, request.Review);
        Assert.Equal(before, await AuditCountAsync(task.Id));
    }

    [Fact]
    public async Task DecideExtension_PostedWithoutApprove_RefusedInVietnameseRequestStillPendingNothingAudited()
    {
        var due = FollowUpFixture.Today.AddDays(10);
        var task = (await FollowUpFixture.IssueAsync(app, new FollowUpFixture.Spec(AnLacUb, Deadline.By(due)))).Task(1);
        using var anLac = await app.LoginAsync("xa.anlac");
        using var clerk = await app.LoginAsync("vanphong");
        var asked = await anLac.SubmitAsync($"/tasks/{task.Id}", "extend", new() { ["ExtendTo"] = Iso(due.AddDays(30)), ["ExtendReason"] = "Chờ kết quả thẩm định." });
        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        var before = await AuditCountAsync(task.Id);

        var posted = await clerk.SubmitAsync($"/tasks/{task.Id}", "decide", new() { ["DecisionNote"] = "Đề nghị hoàn thành đúng hạn." });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, posted.StatusCode);
        Assert.Contains("Vui lòng chọn «Đồng ý gia hạn» hoặc «Không đồng ý»", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.FollowUpTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id));
        Assert.NotNull(stored.PendingExtensionId);
        Assert.Equal(due, stored.DueOn);
        var extension = await app.WithDbAsync(db => db.TaskExtensions.AsNoTracking().SingleAsync(e => e.Id == stored.PendingExtensionId));
        Assert.Equal(ExtensionState.Pending, extension.State);
        Assert.Equal(before, await AuditCountAsync(task.Id));
    }

    private Task<int> AuditCountAsync(Guid taskId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityId == taskId.ToString()));
}
