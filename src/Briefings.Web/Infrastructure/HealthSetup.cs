using System.Text;
using Briefings.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Briefings.Web.Infrastructure;

public static class HealthSetup
{
    public static void AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddBackgroundJobRunner();
        builder.Services.TryAddSingleton<RedisConnection>();
        // One query on a pooled connection. EF's default test (CanConnectAsync) opens a connection outside the pool on
        // PostgreSQL (Npgsql checks "database exists" unpooled): a new server process on every /health (issue 14.5).
        builder.Services.AddHealthChecks().AddDbContextCheck<BriefingsDbContext>("database",
                customTestQuery: async (db, ct) => await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(ct) == 1)
            .AddCheck<BackgroundJobsHealthCheck>("jobs")
            .AddCheck<RedisHealthCheck>("redis")
            .AddCheck<Features.OnlineRoom.Media.JanusHealthCheck>("janus");
    }

    /// <summary><c>/health</c>, no login needed: 200 "Healthy" when all is well; 200 "Degraded" when the app serves
    /// but a part is missing (Redis unreachable, a Janus instance not answering, a background job failing); 503 "Unhealthy" when the database does not
    /// answer. Each part that is not healthy follows on its own line, "name: status — why".</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous().DisableHttpMetrics();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(" — ").Append(entry.Description ?? entry.Exception?.GetBaseException().Message);
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
