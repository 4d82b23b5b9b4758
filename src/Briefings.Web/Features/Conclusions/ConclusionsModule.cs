namespace Briefings.Web.Features.Conclusions;

/// <summary>Conclusions as structured records, numbered in the document register when issued.</summary>
public static class ConclusionsModule
{
    public static void AddConclusions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConclusionOptions>().Bind(builder.Configuration.GetSection(ConclusionOptions.Section));
        builder.Services.AddScoped<SubmitConclusion>();
        builder.Services.AddScoped<ApproveConclusion>();
        builder.Services.AddScoped<IssueConclusion>();
        builder.Services.AddScoped<BrowseRegister>();
    }
}
