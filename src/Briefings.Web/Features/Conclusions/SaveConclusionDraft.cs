using System.Globalization;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// Saves the editor's form as a draft (new or existing): the body text is read into sections and items, each
/// directive row's units resolved in the directory and its deadline parsed; every problem is reported with
/// its field and nothing is saved until all are fixed. Every save keeps a version of the whole text.
/// <para>Allowed to admins and to clerks whose scope covers the issuing body.</para>
/// </summary>
public sealed class SaveConclusionDraft(BriefingsDbContext db, ConclusionEditor editor, TimeProvider clock, IOptions<ConclusionOptions> options, UnitGroupLookup groups)
{
    public async Task<Result<Conclusion>> RunAsync(ConclusionForm form, UserContext user, CancellationToken ct = default)
    {
        var issuer = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == form.IssuerUnitId, ct);
        if (issuer is null || !ConclusionAccess.MayManage(user.Scope, issuer) || issuer.DocumentSymbol is null)
        {
            return Error.Forbidden;
        }

        Conclusion? conclusion = null;
        if (form.Id is { } id)
        {
            conclusion = await db.Conclusions.AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (conclusion is null)
            {
                return Error.NotFound;
            }

            var current = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
            if (!ConclusionAccess.MayManage(user.Scope, current))
            {
                return Error.Forbidden;
            }

            if (conclusion.IsIssued)
            {
                return Conclusion.ImmutableError;
            }

            if (conclusion.Version != form.Version)
            {
                return Error.Conflict;
            }
        }

        // A draft's meeting is the draft's; a new one's is checked like the editor's link from the meeting page.
        var meetingId = conclusion is null ? form.MeetingId : conclusion.MeetingId;
        if (conclusion is null && meetingId is { } newMeetingId
            && (await ConclusionAccess.MeetingToConcludeAsync(db, user.Scope, newMeetingId, ct)).Errors is { Count: > 0 } refused)
        {
            return Result<Conclusion>.Fail(refused);
        }

        var context = await editor.LoadAsync(user, issuer.Id, meetingId, ct);
        var errors = new List<Error>();
        var type = options.Value.Types.FirstOrDefault(t => t.Name == form.TypeName);
        if (type is null)
        {
            errors.Add(new Error("Vui lòng chọn loại văn bản.", nameof(ConclusionForm.TypeName)));
        }

