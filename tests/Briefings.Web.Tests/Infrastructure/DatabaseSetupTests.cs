using System.Data;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>The app's contexts come from a pool (issue 14.5): a context given back must not carry anything of its
/// last use into the next one — its open connection, its tracked rows, who acted.</summary>
[Collection(AppCollection.Name)]
public sealed class DatabaseSetupTests(AppFactory app)
{
    [Fact]
    public async Task PooledContext_ScopeEndedWithConnectionOpen_NextScopeGetsItClosedAndEmpty()
    {
        BriefingsDbContext first;
        await using (var scope = app.Scope())
        {
            first = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
            // As the session check does on a page request: the request's context keeps its connection open.
            await first.Database.OpenConnectionAsync();
            _ = await first.Units.FirstAsync(u => u.Code == Demo.AnLac);
            Assert.Equal(ConnectionState.Open, first.Database.GetDbConnection().State);
            Assert.NotEmpty(first.ChangeTracker.Entries());
        }

        // The pool hands its contexts out in turn: take them until the one used above comes back.
        var factory = app.Services.GetRequiredService<IDbContextFactory<BriefingsDbContext>>();
        var taken = new List<BriefingsDbContext>();
        try
        {
            while (taken.Count < 1100 && (taken.Count == 0 || !ReferenceEquals(taken[^1], first)))
            {
                taken.Add(await factory.CreateDbContextAsync());
            }

            var again = taken[^1];
            Assert.Same(first, again);
            Assert.Equal(ConnectionState.Closed, again.Database.GetDbConnection().State);
            Assert.Empty(again.ChangeTracker.Entries());
            Assert.IsType<SystemActor>(again.Actor);
        }
        finally
        {
            foreach (var db in taken)
            {
                await db.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task PooledContext_ReturnedAfterAJobsActor_NextScopeRecordsItsOwnActor()
    {
        var id = Guid.CreateVersion7();
        var code = "POOL-" + id.ToString("N")[..8];
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
            db.Actor = new NamedActor("job-user", "Người chạy tác vụ");
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
            var parent = await db.Units.AsNoTracking().FirstAsync(u => u.Code == Demo.AnLac);
            db.Units.Add(Unit.Create(id, code, "Tổ kiểm tra bể ngữ cảnh", "Tổ kiểm tra", UnitKind.Office, parent));
            await db.SaveChangesAsync();
        }

        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Unit) && a.EntityId == id.ToString()).SingleAsync());
        // No request in this scope: the system acts, not the actor of the context's previous use.
        Assert.Null(entry.UserId);
        Assert.Equal("Hệ thống", entry.UserName);
    }

    private sealed class NamedActor(string userId, string userName) : IAuditActor
    {
        public string? UserId => userId;

        public string UserName => userName;
    }
}
