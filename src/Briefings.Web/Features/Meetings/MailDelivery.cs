using Briefings.Data;
using Briefings.Web.Infrastructure;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Briefings.Web.Features.Meetings;

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "giaoban@localhost";
    public string FromName { get; set; } = "Hệ thống Giao ban";

    /// <summary>Where mail goes as .eml files when no SMTP host is set (default <c>data/mail</c>).</summary>
    public string? PickupFolder { get; set; }

    /// <summary>How often the outbox is looked at.</summary>
    public double PollSeconds { get; set; } = 10;

    /// <summary>Back-off of one message the server answered with a temporary error: doubled per attempt up to the maximum.</summary>
    public double RetryBaseSeconds { get; set; } = 60;

    public double RetryMaxSeconds { get; set; } = 3600;
}

/// <summary>
/// Delivers the outbox (a job of the shared loop). Each pass takes the mails that are due, claims each one (a
/// <see cref="OutboxMail.LockedUntil"/> set in one UPDATE that only one instance wins), sends it over one SMTP
/// connection and marks it sent. When the server cannot be reached the pass fails — the shared loop logs it and
/// backs off — and the mails stay; a temporary refusal (4xx) of one message moves only that one back; a permanent
/// refusal (5xx) gives it up, logged. Each message carries a Message-Id made from its outbox id, so the rare
/// duplicate (the server accepted, the app died before marking it sent) is recognisable.
/// </summary>
public sealed class MailDelivery(IServiceScopeFactory scopes, TimeProvider clock, IOptions<MailOptions> options, ILogger<MailDelivery> logger) : IBackgroundJob
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public string Name => "mail";

    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));

    /// <summary>Waiting mail leaves within two minutes of the SMTP server coming back.</summary>
    public TimeSpan MaxBackOff => TimeSpan.FromMinutes(2);

    /// <summary>True for a minute after the SMTP server could not be reached: callers then leave their mail to the
    /// job instead of waiting for a connection that fails.</summary>
    public bool ServerLooksDown => clock.GetUtcNow() - lastUnreachableAt < TimeSpan.FromMinutes(1);

    private DateTimeOffset lastUnreachableAt = DateTimeOffset.MinValue;

    public Task RunPassAsync(CancellationToken ct) => DeliverAsync(null, ct);

    /// <summary>Delivers one mail just put in the outbox, at once (as mail was sent before the outbox existed); on any
    /// failure it stays in the outbox for the job, and the caller is not disturbed.</summary>
    public async Task TryDeliverNowAsync(Guid id, CancellationToken ct)
    {
        if (ServerLooksDown)
        {
            return;
        }

        try
        {
            await DeliverAsync(id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Mail {MailId} stays in the outbox: {Message}", id, e.GetBaseException().Message);
        }
    }

    private async Task DeliverAsync(Guid? only, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
        var o = options.Value;
        var now = clock.GetUtcNow();
        var query = db.OutboxMails.AsNoTracking()
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now));
        if (only is { } id)
        {
            query = query.Where(m => m.Id == id);
        }

        var due = await query.OrderBy(m => m.NextAttemptAt).Take(50).ToListAsync(ct);
        if (due.Count == 0)
        {
            return;
        }

        using var smtp = new SmtpClient { Timeout = 30_000 };
        var sent = 0;
        foreach (var mail in due)
        {
            if (!await ClaimAsync(db, mail.Id, ct))
            {
                continue;
            }

            try
            {
                await DeliverAsync(smtp, ToMessage(mail, o), o, ct);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                logger.LogError("Mail {MailId} '{Subject}' refused for good by the SMTP server: {Message}", mail.Id, mail.Subject, e.Message);
                await ReleaseAsync(db, mail, e, giveUp: true, ct);
                continue;
            }
            catch (SmtpCommandException e)
            {
                logger.LogWarning("Mail {MailId} '{Subject}' refused for now by the SMTP server: {Message}", mail.Id, mail.Subject, e.Message);
                await ReleaseAsync(db, mail, e, giveUp: false, ct);
                continue;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The app is stopping: hand the mail back at once (not after the claim lapses) for the next start.
                await db.OutboxMails.Where(m => m.Id == mail.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
                throw;
            }
            catch (Exception e)
            {
                // The server is unreachable: the mail stays due, the pass fails and the shared loop backs off.
                lastUnreachableAt = clock.GetUtcNow();
                await ReleaseAsync(db, mail, e, giveUp: false, CancellationToken.None, keepDue: true);
                throw;
            }

            var at = clock.GetUtcNow();
            await db.OutboxMails.Where(m => m.Id == mail.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, at).SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            sent++;
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(true, ct);
        }

        if (sent > 0)
        {
            logger.LogInformation("Mail: {Count} messages delivered from the outbox.", sent);
        }
    }

    private async Task<bool> ClaimAsync(BriefingsDbContext db, Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + ClaimFor;
        return await db.OutboxMails.Where(m => m.Id == id && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until), ct) == 1;
    }

    private async Task ReleaseAsync(BriefingsDbContext db, OutboxMail mail, Exception e, bool giveUp, CancellationToken ct, bool keepDue = false)
    {
        var now = clock.GetUtcNow();
        var o = options.Value;
        var next = keepDue ? mail.NextAttemptAt
            : now + TimeSpan.FromSeconds(Math.Min(o.RetryBaseSeconds * Math.Pow(2, Math.Min(mail.Attempts, 20)), o.RetryMaxSeconds));
        var error = e.GetBaseException().Message;
        if (error.Length > 2000)
        {
            error = error[..2000];
        }

        DateTimeOffset? gaveUp = giveUp ? now : null;
        await db.OutboxMails.Where(m => m.Id == mail.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error).SetProperty(m => m.GaveUpAt, gaveUp), ct);
    }

    private static MimeMessage ToMessage(OutboxMail mail, MailOptions o)
    {
        var message = new MimeMessage { MessageId = $"{mail.Id:N}@briefings", Date = mail.CreatedAt, Subject = mail.Subject };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        foreach (var (name, address) in mail.ParseRecipients())
        {
            message.To.Add(new MailboxAddress(name, address));
        }

        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }

    private static async Task DeliverAsync(SmtpClient smtp, MimeMessage message, MailOptions o, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var folder = o.PickupFolder ?? Path.Combine(System.IO.Directory.GetCurrentDirectory(), "data", "mail");
            System.IO.Directory.CreateDirectory(folder);
            await message.WriteToAsync(Path.Combine(folder, $"{message.Date.UtcDateTime:yyyyMMddHHmmssfff}-{message.MessageId?.Split('@')[0]}.eml"), ct);
            return;
        }

        if (!smtp.IsConnected)
        {
            await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, ct);
            if (!string.IsNullOrEmpty(o.UserName))
            {
                await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
            }
        }

        await smtp.SendAsync(message, ct);
    }
}
