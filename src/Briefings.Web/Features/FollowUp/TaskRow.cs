using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Briefings.Core.FollowUp;
using Microsoft.AspNetCore.Components;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// One task in a list: due day, status, the item's text, the conclusion it comes from. The lists (inbox, dashboard
/// drill-down, search) write it inline as ONE block of markup, encoded here with the app's HTML encoder (every
/// Unicode letter kept, markup characters encoded, as the pages' renderer does): written as Razor, each row was some
/// forty render-tree frames and text chunks, the largest share of what a 60-row inbox allocated under load
/// (issue 14.5, docs/benchmarks.md "Signed-in pages, round 3"). Tests: TaskRowTests (the same HTML as the Razor row,
/// hostile text encoded).
/// </summary>
public static class TaskRow
{
    // The encoder the app configures for its pages (WebUiSetup: WebEncoderOptions with UnicodeRanges.All).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    [ThreadStatic]
    private static StringBuilder? cached;

    /// <summary>The row's markup, for lists to write inline.</summary>
    public static RenderFragment Item(BrowseTasks.Row row, bool showLead, bool markCoordinating = false)
    {
        var markup = Markup(row, showLead, markCoordinating);
        return builder => builder.AddMarkupContent(0, markup);
    }

    /// <summary>The rows' HTML one after the other, as a list writes them with <see cref="Item"/> (the inbox keeps it
    /// in <see cref="Infrastructure.PageCache"/>).</summary>
    public static string Markup(IReadOnlyList<BrowseTasks.Row> rows, bool showLead, bool markCoordinating = false)
    {
        var all = new StringBuilder(rows.Count * 900);
        foreach (var row in rows)
        {
            all.Append(Markup(row, showLead, markCoordinating));
        }

        return all.ToString();
    }

    /// <summary>The row's HTML: every value from the database encoded.</summary>
    public static string Markup(BrowseTasks.Row row, bool showLead, bool markCoordinating = false)
    {
        var s = cached ?? new StringBuilder(2048);
        cached = null;
        s.Clear();
        var id = row.Id.ToString();
        s.Append("<li class=\"task\" data-id=\"").Append(Html.Encode(id)).Append("\"><div class=\"task-head\"><span class=\"")
            .Append(Html.Encode(FollowUpText.Badge(row.Status))).Append("\">").Append(Html.Encode(row.Status.Label())).Append("</span>");
        if (row.DueOn is { } due)
        {
            s.Append("<span class=\"due\">Hạn <strong>").Append(Html.Encode(FollowUpText.Date(due))).Append("</strong>");
            if (row.DueDayOff is { } off)
            {
                s.Append(" <span class=\"due-off\">(").Append(Html.Encode(Meetings.HolidayStore.DayOffText(off))).Append(")</span>");
            }

            if (row.ExtendedFrom is { } from)
            {
                s.Append(" <span class=\"extended\">(đã gia hạn từ ").Append(Html.Encode(FollowUpText.Date(from))).Append(")</span>");
            }

            s.Append("</span>");
        }
        else if (row.PeriodLabel is { } period)
        {
            s.Append("<span class=\"due\">").Append(Html.Encode(period)).Append("</span>");
        }

        s.Append("<span class=\"pct\" title=\"Tỷ lệ hoàn thành\">").Append(row.Percent.ToString(CultureInfo.InvariantCulture)).Append(" %</span></div>\n        ")
            .Append("<a class=\"task-title\" href=\"tasks/").Append(Html.Encode(id)).Append("\">Mục ").Append(Html.Encode(row.Item)).Append(": ")
            .Append(Html.Encode(FollowUpText.Excerpt(row.ItemText))).Append("</a>\n        ")
            .Append("<div class=\"task-meta muted small\"><span><a href=\"conclusions/").Append(Html.Encode(row.ConclusionId.ToString())).Append("\">")
            .Append(Html.Encode(FollowUpText.Document(row.ConclusionNumber))).Append("</a></span>");
        if (row.DeadlineText.Length > 0)
        {
            s.Append("<span>thời hạn: ").Append(Html.Encode(row.DeadlineText)).Append("</span>");
        }

        if (showLead)
        {
            s.Append("<span>chủ trì: ").Append(Html.Encode(row.LeadUnitName)).Append("</span>");
        }

        if (markCoordinating && !row.IsLead)
        {
            s.Append("<span class=\"tag tag-muted\">Đơn vị phối hợp</span>");
        }

        if (row.State == TaskState.AwaitingConfirmation)
        {
            s.Append("<span class=\"tag\">Chờ xác nhận hoàn thành</span>");
        }

        if (row.ExtensionPending)
        {
            s.Append("<span class=\"tag\">Đề nghị gia hạn</span>");
        }

        // The office's answer the lead unit has to act on (the task page says why at the top).
        if (row.IsLead && row.CompletionReturned)
        {
            s.Append("<span class=\"tag refusal\">Bị trả lại đề nghị hoàn thành</span>");
        }

        if (row.IsLead && row.ExtensionRefused)
        {
            s.Append("<span class=\"tag refusal\">Không được gia hạn</span>");
        }

        s.Append("</div></li>");
        var html = s.ToString();
        cached = s;
        return html;
    }
}
