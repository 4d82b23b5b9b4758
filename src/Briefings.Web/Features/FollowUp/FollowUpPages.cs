using System.Globalization;

namespace Briefings.Web.Features.FollowUp;

/// <summary>Shared bits of the dashboard, drill-down, export and search pages.</summary>
public static class FollowUpPages
{
    public static FollowUpDashboard.Filter FilterFrom(IQueryCollection query)
    {
        static Guid? Id(string? s) => Guid.TryParse(s, out var g) ? g : null;
        return new FollowUpDashboard.Filter(Id(query["conclusion"]), Id(query["unit"]), NullIfEmpty(query["period"]), NullIfEmpty(query["status"]), Id(query["lead"]));
    }

    public static string Percent(int part, int total) =>
        total == 0 ? "0%" : (100.0 * part / total).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
