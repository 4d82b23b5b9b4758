using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// The JSON API door of the conclusion reader: <c>POST /api/conclusions/parse</c> with
/// <c>{"text": "...", "issuerUnitId": "..."}</c> answers the same JSON as the command line, its phrases matched to
/// the units the issuer can assign to. Only office staff who draft conclusions (an account that edits units and
/// has an issuing body in its scope, as the editor asks); anyone else gets 403. Nothing is stored.
/// </summary>
public sealed class ParseConclusionText(ConclusionEditor editor, IOptions<ConclusionOptions> options)
{
    public sealed record Request(string? Text, Guid? IssuerUnitId);

    public async Task<Result<ConclusionParseJson.FileJson>> RunAsync(Request request, UserContext? user, CancellationToken ct = default)
    {
        if (user is null || !user.Scope.CanEditUnits)
        {
            return Error.Forbidden;
        }

        var issuers = await editor.IssuersAsync(user, ct);
        var issuer = request.IssuerUnitId is { } wanted ? issuers.FirstOrDefault(i => i.Id == wanted) : issuers.FirstOrDefault();
        if (issuer is null)
        {
            return Error.Forbidden;
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return new Error("Vui lòng gửi nội dung văn bản (trường \"text\").", "text");
        }

        var read = ConclusionReader.TryRead(request.Text, options.Value.Reader(), ct);
        if (!read.Succeeded)
        {
            return Result<ConclusionParseJson.FileJson>.Fail([.. read.Errors.Select(e => e with { Field = "text" })]);
        }

        var context = await editor.LoadAsync(user, issuer.Id, null, ct);
        var codes = context.Units.ToDictionary(u => u.Id, u => u.Code);
        return Result<ConclusionParseJson.FileJson>.Ok(
            ConclusionParseJson.Of("api", read.Value!, PrepareConclusionForm.MatcherFor(context.Units), u => (u.Id.ToString(), codes.GetValueOrDefault(u.Id))));
    }

    public static async Task<IResult> HandleAsync(Request request, CurrentUser current, ParseConclusionText parse, CancellationToken ct)
    {
        var result = await parse.RunAsync(request, await current.GetAsync(ct), ct);
        if (result.Succeeded)
        {
            return TypedResults.Json(result.Value, ConclusionParseJson.Options);
        }

        var status = result.Errors.Contains(Error.Forbidden) ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity;
        return TypedResults.Json(new { errors = result.Errors.Select(e => new { message = e.Message, field = e.Field }) }, ConclusionParseJson.Options, statusCode: status);
    }
}
