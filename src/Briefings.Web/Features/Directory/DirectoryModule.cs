using Briefings.Web.Documents;
namespace Briefings.Web.Features.Directory;

/// <summary>The organization directory: the unit tree, people and their positions, search, import/export.</summary>
public static class DirectoryModule
{
    public static void AddDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DirectoryOptions>().Bind(builder.Configuration.GetSection(DirectoryOptions.Section));
        builder.Services.AddScoped<SearchDirectory>();
        builder.Services.AddScoped<BrowseUnit>();
        builder.Services.AddScoped<SaveUnit>();
        builder.Services.AddScoped<MoveUnit>();
        builder.Services.AddScoped<RetireUnit>();
        builder.Services.AddScoped<GetPerson>();
        builder.Services.AddScoped<SavePerson>();
        builder.Services.AddScoped<RetirePerson>();
        builder.Services.AddScoped<ExportDirectory>();
        builder.Services.AddScoped<ImportDirectory>();
        builder.Services.AddSingleton<ImportJobs>();
    }

    public static void MapDirectory(this WebApplication app) =>
        app.MapGet("/directory/export.xlsx", ExportDirectory.HandleAsync).HeavyExport();
}

public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>Largest accepted import file, in bytes (default 5 MB).</summary>
    public long MaxImportBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How long the upload request waits for the import's result before sending the clerk to its progress page
    /// (default 2 s); zero always sends the clerk there.</summary>
    public TimeSpan ImportInlineWait { get; set; } = TimeSpan.FromSeconds(2);
}
