using Briefings.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Briefings.Data;

/// <summary>
/// The boundary every stored string passes, whatever form, import or job wrote it: each added or changed string
/// property is cleaned (<see cref="CleanText"/>) and checked against its column's length before the database sees
/// it, so SQLite (which would store anything) and PostgreSQL (which would fail) refuse the same way, with a
/// Vietnamese message, and nothing is written.
/// </summary>
internal static class StoredText
{
    public static void Apply(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || property.CurrentValue is not string value
                    || (entry.State == EntityState.Modified && !property.IsModified) || property.Metadata.IsConcurrencyToken)
                {
                    continue;
                }

                var clean = CleanText.Clean(value);
                if (!ReferenceEquals(clean, value))
                {
                    property.CurrentValue = clean;
                }

                if (property.Metadata.GetMaxLength() is { } max && clean.Length > max)
                {
                    throw new TextTooLongException(entry.Metadata.ClrType.Name, property.Metadata.Name, max, clean.Length);
                }
            }
        }
    }
}

/// <summary>A text longer than its column allows reached the database boundary: a form or import did not check it.
/// Mapped to a 422 page with its message (Vietnamese) by the web app.</summary>
public sealed class TextTooLongException(string entity, string property, int max, int length)
    : Exception($"Nội dung nhập quá dài: tối đa {max} ký tự, bạn đã nhập {length} ký tự. Chưa lưu gì; vui lòng rút gọn rồi lưu lại.")
{
    public string Entity { get; } = entity;
    public string Property { get; } = property;
    public int MaxLength { get; } = max;
}
