using Briefings.Core.Conclusions;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Keeps a version of a conclusion (see <see cref="ConclusionVersion"/>): the whole record as text, named
/// with the directory's unit names, numbered after the last one. Added to the context; saved with the change.</summary>
internal static class ConclusionHistory
{
    public static async Task KeepAsync(BriefingsDbContext db, Conclusion conclusion, string note, string by, DateTimeOffset at,
        CancellationToken ct, Func<Guid, string>? proposalTitle = null, string prefix = "")
    {
        var unitIds = conclusion.Directives.SelectMany(d => d.CoordinatingUnitIds.Prepend(d.LeadUnitId)).Append(conclusion.IssuerUnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var last = await db.ConclusionVersions.Where(v => v.ConclusionId == conclusion.Id).Select(v => (int?)v.Number).MaxAsync(ct) ?? 0;
        db.ConclusionVersions.Add(new ConclusionVersion
        {
            ConclusionId = conclusion.Id,
            Number = last + 1,
            Snapshot = prefix + ConclusionText.Snapshot(conclusion, id => names.GetValueOrDefault(id, "?"), proposalTitle),
            Note = note,
            SavedBy = by,
            SavedAt = at,
        });
    }
}
