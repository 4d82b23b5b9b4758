namespace Briefings.Core.Organizations;

/// <summary>
/// What part of the organization tree an account may see and change.
/// <list type="bullet">
/// <item>Admin: everything.</item>
/// <item>Clerk and Leader: the whole area their unit serves — the subtree of the nearest
/// <see cref="UnitKind.Area"/> above (or at) their unit. The district office clerk sees the district
/// and its communes; a commune's clerk sees that commune. The office and leaders of the Front or an
/// organization see that body and what is below it, not the area.</item>
/// <item>Unit staff and technicians: their own unit only, or their unit and the units below it when
/// that is granted on the account.</item>
/// </list>
/// Clerks and admins change the tree; unit staff change the people of their scope; leaders and
/// technicians read.
/// </summary>
public sealed record AccessScope(bool All, string? SubtreePath, Guid? SingleUnitId, bool CanEditUnits, bool CanEditPeople)
{
    public static AccessScope None { get; } = new(false, null, null, false, false);

    public static AccessScope For(IReadOnlyCollection<string> roles, Unit unit, IReadOnlyList<Unit> ancestors, bool includeSubunits)
    {
        if (roles.Contains(Roles.Admin))
        {
            return new AccessScope(true, null, null, true, true);
        }

        var area = unit.Kind == UnitKind.Area
            ? unit
            : ancestors.Where(a => a.Kind == UnitKind.Area).MaxBy(a => a.Depth) ?? unit;
        if (roles.Contains(Roles.Clerk) || roles.Contains(Roles.Leader))
        {
            var clerk = roles.Contains(Roles.Clerk);

            // The office and leaders of the Front or an organization (a body of the area outside the party) oversee
            // that body, not the area: the Front's clerk drafting as "Huyện ủy", reading the party committee's drafts
            // or editing its directory was the area office's scope given to another body.
            var body = MassBody(unit, ancestors, area);
            return body is null
                ? new AccessScope(false, area.Path, null, clerk, clerk) { AreaPath = area.Path }
                : new AccessScope(false, body.Path, null, clerk, clerk) { AreaPath = area.Path };
        }

        var staff = roles.Contains(Roles.UnitStaff);
        if (staff || roles.Contains(Roles.Technician))
        {
            return includeSubunits
                ? new AccessScope(false, unit.Path, null, false, staff) { AreaPath = area.Path }
                : new AccessScope(false, null, unit.Id, false, staff) { AreaPath = area.Path };
        }

        return None;
    }

    /// <summary>The Front or organization the unit belongs to inside its area (itself or the nearest such body above it,
    /// below the area), or null for the party's, the government's and an area's own units.</summary>
    private static Unit? MassBody(Unit unit, IReadOnlyList<Unit> ancestors, Unit area) =>
        ancestors.Append(unit).Where(u => u.Depth > area.Depth && u.Kind is UnitKind.FatherlandFront or UnitKind.Organization)
            .MinBy(u => u.Depth);

    /// <summary>Path of the area the account works in: the nearest <see cref="UnitKind.Area"/> at or above its
    /// unit (a commune's staff: the commune; the district's boards: the district). Null for admins and nobody.</summary>
    public string? AreaPath { get; init; }

    public bool Covers(Unit unit) => Covers(unit.Id, unit.Path);

    public bool Covers(Guid unitId, string unitPath) =>
        All || (SubtreePath is not null && unitPath.StartsWith(SubtreePath, StringComparison.Ordinal)) || SingleUnitId == unitId;

    public bool CanEditUnit(Unit unit) => CanEditUnits && Covers(unit);

    // Named capabilities. Today the office of a scope (admins, clerks) holds all of them; features ask for the
    // capability they need, never for the directory permission it happens to coincide with, so splitting a
    // capability off (e.g. a meeting secretary who does not edit the tree) changes one line here.

    /// <summary>Gives a person a position in <paramref name="unit"/>: only units of the editor's own area, so a
    /// commune's staff cannot place someone in another commune's unit (who would then receive that commune's
    /// invitations and show in its directory).</summary>
    public bool CanAssignPositionIn(Unit unit) =>
        All || (CanEditPeople && AreaPath is not null && unit.Path.StartsWith(AreaPath, StringComparison.Ordinal));

    /// <summary>Creates accounts, locks, disables and resets them, for units of the scope.</summary>
    public bool ManagesAccounts => CanEditUnits;

    /// <summary>Plans meetings of the scope's areas, invites, sends invitations and runs the online room.</summary>
    public bool ManagesMeetings => CanEditUnits;

    /// <summary>Whether the scope only oversees <paramref name="issuer"/>'s papers: the Front and the organizations write,
    /// approve and review their own conclusions and tasks; the area's party office and leaders read them but neither
    /// draft, approve, issue nor confirm for them (the Bí thư approving the Front's conclusion signed for another body).</summary>
    public bool OverseesOnly(Unit issuer) =>
        !All && issuer.Kind is UnitKind.FatherlandFront or UnitKind.Organization && SubtreePath == AreaPath;

    public bool CanEditPeopleOf(Unit unit) => CanEditPeople && Covers(unit);
}
