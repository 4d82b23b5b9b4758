using System.Net;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>The data-protection key ring (sign-in cookies, stored signing certificates) lives in the folder the
/// guide names, survives a restart, and a folder the app cannot write stops start-up naming the setting.</summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task SignedIn_AppRestartedOnSameDatabaseAndKeyFolder_StillSignedIn()
    {
        var keys = Path.Combine(System.IO.Directory.CreateTempSubdirectory("briefings-keys-").FullName, "keys");
        try
        {
            using var first = new ConfiguredAppFactory(new Dictionary<string, string?> { ["DataProtection:KeyFolder"] = keys });
            using var client = first.Client();
            var cookie = TestAccounts.AuthCookie(await client.LoginAsync("vanphong", AppFactory.DemoPassword));

            Assert.NotEmpty(System.IO.Directory.GetFiles(keys, "key-*.xml"));

            // The same database and key folder, another app (a restart; another content root would do the same).
            using var restarted = new ConfiguredAppFactory(new Dictionary<string, string?>
            {
                ["DataProtection:KeyFolder"] = keys,
                ["Database:ConnectionString"] = first.ConnectionString,
                ["Demo:DataFolder"] = first.Folder,
            });
            using var http = restarted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/meetings");
            request.Headers.Add("Cookie", cookie);

            var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            System.IO.Directory.Delete(Path.GetDirectoryName(keys)!, recursive: true);
        }
    }

    [Fact]
    public void Startup_KeyFolderNotWritable_StopsWithClearMessage()
    {
        // A path under a file cannot be created, whoever runs the tests (root included).
        var file = Path.GetTempFileName();
        try
        {
            using var app = new ConfiguredAppFactory(new Dictionary<string, string?> { ["DataProtection:KeyFolder"] = Path.Combine(file, "keys") });

            var error = Assert.ThrowsAny<Exception>(() => app.Client());

            Assert.Contains("(DataProtection:KeyFolder) cannot be written", error.GetBaseException().Message + error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