        if (string.IsNullOrWhiteSpace(form.Summary))
        {
            errors.Add(new Error("Vui lòng nhập trích yếu (dòng dưới tên loại văn bản).", nameof(ConclusionForm.Summary)));
        }

        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(form.Date))
        {
            if (DateOnly.TryParseExact(form.Date.Trim(), ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                errors.Add(new Error("Ngày văn bản phải có dạng ngày/tháng/năm, ví dụ 15/04/2026, hoặc để trống (lấy ngày ban hành).", nameof(ConclusionForm.Date)));
            }
        }

        if (form.Directives.Count(d => !d.IsBlank) is var count && count > ConclusionForm.MaxDirectives)
        {
            errors.Add(ConclusionForm.TooManyDirectives(count, nameof(ConclusionForm.Directives)));
        }

        var body = ConclusionTextParser.Parse(form.Body);
        if (!body.Sections.SelectMany(s => s.Items).Any())
        {
            errors.Add(new Error("Nội dung chưa có mục nào. Ghi phần theo dạng “I. Tiêu đề”, mục theo dạng “1. Nội dung”.", nameof(ConclusionForm.Body)));
        }

        if (body.Sections.FirstOrDefault(s => s.Introduction.Length > 0) is { } withIntro)
        {
            errors.Add(new Error($"Phần {withIntro.Numeral} có đoạn văn nằm giữa tiêu đề và mục 1 (“{Short(withIntro.Introduction)}”). Hãy đưa đoạn này vào một mục đánh số.", nameof(ConclusionForm.Body)));
        }

        if (body.Sections.GroupBy(s => s.Numeral).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0) is { } twice)
        {
            errors.Add(new Error($"Phần {twice.Key} xuất hiện hai lần trong nội dung.", nameof(ConclusionForm.Body)));
        }

        var sections = body.Sections.Select((s, i) => new BodySection { Order = i + 1, Numeral = s.Numeral, Title = s.Title }).ToList();
        var privateItems = form.PrivateItems.ToHashSet(StringComparer.Ordinal);
        var items = body.Sections.SelectMany((s, i) => s.Items.Select(item => new BodyItem
        {
            SectionOrder = i + 1,
            Number = item.Number,
            Text = item.Text,
            IsPublic = !privateItems.Contains(DirectiveRow.ItemKey(i + 1, item.Number)),
        })).ToList();

        var today = DateOnly.FromDateTime(VietnameseText.ToLocal(clock.GetUtcNow()));
        var documentDate = date ?? today;
        // A correction ("đính chính") repeats the deadlines of the document it corrects, some of them passed by now:
        // they are measured against that document's date, or no older conclusion could ever be corrected.
        var deadlineFloor = Conclusion.EarliestDeadline(documentDate, conclusion?.CorrectsConclusionId is { } correctedId
            ? await db.Conclusions.AsNoTracking().Where(c => c.Id == correctedId).Select(c => c.IssuedOn).FirstOrDefaultAsync(ct)
            : null);
        var directives = new List<Directive>();
        var names = new ItemNames<BodyItem>();
        foreach (var i in items)
        {
            names.Add(i.SectionOrder, sections.FirstOrDefault(s => s.Order == i.SectionOrder)?.Numeral, i.Number, i);
        }

        for (var r = 0; r < form.Directives.Count; r++)
        {
            var row = form.Directives[r];
            if (row.IsBlank)
            {
                continue;
            }

            var field = $"Directives[{r}]";
            // The editor writes the item as the document numbers it ("II.1", typed or picked from the list).
            var typed = (row.Item ?? "").Trim();
            if (!names.TryFind(typed, out var item))
            {
                errors.Add(new Error(typed.Length == 0
                    ? $"Nhiệm vụ dòng {r + 1}: chọn mục của văn bản mà nhiệm vụ thuộc về."
                    : $"Nhiệm vụ dòng {r + 1}: văn bản không có mục “{typed}”; ghi mục như văn bản đánh số (ví dụ: II.1) hoặc chọn trong danh sách.", field + ".Item"));
                continue;
            }

            var label = ConclusionText.ItemLabel(sections, item.SectionOrder, item.Number);
            if (string.IsNullOrWhiteSpace(row.Lead))
            {
                errors.Add(new Error($"Nhiệm vụ mục {label}: chưa có đơn vị chủ trì.", field + ".Lead"));
                continue;
            }

            // "UBND các xã", "các đoàn thể huyện": one collective directive, a task for each unit of the group at issue.
            var group = (await groups.ForIssuerAsync(issuer.Id, ct)).Group(row.Lead);
            if (group is { Count: 0 })
            {
                errors.Add(new Error($"Nhiệm vụ mục {label}: nhóm “{row.Lead.Trim()}” không có đơn vị nào trong danh bạ.", field + ".Lead"));
                continue;
            }

            var lead = group is { Count: > 0 }
                ? Result<ConclusionEditor.UnitOption>.Ok(context.UnitIndex.ById(group[0])!)
                : ConclusionEditor.Resolve(context.UnitIndex, row.Lead, field + ".Lead");
            var coordinating = (row.Coordinating ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => ConclusionEditor.Resolve(context.UnitIndex, name, field + ".Coordinating")).ToList();
            var rowErrors = lead.Errors.Concat(coordinating.SelectMany(c => c.Errors))
                .Select(e => e with { Message = $"Nhiệm vụ mục {label}: {e.Message}" }).ToList();

            Deadline? deadline = null;
            if (!string.IsNullOrWhiteSpace(row.Deadline))
            {
                deadline = ReadDeadline(row.Deadline);
                if (deadline is null)
                {
                    rowErrors.Add(new Error($"Nhiệm vụ mục {label}: không hiểu thời hạn “{row.Deadline.Trim()}”. Ví dụ: trước 15/5/2026, trong tháng 5/2026, quý II/2026, 6 tháng đầu năm 2026, năm học 2026 - 2027, hằng tháng, hằng quý, trước ngày 15 của tháng cuối quý, 6 tháng một lần, hằng năm, thường xuyên.", field + ".Deadline"));
                }
                else if (deadline.DueDate is { } due && due < deadlineFloor)
                {
                    rowErrors.Add(new Error($"Nhiệm vụ mục {label}: thời hạn {deadline} trước ngày văn bản ({deadlineFloor:dd/MM/yyyy}).", field + ".Deadline"));
                }
            }

            var (choice, answered) = ConclusionEditor.FindProposal(context.Proposals, row.AnswersProposalId);
            if (choice == ConclusionEditor.ProposalChoice.Unreadable)
            {
                rowErrors.Add(new Error($"Nhiệm vụ mục {label}: không đọc được kiến nghị “{row.AnswersProposalId!.Trim()}”. Chưa lưu gì: hãy ghi số kiến nghị như trong danh sách (ví dụ: KN1) hoặc chọn trong danh sách.", field + ".AnswersProposalId"));
            }
            else if (choice == ConclusionEditor.ProposalChoice.NotOfThisMeeting)
            {
                rowErrors.Add(new Error($"Nhiệm vụ mục {label}: kiến nghị được trả lời không thuộc hội nghị này.", field + ".AnswersProposalId"));
            }

            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
            {
                directives.Add(new Directive
                {
                    SectionOrder = item.SectionOrder,
                    ItemNumber = item.Number,
                    LeadUnitId = lead.Value!.Id,
                    CoordinatingUnitIds = [.. coordinating.Select(c => c.Value!.Id).Where(x => x != lead.Value!.Id && group?.Contains(x) != true).Distinct()],
                    Deadline = deadline,
                    ExpectedOutput = row.Output,
                    AnswersProposalId = answered?.Id,
                    GroupName = group is null ? null : row.Lead.Trim(),
                    GroupUnitIds = group is null ? [] : [.. group],
                });
            }
        }

        var recipients = ConclusionEditor.RecipientLines(form.Recipients)
            .Select(l => (ConclusionEditor.RecipientUnit(context.UnitIndex, l)?.Id, l)).ToList();

        var signer = form.SignerPersonId is { } sid ? context.Signers.FirstOrDefault(p => p.Id == sid) : null;
        if (form.SignerPersonId is not null && signer is null)
        {
            errors.Add(new Error("Người ký phải là cán bộ của cơ quan ban hành.", nameof(ConclusionForm.SignerPersonId)));
        }

        // A meeting has one conclusion; a further one is drafted only when the clerk confirmed it.
        if (conclusion is null && meetingId is { } concludedId && !form.ConfirmSecond
            && await ConclusionsOfMeeting.ExistingAsync(db, concludedId, ct) is { Count: > 0 } existing)
        {
            errors.Add(SecondConclusionError(existing));
        }

        if (errors.Count > 0)
        {
            return Result<Conclusion>.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var created = conclusion is null;
        if (conclusion is null)
        {
            var made = Conclusion.Create(issuer.Id, type!.Code, type.Name, form.Summary!, meetingId);
            if (made.Value is not { } fresh)
            {
                return made;
            }

            conclusion = fresh;
            db.Conclusions.Add(conclusion);
        }

        var steps = new Func<Error?>[]
        {
            () => conclusion.ChangeType(type!.Code, type.Name),
            () => conclusion.Describe(form.Summary!, form.Preamble ?? "", form.Place ?? "", date),
            () => conclusion.SetBody(sections, items, directives),
            () => conclusion.SetClosing(body.Closing),
            () => conclusion.SetRecipients(recipients),
            () => signer is null ? null : conclusion.SetSigner(signer.Id, signer.Name, form.SigningForm ?? "", form.SignerTitle ?? ""),
            () => conclusion.SetPublic(form.IsPublic),
        };
        foreach (var step in steps)
        {
            if (step() is { } error)
            {
                return error;
            }
        }

        await ConclusionHistory.KeepAsync(db, conclusion, created ? "Tạo dự thảo" : "Sửa dự thảo", user.User.UserName!, now, ct,
            pid => context.Proposals.FirstOrDefault(p => p.Id == pid)?.Title ?? "?");

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict;
        }

        return Result<Conclusion>.Ok(conclusion);
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>The question asked before a second conclusion of one meeting is drafted.</summary>
    public static Error SecondConclusionError(IReadOnlyList<Meetings.MeetingConclusionLink> existing) =>
        new($"Cuộc họp này đã có kết luận ({string.Join("; ", existing.Select(e => e.Label))}). Bạn có chắc muốn soạn thêm một kết luận khác cho cùng cuộc họp? Hãy đánh dấu xác nhận rồi lưu.",
            nameof(ConclusionForm.ConfirmSecond));

    /// <summary>A directive's deadline as saving reads it (the whole text first, else the first deadline named in it);
    /// null for an empty or unreadable text. The editor's day-off hint reads it the same way.</summary>
    public static Deadline? ReadDeadline(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : DeadlineParser.ParseExact(text.Trim()) ?? DeadlineParser.FindFirst(text)?.Deadline;
}
