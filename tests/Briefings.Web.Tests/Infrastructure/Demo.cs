using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>Look-ups of demo records by their stable codes.</summary>
public static class Demo
{
    public static readonly string AnLac = DemoDistrict.CommuneCode(0);
    public static readonly string BinhDong = DemoDistrict.CommuneCode(1);

    public static async Task<Unit> UnitAsync(this AppFactory app, string code)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        return await db.Units.AsNoTracking().SingleAsync(u => u.Code == code);
    }

    public static async Task<Person> FirstPersonOfAsync(this AppFactory app, string unitCode)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == unitCode);
        return await db.People.AsNoTracking().Where(p => p.UnitId == unit.Id).OrderBy(p => p.FullName).FirstAsync();
    }

    public static async Task<Person> PersonAsync(this AppFactory app, Guid id)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        return await db.People.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    /// <summary>The context a signed-in account gets, as <see cref="Briefings.Web.Infrastructure.CurrentUser"/> builds
    /// it; the account's role and unit can be overridden to stand for an account the demo does not have.</summary>
    public static async Task<Briefings.Web.Infrastructure.UserContext> UserContextAsync(this AppFactory app, string userName, string? role = null, string? unitCode = null) =>
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
            var roles = role is null
                ? await db.UserRoles.Where(ur => ur.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync()
                : [role];
            var unit = unitCode is null
                ? await db.Units.AsNoTracking().SingleAsync(u => u.Id == user.UnitId)
                : await db.Units.AsNoTracking().SingleAsync(u => u.Code == unitCode);
            var ancestorIds = unit.AncestorIds();
            var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync();
            return new Briefings.Web.Infrastructure.UserContext(user, roles, unit, AccessScope.For(roles, unit, ancestors, user.IncludeSubunits));
        });

    public static async Task<T> WithDbAsync<T>(this AppFactory app, Func<BriefingsDbContext, Task<T>> work)
    {
        await using var scope = app.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>());
    }
}
