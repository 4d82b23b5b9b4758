using Briefings.Core.Common;
using Briefings.Core.Meetings;
using Briefings.Core.Organizations;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Meetings;

/// <summary>Creates the year's meetings of an area in one step from the format policy (the reference's by
/// default). Each meeting can be moved or changed afterwards. A year is planned once per area.</summary>
public sealed class GenerateYearPlan(BriefingsDbContext db, FormatPolicyStore policies, HolidayStore holidays, IOptions<MeetingOptions> options)
{
    public sealed record Input(int Year, Guid AreaId, string? OrganizerCode);

    public async Task<Result<IReadOnlyList<Meeting>>> RunAsync(Input input, AccessScope scope, FormatPolicy? policy = null, CancellationToken ct = default)
    {
        var area = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.AreaId && u.Kind == UnitKind.Area, ct);
        if (area is null)
        {
            return Error.NotFound;
        }

        if (!MeetingAccess.MayManage(area, scope))
        {
            return Error.Forbidden;
        }

        if (input.Year is < PlanningYears.First or > PlanningYears.Last)
        {
            return PlanningYears.Refusal("Năm kế hoạch", nameof(Input.Year));
        }

        var organizer = string.IsNullOrWhiteSpace(input.OrganizerCode) ? null
            : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == input.OrganizerCode.Trim(), ct);
        if (organizer is null || !organizer.IsInSubtreeOf(area.Path))
        {
            return new Error("Vui lòng nhập mã đơn vị chủ trì chuẩn bị thuộc địa bàn (ví dụ Ban Dân vận).", nameof(Input.OrganizerCode));
        }

        if (organizer.IsRetired)
        {
            return new Error("Đơn vị chủ trì đã ngừng hoạt động.", nameof(Input.OrganizerCode));
        }

        var yearStart = VietnameseText.ToUtc(new DateOnly(input.Year, 1, 1), TimeOnly.MinValue);
        var yearEnd = VietnameseText.ToUtc(new DateOnly(input.Year + 1, 1, 1), TimeOnly.MinValue);
        // The check and the insert are the only writer of this area's year: six posts of the form at once (a double
        // tap, two clerks) planned the year six times — 132 meetings instead of 22.
        await using var serialized = await db.BeginSerializedAsync($"year-plan:{area.Id}:{input.Year}", ct);
        // Only the plan's own meetings (they carry their quarter) make the year planned: an extra briefing the office
        // added by hand first (walk-plan: a December briefing planned before the year's plan) is not the plan.
        if (await db.Meetings.AnyAsync(m => m.BodyAreaId == area.Id && m.Quarter != 0 && m.StartsAt >= yearStart && m.StartsAt < yearEnd, ct))
        {
            return new Error($"Kế hoạch giao ban năm {input.Year} của {area.Name} đã được lập. Hãy sửa từng cuộc họp trong danh sách.", nameof(Input.Year));
        }

        var organizations = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == area.Id && u.RetiredAt == null && (u.Kind == UnitKind.FatherlandFront || u.Kind == UnitKind.Organization))
            .OrderBy(u => u.SortOrder)
            .Select(u => new { u.Id, u.ShortName })
            .ToListAsync(ct);
        policy ??= (await policies.GetAsync(ct)).Policy;
        var plan = YearPlanner.Generate(policy, input.Year, LowerFirst(area.Name), (organizer.Id, organizer.Name),
            organizations.Select(o => (o.Id, o.ShortName)).ToList(), await holidays.CalendarAsync(input.Year, ct));

        var o = options.Value;
        var meetings = new List<Meeting>();
        foreach (var planned in plan)
        {
            var meeting = Meeting.Create(Guid.CreateVersion7(), planned.Title, planned.Type, planned.Mode, area.Id, planned.OrganizerUnitId);
            meeting.Quarter = planned.Quarter;
            var place = planned.Type == MeetingType.ThematicBriefing
                ? $"Phòng họp trực tuyến {organizations.First(x => x.Id == planned.OrganizerUnitId).ShortName}"
                : planned.Mode == MeetingMode.InPerson ? $"Hội trường {area.Name}" : $"Phòng họp trực tuyến {area.Name}";
            meeting.Schedule(VietnameseText.ToUtc(planned.Date, o.DefaultStart), VietnameseText.ToUtc(planned.Date, o.DefaultEnd), place);
            meeting.SetAgenda(DefaultAgenda(planned.Type));
            meetings.Add(meeting);
        }

        db.Meetings.AddRange(meetings);
        await db.SaveChangesAsync(ct);
        await serialized.CommitAsync(ct);
        return Result<IReadOnlyList<Meeting>>.Ok(meetings);
    }

    /// <summary>"Huyện Tân Phong" → "huyện Tân Phong", as it reads inside a title.</summary>
    private static string LowerFirst(string name) =>
        name.Length == 0 ? name : char.ToLower(name[0], VietnameseText.Culture) + name[1..];

    private static IEnumerable<AgendaItem> DefaultAgenda(MeetingType type) => type switch
    {
        MeetingType.MonthlyBriefing or MeetingType.QuarterlyBriefing or MeetingType.HalfYearReview or MeetingType.AnnualReview =>
        [
            new AgendaItem(0, "Thông qua dự thảo báo cáo tình hình hoạt động và phương hướng, nhiệm vụ", "Đơn vị chủ trì chuẩn bị", 30),
            new AgendaItem(0, "Ý kiến phát biểu, khó khăn, kiến nghị của các đơn vị", null, 90),
            new AgendaItem(0, "Kết luận của đồng chí chủ trì", null, 20),
        ],
        _ =>
        [
            new AgendaItem(0, "Báo cáo chuyên đề", null, 30),
            new AgendaItem(0, "Ý kiến của cơ sở", null, 60),
            new AgendaItem(0, "Kết luận", null, 15),
        ],
    };
}
