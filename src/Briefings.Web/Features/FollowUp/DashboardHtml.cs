using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Briefings.Web.Features.FollowUp;

/// <summary>
/// The unfiltered dashboard's body (<see cref="DashboardBody"/>) as HTML, for the page to keep per account under the
/// page version (PageCache) and write as one block of markup: a kept dashboard then costs neither its queries nor its
/// render tree (the per-unit and per-conclusion lines, their links and bars were ~90 KB per request, issue 14.5,
/// docs/benchmarks.md "Signed-in pages, round 7"). The same component renders a filtered dashboard inline, so the
/// markup is written once. Rendered with the request's services, hence the app's HTML encoder (every Unicode letter
/// kept, markup characters encoded), as the page's own renderer does. Tests: DashboardHtmlTests.
/// </summary>
public sealed class DashboardHtml(IServiceProvider services, ILoggerFactory logs)
{
    public async Task<string> RenderAsync(FollowUpDashboard.Report report)
    {
        await using var renderer = new HtmlRenderer(services, logs);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(DashboardBody.Report)] = report });
            var root = await renderer.RenderComponentAsync<DashboardBody>(parameters);
            return root.ToHtmlString();
        });
    }
}
