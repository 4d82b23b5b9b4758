using System.Net;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task KeyRing_MadeBeforeTheAlgorithmChange_StillReadAndUsed_ANewRingUsesGcm()
    {
        var root = System.IO.Directory.CreateTempSubdirectory("briefings-keys-").FullName;
        var oldKeys = Path.Combine(root, "old");
        var newKeys = Path.Combine(root, "new");
        try
        {
            // A ring as deployments made it before: ASP.NET's default algorithms (AES-256-CBC + HMACSHA256).
            var before = new ServiceCollection();
            before.AddDataProtection().SetApplicationName("Briefings").PersistKeysToFileSystem(new DirectoryInfo(oldKeys));
            string secret;
            using (var provider = before.BuildServiceProvider())
            {
                secret = provider.GetDataProtector("briefings.test").Protect("đã lưu trước khi đổi thuật toán");
            }

            using (var app = new ConfiguredAppFactory(new Dictionary<string, string?> { ["DataProtection:KeyFolder"] = oldKeys }))
            {
                using var client = app.Client();
                var cookie = TestAccounts.AuthCookie(await client.LoginAsync("vanphong", AppFactory.DemoPassword));
                var protector = app.Services.GetDataProtector("briefings.test");

                Assert.Equal("đã lưu trước khi đổi thuật toán", protector.Unprotect(secret));
                Assert.False(string.IsNullOrEmpty(cookie));
                // The old key is still the ring's default: no second key made, sign-ins go on with it.
                var key = Assert.Single(System.IO.Directory.GetFiles(oldKeys, "key-*.xml"));
                Assert.Contains("AES_256_CBC", await File.ReadAllTextAsync(key), StringComparison.Ordinal);
            }

            using (var app = new ConfiguredAppFactory(new Dictionary<string, string?> { ["DataProtection:KeyFolder"] = newKeys }))
            {
                using var client = app.Client();
                await client.LoginAsync("vanphong", AppFactory.DemoPassword);

                var key = Assert.Single(System.IO.Directory.GetFiles(newKeys, "key-*.xml"));
                Assert.Contains("AES_256_GCM", await File.ReadAllTextAsync(key), StringComparison.Ordinal);
            }
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
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
