using System.Globalization;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Meetings;
using Briefings.Core.OnlineRoom;
using Briefings.Data;
using Briefings.Web.Features.Conclusions;
using Briefings.Web.Features.FollowUp;
using Briefings.Web.Features.Meetings;
using Briefings.Web.Features.OnlineRoom;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Infrastructure.Demo;

/// <summary>
/// The steps the demo history is made of, each one use case of a feature played by the account that does it in an
/// office (<see cref="DemoStage"/>). Seasons (<see cref="DemoHistory"/>) put them in order; a new feature adds its
/// step here (e.g. the biên bản, the signed PDF) and calls it from the seasons.
/// </summary>
public sealed class DemoSteps(DemoStage stage)
{
    public const string Clerk = "vanphong";
    public const string Leader = "bithu";
    public const string Admin = "admin";
    public const string DanVan = "bandanvan";
    public const string AnLac = "xa.anlac";
    public const string BinhDong = "xa.binhdong";
    public const string Technician = "kythuat.anlac";

    /// <summary>A moment on a day, Vietnam time.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => VietnameseText.ToUtc(day, new TimeOnly(hour, minute));

    public static string Date(DateOnly day) => day.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    public sealed record MeetingPlan(string Title, MeetingType Type, MeetingMode Mode, DateOnly Day, string Place, string Agenda);

