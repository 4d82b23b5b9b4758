using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Briefings.Web.Features.Meetings;

/// <summary>One meeting as a calendar event. <see cref="StartsAt"/> and <see cref="EndsAt"/> are instants (any offset; written as UTC).</summary>
/// <param name="ReminderOffsets">How long before the start each reminder fires, e.g. 1 day and 60 minutes.</param>
public sealed record CalendarEntry(
    Guid Id,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    string? Description,
    string? JoinLink,
    bool Cancelled,
    IReadOnlyList<TimeSpan> ReminderOffsets);

/// <summary>
/// Renders meetings as an RFC 5545 calendar (.ics) that phones and desktop calendars can subscribe to.
/// Times are written in UTC, which every calendar application reads without a VTIMEZONE and shows in the reader's own zone.
/// </summary>
public static class CalendarFeed
{
    private const string UidDomain = "giaoban";

    public static string Render(string calendarName, IEnumerable<CalendarEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(entries);

        var calendar = new Calendar
        {
            ProductId = "-//Briefings//Giao ban//VI",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", calendarName);

        foreach (var entry in entries)
        {
            calendar.Events.Add(ToEvent(entry));
        }

        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no text for the calendar.");
    }

    private static CalendarEvent ToEvent(CalendarEntry entry)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(entry.Id),
            Summary = entry.Title,
            Location = entry.Place,
            DtStart = Utc(entry.StartsAt),
            DtEnd = Utc(entry.EndsAt),
            Status = entry.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Description = Description(entry),
        };

        if (!string.IsNullOrWhiteSpace(entry.JoinLink) && Uri.TryCreate(entry.JoinLink, UriKind.Absolute, out var url))
        {
            calendarEvent.Url = url;
        }

        foreach (var offset in entry.ReminderOffsets)
        {
            calendarEvent.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = entry.Title,
                Trigger = new Trigger(Before(offset)),
            });
        }
        return calendarEvent;
    }

    internal static string Uid(Guid id) => id.ToString("D", System.Globalization.CultureInfo.InvariantCulture) + "@" + UidDomain;

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, hasTime: true);

    private static string? Description(CalendarEntry entry)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(entry.Description))
        {
            parts.Add(entry.Description);
        }
        if (!string.IsNullOrWhiteSpace(entry.JoinLink))
        {
            parts.Add("Tham dự trực tuyến: " + entry.JoinLink);
        }
        return parts.Count == 0 ? null : string.Join('\n', parts);
    }

    /// <summary>A trigger <paramref name="offset"/> before the start: whole days as "-P1D", anything else exact ("-PT1H").</summary>
    private static Duration Before(TimeSpan offset)
    {
        if (offset > TimeSpan.Zero && offset.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return Duration.FromDays(-(int)offset.TotalDays);
        }
        return Duration.FromTimeSpanExact(-offset);
    }
}
