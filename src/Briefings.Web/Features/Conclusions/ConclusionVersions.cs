using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>The saved versions of a conclusion and the line diff between two of them (by default the newest and
/// the one before). Readable by whoever may manage or approve the document (<see cref="ConclusionAccess"/>):
/// the office and the leaders, not the recipients.</summary>
public sealed class ConclusionVersions(BriefingsDbContext db, ConclusionAccess access)
{
    public sealed record Row(int Number, string Note, string SavedBy, DateTimeOffset SavedAt);

    public sealed record View(Conclusion Conclusion, IReadOnlyList<Row> Versions, int? From, int? To, IReadOnlyList<DiffLine> Diff);

    public async Task<Result<View>> RunAsync(Guid conclusionId, int? from, int? to, UserContext? user, CancellationToken ct = default)
    {
        var conclusion = await db.Conclusions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conclusionId, ct);
        if (conclusion is null)
        {
            return Error.NotFound;
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        var overseer = user is not null && user.Scope.Covers(issuer)
            && (user.Scope.CanEditUnits || user.IsInRole(Briefings.Core.Organizations.Roles.Leader));
        if (!overseer || !(await access.ForAsync(conclusion, user, ct)).CanView)
        {
            return Error.Forbidden;
        }

        var rows = await db.ConclusionVersions.AsNoTracking().Where(v => v.ConclusionId == conclusionId)
            .OrderByDescending(v => v.Number).Select(v => new Row(v.Number, v.Note, v.SavedBy, v.SavedAt)).ToListAsync(ct);
        var newest = rows.FirstOrDefault()?.Number;
        var right = to ?? newest;
        var left = from ?? (right is { } r && r > 1 ? r - 1 : null);
        var pair = await db.ConclusionVersions.AsNoTracking()
            .Where(v => v.ConclusionId == conclusionId && (v.Number == left || v.Number == right))
            .ToDictionaryAsync(v => v.Number, v => v.Snapshot, ct);
        var oldText = left is { } l ? pair.GetValueOrDefault(l) : null;
        var newText = right is { } n ? pair.GetValueOrDefault(n) : null;
        return Result<View>.Ok(new View(conclusion, rows, left, right, newText is null ? [] : LineDiff.Compare(oldText, newText)));
    }
}
