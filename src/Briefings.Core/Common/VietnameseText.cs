using System.Globalization;

namespace Briefings.Core.Common;

/// <summary>Vietnamese culture for display: dd/MM/yyyy dates and Vietnamese alphabetical order.</summary>
public static class VietnameseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Vietnamese alphabetical order (a ă â b c d đ e ê ...), case-insensitive.</summary>
    public static readonly StringComparer Order = StringComparer.Create(Culture, CompareOptions.IgnoreCase);

    public static readonly TimeZoneInfo VietnamTime = FindVietnamTime();

    public static string Date(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, VietnamTime).ToString("dd/MM/yyyy", Culture);

    public static string DateTime(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, VietnamTime).ToString("dd/MM/yyyy HH:mm", Culture);

    /// <summary>A Vietnam wall-clock time as a UTC instant.</summary>
    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, VietnamTime.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTime ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, VietnamTime).DateTime;

    private static TimeZoneInfo FindVietnamTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Vietnam has had no daylight saving time since 1975: a fixed +07:00 is exact.
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
