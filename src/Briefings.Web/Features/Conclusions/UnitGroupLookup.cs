using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// The one group resolver of the app (<see cref="UnitGroupResolver"/>) over the directory of an issuer's area:
/// "Nơi nhận" lines, collective directives and the import all resolve "Đảng ủy, UBND các xã", "các đoàn thể
/// huyện", "Phòng TC-KH huyện" here, so they reach the same units.
/// </summary>
public sealed class UnitGroupLookup(BriefingsDbContext db)
{
    private readonly Dictionary<Guid, UnitGroupResolver> loaded = [];

    /// <summary>The resolver for documents of <paramref name="issuerUnitId"/>: the units of its nearest area.</summary>
    public async Task<UnitGroupResolver> ForIssuerAsync(Guid issuerUnitId, CancellationToken ct = default)
    {
        if (loaded.TryGetValue(issuerUnitId, out var known))
        {
            return known;
        }

        var issuer = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == issuerUnitId, ct);
        var query = db.Units.AsNoTracking();
        if (issuer is not null)
        {
            var ancestorIds = issuer.AncestorIds().Append(issuer.Id).ToList();
            var area = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id) && u.Kind == UnitKind.Area)
                .OrderByDescending(u => u.Depth).FirstOrDefaultAsync(ct);
            if (area is not null)
            {
                query = query.Where(u => u.Path.StartsWith(area.Path));
            }
        }

        var units = await query.OrderBy(u => u.Depth).ThenBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new DirectoryUnit(u.Id, u.ParentId, u.Name, u.ShortName, u.Kind, u.Level, u.RetiredAt != null))
            .ToListAsync(ct);
        var resolver = new UnitGroupResolver(units, issuerUnitId);
        loaded[issuerUnitId] = resolver;
        return resolver;
    }

    /// <summary>The units a phrase names within the issuer's area: a group ("UBND các xã"), one unit, or none.</summary>
    public async Task<UnitSet> ResolveAsync(Guid issuerUnitId, string phrase, CancellationToken ct = default) =>
        (await ForIssuerAsync(issuerUnitId, ct)).Resolve(phrase);
}
