using Briefings.Data;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// Sends e-mail through the outbox: <see cref="SendAsync"/> stores the mail in the database (in the caller's
/// transaction when there is one) and returns; <see cref="MailDelivery"/> hands it to the SMTP server
/// (<c>Mail:SmtpHost</c>) or, without one, writes it as an .eml file to <c>Mail:PickupFolder</c> (development and
/// tests), retrying until it is accepted. Nothing is lost while the SMTP server is down or the app restarts. A mail
/// sent outside a transaction is tried at once, so when the server is up it leaves as before.
/// </summary>
public sealed class Mailer(BriefingsDbContext db, TimeProvider clock, MailDelivery delivery)
{
    public async Task SendAsync(IReadOnlyList<(string Name, string Address)> to, string subject, string body, CancellationToken ct = default)
    {
        if (to.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var mail = new OutboxMail
        {
            Recipients = OutboxMail.FormatRecipients(to),
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        await db.EnqueueAsync(mail, ct);

        // Outside a transaction the mail is committed now: try it at once. Inside one it exists only when the caller
        // commits, so the job (every Mail:PollSeconds) takes it.
        if (db.Database.CurrentTransaction is null)
        {
            await delivery.TryDeliverNowAsync(mail.Id, ct);
        }
    }
}
