using Briefings.Web.Documents;
using Briefings.Core.Organizations;

namespace Briefings.Web.Features.Audit;

/// <summary>The audit log viewer and its export. Entries are written by the data layer on every save.
/// Who may read it: administrators and the office (clerks), each inside their own scope.</summary>
public static class AuditModule
{
    public static readonly string[] Readers = [Roles.Admin, Roles.Clerk];

    public static void AddAudit(this WebApplicationBuilder builder) => builder.Services.AddScoped<ListAuditEntries>();

    public static void MapAudit(this WebApplication app) =>
        app.MapGet("/audit/export.xlsx", ExportAuditEntries.HandleAsync)
            .RequireAuthorization(policy => policy.RequireRole(Readers)).HeavyExport();
}
