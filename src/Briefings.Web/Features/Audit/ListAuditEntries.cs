using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Audit;

/// <summary>The newest audit entries inside the caller's scope, optionally for one record.</summary>
public sealed class ListAuditEntries(BriefingsDbContext db)
{
    public const int PageSize = 100;

    public async Task<IReadOnlyList<AuditEntry>> RunAsync(AccessScope scope, string? entityId, CancellationToken ct = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!scope.All)
        {
            var path = scope.SubtreePath;
            query = path is null ? query.Where(_ => false) : query.Where(a => a.ScopePath != null && a.ScopePath.StartsWith(path));
        }

        if (!string.IsNullOrWhiteSpace(entityId))
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        return await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(ct);
    }
}
