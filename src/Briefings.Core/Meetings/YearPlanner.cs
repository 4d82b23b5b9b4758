namespace Briefings.Core.Meetings;

/// <summary>A meeting proposed by the yearly plan; the clerk may move or change it afterwards.</summary>
public sealed record PlannedMeeting(string Title, MeetingType Type, MeetingMode Mode, DateOnly Date, Guid OrganizerUnitId, int Quarter);

/// <summary>Turns a <see cref="FormatPolicy"/> into the year's meetings for one body.</summary>
public static class YearPlanner
{
    /// <param name="organizer">The unit that prepares the body-wide briefings (e.g. the Ban Dân vận).</param>
    /// <param name="organizations">The Front and organizations that hold thematic briefings with their branches.</param>
    /// <param name="calendar">Working days: every date is moved to the next working day (no weekend, no public holiday).</param>
    public static IReadOnlyList<PlannedMeeting> Generate(FormatPolicy policy, int year, string areaName, (Guid Id, string Name) organizer,
        IReadOnlyList<(Guid Id, string ShortName)> organizations, WorkingCalendar? calendar = null)
    {
        calendar ??= WorkingCalendar.WeekdaysOnly;
        var meetings = new List<PlannedMeeting>();
        var slots = policy.Slots.ToList();
        if (policy.MonthlyDay is >= 1 and <= 28)
        {
            // A monthly briefing in every month that has no meeting of its own (the quarter's briefing or a review
            // takes the place of that month's).
            slots.AddRange(Enumerable.Range(1, 12).Where(m => policy.Slots.All(s => s.Month != m))
                .Select(m => new PolicySlot((m - 1) / 3 + 1, MeetingType.MonthlyBriefing, policy.MonthlyMode, m, policy.MonthlyDay)));
        }

        foreach (var slot in slots.OrderBy(s => s.Month).ThenBy(s => s.Day))
        {
            var date = calendar.OnOrAfter(SafeDate(year, slot.Month, slot.Day));
            var title = slot.Type switch
            {
                MeetingType.MonthlyBriefing => $"Giao ban MTTQ, các đoàn thể chính trị - xã hội {areaName} tháng {slot.Month} năm {year}",
                MeetingType.QuarterlyBriefing => $"Giao ban MTTQ, các đoàn thể chính trị - xã hội {areaName} quý {MeetingKinds.Roman(slot.Quarter)} năm {year}",
                MeetingType.HalfYearReview => $"Sơ kết 6 tháng đầu năm {year} MTTQ, các đoàn thể chính trị - xã hội {areaName}",
                MeetingType.AnnualReview => $"Tổng kết năm {year} MTTQ, các đoàn thể chính trị - xã hội {areaName}",
                MeetingType.ThematicBriefing => $"Giao ban chuyên đề quý {MeetingKinds.Roman(slot.Quarter)} năm {year}",
                MeetingType.Other => $"Họp {areaName} quý {MeetingKinds.Roman(slot.Quarter)} năm {year}",
            };
            meetings.Add(new PlannedMeeting(title, slot.Type, slot.Mode, date, organizer.Id, slot.Quarter));
        }

        for (var quarter = Math.Max(1, policy.ThematicFromQuarter); quarter <= 4; quarter++)
        {
            // The middle month of the quarter; organizations a working day apart so one room is not booked twice.
            var month = (quarter - 1) * 3 + 2;
            var date = SafeDate(year, month, policy.ThematicDay).AddDays(-1);
            for (var i = 0; i < organizations.Count; i++)
            {
                var org = organizations[i];
                date = calendar.OnOrAfter(date.AddDays(1));
                meetings.Add(new PlannedMeeting(
                    $"Giao ban chuyên đề {org.ShortName} với cơ sở quý {MeetingKinds.Roman(quarter)} năm {year}",
                    MeetingType.ThematicBriefing, policy.ThematicMode, date, org.Id, quarter));
            }
        }

        return meetings.OrderBy(m => m.Date).ToList();
    }

    private static DateOnly SafeDate(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
