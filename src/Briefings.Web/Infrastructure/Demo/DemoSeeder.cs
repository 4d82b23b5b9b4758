using System.Globalization;
using Briefings.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Infrastructure.Demo;

/// <summary>Loads <see cref="DemoDistrict"/> into an empty database and prints the demo accounts.</summary>
public sealed class DemoSeeder(BriefingsDbContext db, UserManager<ApplicationUser> users, IOptions<DemoOptions> options, ILogger<DemoSeeder> logger, IServiceProvider services)
{
    public async Task SeedIfEmptyAsync()
    {
        var o = options.Value;
        if (!o.Load)
        {
            return;
        }

        var password = o.Password is { Length: > 0 } configured ? configured : await StoredOrNewPasswordAsync(o);
        if (!await db.Units.AnyAsync())
        {
            var demo = DemoDistrict.Build();
            db.Units.AddRange(demo.Units);
            db.People.AddRange(demo.People);
            await db.SaveChangesAsync();

            foreach (var (userName, role, unitCode, fullName, includeSubunits) in demo.Accounts)
            {
                var person = demo.People.FirstOrDefault(p => p.FullName == fullName);
                var user = new ApplicationUser
                {
                    UserName = userName,
                    FullName = fullName,
                    UnitId = demo[unitCode].Id,
                    PersonId = person?.Id,
                    IncludeSubunits = includeSubunits,
                };
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException("Demo account " + userName + ": " + string.Join(" ", result.Errors.Select(e => e.Description)));
                }

                await users.AddToRoleAsync(user, role);
            }

            logger.LogInformation("Demo district loaded: {Units} units, {People} people.", demo.Units.Count, demo.People.Count);
        }

        if (o.History && await db.Units.AnyAsync(u => u.Code == DemoDistrict.DistrictCode))
        {
            var today = Core.FollowUp.FollowUpStatuses.LocalDate(TimeProvider.System.GetUtcNow());
            await services.GetRequiredService<DemoHistory>().LoadIfEmptyAsync(today);
        }

        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync();
        Console.WriteLine();
        Console.WriteLine("Tài khoản thử nghiệm (demo accounts) — mật khẩu / password: " + password);
        foreach (var name in accounts)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  - {name}"));
        }

        Console.WriteLine();
    }

    private async Task<string> StoredOrNewPasswordAsync(DemoOptions o)
    {
        var folder = o.DataFolder ?? Path.Combine(Directory.GetCurrentDirectory(), "data");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "demo-accounts.txt");
        if (File.Exists(file))
        {
            var line = (await File.ReadAllLinesAsync(file)).FirstOrDefault(l => l.StartsWith("password=", StringComparison.Ordinal));
            if (line is not null)
            {
                return line["password=".Length..];
            }
        }

        var password = AccountBootstrap.GeneratePassword();
        await File.WriteAllTextAsync(file, $"# Demo accounts of this local database (development only).\npassword={password}\n");
        return password;
    }
}
