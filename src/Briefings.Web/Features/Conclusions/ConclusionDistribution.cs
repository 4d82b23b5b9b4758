using Briefings.Core.Conclusions;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// Who receives a conclusion, as party offices send it: every unit a "Nơi nhận" line names — a group line such as
/// "Đảng ủy, UBND các xã" names all of its units — and, whether or not a line names them, every lead,
/// coordinating and collective unit of every directive. The clerk sees this list before issuing; the issue fixes
/// it on the document (<see cref="Conclusion.Addressees"/>).
/// </summary>
public sealed class ConclusionDistribution(BriefingsDbContext db, UnitGroupLookup groups)
{
    public sealed record Unit(Guid Id, string Name);

    /// <summary>The units the document goes to now (the fixed list once issued).</summary>
    public async Task<IReadOnlyList<Guid>> UnitIdsAsync(Conclusion conclusion, CancellationToken ct = default)
    {
        if (conclusion.IsIssued && conclusion.Addressees.Count > 0)
        {
            return [.. conclusion.Addressees.Select(a => a.UnitId)];
        }

        var resolver = await groups.ForIssuerAsync(conclusion.IssuerUnitId, ct);
        return Of(conclusion, resolver);
    }

    /// <summary>The list with names, in the order of the lines, then the directives.</summary>
    public async Task<IReadOnlyList<Unit>> PreviewAsync(Conclusion conclusion, CancellationToken ct = default)
    {
        var ids = await UnitIdsAsync(conclusion, ct);
        var names = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return [.. ids.Where(names.ContainsKey).Select(id => new Unit(id, names[id]))];
    }

    /// <summary>The list of the document <paramref name="conclusionId"/>, or empty when there is none.</summary>
    public async Task<IReadOnlyList<Unit>> PreviewAsync(Guid conclusionId, CancellationToken ct = default) =>
        await db.Conclusions.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(c => c.Id == conclusionId, ct) is { } conclusion
            ? await PreviewAsync(conclusion, ct)
            : [];

    public static IReadOnlyList<Guid> Of(Conclusion conclusion, UnitGroupResolver resolver) =>
        [.. conclusion.Recipients.OrderBy(r => r.Order)
            .SelectMany(r => r.UnitId is { } id ? [id] : resolver.Resolve(r.Text).UnitIds)
            .Concat(conclusion.Directives.SelectMany(d => d.LeadUnitIds.Concat(d.CoordinatingUnitIds)))
            .Distinct()];
}
