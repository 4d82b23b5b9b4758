using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>The directory as .xlsx: units and people inside the caller's scope only.</summary>
public sealed class ExportDirectory(BriefingsDbContext db)
{
    public async Task<byte[]> RunAsync(AccessScope scope, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Within(scope).OrderBy(u => u.Depth).ThenBy(u => u.SortOrder).ToListAsync(ct);
        var codes = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var people = await db.People.AsNoTracking().Join(db.Units.AsNoTracking().Within(scope), p => p.UnitId, u => u.Id, (p, _) => p).ToListAsync(ct);

        var unitRows = units.Select(u => new Dictionary<string, object?>
        {
            [DirectorySheet.Code] = u.Code,
            [DirectorySheet.Name] = u.Name,
            [DirectorySheet.ShortName] = u.ShortName,
            [DirectorySheet.Kind] = u.Kind.DisplayName(),
            [DirectorySheet.OrganizationType] = u.Kind == UnitKind.Organization ? u.OrganizationType.DisplayName() : null,
            [DirectorySheet.Level] = u.Level,
            [DirectorySheet.Symbol] = u.DocumentSymbol,
            [DirectorySheet.ParentCode] = u.ParentId is { } p && codes.TryGetValue(p, out var pc) ? pc : null,
            [DirectorySheet.VerticalCode] = u.VerticalParentId is { } v && codes.TryGetValue(v, out var vc) ? vc : null,
            [DirectorySheet.Retired] = u.IsRetired ? DirectorySheet.Yes : null,
            [DirectorySheet.UnitId] = u.Id.ToString(),
        }).ToList();

        var personRows = people.OrderBy(p => codes[p.UnitId], StringComparer.Ordinal).ThenBy(p => p.FullName, Core.Common.VietnameseText.Order).Select(p =>
        {
            var ordered = p.Positions.OrderBy(x => x.SortOrder).ToList();
            var main = ordered.FirstOrDefault(x => x.UnitId == p.UnitId) ?? ordered.FirstOrDefault();
            var others = ordered.Where(x => x != main).Select(x => $"{codes.GetValueOrDefault(x.UnitId)}: {x.Title}");
            return new Dictionary<string, object?>
            {
                [DirectorySheet.PersonId] = p.Id.ToString(),
                [DirectorySheet.PersonUnit] = codes[p.UnitId],
                [DirectorySheet.FullName] = p.FullName,
                [DirectorySheet.Title] = main?.Title,
                [DirectorySheet.OtherPositions] = string.Join("; ", others),
                [DirectorySheet.Phone] = p.Phone,
                [DirectorySheet.Email] = p.Email,
                [DirectorySheet.Retired] = p.IsRetired ? DirectorySheet.Yes : null,
            };
        }).ToList();

        var sheets = new Dictionary<string, object>
        {
            [DirectorySheet.Units] = unitRows.Count > 0 ? unitRows : [EmptyUnitRow()],
            // A new installation has no people yet: the sheet still carries its headers, the template the office fills.
            [DirectorySheet.People] = personRows.Count > 0 ? personRows : [EmptyPersonRow()],
        };
        return await Documents.Workbooks.SaveAsync(sheets, ct);
    }

    public static async Task<IResult> HandleAsync(CurrentUser currentUser, ExportDirectory export, TimeProvider clock, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        if (user is null)
        {
            return TypedResults.Forbid();
        }

        var bytes = await export.RunAsync(user.Scope, ct);
        var stamp = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Core.Common.VietnameseText.VietnamTime).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"danh-ba-{stamp}.xlsx");
    }

    private static Dictionary<string, object?> EmptyPersonRow() => new()
    {
        [DirectorySheet.PersonId] = null, [DirectorySheet.PersonUnit] = null, [DirectorySheet.FullName] = null, [DirectorySheet.Title] = null,
        [DirectorySheet.OtherPositions] = null, [DirectorySheet.Phone] = null, [DirectorySheet.Email] = null, [DirectorySheet.Retired] = null,
    };

    private static Dictionary<string, object?> EmptyUnitRow() => new()
    {
        [DirectorySheet.Code] = null, [DirectorySheet.Name] = null, [DirectorySheet.ShortName] = null, [DirectorySheet.Kind] = null,
        [DirectorySheet.OrganizationType] = null, [DirectorySheet.Level] = null, [DirectorySheet.Symbol] = null, [DirectorySheet.ParentCode] = null, [DirectorySheet.VerticalCode] = null,
        [DirectorySheet.Retired] = null, [DirectorySheet.UnitId] = null,
    };
}
