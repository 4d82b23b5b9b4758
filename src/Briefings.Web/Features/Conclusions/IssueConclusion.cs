using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// Issues an approved conclusion: takes the next number of its issuer's register ("Số 07-KL/HU") and marks
/// it issued, in one transaction, so a number is never taken without a document nor given twice. In the same
/// transaction each recipient unit gets a notification pointing to the document in its inbox.
/// <para>Allowed to admins and to clerks whose scope covers the issuing body.</para>
/// <para>Two issues at the same moment both read the same counter; the second one's write then finds the
/// register's <see cref="DocumentRegister.Version"/> changed (or the new register row already there) and
/// starts again from a clean slate with the next number. On SQLite the transaction takes the write lock at
/// its start, so writers simply wait their turn.</para>
/// </summary>
public sealed class IssueConclusion(BriefingsDbContext db, TimeProvider clock, IOptions<ConclusionOptions> options, IEnumerable<IConclusionIssuedHandler> handlers,
    UnitGroupLookup groups, RegisterSettings registers, Meetings.Mailer mailer, IOptions<Meetings.MeetingOptions> meetingOptions, ILogger<IssueConclusion> logger)
{
    /// <param name="publish">When given, decides at issue whether the document is published; otherwise the
    /// draft's choice stands.</param>
    /// <param name="confirmedUnitIds">The distribution list the clerk saw and confirmed; when given, the issue is
    /// refused if the list has changed since (the directory or the document changed), so nothing goes out unseen.</param>
    public async Task<Result<Conclusion>> RunAsync(Guid conclusionId, AccessScope scope, string by, bool? publish = null, CancellationToken ct = default,
        IReadOnlyCollection<Guid>? confirmedUnitIds = null)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            // A retry must not see the entities of the failed attempt, or it would write stale values again.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var outcome = await TryIssueAsync(conclusionId, scope, by, settings, publish, confirmedUnitIds, ct);
            if (outcome is { } done)
            {
                if (done.Succeeded)
                {
                    await transaction.CommitAsync(ct);
                    await MailAsync(done.Value!, ct);
                }

                return done;
            }

            await transaction.RollbackAsync(ct);
            if (attempt >= settings.MaxIssueAttempts)
            {
                return new Error("Sổ đăng ký văn bản đang bận vì nhiều văn bản được ban hành cùng lúc. Vui lòng thử lại.");
            }

            // A short random pause spreads the losers out so they do not collide again in lockstep.
            await Task.Delay(Random.Shared.Next(1, 5 + Math.Min(attempt, 20)), ct);
        }
    }

    /// <summary>One attempt inside a transaction: the result, or null when another issue won the race.</summary>
    private async Task<Result<Conclusion>?> TryIssueAsync(Guid conclusionId, AccessScope scope, string by, ConclusionOptions settings, bool? publish,
        IReadOnlyCollection<Guid>? confirmedUnitIds, CancellationToken ct)
    {
        var conclusion = await db.Conclusions.AsSplitQuery().FirstOrDefaultAsync(c => c.Id == conclusionId, ct);
        if (conclusion is null)
        {
            return Result<Conclusion>.Fail(Error.NotFound);
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        if (!ConclusionAccess.MayManage(scope, issuer))
        {
            return Result<Conclusion>.Fail(Error.Forbidden);
        }

        if (string.IsNullOrWhiteSpace(issuer.DocumentSymbol))
        {
            return Result<Conclusion>.Fail(new Error($"{issuer.Name} chưa có ký hiệu văn bản (ví dụ HU). Hãy bổ sung trong danh bạ đơn vị trước khi ban hành."));
        }

        var issuedOn = conclusion.IssuedOn ?? DateOnly.FromDateTime(VietnameseText.ToLocal(clock.GetUtcNow()));
        // A correction keeps the deadlines of the document it corrects: they count from that document's day.
        var deadlinesFrom = conclusion.CorrectsConclusionId is { } correctedId
            ? await db.Conclusions.AsNoTracking().Where(c => c.Id == correctedId).Select(c => c.IssuedOn).FirstOrDefaultAsync(ct)
            : null;
        if (conclusion.CheckIssuable(issuedOn, deadlinesFrom) is { } refused)
        {
            return Result<Conclusion>.Fail(refused);
        }

        // "UBND các xã" means the communes' committees as the directory has them on the day of issue.
        var resolver = await groups.ForIssuerAsync(issuer.Id, ct);
        if (conclusion.RefreshGroups(resolver.Group) is { } stale)
        {
            return Result<Conclusion>.Fail(stale);
        }

        if (await RetiredAssigneesAsync(conclusion, ct) is { Count: > 0 } retired)
        {
            return Result<Conclusion>.Fail(new Error($"Có nhiệm vụ giao cho đơn vị đã ngừng hoạt động: {string.Join(", ", retired)}.", "Directives"));
        }

        var distribution = ConclusionDistribution.Of(conclusion, resolver);
        if (confirmedUnitIds is not null && !confirmedUnitIds.ToHashSet().SetEquals(distribution))
        {
            return Result<Conclusion>.Fail(new Error("Danh sách đơn vị nhận văn bản đã thay đổi từ lúc bạn xem. Hãy xem lại danh sách rồi ban hành.", "Distribution"));
        }

        conclusion.SetDistribution(distribution);
        var periodKey = (await registers.RuleForAsync(issuer, settings, ct)).PeriodKey(issuedOn);
        var register = await db.DocumentRegisters.FirstOrDefaultAsync(
            r => r.IssuerUnitId == issuer.Id && r.TypeCode == conclusion.TypeCode && r.PeriodKey == periodKey, ct);
        if (register is null)
        {
            register = DocumentRegister.Open(issuer.Id, conclusion.TypeCode, periodKey);
            db.DocumentRegisters.Add(register);
        }

        var number = DocumentNumber.Of(register.Allocate(), conclusion.TypeCode, issuer.DocumentSymbol, Briefings.Web.Documents.IssuerLayouts.NumberStyleFor(issuer));
        var now = clock.GetUtcNow();
        if (conclusion.Issue(number, periodKey, issuedOn, by, now, publish, deadlinesFrom) is { } error)
        {
            return Result<Conclusion>.Fail(error);
        }

        Distribute(conclusion, number, now);
        // The issued text is the last version: number and date included.
        await ConclusionHistory.KeepAsync(db, conclusion, $"Ban hành số {conclusion.Number}", by, now, ct, prefix: $"Số: {conclusion.Number}\n");
        foreach (var handler in handlers)
        {
            await handler.OnIssuedAsync(conclusion, now, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return Result<Conclusion>.Ok(conclusion);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return null;
        }
    }

    /// <summary>The e-mail that goes with the in-app notice: one message to the people of the units it was sent to
    /// who have an address. After the commit: a mail that cannot be handed over never undoes an issue.</summary>
    private async Task MailAsync(Conclusion conclusion, CancellationToken ct)
    {
        try
        {
            var unitIds = conclusion.Addressees.Select(a => a.UnitId).ToList();
            var people = await db.People.AsNoTracking()
                .Where(p => p.RetiredAt == null && p.Email != null && p.Email != "" && unitIds.Contains(p.UnitId))
                .Select(p => new { p.FullName, p.Email }).ToListAsync(ct);
            if (people.Count == 0)
            {
                return;
            }

            var title = $"{conclusion.TypeName} {conclusion.Number?.Display} — {conclusion.Summary}";
            var body = $"Văn bản đến: {title}.\nXem văn bản: {meetingOptions.Value.PublicBaseUrl.TrimEnd('/')}/conclusions/{conclusion.Id}";
            await mailer.SendAsync([.. people.Select(p => (p.FullName, p.Email!)).Distinct()], title, body, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Mailing conclusion {ConclusionId} to its units failed", conclusion.Id);
        }
    }

    /// <summary>One notification per unit the document goes to.</summary>
    private void Distribute(Conclusion conclusion, DocumentNumber number, DateTimeOffset now)
    {
        // Named as pages name it ("Kết luận số 04-KL/HU"), not "Kết luận Số …" inside a sentence.
        var text = $"Văn bản đến: {DocumentNumber.Named(number.ToString())} — {conclusion.Summary}";
        foreach (var unitId in conclusion.Addressees.Select(a => a.UnitId))
        {
            db.Notifications.Add(new Notification { UnitId = unitId, CreatedAt = now, Link = $"/conclusions/{conclusion.Id}", Text = text });
        }
    }

    private async Task<List<string>> RetiredAssigneesAsync(Conclusion conclusion, CancellationToken ct)
    {
        var unitIds = conclusion.Directives.SelectMany(d => d.CoordinatingUnitIds.Concat(d.LeadUnitIds)).Distinct().ToList();
        if (unitIds.Count == 0)
        {
            return [];
        }

        return await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id) && u.RetiredAt != null).Select(u => u.Name).ToListAsync(ct);
    }
}
