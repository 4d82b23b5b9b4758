using Briefings.Web.Features.Meetings;
using Ical.Net.CalendarComponents;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>The .ics feed: UTC times that calendar apps show as Vietnam time, join links, reminders, cancellations.</summary>
public sealed class CalendarFeedTests
{
    private static readonly TimeZoneInfo Vietnam =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");

    private static readonly CalendarEntry Online = new(
        Id: Guid.Parse("6f1c1d7e-3a4b-4c5d-8e9f-0a1b2c3d4e5f"),
        Title: "Giao ban MTTQ, các đoàn thể chính trị - xã hội huyện quý I năm 2027",
        StartsAt: new DateTimeOffset(2027, 3, 5, 8, 0, 0, TimeSpan.FromHours(7)),
        EndsAt: new DateTimeOffset(2027, 3, 5, 11, 0, 0, TimeSpan.FromHours(7)),
        Place: "Hội trường Huyện ủy Tân Phong, tỉnh Long Giang",
        Description: "Ban Dân vận Huyện ủy chủ trì.",
        JoinLink: "https://hop.longgiang.example.vn/giaoban-q1-2027?phong=1",
        Cancelled: false,
        ReminderOffsets: [TimeSpan.FromDays(1), TimeSpan.FromMinutes(60)]);

    private static readonly CalendarEntry InPersonCancelled = new(
        Id: Guid.Parse("0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d"),
        Title: "Giao ban khối dân vận xã An Lạc tháng 3",
        StartsAt: new DateTimeOffset(2027, 3, 12, 7, 30, 0, TimeSpan.Zero), // 14:30 Vietnam time
        EndsAt: new DateTimeOffset(2027, 3, 12, 9, 30, 0, TimeSpan.Zero),
        Place: "Phòng họp Đảng ủy xã An Lạc",
        Description: null,
        JoinLink: null,
        Cancelled: true,
        ReminderOffsets: []);

    [Fact]
    public void Render_TwoEntries_TwoEventsWithUidsAndSummaries()
    {
        var calendar = Load(CalendarFeed.Render("Lịch giao ban huyện Tân Phong", [Online, InPersonCancelled]));

        Assert.Equal(2, calendar.Events.Count);
        var online = Event(calendar, Online);
        var inPerson = Event(calendar, InPersonCancelled);
        Assert.Equal(Online.Title, online.Summary);
        Assert.Equal(InPersonCancelled.Title, inPerson.Summary);
        Assert.Equal(Online.Place, online.Location);
        Assert.Equal("Lịch giao ban huyện Tân Phong", calendar.Properties["X-WR-CALNAME"]?.Value as string);
    }

    [Fact]
    public void Render_Entry_UtcStartShownAsVietnamLocalTime()
    {
        var text = CalendarFeed.Render("Lịch", [Online, InPersonCancelled]);
        var calendar = Load(text);

        var online = Event(calendar, Online);
        Assert.True(online.DtStart!.IsUtc);
        Assert.Equal(new DateTime(2027, 3, 5, 1, 0, 0, DateTimeKind.Utc), online.DtStart.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 5, 8, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(online.DtStart.AsUtc, Vietnam));
        Assert.Equal(new DateTime(2027, 3, 5, 11, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(online.DtEnd!.AsUtc, Vietnam));
        Assert.Equal(new DateTime(2027, 3, 12, 14, 30, 0),
            TimeZoneInfo.ConvertTimeFromUtc(Event(calendar, InPersonCancelled).DtStart!.AsUtc, Vietnam));
        Assert.Contains("DTSTART:20270305T010000Z", text, StringComparison.Ordinal);
        Assert.DoesNotContain("VTIMEZONE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OnlineEntry_JoinLinkInUrlAndDescription()
    {
        var calendar = Load(CalendarFeed.Render("Lịch", [Online, InPersonCancelled]));

        var online = Event(calendar, Online);
        Assert.Equal(new Uri(Online.JoinLink!), online.Url);
        Assert.Equal("Ban Dân vận Huyện ủy chủ trì.\nTham dự trực tuyến: " + Online.JoinLink, online.Description);
        var inPerson = Event(calendar, InPersonCancelled);
        Assert.Null(inPerson.Url);
        Assert.Null(inPerson.Description);
    }

    [Fact]
    public void Render_CancelledFlag_StatusCancelledOtherwiseConfirmed()
    {
        var calendar = Load(CalendarFeed.Render("Lịch", [Online, InPersonCancelled]));

        Assert.Equal("CONFIRMED", Event(calendar, Online).Status);
        Assert.Equal("CANCELLED", Event(calendar, InPersonCancelled).Status);
    }

    [Fact]
    public void Render_ReminderOffsets_DisplayAlarmsBeforeStart()
    {
        var text = CalendarFeed.Render("Lịch", [Online, InPersonCancelled]);
        var calendar = Load(text);

        var alarms = Event(calendar, Online).Alarms.ToList();
        Assert.Equal(2, alarms.Count);
        Assert.All(alarms, alarm => Assert.Equal("DISPLAY", alarm.Action));
        Assert.Equal(
            [TimeSpan.FromDays(-1), TimeSpan.FromMinutes(-60)],
            alarms.Select(alarm => alarm.Trigger!.Duration!.Value.ToTimeSpanUnspecified()).ToArray());
        Assert.Contains("TRIGGER:-P1D", text, StringComparison.Ordinal);
        Assert.Contains("TRIGGER:-PT1H", text, StringComparison.Ordinal);
        Assert.Empty(Event(calendar, InPersonCancelled).Alarms);
    }

    [Fact]
    public void Render_NoEntries_ValidEmptyCalendar()
    {
        var text = CalendarFeed.Render("Lịch", []);

        Assert.StartsWith("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Empty(Load(text).Events);
    }

    private static Ical.Net.Calendar Load(string text) =>
        Ical.Net.Calendar.Load(text) ?? throw new InvalidOperationException("The feed did not parse.");

    private static CalendarEvent Event(Ical.Net.Calendar calendar, CalendarEntry entry) =>
        Assert.Single(calendar.Events, e => e.Uid == entry.Id.ToString("D", System.Globalization.CultureInfo.InvariantCulture) + "@giaoban");
}
