using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;

namespace Briefings.Web.Infrastructure;

/// <summary>
/// Where the data-protection key ring lives: sign-in cookies, calendar-feed links, page notices and the signing
/// certificates stored encrypted in the database are all protected with it, so it must outlive a restart and be
/// backed up with the database. <c>DataProtection:KeyFolder</c> (default <c>data/keys</c> under the working folder)
/// holds it; with <c>Redis:Connection</c> the ring is shared through Redis and this folder is its local copy
/// (unless <c>Redis:FallbackKeyFolder</c> names another). A folder the app cannot write stops start-up with a
/// message naming the setting, instead of keys silently kept in memory or in a service account's home and lost.
/// </summary>
public static class KeyRingSetup
{
    public const string Setting = "DataProtection:KeyFolder";

    public static string Folder(IConfiguration configuration) =>
        Path.GetFullPath(configuration[Setting] is { Length: > 0 } folder
            ? folder
            : Path.Combine(configuration["Database:DataFolderRoot"] ?? Directory.GetCurrentDirectory(), "data", "keys"));

    public static void AddKeyRing(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration["Redis:Connection"]))
        {
            return; // RedisSetup keeps the ring in Redis with its local copy.
        }

        // The application name, not ASP.NET's default (the content root path), isolates the ring: a restore into
        // another folder or a move of the app's folder keeps cookies and the stored certificates readable; the
        // same name as with Redis, so adding Redis later keeps them too.
        builder.Services.AddBriefingsDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(EnsureWritable(Folder(builder.Configuration), Setting)));
    }

    /// <summary>Data protection as every instance sets it up, whether its ring is in a folder or in Redis.</summary>
    /// <remarks>
    /// New keys use AES-256-GCM instead of the default AES-256-CBC with HMACSHA256: on Linux the default runs the
    /// managed CBC and HMAC implementations and creates HMAC objects per call, and a signed-in page opens the sign-in
    /// cookie and protects the antiforgery tokens on every request — about half the time for GCM (issue 14.5,
    /// docs/benchmarks.md "round 9"). Keys already in a ring keep their own algorithm (each key stores it), so
    /// cookies and stored certificates stay readable; the ring's next key (at the latest when the current one expires
    /// after 90 days) is GCM.
    /// </remarks>
    public static IDataProtectionBuilder AddBriefingsDataProtection(this IServiceCollection services) =>
        services.AddDataProtection().SetApplicationName("Briefings")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });

    /// <summary>Creates the folder and proves the app can write there, or stops start-up naming the setting.</summary>
    public static string EnsureWritable(string folder, string setting)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"The data-protection key folder '{folder}' ({setting}) cannot be written: {ex.Message} " +
                $"Set {setting.Replace(":", "__", StringComparison.Ordinal)} to a folder the app's account can write, and back it up with the database.", ex);
        }
    }
}
