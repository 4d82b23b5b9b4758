using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Briefings.Data;

/// <summary>
/// Gives the page version (<see cref="BriefingsDbContext.PageVersionKey"/>) a new value as the last statement of every
/// transaction in which a change a page may show was saved, right before its commit: the change and the new version
/// become visible together. One upsert of the settings row, written with SQL (not tracked, so not audited, and no read
/// before), the same statement on SQLite and PostgreSQL. Registered by <see cref="DatabaseRegistration.Configure"/>.
/// </summary>
public sealed class PageVersionOnCommit : DbTransactionInterceptor
{
    public static PageVersionOnCommit Instance { get; } = new();

    private const string Upsert =
        "INSERT INTO \"Settings\" (\"Key\", \"Value\", \"Version\") VALUES (@key, @value, 0) ON CONFLICT (\"Key\") DO UPDATE SET \"Value\" = excluded.\"Value\"";

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (Pending(eventData) is not null)
        {
            using var command = Command(transaction);
            command.ExecuteNonQuery();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        if (Pending(eventData) is not null)
        {
            await using var command = Command(transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return ValueTask.FromResult(result);
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static BriefingsDbContext? Pending(TransactionEventData eventData)
    {
        if (eventData.Context is BriefingsDbContext { PagesChangedInTransaction: true } db)
        {
            db.PagesChangedInTransaction = false;
            return db;
        }

        return null;
    }

    private static void Forget(TransactionEventData eventData)
    {
        if (eventData.Context is BriefingsDbContext db)
        {
            db.PagesChangedInTransaction = false;
        }
    }

    private static DbCommand Command(DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Upsert;
        Add(command, "@key", BriefingsDbContext.PageVersionKey);
        Add(command, "@value", Guid.NewGuid().ToString("N"));
        return command;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
