using System.Reflection;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// Where the app reads appsettings.json, wwwroot and Templates from: its own folder (beside Briefings.Web.dll),
/// whatever the working directory. The framework's default is the working directory, so an app started from
/// another folder served empty CSS/JS and ignored its appsettings.json. An explicit <c>--contentRoot</c> or
/// <c>ASPNETCORE_CONTENTROOT</c> still wins; test hosts (another entry assembly) keep their own choice.
/// </summary>
public static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    public static WebApplicationOptions Options(string[] args)
    {
        var ownProcess = Assembly.GetEntryAssembly() == typeof(ContentRoot).Assembly;
        return new WebApplicationOptions { Args = args, ContentRootPath = ownProcess ? Choose(args, Environment.GetEnvironmentVariables(), AppContext.BaseDirectory) : null };
    }

    /// <summary>The app's folder, or null when the caller set the content root explicitly.</summary>
    /// <exception cref="InvalidOperationException">The app's folder has no appsettings.json.</exception>
    public static string? Choose(string[] args, System.Collections.IDictionary environment, string appFolder)
    {
        var explicitArg = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase));
        if (explicitArg || environment.Contains("ASPNETCORE_CONTENTROOT") || environment.Contains("DOTNET_CONTENTROOT"))
        {
            return null;
        }

        if (!File.Exists(Path.Combine(appFolder, SettingsFile)))
        {
            throw new InvalidOperationException(
                $"Cannot find {SettingsFile} in the app's folder '{appFolder}'. Start the published app (dotnet publish) or pass --contentRoot <folder with appsettings.json and wwwroot>.");
        }

        return appFolder;
    }

    /// <summary>Outside Development static files come from wwwroot in the content root; without it every CSS
    /// and JS would be served empty. A build output (no wwwroot beside the dll, but the build's static web assets
    /// manifest) serves them from the project, as Development does; anything else refuses to start.</summary>
    public static void EnsureWebRoot(this WebApplicationBuilder builder)
    {
        var ownProcess = Assembly.GetEntryAssembly() == typeof(ContentRoot).Assembly;
        var webRoot = builder.Environment.WebRootPath is { Length: > 0 } w ? w : Path.Combine(builder.Environment.ContentRootPath, "wwwroot");
        if (!ownProcess || builder.Environment.IsDevelopment() || Directory.Exists(webRoot))
        {
            return;
        }

        var manifest = Path.Combine(AppContext.BaseDirectory, builder.Environment.ApplicationName + ".staticwebassets.runtime.json");
        if (File.Exists(manifest))
        {
            builder.WebHost.UseStaticWebAssets();
            return;
        }

        throw new InvalidOperationException(
            $"The folder '{webRoot}' is missing: run the app from its publish folder (dotnet publish) or pass --contentRoot.");
    }
}
