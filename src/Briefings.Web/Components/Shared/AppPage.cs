using Briefings.Core.Common;
using Microsoft.AspNetCore.Components;

namespace Briefings.Web.Components.Shared;

/// <summary>Base of server-rendered pages: sets the HTTP status that matches a use case's errors, so a
/// refused change answers 403 (or 409 on a conflict, 422 on bad input) and not a misleading 200.</summary>
public abstract class AppPage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext? HttpContext { get; set; }

    /// <summary>Answers with <paramref name="status"/> (403, 404, 422) unless the response has already started.</summary>
    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = status;
        }
    }

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
