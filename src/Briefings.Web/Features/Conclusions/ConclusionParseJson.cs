using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Briefings.Core.Conclusions;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// The JSON of a reading, the same for the JSON API and the command line:
/// <c>{"file": …, "directives": [{"sentence", "assignees", "lead", "coordinating", "collective", "matched":
/// [{"phrase", "unitId", "unitCode", "unitName"}], "deadlineText", "deadlineKind", "due", "reportRequired"}]}</c>.
/// <c>matched</c> is empty without a directory; a phrase that matches no unit is left out of it (it stays in
/// <c>assignees</c> as written), and a collective phrase is never matched to one unit. <c>unitId</c> is the unit's id
/// in the app (null only from a directory file made without the id column), <c>unitCode</c> its code.
/// </summary>
public static class ConclusionParseJson
{
    public sealed record MatchedUnit(string Phrase, string? UnitId, string? UnitCode, string UnitName);

    public sealed record DirectiveJson(
        string Sentence,
        IReadOnlyList<string> Assignees,
        string Lead,
        IReadOnlyList<string> Coordinating,
        IReadOnlyList<string> Collective,
        IReadOnlyList<MatchedUnit> Matched,
        string? DeadlineText,
        string? DeadlineKind,
        string? Due,
        bool ReportRequired);

    public sealed record FileJson(string File, IReadOnlyList<DirectiveJson> Directives);

    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <param name="unitOf">A matched unit's id in the app and its code.</param>
    public static FileJson Of(string file, ConclusionReading reading, UnitMatcher? matcher, Func<UnitCandidate, (string? Id, string? Code)> unitOf) =>
        new(file, [.. reading.Directives.Select(d => new DirectiveJson(
            d.Sentence,
            d.Assignees,
            d.Lead,
            d.Coordinating,
            d.Collective,
            matcher is null ? [] : [.. d.Assignees.Distinct(StringComparer.Ordinal).Where(a => !ConclusionReader.IsCollective(a))
                .Select(a => (Phrase: a, Unit: matcher.Match(a, reading.IssuerLevel)))
                .Where(m => m.Unit is not null)
                .Select(m => (m.Phrase, m.Unit!.Unit, Key: unitOf(m.Unit.Unit)))
                .Select(m => new MatchedUnit(m.Phrase, m.Key.Id, m.Key.Code, m.Unit.Name))],
            d.DeadlineText,
            d.Deadline?.Kind.ToString(),
            d.Deadline?.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.ReportRequired))]);
}
