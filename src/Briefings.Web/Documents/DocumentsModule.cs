namespace Briefings.Web.Documents;

/// <summary>The paper templates every feature prints with (read from the <c>Conclusions</c> section, where the
/// template folder has always been configured).</summary>
public static class DocumentsModule
{
    public static void AddDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PaperTemplateOptions>().Bind(builder.Configuration.GetSection("Conclusions"));
        builder.Services.AddSingleton<PaperTemplates>();
        builder.Services.AddScoped<PaperNumbers>();
        builder.Services.AddOptions<ExportLimitOptions>().Bind(builder.Configuration.GetSection(ExportLimitOptions.Section));
        builder.Services.AddSingleton<ExportSlots>();
    }
}