    /// <summary>The clerk creates the meeting, applies the composition and sends the invitations.</summary>
    public async Task<Guid> PlanAndInviteAsync(MeetingPlan plan, DateTimeOffset createdAt, DateTimeOffset invitedAt)
    {
        var meetingId = await stage.ActAsync(createdAt, Clerk, async (sp, user) =>
        {
            var db = sp.GetRequiredService<BriefingsDbContext>();
            var district = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoDistrict.DistrictCode);
            var chair = await PersonIdAsync(db, "Trần Minh Khang");
            var secretary = await PersonIdAsync(db, "Đặng Thị Mai");
            var saved = await sp.GetRequiredService<SaveMeeting>().RunAsync(new SaveMeeting.Input(
                null, district.Id, plan.Title, plan.Type, plan.Mode, plan.Day, new TimeOnly(8, 0), new TimeOnly(11, 0), plan.Place,
                "HU-TP-BDV", "MT-TP", chair, secretary, plan.Agenda, 0), user.Scope);
            return DemoStage.Ok(saved, "lập cuộc họp " + plan.Title).Id;
        });
        await stage.ActAsync(invitedAt, Clerk, async (sp, user) =>
        {
            DemoStage.Ok(await sp.GetRequiredService<ApplyComposition>().RunAsync(meetingId, user.Scope), "áp dụng thành phần");
            DemoStage.Ok(await sp.GetRequiredService<SendInvitations>().RunAsync(meetingId, user.Scope), "gửi giấy mời");
            return 0;
        }, inTransaction: true);
        return meetingId;
    }

    /// <summary>A commune answers every invitation of its people: <paramref name="answer"/> picks the answer of the
    /// n-th invitation (confirm, substitute with name and position, or decline with a reason).</summary>
    public Task AnswerAsync(string userName, Guid meetingId, string communeCode, DateTimeOffset at,
        Func<int, (InvitationResponse Response, string? Name, string? Position, string? Reason)> answer) =>
        stage.ActAsync(at, userName, async (sp, user) =>
        {
            var db = sp.GetRequiredService<BriefingsDbContext>();
            var prefix = await db.Units.AsNoTracking().Where(u => u.Code == communeCode).Select(u => u.Path).SingleAsync();
            var invitations = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId)
                .Join(db.Units.AsNoTracking().Where(u => u.Path.StartsWith(prefix)), i => i.UnitId, u => u.Id, (i, _) => new { i.Id, i.Version })
                .OrderBy(i => i.Id).ToListAsync();
            var use = sp.GetRequiredService<AnswerInvitation>();
            for (var n = 0; n < invitations.Count; n++)
            {
                var (response, name, position, reason) = answer(n);
                DemoStage.Ok(await use.RunAsync(new AnswerInvitation.Input(invitations[n].Id, response, name, position, reason, invitations[n].Version), user), "trả lời giấy mời");
            }

            return invitations.Count;
        }, inTransaction: true);

    public Task<Guid> ProposeAsync(string userName, Guid meetingId, string unitCode, DateTimeOffset at, string title, string content, string? addressedTo) =>
        stage.ActAsync(at, userName, async (sp, user) =>
        {
            var unitId = await UnitIdAsync(sp, unitCode);
            var made = await sp.GetRequiredService<SubmitProposal>().RunAsync(new SubmitProposal.Input(meetingId, unitId, title, content, addressedTo), user);
            return DemoStage.Ok(made, "gửi kiến nghị " + title).Id;
        });

    /// <summary>A unit registers to speak; the clerk then puts the registration into the agenda.</summary>
    public async Task RegisterToSpeakAsync(string userName, Guid meetingId, string unitCode, DateTimeOffset at, string topic, string summary, DateTimeOffset orderedAt)
    {
        var registration = await stage.ActAsync(at, userName, async (sp, user) =>
        {
            var made = await sp.GetRequiredService<RegisterToSpeak>().RunAsync(new RegisterToSpeak.Input(meetingId, await UnitIdAsync(sp, unitCode), topic, summary, 7), user);
            return DemoStage.Ok(made, "đăng ký phát biểu").Id;
        });
        await stage.ActAsync(orderedAt, Clerk, async (sp, user) =>
            DemoStage.Ok(await sp.GetRequiredService<RegisterToSpeak>().OrderIntoAgendaAsync(meetingId, [registration], user), "xếp phát biểu vào chương trình"));
    }

    /// <summary>The endpoint technician ticks the readiness checks of their commune's room.</summary>
    public Task TickReadinessAsync(Guid meetingId, string communeCode, DateTimeOffset at, params ReadinessItem[] items) =>
        stage.ActAsync(at, Technician, async (sp, user) =>
        {
            var db = sp.GetRequiredService<BriefingsDbContext>();
            var areaId = await UnitIdAsync(sp, communeCode);
            var endpoint = await db.MeetingEndpoints.AsNoTracking().SingleAsync(e => e.MeetingId == meetingId && e.AreaUnitId == areaId);
            foreach (var item in items)
            {
                DemoStage.Ok(await sp.GetRequiredService<TickReadiness>().RunAsync(endpoint.Id, item, true, user), "kiểm tra điểm cầu");
            }

            return 0;
        });

    /// <summary>The meeting as held: the secretary's roll call of the host room and the demo communes' rooms (from the answers: substitutes, absences with their reason,
    /// the host room in the hall, communes online; <paramref name="absentEvery"/>-th unanswered attendee absent) and the
    /// minutes of each agenda item.</summary>
    public Task HoldAsync(Guid meetingId, DateOnly day, int absentEvery, IReadOnlyList<string> minutes) =>
        stage.ActAsync(At(day, 8, 5), Clerk, async (sp, user) =>
        {
            var db = sp.GetRequiredService<BriefingsDbContext>();
            var grant = DemoStage.Ok(await sp.GetRequiredService<RoomAccess>().ForAsync(meetingId, user), "mở phòng họp");
            // The host room and the two demo communes' rooms: one use-case call per person is slow for all twelve
            // communes (about 290 people); the other rooms stay unmarked until the roll call takes a whole endpoint at once.
            var rooms = await db.MeetingEndpoints.AsNoTracking().Where(e => e.MeetingId == meetingId)
                .Join(db.Units.AsNoTracking(), e => e.AreaUnitId, u => u.Id, (e, u) => new { e.Id, e.IsHost, u.Code }).ToListAsync();
            var marked = rooms.Where(r => r.IsHost || r.Code is "X-01" or "X-02").Select(r => r.Id).ToList();
            var invitations = await db.Invitations.AsNoTracking().Where(i => i.MeetingId == meetingId && marked.Contains(i.EndpointId)).OrderBy(i => i.Id).ToListAsync();
            var rollCall = sp.GetRequiredService<RollCall>();
            for (var n = 0; n < invitations.Count; n++)
            {
                var i = invitations[n];
                var (status, reason, substitute) = i.Response switch
                {
                    InvitationResponse.Declined => (AttendanceStatus.Absent, i.DeclineReason, null),
                    InvitationResponse.Substitute => (AttendanceStatus.Substitute, null, i.SubstituteName),
                    InvitationResponse.Pending when absentEvery > 0 && n % absentEvery == absentEvery - 1 => (AttendanceStatus.Absent, "Bận công tác đột xuất, có báo trước.", (string?)null),
                    _ => (rooms.Single(r => r.Id == i.EndpointId).IsHost ? AttendanceStatus.InRoom : AttendanceStatus.Online, (string?)null, (string?)null),
                };
                DemoStage.Ok(await rollCall.MarkAsync(grant, i.Id, status, reason, substitute), "điểm danh");
            }

            var orders = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).SelectMany(m => m.Agenda.Select(a => a.Order)).ToListAsync();
            var save = sp.GetRequiredService<SaveMinutes>();
            foreach (var (order, text) in orders.Order().Zip(minutes))
            {
                DemoStage.Ok(await save.RunAsync(grant, order, text, 0), "ghi biên bản");
            }

            return 0;
        }, inTransaction: true);

    public sealed record DirectivePlan(string Item, string Lead, string Deadline, ExpectedOutput Output, string? Coordinating = null, Guid? AnswersProposal = null);

    public sealed record ConclusionPlan(Guid? MeetingId, string TypeName, string Summary, string Preamble, string Body, string Recipients, IReadOnlyList<DirectivePlan> Directives);

    /// <summary>The clerk drafts and submits, the leader approves, <paramref name="issuedBy"/> issues (a number from the
    /// register, tasks for every directive, the document in every addressed unit's inbox).</summary>
    public async Task<Guid> ConcludeAsync(ConclusionPlan plan, DateOnly draftedOn, DateOnly issuedOn, string issuedBy = Clerk)
    {
        var (id, version) = await stage.ActAsync(At(draftedOn, 9), Clerk, async (sp, user) =>
        {
            var db = sp.GetRequiredService<BriefingsDbContext>();
            var form = new ConclusionForm
            {
                MeetingId = plan.MeetingId,
                IssuerUnitId = await UnitIdAsync(sp, DemoDistrict.DistrictCommitteeCode),
                TypeName = plan.TypeName,
                Summary = plan.Summary,
                Place = "Tân Phong",
                Preamble = plan.Preamble,
                Body = plan.Body,
                Recipients = plan.Recipients,
                SignerPersonId = await PersonIdAsync(db, "Trần Minh Khang"),
                SigningForm = "T/M BAN THƯỜNG VỤ",
                SignerTitle = "BÍ THƯ",
                IsPublic = true,
                Directives = [.. plan.Directives.Select(d => new DirectiveRow
                {
                    Item = d.Item, Lead = d.Lead, Coordinating = d.Coordinating, Deadline = d.Deadline, Output = d.Output,
                    AnswersProposalId = d.AnswersProposal?.ToString() ?? "",
                })],
            };
            var draft = DemoStage.Ok(await sp.GetRequiredService<SaveConclusionDraft>().RunAsync(form, user), "soạn dự thảo " + plan.Summary);
            return (draft.Id, draft.Version);
        });
        version = await stage.ActAsync(At(draftedOn, 10, 30), Clerk, async (sp, user) =>
            DemoStage.Ok(await sp.GetRequiredService<SubmitConclusion>().RunAsync(id, version, user), "trình ký").Version);
        await stage.ActAsync(At(issuedOn, 8, 30), Leader, async (sp, user) =>
            DemoStage.Ok(await sp.GetRequiredService<ApproveConclusion>().RunAsync(id, version, user), "duyệt"));
        await stage.ActAsync(At(issuedOn, 14), issuedBy, async (sp, user) =>
            DemoStage.Ok(await sp.GetRequiredService<IssueConclusion>().RunAsync(id, user.Scope, user.User.UserName!), "ban hành"));
        return id;
    }

    /// <summary>The task of item <paramref name="itemNumber"/> of section <paramref name="sectionOrder"/> whose lead is
    /// <paramref name="leadCode"/> (the first period's task for a periodic directive).</summary>
    public Task<Guid> TaskAsync(Guid conclusionId, int sectionOrder, int itemNumber, string leadCode) =>
        stage.ActAsync(DateTimeOffset.UtcNow, Clerk, async (sp, _) =>
        {
            var db = sp.GetRequiredService<BriefingsDbContext>();
            var lead = await UnitIdAsync(sp, leadCode);
            var tasks = await db.FollowUpTasks.AsNoTracking()
                .Where(t => t.ConclusionId == conclusionId && t.SectionOrder == sectionOrder && t.ItemNumber == itemNumber && t.LeadUnitId == lead)
                .Select(t => new { t.Id, t.CreatedAt }).ToListAsync();
            return tasks.Count > 0
                ? tasks.OrderBy(t => t.CreatedAt).First().Id
                : throw new InvalidOperationException($"Demo history: no task of item {sectionOrder}.{itemNumber} for {leadCode}.");
        });

    /// <summary>A progress report of the lead unit (with a file when <paramref name="file"/> names one).</summary>
    public Task ReportAsync(string userName, Guid taskId, DateTimeOffset at, string text, int percent, string? explanation = null, string? file = null) =>
        stage.ActAsync(at, userName, async (sp, user) =>
        {
            var version = await VersionAsync(sp, taskId);
            var files = file is null ? [] : new[] { DemoFiles.Pdf(file, "Bao cao tien do - " + Path.GetFileNameWithoutExtension(file)) };
            return DemoStage.Ok(await sp.GetRequiredService<SubmitReport>().RunAsync(new SubmitReport.Input(taskId, version, text, percent, explanation, files), user), "báo cáo tiến độ");
        });

    /// <summary>The lead unit asks to close the task and the office confirms it the next working hours.</summary>
    public async Task CompleteAsync(string userName, Guid taskId, DateTimeOffset at, string result, string? reply = null, string? explanation = null, string? file = null)
    {
        await stage.ActAsync(at, userName, async (sp, user) =>
        {
            var version = await VersionAsync(sp, taskId);
            var files = file is null ? [] : new[] { DemoFiles.Pdf(file, "Ket qua thuc hien - " + Path.GetFileNameWithoutExtension(file)) };
            return DemoStage.Ok(await sp.GetRequiredService<RequestCompletion>().RunAsync(new RequestCompletion.Input(taskId, version, result, reply, explanation, files), user), "đề nghị hoàn thành");
        });
        await stage.ActAsync(at.AddHours(20), Clerk, async (sp, user) =>
        {
            DemoStage.Ok(await sp.GetRequiredService<ReviewCompletion>().RunAsync(new ReviewCompletion.Input(taskId, await VersionAsync(sp, taskId), true, "Đã kiểm tra kết quả."), user), "công nhận hoàn thành");
            return 0;
        });
    }

    /// <summary>The lead unit asks for a later due day; the office decides when <paramref name="decidedAt"/> is given.</summary>
    public async Task ExtendAsync(string userName, Guid taskId, DateTimeOffset at, DateOnly newDue, string reason, DateTimeOffset? decidedAt)
    {
        await stage.ActAsync(at, userName, async (sp, user) =>
            DemoStage.Ok(await sp.GetRequiredService<RequestExtension>().RunAsync(new RequestExtension.Input(taskId, await VersionAsync(sp, taskId), newDue, reason), user), "đề nghị gia hạn"));
        if (decidedAt is { } decided)
        {
            await stage.ActAsync(decided, Clerk, async (sp, user) =>
            {
                DemoStage.Ok(await sp.GetRequiredService<DecideExtension>().RunAsync(new DecideExtension.Input(taskId, await VersionAsync(sp, taskId), true, "Đồng ý gia hạn."), user), "duyệt gia hạn");
                return 0;
            });
        }
    }

    private static async Task<int> VersionAsync(IServiceProvider sp, Guid taskId) =>
        await sp.GetRequiredService<BriefingsDbContext>().FollowUpTasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Version).SingleAsync();

    private static async Task<Guid> UnitIdAsync(IServiceProvider sp, string code) =>
        await sp.GetRequiredService<BriefingsDbContext>().Units.AsNoTracking().Where(u => u.Code == code).Select(u => u.Id).SingleAsync();

    private static async Task<Guid> PersonIdAsync(BriefingsDbContext db, string fullName) =>
        await db.People.AsNoTracking().Where(p => p.FullName == fullName).Select(p => p.Id).FirstAsync();
}
