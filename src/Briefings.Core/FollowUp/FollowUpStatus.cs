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
    /// <summary>How many days overdue the dashboards, exports and reviews age open tasks by ("quá hạn trên 30 ngày").</summary>
    public static readonly IReadOnlyList<int> AgeingDays = [30, 90, 120];

    // THE status rule: every status shown, counted, filtered, exported or reviewed comes from this one expression,
    // compiled for single tasks (Of) and turned into SQL by EF for many (Classify, Is, Keyed).
    private static readonly Expression<Func<DateOnly?, DateOnly?, DateOnly, FollowUpStatus>> Rule = (due, done, today) =>
        done != null
            ? (due == null || done <= due ? FollowUpStatus.DoneOnTime : FollowUpStatus.DoneLate)
            : due == null ? FollowUpStatus.NoDeadline
            : due >= today ? FollowUpStatus.OpenOnTime
            : FollowUpStatus.OpenOverdue;

    // The ageing rule: how many days (of AgeingDays) an open task is overdue beyond — 0 when not overdue that long.
    private static readonly Expression<Func<DateOnly?, DateOnly?, DateOnly, int>> AgeRule = (due, done, today) =>
        done == null && due != null && due < today.AddDays(-120) ? 120
        : done == null && due != null && due < today.AddDays(-90) ? 90
        : done == null && due != null && due < today.AddDays(-30) ? 30
        : 0;

    private static readonly Func<DateOnly?, DateOnly?, DateOnly, FollowUpStatus> CompiledRule = Rule.Compile();
    private static readonly Func<DateOnly?, DateOnly?, DateOnly, int> CompiledAge = AgeRule.Compile();

    /// <summary>
    /// The status on <paramref name="today"/> of a task due on <paramref name="dueOn"/> (null: no due day) and
    /// finished on <paramref name="completedOn"/> (null: not confirmed done yet). A task awaiting the office's
    /// confirmation still counts as not done. Databases run the very same rule through <see cref="Classify"/>.
    /// </summary>
    public static FollowUpStatus Of(DateOnly? dueOn, DateOnly? completedOn, DateOnly today) => CompiledRule(dueOn, completedOn, today);

    /// <summary>The overdue age bucket of a task: 120, 90 or 30 (overdue beyond that many days, open) or 0.</summary>
    public static int AgeOf(DateOnly? dueOn, DateOnly? completedOn, DateOnly today) => CompiledAge(dueOn, completedOn, today);

    /// <summary>The rule as an expression over tasks that EF turns into SQL (a CASE on DueOn and CompletedOn, which the
    /// indexes cover): <c>tasks.GroupBy(FollowUpStatuses.Classify(today))</c>.</summary>
    public static Expression<Func<FollowUpTask, FollowUpStatus>> Classify(DateOnly today) => Keyed(today, (t, status, age) => status);

    /// <summary>
    /// The rule as a predicate over tasks that databases run (<c>tasks.Where(FollowUpStatuses.Is(s, today))</c>).
    /// </summary>
    public static Expression<Func<FollowUpTask, bool>> Is(FollowUpStatus status, DateOnly today) => Keyed(today, (t, s, age) => s == status);

    /// <summary>Open tasks overdue beyond <paramref name="days"/> (one of <see cref="AgeingDays"/>), as a predicate databases run.</summary>
    public static Expression<Func<FollowUpTask, bool>> OverdueBeyond(int days, DateOnly today) => Keyed(today, (t, s, age) => age >= days);

    /// <summary>
    /// A key over tasks built from the task, its status and its age bucket — e.g. <c>(t, status, age) => new { t.LeadUnitId,
    /// status, age }</c> to group by — with the status and age written in as the rule's own expressions, so that a
    /// dashboard counts per unit and status in one SQL query without restating the rule.
    /// </summary>
    public static Expression<Func<FollowUpTask, TKey>> Keyed<TKey>(DateOnly today, Expression<Func<FollowUpTask, FollowUpStatus, int, TKey>> shape)
    {
        var task = shape.Parameters[0];
        var day = Expression.Property(Expression.Constant(new Day(today)), nameof(Day.Value));
        var due = Expression.Property(task, nameof(FollowUpTask.DueOn));
        var done = Expression.Property(task, nameof(FollowUpTask.CompletedOn));
        var status = Substitute(Rule, due, done, day);
        var age = Substitute(AgeRule, due, done, day);
        var body = new Replace(new Dictionary<ParameterExpression, Expression> { [shape.Parameters[1]] = status, [shape.Parameters[2]] = age }).Visit(shape.Body);
        return Expression.Lambda<Func<FollowUpTask, TKey>>(body, task);
    }

    private static Expression Substitute(LambdaExpression rule, Expression due, Expression done, Expression today) =>
        new Replace(new Dictionary<ParameterExpression, Expression> { [rule.Parameters[0]] = due, [rule.Parameters[1]] = done, [rule.Parameters[2]] = today }).Visit(rule.Body);

    // A captured value, so that EF sends "today" as a parameter rather than a literal (one cached plan a day is fine either way).
    private sealed class Day(DateOnly value)
    {
        public DateOnly Value { get; } = value;
    }

    private sealed class Replace(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var e) ? e : node;
    }

    /// <summary>"Quá hạn trên 30 ngày": the label of an ageing bucket.</summary>
    public static string AgeLabel(int days) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Quá hạn trên {days} ngày");

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
