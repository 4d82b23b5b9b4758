using Briefings.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Briefings.Web.Components.Shared;

/// <summary>Base of server-rendered pages: sets the HTTP status that matches a use case's errors, so a
/// refused change answers 403 (or 409 on a conflict, 422 on bad input) and not a misleading 200.</summary>
public abstract class AppPage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext? HttpContext { get; set; }

    /// <summary>What form binding could not read from the post (the framework's record, per form name).</summary>
    /// <remarks>Protected, not private: the renderer finds parameters of a base class only when derived classes see them.</remarks>
    [CascadingParameter]
    protected FormMappingContext? FormMapping { get; set; }

    /// <summary>
    /// Why the post of the form <paramref name="formName"/> must not be saved, or an empty list: a value that could
    /// not be read into its field (a forged option, text where an id or a number belongs). Binding leaves such a
    /// field empty — and drops a whole row of a list — so saving would silently lose what was sent. Every page
    /// calls this first in its submit handler and saves nothing when it answers; the status becomes 422.
    /// <para>One exception: an empty value (""), as an optional select left at "— không —" or an optional number
    /// left blank posts it, means "none" — the field stays empty and nothing else is lost. (The framework files
    /// all of a form's errors under the form's parameter, one message per value, the value as the message's first
    /// argument.) Inside a list the framework drops the row even for an empty value, so lists never use a field
    /// type that cannot take "": optional ids there are text (see <c>DirectiveRow.AnswersProposalId</c>).</para>
    /// </summary>
    protected IReadOnlyList<Error> UnreadValues(string formName)
    {
        var values = (FormMapping is null ? [] : FormMapping.GetAllErrors(formName).Concat(FormMapping.GetAllErrors()))
            .SelectMany(e => e.ErrorMessages)
            .Select(m => m.ArgumentCount > 0 ? m.GetArgument(0)?.ToString() ?? "" : m.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(v => v.Length > 0)
            .Distinct()
            .ToList();
        if (values.Count == 0)
        {
            return [];
        }

        var shown = string.Join(", ", values.Take(5).Select(v => $"“{Shorten(v)}”"));
        IReadOnlyList<Error> errors = [new Error($"Một số giá trị gửi lên không đọc được ({shown}{(values.Count > 5 ? ", …" : "")}). Chưa lưu gì: hãy chọn lại các ô đó trong danh sách rồi lưu lại.")];
        SetStatus(StatusCodes.Status422UnprocessableEntity);
        return errors;
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>Answers with <paramref name="status"/> (403, 404, 422) unless the response has already started.</summary>
    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = status;
        }
    }

    /// <summary>
    /// Ends a successful post with a redirect (Post/Redirect/Get): 303 to <paramref name="to"/> (relative to the
    /// app's base, e.g. "tasks/…"; by default the page that was posted), where <paramref name="notice"/> is shown once
    /// (see <see cref="PageNotice"/>). A reload or Back then repeats a GET, never the post. Failed posts do not call
    /// this: they render in place with what the user typed and the messages next to the fields.
    /// </summary>
    protected void RedirectWithNotice(string notice, string? to = null, string? secret = null)
    {
        if (HttpContext is { } http)
        {
            Redirect(http, to, path => PageNotice.Leave(http, path, new PageNotice(notice, secret)));
        }
    }

    /// <summary>
    /// Runs a form that creates a record, once per form (see <see cref="FormOnce"/>): <paramref name="create"/> answers
    /// where to go and what to say, or null when it refused (the page shows its messages). The first post's redirect
    /// and notice also answer every later post of the same form (a double tap, a retry), which creates nothing.
    /// </summary>
    protected async Task CreateOnceAsync(Func<Task<FormOnce.Created?>> create)
    {
        if (HttpContext is not { } http)
        {
            return;
        }

        var navigation = http.RequestServices.GetRequiredService<NavigationManager>();
        var here = navigation.ToBaseRelativePath(navigation.Uri);
        if (await http.RequestServices.GetRequiredService<FormOnce>().RunAsync(http, async () => await create() is { } c ? c with { To = c.To ?? here } : null) is { } outcome)
        {
            RedirectTo(outcome);
        }
    }

    /// <summary>Ends a post with a form's outcome (<see cref="FormOnce"/>): 303 to its target, its notice shown once there.</summary>
    protected void RedirectTo(FormOnce.Outcome outcome)
    {
        if (HttpContext is { } http)
        {
            Redirect(http, outcome.To, path => PageNotice.LeaveProtected(http, path, outcome.ProtectedNotice));
        }
    }

    private static void Redirect(HttpContext http, string? to, Action<string> leaveNotice)
    {
        var navigation = http.RequestServices.GetRequiredService<NavigationManager>();
        var target = navigation.ToAbsoluteUri(to ?? navigation.Uri);
        leaveNotice(target.AbsolutePath);
        // The framework answers a navigation during a static render with 302; a post is answered with 303 See Other,
        // the status that means "now GET this" for every client.
        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status302Found)
            {
                http.Response.StatusCode = StatusCodes.Status303SeeOther;
            }

            return Task.CompletedTask;
        });
        // AbsoluteUri keeps the query escaped as it was sent (ToString() would unescape "%26" into a second "&").
        navigation.NavigateTo(target.AbsoluteUri);
    }

    /// <summary>The notice a redirect left for this page (shown once), or null.</summary>
    protected PageNotice? TakeNotice() => HttpContext is { } http ? PageNotice.Take(http) : null;

    protected void SetStatusFor(IReadOnlyList<Error> errors)
    {
        if (HttpContext is not { Response.HasStarted: false } http || errors.Count == 0)
        {
            return;
        }

        http.Response.StatusCode = errors.Contains(Error.Forbidden) ? StatusCodes.Status403Forbidden
            : errors.Contains(Error.NotFound) ? StatusCodes.Status404NotFound
            : errors.Contains(Error.Conflict) ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
    }
}
