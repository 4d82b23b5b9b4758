using MailKit.Net.Smtp;
using MimeKit;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// Sends e-mail with MailKit: over SMTP when <c>Mail:SmtpHost</c> is set, otherwise into a pickup folder
/// (<c>Mail:PickupFolder</c>, default <c>data/mail</c>) as .eml files — the development and test mode.
/// </summary>
public sealed class Mailer(IConfiguration configuration, ILogger<Mailer> logger)
{
    public async Task SendAsync(IReadOnlyList<(string Name, string Address)> to, string subject, string body, CancellationToken ct = default)
    {
        if (to.Count == 0)
        {
            return;
        }

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(configuration["Mail:FromName"] ?? "Hệ thống Giao ban", configuration["Mail:FromAddress"] ?? "giaoban@localhost"));
        foreach (var (name, address) in to)
        {
            message.To.Add(new MailboxAddress(name, address));
        }

        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        var host = configuration["Mail:SmtpHost"];
        if (string.IsNullOrWhiteSpace(host))
        {
            var folder = configuration["Mail:PickupFolder"] ?? Path.Combine(System.IO.Directory.GetCurrentDirectory(), "data", "mail");
            System.IO.Directory.CreateDirectory(folder);
            await message.WriteToAsync(Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml"), ct);
            return;
        }

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(host, configuration.GetValue("Mail:SmtpPort", 587), MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable, ct);
        if (configuration["Mail:UserName"] is { Length: > 0 } user)
        {
            await smtp.AuthenticateAsync(user, configuration["Mail:Password"] ?? "", ct);
        }

        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
        logger.LogInformation("Mail '{Subject}' sent to {Count} recipients.", subject, to.Count);
    }
}
