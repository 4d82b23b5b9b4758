using System.Text.Json;
using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>The format policy used to plan years: the reference's until an administrator changes it.</summary>
public sealed class FormatPolicyStore(BriefingsDbContext db)
{
    public const string Key = "meetings.format-policy";

    public sealed record Current(FormatPolicy Policy, int Version, bool IsDefault);

    public async Task<Current> GetAsync(CancellationToken ct = default)
    {
        var entry = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Key, ct);
        return entry is null
            ? new Current(FormatPolicy.Reference, 0, true)
            : new Current(JsonSerializer.Deserialize<FormatPolicy>(entry.Value) ?? FormatPolicy.Reference, entry.Version, false);
    }

    public async Task<Result<FormatPolicy>> SaveAsync(FormatPolicy policy, int version, AccessScope scope, CancellationToken ct = default)
    {
        if (!scope.All)
        {
            return Error.Forbidden;
        }

        var errors = Validate(policy);
        if (errors.Count > 0)
        {
            return Result<FormatPolicy>.Fail(errors);
        }

        return await db.SaveSettingAsync(Key, JsonSerializer.Serialize(policy), version, ct) is not null
            ? Result<FormatPolicy>.Ok(policy)
            : Error.Conflict;
    }

    private static List<Error> Validate(FormatPolicy policy)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(policy.Name))
        {
            errors.Add(new Error("Vui lòng đặt tên cho quy định.", "Name"));
        }

        if (policy.Slots.Count == 0)
        {
            errors.Add(new Error("Quy định cần ít nhất một cuộc họp trong năm.", "Slots[0].Month"));
        }

        for (var i = 0; i < policy.Slots.Count; i++)
        {
            var slot = policy.Slots[i];
            if (slot.Quarter is < 1 or > 4)
            {
                errors.Add(new Error("Quý phải từ 1 đến 4.", $"Slots[{i}].Quarter"));
            }

            if (slot.Month is < 1 or > 12)
            {
                errors.Add(new Error("Tháng phải từ 1 đến 12.", $"Slots[{i}].Month"));
            }

            if (slot.Day is < 1 or > 31)
            {
                errors.Add(new Error("Ngày phải từ 1 đến 31.", $"Slots[{i}].Day"));
            }
        }

        if (policy.ThematicFromQuarter is < 1 or > 5)
        {
            errors.Add(new Error("Quý bắt đầu giao ban chuyên đề từ 1 đến 4 (5 = không tổ chức).", "ThematicFromQuarter"));
        }

        if (policy.ThematicDay is < 1 or > 28)
        {
            errors.Add(new Error("Ngày giao ban chuyên đề từ 1 đến 28.", "ThematicDay"));
        }

        if (policy.MonthlyDay is < 0 or > 28)
        {
            errors.Add(new Error("Ngày giao ban tháng từ 1 đến 28 (0 = không tổ chức giao ban tháng).", "MonthlyDay"));
        }

        return errors;
    }
}
