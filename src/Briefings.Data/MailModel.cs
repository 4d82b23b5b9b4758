using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Briefings.Data;

/// <summary>
/// One e-mail waiting in (or delivered from) the outbox. Written by <c>Mailer.SendAsync</c>, in the caller's
/// transaction when there is one, and delivered by the mail job until an SMTP server accepts it. Rows are kept after
/// delivery (<see cref="SentAt"/>) as the record of what was sent; they are not audited (they are themselves the log).
/// </summary>
public sealed class OutboxMail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>"Name\taddress" per line.</summary>
    public required string Recipients { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Delivery attempts made (failed or not).</summary>
    public int Attempts { get; set; }

    /// <summary>Not tried before this time (the back-off after a failed attempt).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>An instance is delivering it until then (a claim; an instance that died lets it lapse).</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the server refused the message for good (a permanent 5xx answer); never retried.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    public string? LastError { get; set; }

    public static string FormatRecipients(IEnumerable<(string Name, string Address)> to) =>
        string.Join('\n', to.Select(t => $"{Clean(t.Name)}\t{Clean(t.Address)}"));

    public IReadOnlyList<(string Name, string Address)> ParseRecipients() =>
        [.. Recipients.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t', 2)).Select(p => p.Length == 2 ? (p[0], p[1]) : ("", p[0]))];

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Trim();
}

internal static class MailModel
{
    public static void Configure(ModelBuilder builder) => builder.Entity<OutboxMail>(m =>
    {
        m.ToTable("OutboxMails");
        m.HasKey(x => x.Id);
        m.Property(x => x.Recipients).HasMaxLength(100_000);
        m.Property(x => x.Subject).HasMaxLength(1000);
        m.Property(x => x.Body).HasMaxLength(1_000_000);
        m.Property(x => x.LastError).HasMaxLength(2000);
        m.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
    });
}

public static class MailOutbox
{
    /// <summary>
    /// Puts a mail in the outbox through a second context on <paramref name="db"/>'s own connection, enlisted in its
    /// current transaction if any: the mail is committed (and later sent) only if the caller's work commits, nothing
    /// else the caller has pending is saved by it, and SQLite never sees a second writer waiting on the first.
    /// </summary>
    public static async Task EnqueueAsync(this BriefingsDbContext db, OutboxMail mail, CancellationToken ct)
    {
        var builder = new DbContextOptionsBuilder<BriefingsDbContext>();
        var connection = db.Database.GetDbConnection();
        if (db.Database.IsNpgsql())
        {
            builder.UseNpgsql(connection);
        }
        else
        {
            builder.UseSqlite(connection);
        }

        builder.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
        await using var outbox = new BriefingsDbContext(builder.Options);
        if (db.Database.CurrentTransaction is { } transaction)
        {
            await outbox.Database.UseTransactionAsync(transaction.GetDbTransaction(), ct);
        }

        outbox.OutboxMails.Add(mail);
        await outbox.SaveChangesAsync(ct);
    }
}
