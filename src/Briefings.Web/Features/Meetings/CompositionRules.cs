using System.Text.Json;
using System.Text.Json.Serialization;
using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Meetings;

/// <summary>
/// The composition rules of one body, stored as a versioned setting: an area's (a district, a commune: the reference's
/// rules until its office edits them; whoever manages the area's meetings reads and changes them,
/// <see cref="MeetingAccess.MayManage(Unit, AccessScope)"/>), or a Front's or an organization's for its own briefings
/// with its vertical line (<see cref="VerticalLineTemplate"/> until that body's office edits them; only that office and
/// admins, never the area's party office — the rule of <see cref="MeetingAccess.MayManage(Meeting, Unit, Unit, AccessScope)"/>).
/// </summary>
public sealed class CompositionRules(BriefingsDbContext db)
{
    public const int MaxRules = 100;

    /// <param name="Owner">The area, or the Front or organization whose own briefings these rules compose.</param>
    /// <param name="IsBody">The rules of a body's own briefings (<see cref="Meeting.OrganizerOwns"/>), not an area's.</param>
    public sealed record Current(Unit Owner, IReadOnlyList<CompositionRule> Rules, int Version, bool IsDefault, bool IsBody);

    private sealed record Stored(CompositionLevel Level, UnitKind Kind, IReadOnlyList<string> Keywords, string Label, bool Required, int MinCount);

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Key(Guid areaId) => $"meetings.composition:{areaId:D}";

    /// <summary>The rules ApplyComposition and the gap check use: one small lookup by key.</summary>
    public async Task<IReadOnlyList<CompositionRule>> ForAreaAsync(Guid areaId, CancellationToken ct = default) =>
        await StoredAsync(areaId, ct) is { } value ? Parse(value) : CompositionTemplates.Reference;

    /// <summary>The rules of a meeting and whether they are the default (nobody saved any for its owner).</summary>
    public sealed record MeetingRules(IReadOnlyList<CompositionRule> Rules, bool IsDefault);

    /// <summary>The rules of <paramref name="meeting"/>: the area's, or for a body's own briefing
    /// (<see cref="Meeting.OrganizerOwns"/>) the organizing body's, kept under the body's id (never shared with the
    /// party's rules of the same area), <see cref="VerticalLineTemplate"/> until its office saves its own.</summary>
    public async Task<MeetingRules> ForMeetingAsync(Meeting meeting, Unit organizer, CancellationToken ct = default)
    {
        var value = await StoredAsync(meeting.OrganizerOwns ? organizer.Id : meeting.BodyAreaId, ct);
        if (value is not null)
        {
            return new MeetingRules(Parse(value), IsDefault: false);
        }

        return new MeetingRules(meeting.OrganizerOwns ? VerticalLineTemplate.For(organizer.Kind) : CompositionTemplates.Reference, IsDefault: true);
    }

    private Task<string?> StoredAsync(Guid ownerId, CancellationToken ct)
    {
        var key = Key(ownerId);
        return db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
    }

    public async Task<Result<Current>> ReadAsync(Guid ownerId, AccessScope scope, CancellationToken ct = default)
    {
        var owner = await OwnerAsync(ownerId, scope, ct);
        if (!owner.Succeeded)
        {
            return Result<Current>.Fail(owner.Errors);
        }

        var (unit, isBody) = owner.Value!;
        var key = Key(unit.Id);
        var entry = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
        return Result<Current>.Ok(entry is null
            ? new Current(unit, isBody ? VerticalLineTemplate.For(unit.Kind) : CompositionTemplates.Reference, 0, true, isBody)
            : new Current(unit, Parse(entry.Value), entry.Version, false, isBody));
    }

    public async Task<Result<IReadOnlyList<CompositionRule>>> SaveAsync(Guid ownerId, IReadOnlyList<CompositionRule> rules, int version, AccessScope scope, CancellationToken ct = default)
    {
        var owner = await OwnerAsync(ownerId, scope, ct);
        if (!owner.Succeeded)
        {
            return Result<IReadOnlyList<CompositionRule>>.Fail(owner.Errors);
        }

        var errors = Validate(rules);
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<CompositionRule>>.Fail(errors);
        }

