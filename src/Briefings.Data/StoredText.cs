using Briefings.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Briefings.Data;

/// <summary>
/// The boundary every stored string passes, whatever form, import or job wrote it: each added or changed string
/// property is cleaned (<see cref="CleanText"/>) and checked against its column's length before the database sees
/// it, so SQLite (which would store anything) and PostgreSQL (which would fail) refuse the same way, with a
/// Vietnamese message, and nothing is written. An enumeration value outside its type (a forged form field) is
/// refused the same way.
/// </summary>
internal static class StoredText
{
    public static void Apply(ChangeTracker tracker, bool checkLengths = true)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if ((Nullable.GetUnderlyingType(property.Metadata.ClrType) ?? property.Metadata.ClrType) is { IsEnum: true } enumType
                    && property.CurrentValue is { } enumValue && !Enum.IsDefined(enumType, enumValue))
                {
                    throw new UndefinedValueException(entry.Metadata.ClrType.Name, property.Metadata.Name, enumValue);
                }

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

                if (checkLengths && property.Metadata.GetMaxLength() is { } max && clean.Length > max)
                {
                    throw new TextTooLongException(entry.Metadata.ClrType.Name, property.Metadata.Name, max, clean.Length);
                }
            }
        }
    }
}

/// <summary>A value the database boundary refuses; its message is Vietnamese, for the user.</summary>
public abstract class StoredValueRefusedException(string message) : Exception(message);

/// <summary>A value outside its enumeration (a forged form field such as Kind=99) reached the database boundary: it
/// would make the record unrenderable, so nothing is written.</summary>
public sealed class UndefinedValueException(string entity, string property, object value)
    : StoredValueRefusedException("Giá trị đã chọn không hợp lệ (không có trong danh mục). Chưa lưu gì; vui lòng tải lại trang và chọn lại.")
{
    public string Entity { get; } = entity;
    public string Property { get; } = property;
    public object Value { get; } = value;
}

/// <summary>A text longer than its column allows reached the database boundary: a form or import did not check it.
/// Mapped to a 422 page with its message (Vietnamese) by the web app.</summary>
public sealed class TextTooLongException(string entity, string property, int max, int length)
    : StoredValueRefusedException($"Nội dung nhập quá dài: tối đa {max} ký tự, bạn đã nhập {length} ký tự. Chưa lưu gì; vui lòng rút gọn rồi lưu lại.")
{
    public string Entity { get; } = entity;
    public string Property { get; } = property;
    public int MaxLength { get; } = max;
    public int Length { get; } = length;
}
