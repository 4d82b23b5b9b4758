using System.Globalization;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// Brings an already-issued document in from the office's history ("văn bản nhập từ lịch sử"): the draft the
/// clerk imported and checked becomes an issued document with its own number, date and signer, outside the live
/// register — nothing is renumbered, no live number is taken. It goes to its units like any issued document, and
/// its directives become tasks from <see cref="Input.FollowUpFrom"/> (default today): periodic directives start at
/// that day's period, nothing is back-filled.
/// <para>A document of the register's current period (a district that starts using the system mid-term brings in
/// this term's "07-KL/HU") moves that register on to its number, so the next document issued here is 08, not a
/// second 07. Older periods' registers are left alone: nothing will be numbered in them again.</para>
/// <para>Allowed to admins and to clerks whose scope covers the issuing body.</para>
/// </summary>
public sealed class BringInConclusion(BriefingsDbContext db, ConclusionAccess access, TimeProvider clock, UnitGroupLookup groups, IEnumerable<IConclusionIssuedHandler> handlers,
    RegisterSettings registers, IOptions<ConclusionOptions> options)
{
    public sealed record Input(Guid ConclusionId, int Version, string? Number, string? Date, string? SignerName, string? FollowUpFrom);

    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"];

    public async Task<Result<Conclusion>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(input.ConclusionId, user, ConclusionAccess.Need.Manage, tracked: true, ct);
        if (loaded.Value is not { Conclusion: var conclusion })
        {
            return Result<Conclusion>.Fail(loaded.Errors);
        }

        if (conclusion.IsIssued)
        {
            return Conclusion.ImmutableError;
        }

        if (conclusion.Version != input.Version)
        {
            return Error.Conflict;
        }

        var errors = new List<Error>();
        if (!DocumentNumber.TryParse(input.Number, out var number))
        {
            errors.Add(new Error("Số văn bản phải có dạng như trên văn bản gốc, ví dụ 07-KL/HU.", nameof(Input.Number)));
        }

        var date = Date(input.Date) ?? conclusion.IssuedOn;
        if (date is null)
        {
            errors.Add(new Error("Ngày văn bản phải có dạng ngày/tháng/năm, ví dụ 11/04/2017.", nameof(Input.Date)));
        }

        var today = clock.Today();
        DateOnly? from = string.IsNullOrWhiteSpace(input.FollowUpFrom) ? today : Date(input.FollowUpFrom);
        if (from is null)
        {
            errors.Add(new Error("Ngày bắt đầu theo dõi phải có dạng ngày/tháng/năm, hoặc để trống (hôm nay).", nameof(Input.FollowUpFrom)));
        }

        if (errors.Count > 0)
        {
            return Result<Conclusion>.Fail(errors);
        }

        if (date > today)
        {
            return new Error("Văn bản nhập từ lịch sử phải có ngày trước hôm nay; văn bản mới thì trình, duyệt và ban hành.", nameof(Input.Date));
        }

        var signer = string.IsNullOrWhiteSpace(input.SignerName) ? conclusion.SignerName : input.SignerName;
        var at = clock.GetUtcNow();
        var groupResolver = await groups.ForIssuerAsync(conclusion.IssuerUnitId, ct);
        if (conclusion.SetDistribution(ConclusionDistribution.Of(conclusion, groupResolver)) is { } refused)
        {
            return refused;
        }

        // One number reads the same everywhere: written the way its issuer writes numbers ("02/KL-MTTQ-BTT" for the
        // Front, whatever form the clerk typed it in).
        var issuerUnit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        number = DocumentNumber.Of(number.Sequence, number.TypeCode, number.IssuerSymbol, Briefings.Web.Documents.IssuerLayouts.NumberStyleFor(issuerUnit));
        if (conclusion.BringIn(number, date!.Value, signer, user.User.UserName!, at, from!.Value) is { } error)
        {
            return error;
        }

        await RaiseCurrentRegisterAsync(conclusion, issuerUnit, number, today, ct);
        await ConclusionHistory.KeepAsync(db, conclusion, $"Nhập từ lịch sử, số {conclusion.Number}", user.User.UserName!, at, ct, prefix: $"Số: {conclusion.Number}\n");
        foreach (var handler in handlers)
        {
            await handler.OnIssuedAsync(conclusion, at, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return new Error($"Văn bản số {number} năm {date:yyyy} đã được nhập trước đây.", nameof(Input.Number));
        }

        return Result<Conclusion>.Ok(conclusion);
    }

    /// <summary>When the document belongs to its issuer's current numbering period (same symbol, same period as
    /// today), the live register continues after it.</summary>
    private async Task RaiseCurrentRegisterAsync(Conclusion conclusion, Briefings.Core.Organizations.Unit issuer, DocumentNumber number, DateOnly today, CancellationToken ct)
    {
        if (!string.Equals(issuer.DocumentSymbol, number.IssuerSymbol, StringComparison.Ordinal))
        {
            return;
        }

        var rule = await registers.RuleForAsync(issuer, options.Value, ct);
        var periodKey = rule.PeriodKey(conclusion.IssuedOn!.Value);
        if (periodKey != rule.PeriodKey(today))
        {
            return;
        }

        var register = await db.DocumentRegisters.FirstOrDefaultAsync(
            r => r.IssuerUnitId == issuer.Id && r.TypeCode == conclusion.TypeCode && r.PeriodKey == periodKey, ct);
        if (register is null)
        {
            register = DocumentRegister.Open(issuer.Id, conclusion.TypeCode, periodKey);
            db.DocumentRegisters.Add(register);
        }

        register.RaiseTo(number.Sequence);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact((text ?? "").Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
