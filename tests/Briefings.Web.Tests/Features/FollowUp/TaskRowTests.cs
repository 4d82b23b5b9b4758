using Briefings.Core.FollowUp;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Briefings.Web.Tests.Features.FollowUp;

/// <summary>One task row of the lists (TaskRow.Item), as the app's own renderer writes it (issue 14.5): the row's
/// markup is the same HTML the Razor row wrote before it became one pre-encoded block (the expected strings were
/// taken from that Razor row), and text a user typed
/// (an item, a unit's name, a deadline) is encoded, never markup.</summary>
[Collection(AppCollection.Name)]
public sealed class TaskRowTests(AppFactory app)
{
    private static readonly Guid TaskId = Guid.Parse("11111111-2222-3333-4444-555555555555");
    private static readonly Guid ConclusionId = Guid.Parse("66666666-7777-8888-9999-000000000000");

    [Fact]
    public async Task Item_CoordinatingRowWithEveryTag_SameHtmlAsTheRazorRow()
    {
        var row = new BrowseTasks.Row(TaskId, ConclusionId, "12/KL-UBND", 4, "Hoàn thành rà soát hộ nghèo trên địa bàn xã", "UBND xã An Lạc", IsLead: false,
            "trước ngày 30/6", null, new DateOnly(2026, 6, 30), 40, TaskState.AwaitingConfirmation, ExtensionPending: true, FollowUpStatus.OpenOverdue, SectionOrder: 2);

        var html = await RenderAsync(row, showLead: true, markCoordinating: true);

        Assert.Equal(Expected.Coordinating, html);
    }

    [Fact]
    public async Task Item_NoticeOfConclusions_NamedThongBaoNotKetLuan()
    {
        // A "Thông báo kết luận" (TB) is listed under its own type, as the inbox and its notices name it.
        var row = new BrowseTasks.Row(TaskId, ConclusionId, "01-TB/HU", 2, "Niêm yết công khai thủ tục hành chính", "UBND xã An Lạc", IsLead: true,
            "trước 16/1/2027", null, new DateOnly(2027, 1, 16), 20, TaskState.Open, ExtensionPending: false, FollowUpStatus.OpenOnTime, SectionOrder: 1);

        var html = await RenderAsync(row, showLead: true, markCoordinating: true);

        Assert.Contains(">Thông báo số 01-TB/HU</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kết luận số", html, StringComparison.Ordinal);
        Assert.Equal("Kết luận số 04-KL/HU", FollowUpText.Document("04-KL/HU"));
    }

    [Fact]
    public async Task Item_HostileTextInEveryField_EncodedNotMarkup()
    {
        var row = new BrowseTasks.Row(TaskId, ConclusionId, "9/KL-<b>x</b>", 1, "<script>alert(\"x\")</script> & 'q' +1", "<img src=x onerror=alert(1)>", IsLead: true,
            "\"trích\" & <i>ngay</i>", "Kỳ <u>tháng</u> & \"quý\"", null, 0, TaskState.Open, ExtensionPending: false, FollowUpStatus.OpenOnTime);

        var html = await RenderAsync(row, showLead: true, markCoordinating: true);

        Assert.Equal(Expected.Hostile, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Item_NoDueDayNoPeriodNoLead_WithoutDueLeadOrTags()
    {
        var row = new BrowseTasks.Row(TaskId, ConclusionId, "3/KL", 7, new string('a', 300), "UBND xã An Lạc", IsLead: true,
            "", null, null, 100, TaskState.Open, ExtensionPending: false, FollowUpStatus.OpenOnTime);

        var html = await RenderAsync(row, showLead: false);

        Assert.Equal(Expected.Bare, html);
    }

    private async Task<string> RenderAsync(BrowseTasks.Row row, bool showLead, bool markCoordinating = false)
    {
        // The app's own services: its HTML encoder is the one the pages are written with.
        await using var renderer = new HtmlRenderer(app.Services, app.Services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // As the lists write it: the fragment inside a component's render tree.
            var output = await renderer.RenderComponentAsync<LayoutView>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(LayoutView.ChildContent)] = TaskRow.Item(row, showLead, markCoordinating),
            }));
            return output.ToHtmlString();
        });
        return html;
    }

    private static class Expected
    {
        public const string Coordinating =
            "<li class=\"task\" data-id=\"11111111-2222-3333-4444-555555555555\"><div class=\"task-head\"><span class=\"badge badge-overdue\">Chưa hoàn thành quá hạn</span><span class=\"due\">Hạn <strong>30/06/2026</strong></span><span class=\"pct\" title=\"Tỷ lệ hoàn thành\">40 %</span></div>\n"
            + "        <a class=\"task-title\" href=\"tasks/11111111-2222-3333-4444-555555555555\">Mục II.4: Hoàn thành rà soát hộ nghèo trên địa bàn xã</a>\n"
            + "        <div class=\"task-meta muted small\"><span><a href=\"conclusions/66666666-7777-8888-9999-000000000000\">Kết luận số 12/KL-UBND</a></span><span>thời hạn: trước ngày 30/6</span><span>chủ trì: UBND xã An Lạc</span><span class=\"tag tag-muted\">Đơn vị phối hợp</span><span class=\"tag\">Chờ xác nhận hoàn thành</span><span class=\"tag\">Đề nghị gia hạn</span></div></li>";
        public const string Hostile =
            "<li class=\"task\" data-id=\"11111111-2222-3333-4444-555555555555\"><div class=\"task-head\"><span class=\"badge badge-open\">Chưa hoàn thành trong hạn</span><span class=\"due\">Kỳ &lt;u&gt;tháng&lt;/u&gt; &amp; &quot;quý&quot;</span><span class=\"pct\" title=\"Tỷ lệ hoàn thành\">0 %</span></div>\n"
            + "        <a class=\"task-title\" href=\"tasks/11111111-2222-3333-4444-555555555555\">Mục 1: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;q&#x27; &#x2B;1</a>\n"
            + "        <div class=\"task-meta muted small\"><span><a href=\"conclusions/66666666-7777-8888-9999-000000000000\">Kết luận số 9/KL-&lt;b&gt;x&lt;/b&gt;</a></span><span>thời hạn: &quot;trích&quot; &amp; &lt;i&gt;ngay&lt;/i&gt;</span><span>chủ trì: &lt;img src=x onerror=alert(1)&gt;</span></div></li>";
        public static readonly string Bare =
            "<li class=\"task\" data-id=\"11111111-2222-3333-4444-555555555555\"><div class=\"task-head\"><span class=\"badge badge-open\">Chưa hoàn thành trong hạn</span><span class=\"pct\" title=\"Tỷ lệ hoàn thành\">100 %</span></div>\n"
            + "        <a class=\"task-title\" href=\"tasks/11111111-2222-3333-4444-555555555555\">Mục 7: " + new string('a', 220) + " …</a>\n"
            + "        <div class=\"task-meta muted small\"><span><a href=\"conclusions/66666666-7777-8888-9999-000000000000\">Kết luận số 3/KL</a></span></div></li>";
    }
}
