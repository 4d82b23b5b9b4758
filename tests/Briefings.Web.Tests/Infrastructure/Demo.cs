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

    public static async Task<T> WithDbAsync<T>(this AppFactory app, Func<BriefingsDbContext, Task<T>> work)
    {
        await using var scope = app.Scope();
        return await work(scope.ServiceProvider.GetRequiredService<BriefingsDbContext>());
    }
}
