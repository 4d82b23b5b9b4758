using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Briefings.Data;

/// <summary>Recognizes database errors that a use case answers by retrying rather than failing.</summary>
public static class DatabaseErrors
{
    // PostgreSQL unique_violation; SQLite SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
    private const string PostgresUniqueViolation = "23505";
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    // PostgreSQL foreign_key_violation; SQLite SQLITE_CONSTRAINT_FOREIGNKEY.
    private const string PostgresForeignKeyViolation = "23503";
    private const int SqliteConstraintForeignKey = 787;

    /// <summary>Whether a write named a row that does not exist (a forged or stale id).</summary>
    public static bool IsForeignKeyViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresForeignKeyViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey,
        _ => false,
    };

    // PostgreSQL deadlock_detected and serialization_failure: the server ended this transaction so that another could go on.
    private static readonly string[] PostgresConflicts = ["40P01", "40001"];

    /// <summary>Whether the server ended this write's transaction in favour of a concurrent one (PostgreSQL's
    /// deadlock or serialization failure): nothing of it was saved, and the same work run again may pass.</summary>
    public static bool IsTransactionConflict(DbUpdateException exception) =>
        exception.InnerException is PostgresException pg && PostgresConflicts.Contains(pg.SqlState);

    /// <summary>Whether an insert or update collided with a unique index or key: another transaction took
    /// the same value first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        PostgresException pg => pg.SqlState == PostgresUniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
