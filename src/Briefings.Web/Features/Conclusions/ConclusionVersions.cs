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
        var loaded = await access.LoadAsync(conclusionId, user, ConclusionAccess.Need.History, ct: ct);
        if (loaded.Value is not { Conclusion: var conclusion })
        {
            return Result<View>.Fail(loaded.Errors);
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
