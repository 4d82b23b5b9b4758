using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Audit;

/// <summary>
/// Audit entries inside the caller's scope that match a filter, newest first, a page at a time. Paging is by
/// key (entries older than the last id shown), so a page costs the same on the first and the ten-thousandth
/// page: the primary key orders, the indexes on the time and on (type, id) narrow.
/// </summary>
public sealed class ListAuditEntries(BriefingsDbContext db)
{
    public const int PageSize = 50;

    public sealed record Row(long Id, DateTimeOffset At, string UserName, string EntityType, string EntityId, string Action, IReadOnlyList<AuditLabels.Change> Changes);

    public sealed record Page(IReadOnlyList<Row> Rows, long? Older);

    public sealed record Option(string Value, string Label);

    /// <summary>The choices of the filter form: accounts and units inside the scope.</summary>
    public sealed record Choices(IReadOnlyList<Option> Accounts, IReadOnlyList<Option> Units);

    public async Task<Page> RunAsync(AccessScope scope, AuditFilter filter, long? before, CancellationToken ct = default)
    {
        var query = await FilterAsync(scope, filter, ct);
        if (before is { } b)
        {
            query = query.Where(a => a.Id < b);
        }

        var entries = await query.OrderByDescending(a => a.Id).Take(PageSize + 1).ToListAsync(ct);
        var shown = entries.Take(PageSize).ToList();
        var names = await NamesAsync(shown, ct);
        var rows = shown.Select(e => ToRow(e, names)).ToList();
        return new Page(rows, entries.Count > PageSize ? rows[^1].Id : null);
    }

    /// <summary>Every matching entry, newest first, for the export.</summary>
    /// <summary>Most rows one export writes. Every roll-call mark and presence change is audited, so a year of a district
    /// holds hundreds of thousands of entries: the unfiltered export of 202,559 took 29 s and 1.7 GB of the server's
    /// memory for one request, and 44,289 still 46 s and 420 MB on the loaded test machine (walk-hostile5). Past this
    /// the export asks for a narrower filter; the follow-up list stops at the same number (FollowUpExport.TaskLimit).</summary>
    public const int ExportLimit = 20_000;

    public static string ExportTooLarge { get; } =
        $"Nhật ký theo bộ lọc này có hơn {ExportLimit.ToString("N0", VietnameseText.Culture)} dòng, quá nhiều cho một tệp Excel. Hãy thu hẹp bộ lọc (khoảng ngày, tài khoản, đơn vị hoặc loại đối tượng) rồi xuất lại; không có gì bị thay đổi.";

    /// <summary>Every entry the filter finds, newest first; null when there are more than <see cref="ExportLimit"/>.</summary>
    public async Task<IReadOnlyList<Row>?> AllAsync(AccessScope scope, AuditFilter filter, CancellationToken ct = default)
    {
        var query = await FilterAsync(scope, filter, ct);
        if (await query.Take(ExportLimit + 1).CountAsync(ct) > ExportLimit)
        {
            return null;
        }

        var entries = await query.OrderByDescending(a => a.Id).ToListAsync(ct);
        var names = await NamesAsync(entries, ct);
        return [.. entries.Select(e => ToRow(e, names))];
    }

    public async Task<Choices> ChoicesAsync(AccessScope scope, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Within(scope).Where(u => u.RetiredAt == null)
            .Select(u => new { u.Id, u.Name, u.Depth, u.Path }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToHashSet();
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.UserName, u.FullName, u.UnitId }).ToListAsync(ct);
        var minDepth = units.Count > 0 ? units.Min(u => u.Depth) : 0;
        return new Choices(
            [new(AuditFilter.SystemAccount, "Hệ thống"),
             .. users.Where(u => ids.Contains(u.UnitId)).OrderBy(u => u.UserName, StringComparer.Ordinal)
                 .Select(u => new Option(u.Id, string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? u.Id : $"{u.UserName} ({u.FullName})"))],
            [.. units.OrderBy(u => u.Path, StringComparer.Ordinal)
                .Select(u => new Option(u.Id.ToString(), new string('\u00a0', 2 * (u.Depth - minDepth)) + u.Name))]);
    }

    private async Task<IQueryable<AuditEntry>> FilterAsync(AccessScope scope, AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!scope.All)
        {
            var path = scope.SubtreePath;
            query = path is null ? query.Where(_ => false) : query.Where(a => a.ScopePath != null && a.ScopePath.StartsWith(path));
        }

        if (filter.UnitId is { } unitId)
        {
            // Only a unit inside the caller's scope narrows the log; another unit's id finds nothing.
            var unitPath = await db.Units.AsNoTracking().Within(scope).Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
            query = unitPath is null ? query.Where(_ => false) : query.Where(a => a.ScopePath != null && a.ScopePath.StartsWith(unitPath));
        }

        if (filter.FromDate is { } from)
        {
            var start = VietnameseText.ToUtc(from, TimeOnly.MinValue);
            query = query.Where(a => a.At >= start);
        }

        if (filter.ToDate is { } to)
        {
            var end = VietnameseText.ToUtc(to.AddDays(1), TimeOnly.MinValue);
            query = query.Where(a => a.At < end);
        }

        if (filter.Account == AuditFilter.SystemAccount)
        {
            query = query.Where(a => a.UserId == null);
        }
        else if (filter.Account is { } account)
        {
            query = query.Where(a => a.UserId == account);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(a => a.EntityType == type);
        }

        if (filter.EntityId is { } entityId)
        {
            query = query.Where(a => a.EntityId == entityId);
        }

        return query;
    }

    private Row ToRow(AuditEntry e, IReadOnlyDictionary<Guid, string> names) =>
        new(e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.Action, AuditLabels.Changes(db.Model, e.EntityType, e.Before, e.After, names));

    /// <summary>Units and people mentioned by id in the entries, named in two queries (in chunks for the export).</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var ids = entries.SelectMany(e => AuditLabels.Ids(e.Before).Concat(AuditLabels.Ids(e.After))).Distinct().ToList();
        var names = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var u in await db.Units.AsNoTracking().Where(u => chunk.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
            {
                names[u.Id] = u.Name;
            }

            foreach (var p in await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToListAsync(ct))
            {
                names[p.Id] = p.FullName;
            }
        }

        return names;
    }
}
