using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>"Văn bản đến": issued conclusions addressed to a unit of the caller's scope, newest first, with
/// the units they are addressed to and whether each has opened them.</summary>
public sealed class BrowseInbox(BriefingsDbContext db)
{
    public const int PageSize = 200;

    public sealed record Row(Guid Id, DocumentNumber? Number, string TypeName, string Summary, DateOnly? IssuedOn,
        IReadOnlyList<(string UnitName, bool Opened)> Units);

    public async Task<IReadOnlyList<Row>> RunAsync(UserContext user, CancellationToken ct = default)
    {
        var scoped = db.Units.AsNoTracking().Within(user.Scope).Select(u => (Guid?)u.Id);
        // Projected, not loaded: a conclusion entity brings all its sections and items along.
        var rows = await db.Conclusions.AsNoTracking()
            .Where(c => c.Status == ConclusionStatus.Issued
                && (c.Recipients.Any(r => scoped.Contains(r.UnitId)) || c.Addressees.Any(a => scoped.Contains((Guid?)a.UnitId))))
            .OrderByDescending(c => c.IssuedAt)
            .Take(PageSize)
            .Select(c => new
            {
                c.Id, c.TypeCode, c.TypeName, c.Summary, c.Sequence, c.IssuerSymbol, c.NumberStyle, c.IssuedOn,
                LineUnitIds = c.Recipients.Where(r => scoped.Contains(r.UnitId)).Select(r => r.UnitId!.Value).ToList(),
                SentUnitIds = c.Addressees.Where(a => scoped.Contains((Guid?)a.UnitId)).Select(a => a.UnitId).ToList(),
            })
            .ToListAsync(ct);

        var unitIds = rows.SelectMany(r => r.LineUnitIds.Concat(r.SentUnitIds)).Distinct().ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var opened = (await db.ConclusionReceipts.AsNoTracking().Where(r => ids.Contains(r.ConclusionId))
            .Select(r => new { r.ConclusionId, r.UnitId }).ToListAsync(ct)).Select(r => (r.ConclusionId, r.UnitId)).ToHashSet();
        return [.. rows.Select(c => new Row(c.Id,
            DocumentNumber.Of(c.Sequence, c.TypeCode, c.IssuerSymbol, c.NumberStyle),
            c.TypeName, c.Summary, c.IssuedOn,
            [.. c.LineUnitIds.Concat(c.SentUnitIds).Distinct().Select(u => (names.GetValueOrDefault(u, ""), opened.Contains((c.Id, u))))]))];
    }
}
