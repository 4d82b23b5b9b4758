using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Directory;

/// <summary>Diacritics-insensitive search: "dang uy xa an lac" finds "Đảng ủy xã An Lạc". Units are found
/// anywhere (the tree of names is shared by all accounts); people only inside the caller's scope.</summary>
public sealed class SearchDirectory(BriefingsDbContext db)
{
    public const int Limit = 50;

    /// <param name="ParentName">Where the unit sits: its parent and the parent's parent ("Ấp Phú Lợi, Xã An Lạc"), so
    /// that three "Chi hội Phụ nữ ấp Phú Lợi" of three communes are told apart (their parents alone share a name).</param>
    public sealed record UnitHit(Guid Id, string Name, string ShortName, UnitKind Kind, string? Level, bool Retired, string? ParentName = null);

    public sealed record PersonHit(Guid Id, string FullName, string Title, Guid UnitId, string UnitName, bool Retired, string? UnitParentName = null);

    public sealed record Results(IReadOnlyList<UnitHit> Units, IReadOnlyList<PersonHit> People);

    public async Task<Results> RunAsync(string? query, AccessScope scope, CancellationToken ct = default)
    {
        var tokens = TextFolding.QueryTokens(query);
        if (tokens.Count == 0)
        {
            return new Results([], []);
        }

        var units = db.Units.AsNoTracking();
        var people = db.People.AsNoTracking();
        foreach (var token in tokens)
        {
            var pattern = "%" + EscapeLike(token) + "%";
            units = units.Where(u => EF.Functions.Like(u.SearchText, pattern, "\\"));
            people = people.Where(p => EF.Functions.Like(p.SearchText, pattern, "\\"));
        }

        var unitHits = await units
            .OrderBy(u => u.RetiredAt != null).ThenBy(u => u.Depth).ThenBy(u => u.SearchText)
            .Take(Limit)
            .Select(u => new
            {
                Hit = new UnitHit(u.Id, u.Name, u.ShortName, u.Kind, u.Level, u.RetiredAt != null, null),
                Parent = db.Units.Where(p => p.Id == u.ParentId).Select(p => new { p.Name, Grandparent = db.Units.Where(g => g.Id == p.ParentId).Select(g => g.Name).FirstOrDefault() }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var visibleUnits = db.Units.AsNoTracking().Within(scope);
        var personHits = await people
            .Join(visibleUnits, p => p.UnitId, u => u.Id, (p, u) => new { p, u.Name, u.ParentId })
            .OrderBy(x => x.p.RetiredAt != null).ThenBy(x => x.p.SearchText)
            .Take(Limit)
            .Select(x => new { x.p.Id, x.p.FullName, x.p.UnitId, x.Name, Retired = x.p.RetiredAt != null, Title = x.p.Positions.OrderBy(pos => pos.SortOrder).Select(pos => pos.Title).FirstOrDefault(),
                ParentName = db.Units.Where(p => p.Id == x.ParentId).Select(p => p.Name).FirstOrDefault() })
            .ToListAsync(ct);

        return new Results(
            unitHits.Select(x => x.Hit with { ParentName = Place(x.Parent?.Name, x.Parent?.Grandparent) }).ToList(),
            personHits.Select(x => new PersonHit(x.Id, x.FullName, x.Title ?? "", x.UnitId, x.Name, x.Retired, x.ParentName)).ToList());
    }

    private static string? Place(string? parent, string? grandparent) =>
        parent is null ? null : grandparent is null ? parent : $"{parent}, {grandparent}";

    private static string EscapeLike(string token) =>
        token.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
