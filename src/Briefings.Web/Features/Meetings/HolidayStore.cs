using System.Globalization;
using System.Text.Json;
using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// The days off of each year (public holidays and the government's moved days), as data the office edits: one
/// setting per year ("meetings.holidays.2027", audited like every setting). A year nobody has edited uses
/// <see cref="PublicHolidays.Defaults"/> — the Labour Code days with Tết and Giỗ Tổ from the lunar calendar.
/// </summary>
/// <param name="cache">This instance's copy of the lists for the day-off hint (<see cref="DaysOffAsync"/>); none: read every time.</param>
public sealed class HolidayStore(BriefingsDbContext db, HolidayCache? cache = null)
{
    // Readable in the settings table and the audit log ("Nghỉ bù", not "Ngh\u1EC9 b\u00F9").
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Current(int Year, IReadOnlyList<Holiday> Days, int Version, bool IsDefault);

    public static string Key(int year) => string.Create(CultureInfo.InvariantCulture, $"meetings.holidays.{year}");

    /// <summary>Who may change the list: administrators and the office of an area (its clerks). The days off move every
    /// plan and deadline of the installation, so the office of the Front or an organization — a body's clerk, whose scope
    /// is that body and not the area — reads the list but does not change it (walk-hostile4: the Front's clerk saved it).</summary>
    public static bool MayEdit(UserContext? user) => user is not null && (user.IsInRole(Core.Organizations.Roles.Admin)
        || (user.IsInRole(Core.Organizations.Roles.Clerk) && user.Scope.SubtreePath is { } subtree && subtree == user.Scope.AreaPath));

    public async Task<Current> GetAsync(int year, CancellationToken ct = default)
    {
        var key = Key(year);
        var entry = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
        return entry is null
            ? new Current(year, PublicHolidays.Defaults(year), 0, true)
            : new Current(year, JsonSerializer.Deserialize<List<Holiday>>(entry.Value) ?? [], entry.Version, false);
    }

    /// <summary>The working days of a year (and the next, for dates moved past New Year).</summary>
    public async Task<WorkingCalendar> CalendarAsync(int year, CancellationToken ct = default) =>
        new((await GetAsync(year, ct)).Days.Concat((await GetAsync(year + 1, ct)).Days).Select(h => h.Date));

    /// <summary>Which of <paramref name="days"/> are days off, with what makes each one ("thứ Bảy", "Chủ nhật" or the
    /// holiday's name from the office's list); working days are left out. One read of the list per year named.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, string>> DaysOffAsync(IEnumerable<DateOnly> days, CancellationToken ct = default)
    {
        var wanted = days.Distinct().ToList();
        var named = new Dictionary<DateOnly, string>();
        foreach (var year in wanted.Select(d => d.Year).Distinct())
        {
            var holidays = await DaysOfAsync(year, ct);
            foreach (var day in wanted.Where(d => d.Year == year))
            {
                if (DayOffName(day, holidays) is { } name)
                {
                    named[day] = name;
                }
            }
        }

        return named;
    }

    // The list for the hint, from this instance's copy when it has one (HolidayCache: at most a minute old, at once
    // after a save on this instance).
    private async Task<IReadOnlyList<Holiday>> DaysOfAsync(int year, CancellationToken ct)
    {
        if (cache is null)
        {
            return (await GetAsync(year, ct)).Days;
        }

        if (cache.TryGet(year, out var kept))
        {
            return kept;
        }

        var since = cache.Generation;
        var days = (await GetAsync(year, ct)).Days;
        cache.Keep(year, days, since);
        return days;
    }

    /// <summary>What makes <paramref name="day"/> a day off, or null on a working day: a holiday's name first, then the weekend.</summary>
    public static string? DayOffName(DateOnly day, IEnumerable<Holiday> holidays) =>
        holidays.FirstOrDefault(h => h.Date == day)?.Name ?? day.DayOfWeek switch
        {
            DayOfWeek.Saturday => "thứ Bảy",
            DayOfWeek.Sunday => "Chủ nhật",
            _ => null,
        };

    /// <summary>The words shown next to a due day that falls on a day off: "thứ Bảy, ngày nghỉ", "Tết Dương lịch, ngày nghỉ".</summary>
    public static string DayOffText(string name) => $"{name}, ngày nghỉ";

    public async Task<Result<Current>> SaveAsync(int year, IReadOnlyList<Holiday> days, int version, UserContext? user, CancellationToken ct = default)
    {
        if (!MayEdit(user))
        {
            return Error.Forbidden;
        }

        var errors = new List<Error>();
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].Date.Year != year)
            {
                errors.Add(new Error($"Dòng {i + 1}: ngày {days[i].Date:dd/MM/yyyy} không thuộc năm {year}.", $"Days[{i}].Date"));
            }

            if (string.IsNullOrWhiteSpace(days[i].Name))
            {
                errors.Add(new Error($"Dòng {i + 1}: vui lòng ghi tên ngày nghỉ.", $"Days[{i}].Name"));
            }
            else if (days[i].Name.Length > 200)
            {
                errors.Add(new Error($"Dòng {i + 1}: tên ngày nghỉ dài quá 200 ký tự.", $"Days[{i}].Name"));
            }
        }

        foreach (var twice in days.GroupBy(d => d.Date).Where(g => g.Count() > 1))
        {
            errors.Add(new Error($"Ngày {twice.Key:dd/MM/yyyy} có hai dòng.", $"Days[{days.ToList().FindIndex(d => d.Date == twice.Key)}].Date"));
        }

        if (errors.Count > 0)
        {
            return Result<Current>.Fail(errors);
        }

        var list = days.Select(d => d with { Name = d.Name.Trim() }).OrderBy(d => d.Date).ToList();
        var saved = await db.SaveSettingAsync(Key(year), JsonSerializer.Serialize(list, Json), version, ct);
        // Saved or refused as a conflict (someone else saved it meanwhile): this instance reads the list again.
        cache?.Forget(year);
        return saved is { } v ? Result<Current>.Ok(new Current(year, list, v, false)) : Error.Conflict;
    }
}
