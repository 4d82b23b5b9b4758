namespace Briefings.Core.Common;

/// <summary>
/// The years a planned date (a meeting, a year plan, a task's new due day) may fall in. A date picker lets anyone type
/// year 0001 or 9999: the first turned a meeting at 06:00 into an instant before year 1 (an exception, the error page),
/// the second was saved and shown as a meeting or a deadline eight thousand years away. Dates brought in from history
/// (issued conclusions of past years) are not planned dates and are not held to this.
/// </summary>
public static class PlanningYears
{
    public const int First = 2000;
    public const int Last = 2100;

    public static bool Contain(DateOnly date) => date.Year is >= First and <= Last;

    /// <summary>The refusal, next to the field: "<paramref name="what"/> phải trong khoảng năm 2000 đến năm 2100."</summary>
    public static Error Refusal(string what, string field) => new($"{what} phải trong khoảng năm {First} đến năm {Last}.", field);
}