        var json = JsonSerializer.Serialize(rules.Select(r => new Stored(r.Level, r.Kind, r.TitleKeywords, r.Label, r.Required, r.MinCount)).ToList(), Json);
        return await db.SaveSettingAsync(Key(owner.Value!.Unit.Id), json, version, ct) is not null
            ? Result<IReadOnlyList<CompositionRule>>.Ok(rules)
            : Error.Conflict;
    }

    private sealed record Owner(Unit Unit, bool IsBody);

    /// <summary>Whose rules the id names, and whether the caller may read and change them. A Front or an organization
    /// (the bodies that hold their own briefings with their branches) names its own rules; any other unit names its
    /// area's (a Huyện ủy: the district's).</summary>
    private async Task<Result<Owner>> OwnerAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
        {
            return Error.NotFound;
        }

        if (unit.Kind is UnitKind.FatherlandFront or UnitKind.Organization)
        {
            return scope.All || (MeetingAccess.IsBodyOffice(scope) && scope.Covers(unit)) ? Result<Owner>.Ok(new Owner(unit, true)) : Error.Forbidden;
        }

        var area = await AreaAsync(unit, ct);
        if (area is null)
        {
            return Error.NotFound;
        }

        return MeetingAccess.MayManage(area, scope) ? Result<Owner>.Ok(new Owner(area, false)) : Error.Forbidden;
    }

    /// <summary>The area itself, or for a unit (a Huyện ủy) the area it belongs to: the rules are the body's.</summary>
    private async Task<Unit?> AreaAsync(Unit unit, CancellationToken ct)
    {
        if (unit.Kind == UnitKind.Area)
        {
            return unit;
        }

        var chain = unit.AncestorIds().ToList();
        return await db.Units.AsNoTracking().Where(u => chain.Contains(u.Id) && u.Kind == UnitKind.Area)
            .OrderByDescending(u => u.Depth).FirstOrDefaultAsync(ct);
    }

    private static List<CompositionRule> Parse(string json) =>
        (JsonSerializer.Deserialize<List<Stored>>(json, Json) ?? [])
        .Select(s => new CompositionRule(s.Level, s.Kind, s.Keywords, s.Label, s.Required, s.MinCount)).ToList();

    /// <summary>Field names are those of the page's rows ("Rows[3].Label").</summary>
    public static List<Error> Validate(IReadOnlyList<CompositionRule> rules)
    {
        var errors = new List<Error>();
        if (rules.Count == 0)
        {
            errors.Add(new Error("Cần ít nhất một thành phần. Để trống tên thành phần để bỏ một dòng.", "Rows[0].Label"));
        }

        if (rules.Count > MaxRules)
        {
            errors.Add(new Error($"Tối đa {MaxRules} thành phần."));
        }

        var labels = new HashSet<(CompositionLevel, string)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Label.Length > 200)
            {
                errors.Add(new Error("Tên thành phần tối đa 200 ký tự.", $"Rows[{i}].Label"));
            }
            else if (!labels.Add((rule.Level, TextFolding.Fold(rule.Label))))
            {
                errors.Add(new Error("Tên thành phần này đã có ở cùng cấp điểm cầu; mỗi thành phần một tên.", $"Rows[{i}].Label"));
            }

            if (rule.TitleKeywords.Any(k => k.Length > 100) || rule.TitleKeywords.Count > 20)
            {
                errors.Add(new Error("Tối đa 20 chức vụ, mỗi chức vụ tối đa 100 ký tự.", $"Rows[{i}].Keywords"));
            }

            if (rule.MinCount is < 0 or > CompositionRule.MaxMinCount)
            {
                errors.Add(new Error($"Số người tối thiểu từ 0 đến {CompositionRule.MaxMinCount}.", $"Rows[{i}].MinCount"));
            }
            else if (!rule.Required && rule.MinCount > 0)
            {
                errors.Add(new Error("Thành phần không bắt buộc thì không đặt số người tối thiểu (để trống hoặc 0).", $"Rows[{i}].MinCount"));
            }

            if (!Enum.IsDefined(rule.Level) || !Enum.IsDefined(rule.Kind))
            {
                errors.Add(new Error("Cấp điểm cầu hoặc loại đơn vị không hợp lệ.", $"Rows[{i}].Kind"));
            }
        }

        return errors;
    }
}
