using Briefings.Data;

namespace Briefings.Web.Infrastructure;

public static class HealthSetup
{
    public static void AddHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddDbContextCheck<BriefingsDbContext>("database");

    /// <summary><c>/health</c>: 200 "Healthy" when the database answers, 503 otherwise. No login needed.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/health").AllowAnonymous().DisableHttpMetrics();
}
