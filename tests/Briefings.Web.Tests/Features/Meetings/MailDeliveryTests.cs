using Briefings.Data;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Briefings.Web.Tests.Features.Meetings;

/// <summary>Mail through the outbox to a real SMTP server (aiosmtpd) that the tests stop and start: nothing is lost
/// while it is down or while the app restarts, and each mail arrives once.</summary>
public sealed class MailDeliveryTests : IDisposable
{
    private readonly SmtpServer smtp = new();
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("briefings-mail-").FullName;

    private Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Database:ConnectionString"] = connectionString,
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:FromAddress"] = "giaoban@tanphong.example",
        ["Mail:PollSeconds"] = "0.2",
        ["Jobs:RetryBaseSeconds"] = "0.2",
        ["Jobs:RetryMaxSeconds"] = "0.5",
    };

    [Fact]
    public async Task SendAsync_SmtpDown_MailsStayInOutbox_DeliveredOnceWhenSmtpStarts()
    {
        using var app = new ConfiguredAppFactory(Settings(TestDatabase.NewConnectionString(folder)));
        var tag = Guid.NewGuid().ToString("N")[..8];
        var subjects = Enumerable.Range(1, 3).Select(i => $"Giấy mời họp giao ban quý {i} ({tag})").ToList();

        foreach (var subject in subjects)
        {
            await SendAsync(app, subject);
        }

        // Down: every mail is kept; the job keeps trying (backing off), nothing is delivered.
        await WaitUntilAsync(() => OutboxAsync(app, tag), rows => rows.Count == 3 && rows.Sum(r => r.Attempts) >= 4);
        var waiting = await OutboxAsync(app, tag);
        Assert.All(waiting, r => Assert.Null(r.SentAt));
        Assert.All(waiting.Where(r => r.Attempts > 0), r => Assert.False(string.IsNullOrEmpty(r.LastError)));
        Assert.Empty(smtp.Messages());

        smtp.Start();
        await WaitUntilAsync(() => OutboxAsync(app, tag), rows => rows.All(r => r.SentAt is not null));
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several more passes: nothing goes twice

        var received = smtp.Messages().Where(m => m.Subject?.Contains(tag, StringComparison.Ordinal) == true).ToList();
        Assert.Equal(subjects.Order(StringComparer.Ordinal), received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        var first = received.Single(m => m.Subject == subjects[0]);
        Assert.Equal(["xa.anlac@tanphong.example", "ubnd.anlac@tanphong.example"], first.To.Mailboxes.Select(a => a.Address));
        Assert.Equal("Nguyễn Văn Bình", first.To.Mailboxes.First().Name);
        Assert.Equal("giaoban@tanphong.example", first.From.Mailboxes.Single().Address);
        Assert.Contains($"Kính mời đồng chí dự họp ({subjects[0]}).", first.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_AppRestartsWhileSmtpDown_NothingLost_DeliveredOnceByTheNextStart()
    {
        var database = TestDatabase.NewConnectionString(folder);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var subjects = Enumerable.Range(1, 4).Select(i => $"Nhắc lịch họp {i} ({tag})").ToList();
        using (var before = new ConfiguredAppFactory(Settings(database)))
        {
            foreach (var subject in subjects)
            {
                await SendAsync(before, subject);
            }

            await WaitUntilAsync(() => OutboxAsync(before, tag), rows => rows.Count == 4 && rows.Sum(r => r.Attempts) >= 3);
        }

        Assert.Empty(smtp.Messages());
        smtp.Start();
        using var after = new ConfiguredAppFactory(Settings(database));
        await WaitUntilAsync(() => OutboxAsync(after, tag), rows => rows.Count == 4 && rows.All(r => r.SentAt is not null));
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var received = smtp.Messages().Where(m => m.Subject?.Contains(tag, StringComparison.Ordinal) == true).Select(m => m.Subject).Order(StringComparer.Ordinal);
        Assert.Equal(subjects.Order(StringComparer.Ordinal), received);
    }

    [Fact]
    public async Task SendAsync_InsideATransactionRolledBack_NothingSent_Committed_Sent()
    {
        smtp.Start();
        using var app = new ConfiguredAppFactory(Settings(TestDatabase.NewConnectionString(folder)));
        var tag = Guid.NewGuid().ToString("N")[..8];

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<Mailer>().SendAsync([("Văn phòng", "vp@tanphong.example")], $"Hủy ({tag})", "Không gửi.");
            await transaction.RollbackAsync();
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BriefingsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<Mailer>().SendAsync([("Văn phòng", "vp@tanphong.example")], $"Gửi ({tag})", "Gửi sau khi lưu.");
            await transaction.CommitAsync();
        }

        await WaitUntilAsync(() => OutboxAsync(app, tag), rows => rows.Count == 1 && rows[0].SentAt is not null);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal([$"Gửi ({tag})"], smtp.Messages().Where(m => m.Subject?.Contains(tag, StringComparison.Ordinal) == true).Select(m => m.Subject));
    }

    private static async Task SendAsync(AppFactory app, string subject)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<Mailer>().SendAsync(
            [("Nguyễn Văn Bình", "xa.anlac@tanphong.example"), ("UBND xã An Lạc", "ubnd.anlac@tanphong.example")],
            subject, $"Kính mời đồng chí dự họp ({subject}).");
    }

    private static Task<List<OutboxMail>> OutboxAsync(AppFactory app, string tag) =>
        app.WithDbAsync(db => db.OutboxMails.AsNoTracking().Where(m => m.Subject.Contains(tag)).ToListAsync());

    private static async Task WaitUntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition(await read()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox did not reach the expected state.");
            }

            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        smtp.Dispose();
        try
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans the temp folder.
        }
    }
}
