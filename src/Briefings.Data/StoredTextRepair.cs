using System.Linq.Expressions;
using System.Reflection;
using Briefings.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Briefings.Data;

/// <summary>
/// Cleans text stored before <see cref="StoredText"/> existed (a vertical tab in an issued conclusion kept its
/// Atom feed, .docx and PDF failing for good, and issued documents cannot be edited). Runs once at start-up, after
/// migrations, and marks itself done in <see cref="SettingEntry"/>: every entity type with text is read in pages of
/// its key, each unclean string cleaned, and saved through the normal path (so the audit log records the repair as
/// done by the system). Chosen over a migration because NFC and the character rules live in C#
/// (<see cref="CleanText"/>), not in SQL of two providers.
/// </summary>
public static class StoredTextRepair
{
    public const string DoneKey = "StoredText:Repaired:1";

    /// <summary>The number of rows changed; 0 when already done.</summary>
    public static async Task<int> RunAsync(BriefingsDbContext db, CancellationToken ct = default)
    {
        if (await db.Settings.AsNoTracking().AnyAsync(s => s.Key == DoneKey, ct))
        {
            return 0;
        }

        var changed = 0;
        var method = typeof(StoredTextRepair).GetMethod(nameof(RepairTypeAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.ClrType != typeof(AuditEntry) && HasText(t)).ToList())
        {
            var key = type.FindPrimaryKey();
            if (key is not { Properties.Count: 1 } || key.Properties[0].PropertyInfo is null)
            {
                continue;
            }

            var task = (Task<int>)method.MakeGenericMethod(type.ClrType, key.Properties[0].ClrType).Invoke(null, [db, key.Properties[0].Name, ct])!;
            changed += await task;
        }

        db.ChangeTracker.Clear();
        db.Settings.Add(new SettingEntry { Key = DoneKey, Value = changed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync(ct);
        return changed;
    }

    private static bool HasText(IEntityType type) =>
        type.GetProperties().Any(p => p.ClrType == typeof(string))
        || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned() && HasText(n.TargetEntityType));

    private static async Task<int> RepairTypeAsync<TEntity, TKey>(BriefingsDbContext db, string keyName, CancellationToken ct)
        where TEntity : class
        where TKey : IComparable<TKey>
    {
        const int Page = 200;
        var changed = 0;
        var parameter = Expression.Parameter(typeof(TEntity), "e");
        var keyOf = Expression.Lambda<Func<TEntity, TKey>>(Expression.Property(parameter, keyName), parameter);
        TKey? last = default;
        var first = true;
        while (true)
        {
            db.ChangeTracker.Clear();
            IQueryable<TEntity> query = db.Set<TEntity>();
            if (!first)
            {
                // e => e.Key > last, through CompareTo so that Guid and string keys both translate.
                var after = Expression.Lambda<Func<TEntity, bool>>(
                    Expression.GreaterThan(
                        Expression.Call(Expression.Property(parameter, keyName), typeof(TKey).GetMethod(nameof(IComparable<TKey>.CompareTo), [typeof(TKey)])!, Expression.Constant(last, typeof(TKey))),
                        Expression.Constant(0)),
                    parameter);
                query = query.Where(after);
            }

            var rows = await query.OrderBy(keyOf).Take(Page).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return changed;
            }

            first = false;
            last = keyOf.Compile()(rows[^1]);
            foreach (var entry in db.ChangeTracker.Entries().ToList())
            {
                var dirty = false;
                foreach (var property in entry.Properties)
                {
                    if (property.Metadata.ClrType == typeof(string) && property.CurrentValue is string value && !property.Metadata.IsConcurrencyToken && !CleanText.IsClean(value))
                    {
                        property.CurrentValue = CleanText.Clean(value);
                        dirty = true;
                    }
                }

                changed += dirty ? 1 : 0;
            }

            if (db.ChangeTracker.HasChanges())
            {
                db.RepairingStoredText = true;
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                finally
                {
                    db.RepairingStoredText = false;
                }
            }
        }
    }
}
