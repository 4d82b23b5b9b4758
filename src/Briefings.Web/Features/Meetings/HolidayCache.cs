using Briefings.Core.Meetings;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// The office's holiday list of each year as this app instance last read it, kept for <see cref="Lifetime"/>: every task
/// list names the due days that fall on a day off (<see cref="HolidayStore.DaysOffAsync"/>), and reading and parsing the
/// list's JSON on every inbox, dashboard drill-down and export was a measurable part of those pages (issue 14.5,
/// docs/benchmarks.md "Signed-in pages, round 6"). One per app (a singleton, not a static: the tests run many apps with
/// their own databases in one process). <see cref="HolidayStore.SaveAsync"/> forgets the year it saved, so the instance
/// where the office edits shows the new list at once; another instance shows it within <see cref="Lifetime"/>.
/// Only the day-off hint reads it: the holiday page and the year plan read the list fresh (<see cref="HolidayStore.GetAsync"/>).
/// </summary>
public sealed class HolidayCache(TimeProvider clock)
{
    /// <summary>How long an instance may show a list another instance has changed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    // Years named by the due days of the data: a handful. The bound only keeps a flood of odd years from growing it.
    private const int Capacity = 64;

    private readonly Infrastructure.BoundedCache<int, IReadOnlyList<Holiday>> years = new(Capacity, clock);

    // Bumped by every Forget: a read that began before a save does not keep the list it read before the save.
    private long generation;

    public bool TryGet(int year, out IReadOnlyList<Holiday> days) => years.TryGet(year, out days);

    /// <summary>The generation to hand back to <see cref="Keep"/>, taken before reading the database.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Keeps the year's list read since <paramref name="readSince"/>, unless this instance saved a list since.</summary>
    public void Keep(int year, IReadOnlyList<Holiday> days, long readSince)
    {
        if (readSince == Generation)
        {
            years.Set(year, days, clock.GetUtcNow() + Lifetime);
        }
    }

    /// <summary>Forgets the year's list (after this instance saved it).</summary>
    public void Forget(int year)
    {
        Interlocked.Increment(ref generation);
        years.Remove(year);
    }
}
