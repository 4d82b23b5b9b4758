using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Briefings.Data;

/// <summary>
/// A check followed by an insert where no unique key can say "the same one" (a proposal or a speaking registration
/// equal to one already sent: long free text). Without it the check is a race: four identical posts at once (a double
/// click, curl) passed the check together and made four proposals. Between <see cref="BeginSerializedAsync"/> and the
/// end of its transaction the caller is the only writer of its <c>key</c>, on every instance: SQLite's transaction
/// takes the database's write lock as it begins (Microsoft.Data.Sqlite begins IMMEDIATE), PostgreSQL takes a
/// transaction-scoped advisory lock on the key's hash. Inside a caller's own transaction the lock joins it.
/// </summary>
public static class SerializedWrites
{
    public sealed class Scope(IDbContextTransaction? own) : IAsyncDisposable
    {
        /// <summary>Commits the transaction begun for the check (after SaveChanges); a no-op inside a caller's transaction.</summary>
        public Task CommitAsync(CancellationToken ct = default) => own?.CommitAsync(ct) ?? Task.CompletedTask;

        /// <summary>Without a commit: rolled back, the lock released.</summary>
        public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    public static async Task<Scope> BeginSerializedAsync(this BriefingsDbContext db, string key, CancellationToken ct = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        }

        return new Scope(own);
    }
}
