using System.Security.Cryptography;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Infrastructure;

/// <summary>The <c>Admin</c> section: the first administrator of a new installation.</summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "Admin";
    public string UserName { get; set; } = "admin";

    /// <summary>When empty, a one-time password is generated, logged once, and must be changed at first login.</summary>
    public string? Password { get; set; }

    /// <summary>Code of the unit the admin belongs to; defaults to the first root unit (created if none).</summary>
    public string? UnitCode { get; set; }
}

public sealed class AccountBootstrap(
    BriefingsDbContext db,
    RoleManager<IdentityRole> roles,
    UserManager<ApplicationUser> users,
    IOptions<AdminBootstrapOptions> adminOptions,
    IOptions<Demo.DemoOptions> demoOptions,
    ILogger<AccountBootstrap> logger)
{
    public async Task EnsureAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        // The demo seeder creates its own accounts, admin included.
        if (demoOptions.Value.Load || await db.Users.AnyAsync())
        {
            return;
        }

        var options = adminOptions.Value;
        var unit = options.UnitCode is { } code
            ? await db.Units.FirstOrDefaultAsync(u => u.Code == code) ?? throw new InvalidOperationException($"Admin:UnitCode '{code}' names no unit.")
            : await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).FirstOrDefaultAsync();
        if (unit is null)
        {
            unit = Unit.Create(Guid.CreateVersion7(), "GOC", "Đơn vị gốc", "Đơn vị gốc", UnitKind.Area, null);
            db.Units.Add(unit);
            await db.SaveChangesAsync();
        }

        var generated = string.IsNullOrEmpty(options.Password);
        var password = generated ? GeneratePassword() : options.Password!;
        var admin = new ApplicationUser { UserName = options.UserName, FullName = "Quản trị hệ thống", UnitId = unit.Id, MustChangePassword = generated };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Cannot create the first admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        if (generated)
        {
            // Shown once: it is not stored anywhere but as a hash, and must be changed at first login.
            logger.LogWarning("First administrator created: user name '{UserName}', one-time password '{Password}'. Change it at first login.", options.UserName, password);
        }
        else
        {
            logger.LogInformation("First administrator '{UserName}' created from configuration.", options.UserName);
        }
    }

    /// <summary>A one-time password: 16 characters drawn uniformly from 55 unambiguous letters and digits
    /// (about 92 bits), redrawn until it has a digit, a lower and an upper case letter (Identity's rules), so no
    /// position is predictable.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(alphabet, 16);
            if (chars.Any(char.IsDigit) && chars.Any(char.IsLower) && chars.Any(char.IsUpper))
            {
                return new string(chars);
            }
        }
    }
}
