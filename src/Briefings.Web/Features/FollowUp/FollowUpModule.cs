using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Infrastructure;

namespace Briefings.Web.Features.FollowUp;

/// <summary>Follow-up of conclusions: each directive becomes a task of its lead unit at issue; units report, ask to
/// close and ask for extensions; the office confirms, returns, approves or refuses; proposers see the answers.</summary>
public static class FollowUpModule
{
    public static void AddFollowUp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FollowUpOptions>().Bind(builder.Configuration.GetSection(FollowUpOptions.Section));
        builder.Services.AddScoped<CreateTasks>();
        builder.Services.AddScoped<IConclusionIssuedHandler>(sp => sp.GetRequiredService<CreateTasks>());
        builder.Services.AddScoped<IProposalAnswers, AnswersToProposals>();
        builder.Services.AddScoped<TaskAccess>();
        builder.Services.AddScoped<TaskLoader>();
        builder.Services.AddScoped<Attachments>();
        builder.Services.AddScoped<BrowseTasks>();
        builder.Services.AddScoped<DashboardHtml>();
        builder.Services.AddScoped<ReadTask>();
        builder.Services.AddScoped<SubmitReport>();
        builder.Services.AddScoped<RequestCompletion>();
        builder.Services.AddScoped<ReviewCompletion>();
        builder.Services.AddScoped<RequestExtension>();
        builder.Services.AddScoped<DecideExtension>();
        builder.Services.AddScoped<WithdrawReport>();
        if (builder.Configuration.GetValue($"{FollowUpOptions.Section}:{nameof(FollowUpOptions.RunPeriodJob)}", true))
        {
            builder.Services.AddBackgroundJob<FollowUpPeriodJob>();
        }
    }

    public static void MapFollowUp(this WebApplication app)
    {
        app.MapGet("/tasks/{id:guid}/attachments/{attachmentId:guid}", Attachments.DownloadAsync).RequireAuthorization();
    }
}
