using Briefings.Core.Common;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// What the conclusion editor needs around the form: the issuing bodies the account may write for, the units
/// a directive can go to (the issuer's area), the people who can sign, the meeting's proposals. Also the one
/// rule for naming a unit in the form: its full name, its short name, or "Name (CODE)", compared without
/// diacritics and case; a name shared by several units must be given with its code.
/// </summary>
public sealed class ConclusionEditor(BriefingsDbContext db)
{
    public sealed record UnitOption(Guid Id, string Code, string Name, string ShortName, bool IsRetired)
    {
        public string Label { get; init; } = Name;
    }

    public sealed record PersonOption(Guid Id, string Name, string Title);

    /// <summary>A proposal of the meeting, numbered in the order received: the form names it "KN3".</summary>
    public sealed record ProposalOption(Guid Id, string Title, string UnitName, int Number)
    {
        public string Key => $"KN{Number}";
    }

    /// <summary>What a row's "Trả lời kiến nghị" field names: nothing (""), a proposal of the meeting ("KN3", any case
    /// and spaces, or its id), a proposal of another meeting (an id not in the list), or text that is neither.</summary>
    public enum ProposalChoice { None, Found, NotOfThisMeeting, Unreadable }

    public static (ProposalChoice Choice, ProposalOption? Proposal) FindProposal(IReadOnlyList<ProposalOption> proposals, string? text)
    {
        var typed = (text ?? "").Trim();
        if (typed.Length == 0)
        {
            return (ProposalChoice.None, null);
        }

        if (Guid.TryParse(typed, out var id))
        {
            return proposals.FirstOrDefault(p => p.Id == id) is { } byId ? (ProposalChoice.Found, byId) : (ProposalChoice.NotOfThisMeeting, null);
        }

        var digits = typed.StartsWith("KN", StringComparison.OrdinalIgnoreCase) ? typed[2..].Trim() : typed;
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= proposals.Count && proposals[n - 1].Number == n
            ? (ProposalChoice.Found, proposals[n - 1])
            : (ProposalChoice.Unreadable, null);
    }

    public sealed record Context(
        IReadOnlyList<UnitOption> Issuers,
        IReadOnlyList<UnitOption> Units,
        IReadOnlyList<PersonOption> Signers,
        IReadOnlyList<ProposalOption> Proposals)
    {
        /// <summary>The units by code, folded name and folded short name: built once for a save of up to 500 rows,
        /// not folded again for every name the form gives.</summary>
        public UnitIndex UnitIndex => field ??= new UnitIndex(Units);
    }

    /// <summary>The area's units looked up, not searched: by id, by code (any case), by folded name and short name.</summary>
    public sealed class UnitIndex
    {
        private readonly Dictionary<Guid, UnitOption> byId = [];
        private readonly Dictionary<string, UnitOption> byCode = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<UnitOption>> byName = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<UnitOption>> byShortName = new(StringComparer.Ordinal);

        public UnitIndex(IEnumerable<UnitOption> units)
        {
            foreach (var u in units)
            {
                byId.TryAdd(u.Id, u);
                byCode.TryAdd(u.Code, u);
                Add(byName, TextFolding.Fold(u.Name), u);
                Add(byShortName, TextFolding.Fold(u.ShortName), u);
            }
        }

        public UnitOption? ById(Guid id) => byId.GetValueOrDefault(id);

        public UnitOption? ByCode(string code) => byCode.GetValueOrDefault(code);

        /// <summary>The units of that full name, else of that short name (folded text).</summary>
        public IReadOnlyList<UnitOption> ByName(string folded) =>
            byName.TryGetValue(folded, out var named) ? named : byShortName.GetValueOrDefault(folded) ?? [];

