using Briefings.Web.Documents;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.FollowUp;

/// <summary>Reminders, dashboards, exports, search and the review of the previous conclusion.</summary>
public static class FollowUpReportsModule
{
    public static void AddFollowUpReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FollowUpReminderOptions>().Bind(builder.Configuration.GetSection(FollowUpReminderOptions.Section));
        builder.Services.AddScoped<FollowUpDashboard>();
        builder.Services.AddScoped<FollowUpExport>();
        builder.Services.AddScoped<FollowUpSearch>();
        builder.Services.AddScoped<IMeetingSavedHandler, ReviewPreviousConclusion>();
        builder.Services.AddSingleton<FollowUpReminders>();
        if (builder.Configuration.GetValue($"{FollowUpReminderOptions.Section}:{nameof(FollowUpReminderOptions.Run)}", true))
        {
            builder.Services.AddBackgroundJob<FollowUpReminders>();
        }
    }

    public static void MapFollowUpReports(this WebApplication app)
    {
        app.MapGet("/followup/export.xlsx", FollowUpExport.XlsxAsync).RequireAuthorization().HeavyExport();
        app.MapGet("/followup/export.docx", FollowUpExport.DocxAsync).RequireAuthorization().HeavyExport();
    }
}
