using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Starts the correction ("đính chính") of an issued conclusion: a new draft copying it, whose first
/// paragraph names the corrected document. The issued document itself never changes. Allowed to admins and to
/// clerks whose scope covers the issuing body.</summary>
public sealed class CorrectConclusion(BriefingsDbContext db, TimeProvider clock)
{
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, UserContext user, CancellationToken ct = default)
    {
        var original = await db.Conclusions.AsNoTracking().FirstOrDefaultAsync(c => c.Id == conclusionId, ct);
        if (original is null)
        {
            return Error.NotFound;
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == original.IssuerUnitId, ct);
        if (!user.Scope.CanEditUnit(issuer))
        {
            return Error.Forbidden;
        }

        var made = Conclusion.CreateCorrection(original);
        if (made.Value is not { } correction)
        {
            return made;
        }

        db.Conclusions.Add(correction);
        var unitIds = correction.Directives.SelectMany(d => d.CoordinatingUnitIds.Append(d.LeadUnitId)).Append(correction.IssuerUnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        db.ConclusionVersions.Add(new ConclusionVersion
        {
            ConclusionId = correction.Id,
            Number = 1,
            Snapshot = ConclusionText.Snapshot(correction, id => names.GetValueOrDefault(id, "?")),
            Note = $"Tạo văn bản đính chính số {original.Number}",
            SavedBy = user.User.UserName!,
            SavedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Result<Conclusion>.Ok(correction);
    }
}