        private static void Add(Dictionary<string, List<UnitOption>> map, string key, UnitOption unit)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(unit);
        }
    }

    /// <summary>Issuing bodies the account can write for: units of its scope with a document symbol.</summary>
    public async Task<List<UnitOption>> IssuersAsync(UserContext user, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Within(user.Scope)
            .Where(u => u.DocumentSymbol != null && u.RetiredAt == null)
            .OrderBy(u => u.Depth).ThenBy(u => u.SortOrder)
            .Select(u => new UnitOption(u.Id, u.Code, u.Name, u.ShortName, false)).ToListAsync(ct);
        return units;
    }

    // One request asks for the same context several times (render, analyse or save, render again).
    private readonly Dictionary<(string?, Guid, Guid?), Context> loaded = [];

    public async Task<Context> LoadAsync(UserContext user, Guid issuerUnitId, Guid? meetingId, CancellationToken ct = default)
    {
        var key = (user.User.Id, issuerUnitId, meetingId);
        if (!loaded.TryGetValue(key, out var context))
        {
            context = await ReadAsync(user, issuerUnitId, meetingId, ct);
            loaded[key] = context;
        }

        return context;
    }

    private async Task<Context> ReadAsync(UserContext user, Guid issuerUnitId, Guid? meetingId, CancellationToken ct)
    {
        var issuers = await IssuersAsync(user, ct);
        var issuer = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == issuerUnitId, ct);
        var units = issuer is null ? [] : await AreaUnitsAsync(issuer, ct);
        var signers = issuer is null ? [] : await db.People.AsNoTracking()
            .Where(p => p.RetiredAt == null && (p.UnitId == issuer.Id || p.Positions.Any(x => x.UnitId == issuer.Id)))
            .OrderBy(p => p.FullName).ToListAsync(ct);
        var proposals = new List<ProposalOption>();
        if (meetingId is { } mid && (await ConclusionAccess.MeetingToConcludeAsync(db, user.Scope, mid, ct)).Succeeded)
        {
            proposals.AddRange(await MeetingProposalsAsync(db, mid, ct));
        }

        return new Context(issuers, units,
            [.. signers.Select(p => new PersonOption(p.Id, p.FullName, p.Positions.FirstOrDefault(x => x.UnitId == issuerUnitId)?.Title ?? p.MainTitle))],
            proposals);
    }

    /// <summary>A meeting's proposals numbered in the order received (KN1, KN2…); the caller has checked the meeting.</summary>
    public static async Task<List<ProposalOption>> MeetingProposalsAsync(BriefingsDbContext db, Guid meetingId, CancellationToken ct = default)
    {
        var rows = await db.Proposals.AsNoTracking().Where(p => p.MeetingId == meetingId).OrderBy(p => p.SubmittedAt).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.UnitId }).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().Where(u => rows.Select(r => r.UnitId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return [.. rows.Select((r, i) => new ProposalOption(r.Id, r.Title, names.GetValueOrDefault(r.UnitId, ""), i + 1))];
    }

    /// <summary>The units under the issuer's nearest area (the district for a district committee), with labels
    /// made unique: a name used twice is shown as "Name (CODE)".</summary>
    private async Task<List<UnitOption>> AreaUnitsAsync(Unit issuer, CancellationToken ct)
    {
        var ancestorIds = issuer.AncestorIds();
        var area = await db.Units.AsNoTracking()
            .Where(u => ancestorIds.Contains(u.Id) && u.Kind == UnitKind.Area)
            .OrderByDescending(u => u.Depth).FirstOrDefaultAsync(ct);
        var query = db.Units.AsNoTracking();
        if (area is not null)
        {
            query = query.Where(u => u.Path.StartsWith(area.Path));
        }

        var units = await query.OrderBy(u => u.Path).Select(u => new UnitOption(u.Id, u.Code, u.Name, u.ShortName, u.RetiredAt != null)).ToListAsync(ct);
        var twice = units.GroupBy(u => TextFolding.Fold(u.Name)).Where(g => g.Count() > 1).SelectMany(g => g).ToHashSet();
        return [.. units.Select(u => twice.Contains(u) ? u with { Label = $"{u.Name} ({u.Code})" } : u)];
    }

    /// <summary>The unit a name in the form stands for, or why none.</summary>
    public static Result<UnitOption> Resolve(UnitIndex units, string name, string field)
    {
        var text = name.Trim();
        var code = text.EndsWith(')') && text.LastIndexOf('(') is var open and > 0 ? text[(open + 1)..^1].Trim() : null;
        // Two suggestions glued together ("… (MT-TP)Hội Nông dân … (ND-TP)": two lines pasted into one line, where the
        // browser drops the line break) would otherwise resolve to the last code alone and silently lose the first unit.
        if (code is not null && GluedCode(units, text[..text.LastIndexOf('(')]) is not null)
        {
            return new Error($"“{text}” ghi nhiều đơn vị liền nhau. Ngăn cách các đơn vị bằng dấu chấm phẩy (;), mỗi đơn vị một tên trong danh sách gợi ý.", field);
        }

        if (code is not null && units.ByCode(code) is { } byCode)
        {
            return Checked(byCode, field);
        }

        var byName = units.ByName(TextFolding.Fold(text));

        return byName.Count switch
        {
            0 => new Error($"Không tìm thấy đơn vị “{text}” trong danh bạ. Hãy chọn tên đơn vị trong danh sách gợi ý.", field),
            1 => Checked(byName[0], field),
            _ => new Error($"Có {byName.Count} đơn vị cùng tên “{text}”. Hãy chọn trong danh sách gợi ý (tên kèm mã đơn vị).", field),
        };
    }

    // A unit code in brackets inside the text before the last bracket: "… (MT-TP)Hội Nông dân …".
    private static string? GluedCode(UnitIndex units, string before) =>
        System.Text.RegularExpressions.Regex.Matches(before, @"\(([^()]+)\)").Select(m => m.Groups[1].Value.Trim())
            .FirstOrDefault(c => units.ByCode(c) is not null);

    /// <summary>The "Nơi nhận" lines of the form without their dashes and final punctuation.</summary>
    public static IEnumerable<string> RecipientLines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.TrimStart('-', '–', ' ').TrimEnd(';', '.', ',').Trim()).Where(l => l.Length > 0);

    /// <summary>A recipient line goes to a unit's inbox when it names exactly one unit; otherwise it is printed only.</summary>
    public static UnitOption? RecipientUnit(UnitIndex units, string line) =>
        Resolve(units, line, "").Value is { IsRetired: false } unit ? unit : null;

    private static Result<UnitOption> Checked(UnitOption unit, string field) =>
        unit.IsRetired
            ? new Error($"Đơn vị “{unit.Name}” đã ngừng hoạt động, không giao nhiệm vụ được.", field)
            : Result<UnitOption>.Ok(unit);
}
