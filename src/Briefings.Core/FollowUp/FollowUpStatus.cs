using System.Linq.Expressions;

namespace Briefings.Core.FollowUp;

/// <summary>
/// The status of a task as Vietnamese government trackers report it. It is never stored: it follows from
/// the task's due day, its completion day and today (Vietnam local date), see <see cref="FollowUpStatuses.Of"/>.
/// </summary>
public enum FollowUpStatus
{
    /// <summary>"Hoàn thành đúng hạn": confirmed done, finished on or before the due day (or no due day).</summary>
    DoneOnTime = 0,

    /// <summary>"Hoàn thành quá hạn": confirmed done, finished after the due day.</summary>
    DoneLate = 1,

    /// <summary>"Chưa hoàn thành trong hạn": not done yet, the due day has not passed (the due day itself is on time).</summary>
    OpenOnTime = 2,

    /// <summary>"Chưa hoàn thành quá hạn": not done and the due day has passed.</summary>
    OpenOverdue = 3,

    /// <summary>"Không thời hạn": ongoing work with no due day, not closed yet.</summary>
    NoDeadline = 4,
}

public static class FollowUpStatuses
{
    /// <summary>
    /// The status on <paramref name="today"/> of a task due on <paramref name="dueOn"/> (null: no due day) and
    /// finished on <paramref name="completedOn"/> (null: not confirmed done yet). A task awaiting the office's
    /// confirmation still counts as not done. The same rule is written in SQL by the dashboards: keep them in step.
    /// </summary>
    public static FollowUpStatus Of(DateOnly? dueOn, DateOnly? completedOn, DateOnly today) =>
        (dueOn, completedOn) switch
        {
            (null, not null) => FollowUpStatus.DoneOnTime,
            ({ } due, { } done) => done <= due ? FollowUpStatus.DoneOnTime : FollowUpStatus.DoneLate,
            (null, null) => FollowUpStatus.NoDeadline,
            ({ } due, null) => today <= due ? FollowUpStatus.OpenOnTime : FollowUpStatus.OpenOverdue,
        };

    /// <summary>
    /// The rule of <see cref="Of"/> as a predicate over tasks that databases run (<c>tasks.Where(FollowUpStatuses.Is(s, today))</c>),
    /// for counts and lists over many tasks: it reads only <see cref="FollowUpTask.DueOn"/> and
    /// <see cref="FollowUpTask.CompletedOn"/>, which the indexes cover.
    /// </summary>
    public static Expression<Func<FollowUpTask, bool>> Is(FollowUpStatus status, DateOnly today) => status switch
    {
        FollowUpStatus.DoneOnTime => t => t.CompletedOn != null && (t.DueOn == null || t.CompletedOn <= t.DueOn),
        FollowUpStatus.DoneLate => t => t.CompletedOn != null && t.DueOn != null && t.CompletedOn > t.DueOn,
        FollowUpStatus.OpenOnTime => t => t.CompletedOn == null && t.DueOn != null && t.DueOn >= today,
        FollowUpStatus.OpenOverdue => t => t.CompletedOn == null && t.DueOn != null && t.DueOn < today,
        FollowUpStatus.NoDeadline => t => t.CompletedOn == null && t.DueOn == null,
    };

    /// <summary>The Vietnamese label shown on badges and in reports.</summary>
    public static string Label(this FollowUpStatus status) => status switch
    {
        FollowUpStatus.DoneOnTime => "Hoàn thành đúng hạn",
        FollowUpStatus.DoneLate => "Hoàn thành quá hạn",
        FollowUpStatus.OpenOnTime => "Chưa hoàn thành trong hạn",
        FollowUpStatus.OpenOverdue => "Chưa hoàn thành quá hạn",
        FollowUpStatus.NoDeadline => "Không thời hạn",
    };

    /// <summary>The Vietnam local date of an instant: what "today" means for deadlines.</summary>
    public static DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(Common.VietnameseText.ToLocal(utc));

    /// <summary>Today in Vietnam, from the injected clock.</summary>
    public static DateOnly Today(this TimeProvider clock) => LocalDate(clock.GetUtcNow());
}
