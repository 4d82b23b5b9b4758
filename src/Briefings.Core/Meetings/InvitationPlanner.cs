using Briefings.Core.Organizations;

namespace Briefings.Core.Meetings;

/// <summary>A person the composition requires, and the endpoint (meeting room) they attend from.</summary>
public sealed record RequiredAttendee(Guid PersonId, Guid UnitId, string Title, Guid EndpointAreaId, string RuleLabel, bool Required = true);

/// <summary>
/// Applies composition rules to the directory under a body's area: body-level rules to the units of the
/// area itself (not those inside its sub-areas), below-level rules to everything inside each sub-area. Each
/// sub-area (a commune) is one endpoint; the body's area is the host endpoint. A person is invited once, for
/// the first position that matches, and only for a position inside the area that manages their record.
/// </summary>
public static class InvitationPlanner
{
    public sealed record UnitInfo(Guid Id, Guid? ParentId, UnitKind Kind, string Path, bool Retired);

    /// <param name="HomePath">Path of the unit whose records hold the person (who manages them). A position
    /// counts only inside the area that manages the person: a commune's staff may have given someone a post in
    /// another commune's unit, which must not make them that commune's invitee.</param>
    public sealed record PersonInfo(Guid Id, bool Retired, IReadOnlyList<(Guid UnitId, string Title)> Positions, string? HomePath = null);

    public static IReadOnlyList<RequiredAttendee> Plan(Unit area, IReadOnlyList<CompositionRule> rules, IReadOnlyList<UnitInfo> unitsInArea, IReadOnlyList<PersonInfo> people)
    {
        var byId = unitsInArea.ToDictionary(u => u.Id);
        var subAreas = unitsInArea.Where(u => u.ParentId == area.Id && u.Kind == UnitKind.Area && !u.Retired).ToList();

        // The endpoint of a unit: the sub-area whose path prefixes its path, or the body's own area.
        Guid? EndpointOf(UnitInfo unit)
        {
            if (unit.Retired)
            {
                return null;
            }

            foreach (var sub in subAreas)
            {
                if (unit.Path.StartsWith(sub.Path, StringComparison.Ordinal))
                {
                    return sub.Id;
                }
            }

            return unit.Path.StartsWith(area.Path, StringComparison.Ordinal) ? area.Id : null;
        }

        var result = new List<RequiredAttendee>();
        foreach (var person in people)
        {
            if (person.Retired)
            {
                continue;
            }

            foreach (var (unitId, title) in person.Positions)
            {
                if (!byId.TryGetValue(unitId, out var unit) || EndpointOf(unit) is not { } endpoint)
                {
                    continue;
                }

                var endpointPath = endpoint == area.Id ? area.Path : byId[endpoint].Path;
                if (person.HomePath is { } home && !home.StartsWith(endpointPath, StringComparison.Ordinal))
                {
                    continue;
                }

                var level = endpoint == area.Id ? CompositionLevel.Body : CompositionLevel.Below;
                var rule = rules.FirstOrDefault(r => r.Level == level && r.Matches(unit.Kind, title));
                if (rule is not null)
                {
                    result.Add(new RequiredAttendee(person.Id, unitId, title, endpoint, rule.Label, rule.Required));
                    break;
                }
            }
        }

        return result;
    }
}
