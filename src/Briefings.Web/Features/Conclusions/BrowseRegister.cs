using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>The document register as the office reads it: approved documents waiting for a number, then the
/// issued ones, newest first, of the issuing bodies in the caller's scope.</summary>
public sealed class BrowseRegister(BriefingsDbContext db)
{
    public const int PageSize = 200;

    public sealed record Row(Guid Id, string IssuerName, string TypeName, string Summary, ConclusionStatus Status, DocumentNumber? Number, DateOnly? IssuedOn, bool IsPublic = false, bool IsBroughtIn = false);

    public async Task<IReadOnlyList<Row>> RunAsync(AccessScope scope, CancellationToken ct = default)
    {
        var issuers = db.Units.AsNoTracking().Within(scope);
        // Projected, not loaded: a conclusion entity brings all its sections and items along.
        var rows = await db.Conclusions.AsNoTracking()
            .Join(issuers, c => c.IssuerUnitId, u => u.Id, (c, u) => new
            {
                c.Id, IssuerName = u.Name, c.TypeName, c.TypeCode, c.Summary, c.Status, c.Sequence, c.IssuerSymbol, c.NumberStyle, c.IssuedOn, c.IssuedAt, c.ApprovedAt, c.IsPublic, c.IsBroughtIn,
            })
            .OrderBy(c => c.Status == ConclusionStatus.Issued).ThenByDescending(c => c.IssuedOn).ThenByDescending(c => c.Sequence)
            .Take(PageSize)
            .ToListAsync(ct);
        return rows.Select(c => new Row(c.Id, c.IssuerName, c.TypeName, c.Summary, c.Status,
                DocumentNumber.Of(c.Sequence, c.TypeCode, c.IssuerSymbol, c.NumberStyle), c.IssuedOn, c.IsPublic, c.IsBroughtIn))
            .ToList();
    }
}
