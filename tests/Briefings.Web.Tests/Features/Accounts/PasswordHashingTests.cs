using System.Buffers.Binary;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Accounts;

/// <summary>The suites hash passwords at a test work factor (<see cref="AppFactory.TestPasswordIterations"/>); the app
/// as deployed must keep Identity's own, which is what guards a stolen database.</summary>
[Collection(AppCollection.Name)]
public sealed class PasswordHashingTests(AppFactory app)
{
    [Fact]
    public void DeployedAccounts_HashWithIdentitysDefaultRounds_AtLeastOneHundredThousand()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddAccounts();
        using var services = builder.Services.BuildServiceProvider();
        var hash = services.GetRequiredService<IPasswordHasher<ApplicationUser>>().HashPassword(new ApplicationUser(), "Mat-khau-thu-2026");

        Assert.True(Rounds(hash) >= 100_000, $"the deployed app hashes with {Rounds(hash)} PBKDF2 rounds");
    }

    [Fact]
    public async Task TestApps_DemoAccountsHashedAtTheTestRounds_AndSignInWorks()
    {
        var hash = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "vanphong").Select(u => u.PasswordHash).SingleAsync());

        Assert.Equal(AppFactory.TestPasswordIterations, Rounds(hash!));
        using var client = await app.LoginAsync("vanphong");
    }

    /// <summary>The rounds stored in an Identity v3 hash: a format byte, the PRF, then the count, big-endian.</summary>
    private static int Rounds(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
