using System.Text.Json;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// When an issuer's register starts numbering again (per term, per year, never), set by the office on the
/// register settings page and kept as a setting (audited with every change). Without a saved choice: the
/// configuration (<c>Conclusions:Numbering:&lt;unit&gt;:Period</c>), else the committee's term
/// (<see cref="ConclusionOptions.DefaultTermStartYear"/>, every <see cref="ConclusionOptions.DefaultTermYears"/> years)
/// — unless the issuer already numbers without restarts, which a default must never break mid-term.
/// <para>Read by everyone who issues; changed only by the office whose scope covers the issuer.</para>
/// </summary>
public sealed class RegisterSettings(BriefingsDbContext db)
{
    public enum Source
    {
        Saved,
        Configured,
        Default,
    }

    public sealed record Current(NumberingRule Rule, int Version, Source Source);

    public static string Key(Guid issuerUnitId) => $"conclusions.numbering.{issuerUnitId:N}";

    public async Task<NumberingRule> RuleForAsync(Unit issuer, ConclusionOptions options, CancellationToken ct = default) =>
        (await GetAsync(issuer, options, ct)).Rule;

    public async Task<Current> GetAsync(Unit issuer, ConclusionOptions options, CancellationToken ct = default)
    {
        var key = Key(issuer.Id);
        var entry = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
        if (entry is not null && JsonSerializer.Deserialize<NumberingSettings>(entry.Value) is { } saved)
        {
            return new Current(saved.ToRule(), entry.Version, Source.Saved);
        }

        if (options.Numbering.TryGetValue(issuer.Code, out var configured))
        {
            return new Current(configured.ToRule(), 0, Source.Configured);
        }

        var numbersWithoutRestart = await db.DocumentRegisters.AsNoTracking().AnyAsync(r => r.IssuerUnitId == issuer.Id && r.PeriodKey == "", ct);
        return new Current(
            numbersWithoutRestart ? NumberingRule.Continuous : new NumberingRule(NumberingPeriod.Term, options.DefaultTermStartYear, options.DefaultTermYears),
            0, Source.Default);
    }

    /// <summary>The rules of the issuers the office may set: the issuing bodies of its scope.</summary>
    public async Task<IReadOnlyList<(Unit Issuer, Current Current)>> ListAsync(UserContext user, ConclusionOptions options, CancellationToken ct = default)
    {
        if (!user.Scope.CanEditUnits)
        {
            return [];
        }

        var issuers = await db.Units.AsNoTracking().Within(user.Scope)
            .Where(u => u.DocumentSymbol != null && u.RetiredAt == null)
            .OrderBy(u => u.Depth).ThenBy(u => u.SortOrder).ThenBy(u => u.Name).ToListAsync(ct);
        var list = new List<(Unit, Current)>();
        foreach (var issuer in issuers)
        {
            list.Add((issuer, await GetAsync(issuer, options, ct)));
        }

        return list;
    }

    public sealed record Input(Guid IssuerUnitId, NumberingPeriod Period, int TermStartYear, int TermYears, int Version);

    public async Task<Result<NumberingRule>> SaveAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var issuer = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.IssuerUnitId, ct);
        if (issuer is null)
        {
            return Error.NotFound;
        }

        if (!ConclusionAccess.MayManage(user.Scope, issuer) || issuer.DocumentSymbol is null)
        {
            return Error.Forbidden;
        }

        var errors = new List<Error>();
        if (!Enum.IsDefined(input.Period))
        {
            errors.Add(new Error("Vui lòng chọn cách đánh số lại.", nameof(Input.Period)));
        }

        if (input.Period == NumberingPeriod.Term && input.TermStartYear is < 1945 or > 2200)
        {
            errors.Add(new Error("Năm bắt đầu nhiệm kỳ phải là một năm, ví dụ 2025.", nameof(Input.TermStartYear)));
        }

        if (input.Period == NumberingPeriod.Term && input.TermYears is < 1 or > 10)
        {
            errors.Add(new Error("Nhiệm kỳ dài từ 1 đến 10 năm.", nameof(Input.TermYears)));
        }

        if (errors.Count > 0)
        {
            return Result<NumberingRule>.Fail(errors);
        }

        var key = Key(issuer.Id);
        var settings = new NumberingSettings { Period = input.Period, TermStartYear = input.TermStartYear, TermYears = input.TermYears };
        return await db.SaveSettingAsync(key, JsonSerializer.Serialize(settings), input.Version, ct) is not null
            ? Result<NumberingRule>.Ok(settings.ToRule())
            : Error.Conflict;
    }
}
