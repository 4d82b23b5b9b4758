using System.Globalization;
using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// Fills the conclusion editor: a new draft (prefilled from the meeting it concludes), an existing draft, or a
/// proposal read from a pasted or uploaded text — sections, items and, per item, the units and deadlines the
/// parser found, matched to the directory — for the clerk to review, correct and save.
/// </summary>
public sealed class PrepareConclusionForm(BriefingsDbContext db, ConclusionEditor editor, ConclusionAccess access, IOptions<ConclusionOptions> options,
    Meetings.MeetingRollCall rollCall)
{
    /// <summary>Why a clerk or admin cannot draft yet on a new installation: no issuing body in the directory.</summary>
    public const string NoIssuer = "Chưa có cơ quan ban hành văn bản nào trong phạm vi tài khoản của bạn. Ở Danh bạ tổ chức, mở cơ quan ban hành "
        + "(ví dụ Huyện ủy) và ghi \"Ký hiệu văn bản\" (ví dụ HU), rồi soạn hoặc nhập văn bản.";

    /// <summary>A new draft for the account's first issuing body; from a meeting, its title, date, place and chair.</summary>
    /// <param name="confirmSecond">The clerk confirmed drafting another conclusion for a meeting that has one.</param>
    public async Task<Result<ConclusionForm>> NewAsync(UserContext user, Guid? meetingId, CancellationToken ct = default, bool confirmSecond = false)
    {
        var issuers = await editor.IssuersAsync(user, ct);
        if (!user.Scope.CanEditUnits)
        {
            return Error.Forbidden;
        }

        if (issuers.Count == 0)
        {
            // A new installation: the directory has no issuing body yet (a unit with a document symbol). Say what
            // to set instead of "you do not write for this body".
            return new Error(NoIssuer);
        }

        // The body the account's office writes for: its own unit or the nearest one above it that issues
        // documents, skipping offices (the Văn phòng Huyện ủy drafts for the Huyện ủy).
        var own = user.Unit.AncestorIds().Append(user.Unit.Id).Reverse().ToList();
        var offices = await db.Units.AsNoTracking().Where(u => own.Contains(u.Id) && u.Kind == UnitKind.Office).Select(u => u.Id).ToListAsync(ct);
        var issuer = own.Where(id => !offices.Contains(id)).Select(id => issuers.FirstOrDefault(i => i.Id == id)).FirstOrDefault(i => i is not null) ?? issuers[0];
        var form = new ConclusionForm
        {
            IssuerUnitId = issuer.Id,
            TypeName = options.Value.Types[0].Name,
            Place = await PlaceOfAsync(issuer.Id, ct),
            IsPublic = false,
        };
        if (meetingId is { } id)
        {
            var concluded = await ConclusionAccess.MeetingToConcludeAsync(db, user.Scope, id, ct);
            if (concluded.Value is not { } meeting)
            {
                return Result<ConclusionForm>.Fail(concluded.Errors);
            }

            form.MeetingId = meeting.Id;
            form.ConfirmSecond = confirmSecond;
            form.ExistingForMeeting = await ConclusionsOfMeeting.ExistingAsync(db, meeting.Id, ct);
            form.Summary = meeting.Title;
            var chair = meeting.ChairPersonId is { } chairId ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == chairId, ct) : null;
            // Without a chair on the meeting the name is left as a blank to fill ("đồng chí ……"): "đồng chí chủ trì chủ trì
            // giao ban" went into an issued document unnoticed.
            var chairText = chair is null ? "đồng chí ……" : $"đồng chí {chair.FullName}, {chair.MainTitle}";
            var day = VietnameseText.ToLocal(meeting.StartsAt);
            // The roll call names who took part and gives the attendance figures ("có mặt 12/14 điểm cầu").
            var summary = await rollCall.LoadAsync(meeting.Id, ct);
            var participants = summary.ParticipantsParagraph(await rollCall.PresentBodiesAsync(meeting.Id, summary, ct));
            form.Preamble = string.Create(CultureInfo.InvariantCulture,
                $"Ngày {day.Day}/{day.Month}/{day.Year}, tại {meeting.Place}, {chairText} chủ trì {LowerFirst(meeting.Title)}.\n") +
                (participants is null ? "" : participants + "\n") +
                $"Sau khi nghe báo cáo và ý kiến phát biểu của các đồng chí dự họp, {chairText} kết luận như sau:";
            // The proposals the units sent for the meeting, before or during it, start section II (one item each, with its
            // KN number for the task rows' "Trả lời kiến nghị"): the section was left "1. " and a proposal raised during
            // the meeting had to be found and typed again from the meeting page.
            var proposals = await ConclusionEditor.MeetingProposalsAsync(db, meeting.Id, ct);
            var answers = proposals.Count == 0 ? "1. "
                : string.Join("\n", proposals.Select((p, i) => $"{i + 1}. Về kiến nghị của {p.UnitName} ({p.Key}): {p.Title.Trim().TrimEnd('.')}. "));
            form.Body = "I. Đánh giá việc tổ chức Hội nghị\n1. \n\nII. Các kiến nghị, đề xuất\n" + answers + "\n\nIII. Nhiệm vụ trọng tâm thời gian tới\n1. ";
        }

        // Every new draft starts with the lines every party document has, whether or not it comes from a meeting: a
        // draft begun from "Soạn văn bản mới" had none and was issued with an empty "Nơi nhận".
        // A party body reports to its own Thường trực; the Front, an organization or a People's Committee to the
        // Thường trực of the party committee of its area ("để b/c"), never to "Thường trực UBMTTQ huyện" of itself.
        // The archive line is the issuer's own rule (PaperIssuer.ArchiveMark: "VPHU", a Ban's own, "VT").
        var paperIssuer = await Documents.PaperIssuer.ReadAsync(db, issuer.Id, ct);
        var reportsTo = paperIssuer.Unit.Kind is UnitKind.PartyCommittee or UnitKind.StandingBoard or UnitKind.PartyBoard or UnitKind.Office
            ? $"Thường trực {issuer.ShortName};"
            : paperIssuer.ReportsTo is { } committee ? $"{committee} (để b/c);" : null;
        form.Recipients = (reportsTo is null ? "" : reportsTo + "\n") + $"Lưu {paperIssuer.ArchiveMark}.";

        return Result<ConclusionForm>.Ok(form);
    }

    /// <summary>The form of an existing draft; an issued document is never edited (see <see cref="CorrectConclusion"/>).</summary>
    public async Task<Result<ConclusionForm>> ExistingAsync(Guid id, UserContext user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(id, user, ConclusionAccess.Need.Manage, ct: ct);
        if (loaded.Value is not { Conclusion: var c })
        {
            return Result<ConclusionForm>.Fail(loaded.Errors);
        }

        if (c.IsIssued)
        {
            return Conclusion.ImmutableError;
        }

        var context = await editor.LoadAsync(user, c.IssuerUnitId, c.MeetingId, ct);
        var names = context.Units.ToDictionary(u => u.Id, u => u.Label);
        string Name(Guid unitId) => names.GetValueOrDefault(unitId, unitId.ToString());
        return Result<ConclusionForm>.Ok(new ConclusionForm
        {
            Id = c.Id,
            Version = c.Version,
            MeetingId = c.MeetingId,
            CorrectsConclusionId = c.CorrectsConclusionId,
            IssuerUnitId = c.IssuerUnitId,
            TypeName = c.TypeName,
            Summary = c.Summary,
            Place = c.Place,
            Date = c.IssuedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            Preamble = c.Preamble,
            Body = ConclusionText.FormatBody(c.Sections, c.Items) + (c.Closing.Length > 0 ? "\n\n" + c.Closing : ""),
            Recipients = string.Join('\n', c.Recipients.OrderBy(r => r.Order).Select(r => r.Text)),
            SignerPersonId = c.SignerPersonId,
            SigningForm = c.SigningForm,
            SignerTitle = c.SignerTitle,
            IsPublic = c.IsPublic,
            PrivateItems = [.. c.Items.Where(i => !i.IsPublic).Select(i => DirectiveRow.ItemKey(i.SectionOrder, i.Number))],
            Directives = [.. c.Directives.OrderBy(d => d.SectionOrder).ThenBy(d => d.ItemNumber).Select(d => new DirectiveRow
            {
                Item = DirectiveRow.ItemKey(d.SectionOrder, d.ItemNumber),
                Lead = d.GroupName ?? Name(d.LeadUnitId),
                Coordinating = string.Join("; ", d.CoordinatingUnitIds.Select(Name)),
                Deadline = d.Deadline?.ToString(),
                Output = d.ExpectedOutput,
                AnswersProposalId = d.AnswersProposalId?.ToString(),
            })],
        });
    }

    /// <summary>Reads a whole conclusion text (pasted, or from a .docx) into the form: header, preamble, body,
    /// closing, recipients, signature block, and the directives the reader found anywhere in it. What the form
    /// already holds (issuer, meeting) stays. Refuses a text over the size limit or that takes longer than the
    /// time budget, with a Vietnamese message; stops when the client leaves (<paramref name="ct"/>).</summary>
    public async Task<Result<ConclusionReading>> ImportAsync(ConclusionForm form, string text, UserContext user, CancellationToken ct = default)
    {
        var read = ConclusionReader.TryRead(text, options.Value.Reader(), ct);
        if (!read.Succeeded)
        {
            return read;
        }

        var reading = read.Value!;
        var context = await editor.LoadAsync(user, form.IssuerUnitId, form.MeetingId, ct);
        var rows = Propose(reading, MatcherFor(context.Units));
        if (rows.Count > ConclusionForm.MaxDirectives)
        {
            return ConclusionForm.TooManyDirectives(rows.Count, "ImportText");
        }

        var draft = reading.Draft;
        var type = options.Value.Types.FirstOrDefault(t => string.Equals(TextFolding.Fold(t.Name), TextFolding.Fold(draft.TypeName), StringComparison.Ordinal));
        form.TypeName = type?.Name ?? draft.TypeName ?? form.TypeName;
        form.Summary = draft.Summary ?? form.Summary;
        form.Place = draft.Place ?? form.Place;
        form.Date = draft.IssuedOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? form.Date;
        form.Preamble = draft.Preamble;
        form.Body = string.Join("\n\n", draft.Sections.Select(FormatSection)) + (draft.Closing.Length > 0 ? "\n\n" + draft.Closing : "");
        form.Recipients = string.Join('\n', draft.Recipients);
        if (reading.Signature is { } signature)
        {
            form.SigningForm = signature.SigningForm;
            form.SignerTitle = signature.SignerTitle ?? form.SignerTitle;
        }

        if (form.SignerPersonId is null && reading.Signature?.SignerName is { } signer
            && context.Signers.FirstOrDefault(p => TextFolding.Fold(p.Name) == TextFolding.Fold(signer)) is { } person)
        {
            form.SignerPersonId = person.Id;
        }

        form.Directives = rows;
        return read;
    }

    /// <summary>Reads the directives again from the body text, replacing the rows.</summary>
    public async Task<Result<ConclusionReading>> AnalyzeAsync(ConclusionForm form, UserContext user, CancellationToken ct = default)
    {
        var read = ConclusionReader.TryRead(form.Body, options.Value.Reader(), ct);
        if (read.Succeeded)
        {
            var context = await editor.LoadAsync(user, form.IssuerUnitId, form.MeetingId, ct);
            var rows = Propose(read.Value!, MatcherFor(context.Units));
            if (rows.Count > ConclusionForm.MaxDirectives)
            {
                return ConclusionForm.TooManyDirectives(rows.Count, "Body");
            }

            form.Directives = rows;
        }

        return read;
    }

    /// <summary>The matcher over the units a directive can go to (built once per page, reused per document).</summary>
    public static UnitMatcher MatcherFor(IReadOnlyList<ConclusionEditor.UnitOption> units) =>
        new(units.Where(u => !u.IsRetired).Select(u => new UnitCandidate(u.Id, u.Label, u.ShortName)));

    /// <summary>One row per addressee of each directive the reader found, its units matched to the directory; a
    /// unit it cannot match keeps the words of the text with a note for the clerk. A directive to many units at
    /// once that no verb opened ("Đảng ủy các xã hằng năm phải rà soát ...") gets no row: it is listed by
    /// <see cref="CollectiveOnly"/> for the collective directive of the cycle.</summary>
    public static List<DirectiveRow> Propose(ConclusionReading reading, UnitMatcher matcher)
    {
        var rows = new List<DirectiveRow>();
        foreach (var d in reading.Directives.Where(d => !IsCollectiveOnly(d)))
        {
            var notes = new List<string>();
            string Match(string phrase, bool lead)
            {
                // "các xã", "UBND các xã", "các đoàn thể huyện" name many units: never one of them. As the lead,
                // saving the phrase makes one collective directive (a task per unit of the group).
                if (ConclusionReader.IsCollective(phrase))
                {
                    notes.Add(lead
                        ? $"“{phrase}” là nhiều đơn vị — để nguyên là nhiệm vụ giao chung (mỗi đơn vị của nhóm nhận một nhiệm vụ), hoặc ghi một đơn vị"
                        : $"“{phrase}” là nhiều đơn vị — hãy ghi từng đơn vị phối hợp");
                    return phrase;
                }

                if (matcher.Match(phrase, reading.IssuerLevel) is { } m)
                {
                    return m.Unit.Name;
                }

                notes.Add($"chưa khớp “{phrase}” với danh bạ");
                return phrase;
            }

            foreach (var addressee in d.Assignees.Take(d.Assignees.Count - d.Coordinating.Count))
            {
                notes.Clear();
                var lead = Match(addressee, lead: true);
                var coordinating = string.Join("; ", d.Coordinating.Select(c => Match(c, lead: false)));
                // "trước Tết Nguyên đán": a deadline as written with no day; the clerk gives one (the field stays empty).
                if (d.Deadline is null && d.DeadlineText is { } unread)
                {
                    notes.Add($"thời hạn “{unread}” chưa có ngày cụ thể");
                }

                rows.Add(new DirectiveRow
                {
                    Item = d.ItemNumber is { } item ? DirectiveRow.ItemKey(d.SectionNumber ?? 0, item) : null,
                    Lead = lead,
                    Coordinating = coordinating,
                    Deadline = d.Deadline?.ToString(),
                    Output = d.Output,
                    Note = notes.Count > 0 ? "Cần kiểm tra: " + string.Join(", ", notes) + "." : null,
                });
            }
        }

        return rows;
    }

    /// <summary>The directives to many units at once that no verb opened, for the clerk's attention.</summary>
    public static IReadOnlyList<FoundDirective> CollectiveOnly(ConclusionReading reading) => [.. reading.Directives.Where(IsCollectiveOnly)];

    private static bool IsCollectiveOnly(FoundDirective d) => !d.OpenedByVerb && d.IsCollective;

    private static string FormatSection(ConclusionSection s)
    {
        var lines = new List<string> { s.Numeral.Length > 0 ? $"{s.Numeral}. {s.Title}" : s.Title };
        if (s.Introduction.Length > 0)
        {
            lines.Add(s.Introduction);
        }

        lines.AddRange(s.Items.Select(i => $"{i.Number}. {i.Text}"));
        return string.Join('\n', lines);
    }

    private async Task<string> PlaceOfAsync(Guid issuerId, CancellationToken ct)
    {
        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == issuerId, ct);
        var ancestorIds = issuer.AncestorIds();
        var area = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id) && u.Kind == UnitKind.Area)
            .OrderByDescending(u => u.Depth).FirstOrDefaultAsync(ct);
        return area?.ShortName ?? "";
    }

    /// <summary>The short name of the party committee of the issuer's area ("Huyện ủy"), or null.</summary>
    private static string LowerFirst(string text) =>
        text.Length > 0 ? char.ToLower(text[0], VietnameseText.Culture) + text[1..] : text;
}
