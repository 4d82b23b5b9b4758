namespace Briefings.Web.Features.Audit;

/// <summary>The audit log viewer. Entries are written by the data layer on every save.</summary>
public static class AuditModule
{
    public static void AddAudit(this WebApplicationBuilder builder) => builder.Services.AddScoped<ListAuditEntries>();
}
