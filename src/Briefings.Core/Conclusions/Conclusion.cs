using Briefings.Core.Common;

namespace Briefings.Core.Conclusions;

/// <summary>
/// A conclusion ("Kết luận", "Thông báo kết luận") as a structured record: the issuing body, the type, the
/// summary line, the preamble, the sections with their numbered items and the directives inside them, the
/// recipients and the signature block. It goes draft → submitted → approved → issued; issuing gives it its
/// number from the register, and from then on it never changes (a correction is a new document).
/// </summary>
public sealed class Conclusion
{
    private readonly List<BodySection> sections = [];
    private readonly List<BodyItem> items = [];
    private readonly List<Directive> directives = [];
    private readonly List<Recipient> recipients = [];
    private readonly List<Addressee> addressees = [];

    private Conclusion()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The issuing body (Huyện ủy, Đảng ủy xã, ...): a unit with a document symbol.</summary>
    public Guid IssuerUnitId { get; private set; }

    /// <summary>The type code in the number: "KL", "TB".</summary>
    public string TypeCode { get; private set; } = "";

    /// <summary>The type name printed as the title: "KẾT LUẬN", "THÔNG BÁO KẾT LUẬN".</summary>
    public string TypeName { get; private set; } = "";

    /// <summary>The line under the title: "Hội nghị giao ban ... quý I năm 2026".</summary>
    public string Summary { get; private set; } = "";

    /// <summary>The body before section I: meeting, chair, participants. Paragraphs separated by '\n'.</summary>
    public string Preamble { get; private set; } = "";

    /// <summary>The paragraph after the last item ("Trên đây là kết luận ..."), or "". Paragraphs separated by '\n'.</summary>
    public string Closing { get; private set; } = "";

    /// <summary>The place of the date line: "Tân Phong" in "Tân Phong, ngày 15 tháng 4 năm 2026".</summary>
    public string Place { get; private set; } = "";

    /// <summary>The date of the document; set when it is issued if the draft left it empty.</summary>
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>The meeting concluded, or null for a standalone conclusion.</summary>
    public Guid? MeetingId { get; private set; }

    public ConclusionStatus Status { get; private set; }

    public Guid? SignerPersonId { get; private set; }

    /// <summary>The signer's name as printed, kept so an issued document does not change when the
    /// directory record does.</summary>
    public string SignerName { get; private set; } = "";

    /// <summary>"T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", ...</summary>
    public string SigningForm { get; private set; } = "";

    /// <summary>"BÍ THƯ", "PHÓ BÍ THƯ", ...</summary>
    public string SignerTitle { get; private set; } = "";

    /// <summary>The signing form as recorded at approval (or read from the form line at issue).</summary>
    public SigningMode SigningMode { get; private set; }

    /// <summary>The leader's latest comments when a submitted draft was returned ("trả lại"), shown to the drafter
    /// and, once resubmitted, to the leader; cleared at approval. Every return is also kept in the history.</summary>
    public string? ReturnComment { get; private set; }

    public string? ReturnedBy { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }

    /// <summary>The issuer's symbol at issue ("HU"), kept so a later rename of the symbol does not change
    /// the number of an issued document.</summary>
    public string? IssuerSymbol { get; private set; }

    /// <summary>The register period the number belongs to; see <see cref="NumberingRule.PeriodKey"/>.</summary>
    public string? PeriodKey { get; private set; }

    /// <summary>The number in the register, allocated at issue; null before.</summary>
    public int? Sequence { get; private set; }

    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }

    /// <summary>Whether the issued document is published for the public (the committee's website, the
    /// feed and the public API). Only items marked <see cref="BodyItem.IsPublic"/> appear there.</summary>
    public bool IsPublic { get; private set; }

    /// <summary>The issued document this one corrects ("đính chính"), or null. An issued document never changes;
    /// a correction is a new document that references it.</summary>
    public Guid? CorrectsConclusionId { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<BodySection> Sections => sections;
    public IReadOnlyList<BodyItem> Items => items;
    public IReadOnlyList<Directive> Directives => directives;
    public IReadOnlyList<Recipient> Recipients => recipients;

    /// <summary>The units the issued document went to (see <see cref="Addressee"/>); empty before issue.</summary>
    public IReadOnlyList<Addressee> Addressees => addressees;

    /// <summary>An already-issued document brought in from the office's history ("văn bản nhập từ lịch sử"): it
    /// keeps its own number, date and signer and stands outside the live register.</summary>
    public bool IsBroughtIn { get; private set; }

    /// <summary>For a brought-in document: the day follow-up starts (periodic directives open from this day's
    /// period, nothing before); null for documents issued here (follow-up starts on the day of issue).</summary>
    public DateOnly? FollowUpFrom { get; private set; }

    /// <summary>The register period of brought-in documents: one per year, apart from every live register, so
    /// their own numbers never meet a live number and "07-KL/HU" of 2017 can be brought in only once.</summary>
    public static string BroughtInPeriodKey(DateOnly issuedOn) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lich-su-{issuedOn.Year}");

    public bool IsIssued => Status == ConclusionStatus.Issued;

    /// <summary>"07-KL/HU" once issued; <see cref="DocumentNumber.Display"/> gives "Số 07-KL/HU".</summary>
    public DocumentNumber? Number => DocumentNumber.Of(Sequence, TypeCode, IssuerSymbol, NumberStyle);

    /// <summary>How the number is written, as its issuer writes it ("07-KL/HU", "07/KL-MTTQ-BTT"), set with the number;
    /// every list, notice and export reads it from here, never from a style of its own.</summary>
    public DocumentNumberStyle NumberStyle { get; private set; }

    public static Error ImmutableError { get; } =
        new("Văn bản đã ban hành thì không được sửa. Muốn đính chính, hãy ban hành văn bản mới dẫn chiếu văn bản này.");

    public static Result<Conclusion> Create(Guid issuerUnitId, string typeCode, string typeName, string summary, Guid? meetingId = null)
    {
        var conclusion = new Conclusion { Id = Guid.CreateVersion7(), IssuerUnitId = issuerUnitId, MeetingId = meetingId };
        if (conclusion.SetType(typeCode, typeName) is { } error)
        {
            return error;
        }

        conclusion.Summary = Clean(summary);
        conclusion.Version = 1;
        return Result<Conclusion>.Ok(conclusion);
    }

    /// <summary>A new draft that corrects an issued document: the same issuer, type, body, recipients and signer,
    /// with a first preamble paragraph naming the corrected document, ready for the clerk to edit.</summary>
    public static Result<Conclusion> CreateCorrection(Conclusion original)
    {
        if (!original.IsIssued || original.Number is not { } number)
        {
            return new Error("Chỉ văn bản đã ban hành mới cần đính chính; dự thảo thì sửa trực tiếp.");
        }

        var created = Create(original.IssuerUnitId, original.TypeCode, original.TypeName, original.Summary, original.MeetingId);
        if (created.Value is not { } correction)
        {
            return created;
        }

        var date = original.IssuedOn is { } d ? string.Create(VietnameseText.Culture, $" ngày {d:dd/MM/yyyy}") : "";
        var note = $"Văn bản này đính chính {original.TypeName.ToLower(VietnameseText.Culture)} số {number}{date}.";
        correction.CorrectsConclusionId = original.Id;
        correction.Preamble = original.Preamble.Length == 0 ? note : note + "\n" + original.Preamble;
        correction.Place = original.Place;
        correction.Closing = original.Closing;
        correction.IsPublic = original.IsPublic;
        correction.sections.AddRange(original.sections.Select(s => new BodySection { Order = s.Order, Numeral = s.Numeral, Title = s.Title }));
        correction.items.AddRange(original.items.Select(i => new BodyItem { SectionOrder = i.SectionOrder, Number = i.Number, Text = i.Text, IsPublic = i.IsPublic }));
        correction.directives.AddRange(original.directives.Select(x => new Directive
        {
            SectionOrder = x.SectionOrder, ItemNumber = x.ItemNumber, LeadUnitId = x.LeadUnitId,
            CoordinatingUnitIds = [.. x.CoordinatingUnitIds], Deadline = x.Deadline, ExpectedOutput = x.ExpectedOutput,
            AnswersProposalId = x.AnswersProposalId, GroupName = x.GroupName, GroupUnitIds = [.. x.GroupUnitIds],
        }));
        correction.recipients.AddRange(original.recipients.Select(r => new Recipient { Order = r.Order, UnitId = r.UnitId, Text = r.Text }));
        correction.SignerPersonId = original.SignerPersonId;
        correction.SignerName = original.SignerName;
        correction.SigningForm = original.SigningForm;
        correction.SignerTitle = original.SignerTitle;
        return Result<Conclusion>.Ok(correction);
    }

    /// <summary>Changes the header and preamble.</summary>
    public Error? Describe(string summary, string preamble, string place, DateOnly? issuedOn)
    {
        if (BeginEdit() is { } error)
        {
            return error;
        }

        Summary = Clean(summary);
        Preamble = Clean(preamble);
        Place = Clean(place);
        IssuedOn = issuedOn;
        return null;
    }

    /// <summary>Sets the closing paragraph after the last item.</summary>
    public Error? SetClosing(string closing)
    {
        var text = Clean(closing);
        if (text == Closing)
        {
            return IsIssued ? ImmutableError : null;
        }

        if (BeginEdit() is { } error)
        {
            return error;
        }

        Closing = text;
        return null;
    }

    public Error? ChangeType(string typeCode, string typeName) => BeginEdit() ?? SetType(typeCode, typeName);

    /// <summary>Replaces the sections, items and directives. Every item must belong to a section and every
    /// directive to an item, so the printed document and the follow-up agree.</summary>
    public Error? SetBody(IEnumerable<BodySection> newSections, IEnumerable<BodyItem> newItems, IEnumerable<Directive> newDirectives)
    {
        var s = newSections.OrderBy(x => x.Order).ToList();
        var i = newItems.OrderBy(x => x.SectionOrder).ThenBy(x => x.Number).ToList();
        var d = newDirectives.ToList();
        if (s.Select(x => x.Order).Distinct().Count() != s.Count)
        {
            return new Error("Hai phần của văn bản có cùng thứ tự.", "Sections");
        }

        if (i.FirstOrDefault(x => s.All(sec => sec.Order != x.SectionOrder)) is { } orphan)
        {
            return new Error($"Mục {orphan.Number} không thuộc phần nào của văn bản.", "Items");
        }

        if (i.GroupBy(x => (x.SectionOrder, x.Number)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return new Error($"Mục {twice.Key.Number} bị đánh số hai lần trong cùng một phần.", "Items");
        }

        if (i.FirstOrDefault(x => string.IsNullOrWhiteSpace(x.Text)) is { } empty)
        {
            return new Error($"Mục {empty.Number} chưa có nội dung.", "Items");
        }

        if (d.FirstOrDefault(x => i.All(it => it.SectionOrder != x.SectionOrder || it.Number != x.ItemNumber)) is { } lost)
        {
            return new Error($"Có nhiệm vụ giao cho mục {lost.ItemNumber} nhưng văn bản không có mục đó.", "Directives");
        }

        if (d.Any(x => x.LeadUnitId == Guid.Empty))
        {
            return new Error("Mỗi nhiệm vụ phải có đơn vị chủ trì.", "Directives");
        }

        if (BeginEdit() is { } error)
        {
            return error;
        }

        sections.Clear();
        sections.AddRange(s);
        items.Clear();
        items.AddRange(i);
        directives.Clear();
        directives.AddRange(d);
        return null;
    }

    /// <summary>Replaces "Nơi nhận", numbered in the order given.</summary>
    public Error? SetRecipients(IEnumerable<(Guid? UnitId, string Text)> lines)
    {
        var list = lines.Select(l => (l.UnitId, Text: Clean(l.Text))).ToList();
        if (list.Any(l => l.Text.Length == 0))
        {
            return new Error("Dòng nơi nhận không được để trống.", "Recipients");
        }

        if (BeginEdit() is { } error)
        {
            return error;
        }

        recipients.Clear();
        var order = 1;
        recipients.AddRange(list.Select(l => new Recipient { Order = order++, UnitId = l.UnitId, Text = l.Text }));
        return null;
    }

    /// <summary>Sets the signature block: "T/M BAN THƯỜNG VỤ" / "BÍ THƯ" / the signer's name.</summary>
    public Error? SetSigner(Guid personId, string name, string signingForm, string title)
    {
        if (personId == Guid.Empty || string.IsNullOrWhiteSpace(name))
        {
            return new Error("Vui lòng chọn người ký.", nameof(SignerPersonId));
        }

        if (BeginEdit() is { } error)
        {
            return error;
        }

        SignerPersonId = personId;
        SignerName = Clean(name);
        SigningForm = Clean(signingForm);
        SignerTitle = Clean(title);
        return null;
    }

    /// <summary>Marks the document for publishing, or not. Decided while it is a draft (what the leader approves
    /// includes whether it goes public) or at the moment it is issued; never afterwards.</summary>
    public Error? SetPublic(bool isPublic)
    {
        if (IsIssued)
        {
            return ImmutableError;
        }

        if (Status != ConclusionStatus.Draft)
        {
            return new Error("Chỉ được thay đổi chế độ công khai khi văn bản còn là dự thảo hoặc khi ban hành.", nameof(IsPublic));
        }

        if (IsPublic != isPublic)
        {
            IsPublic = isPublic;
            Version++;
        }

        return null;
    }

    /// <summary>Draft → submitted for approval ("trình ký").</summary>
    public Error? Submit(string by, DateTimeOffset at)
    {
        if (Status != ConclusionStatus.Draft)
        {
            return IsIssued ? ImmutableError : new Error("Chỉ dự thảo mới trình được; văn bản này đã được trình.");
        }

        if (string.IsNullOrWhiteSpace(Summary) || items.Count == 0)
        {
            return new Error("Văn bản cần có trích yếu và ít nhất một mục nội dung trước khi trình.");
        }

        if (recipients.Count == 0)
        {
            return NoRecipients("trước khi trình");
        }

        Status = ConclusionStatus.Submitted;
        SubmittedBy = by;
        SubmittedAt = at;
        Version++;
        return null;
    }

    /// <summary>A party document without "Nơi nhận" reaches no one and leaves no file copy ("Lưu"): refused at submit
    /// and at issue, with the draft kept as it is.</summary>
    private static Error NoRecipients(string when) =>
        new($"Văn bản chưa có «Nơi nhận». Vui lòng ghi ít nhất một nơi nhận, mỗi nơi một dòng (ví dụ: Thường trực Huyện ủy; Lưu Văn phòng), {when}.", nameof(Recipients));

    public const int MaxCommentLength = 4000;

    /// <summary>Submitted → back to draft, with the leader's comments for the drafter ("trả lại, có ý kiến").</summary>
    public Error? Return(string by, DateTimeOffset at, string? comment)
    {
        if (Status != ConclusionStatus.Submitted)
        {
            return IsIssued ? ImmutableError : new Error("Chỉ văn bản đã trình mới trả lại được.");
        }

        var text = Clean(comment);
        if (text.Length == 0)
        {
            return new Error("Vui lòng ghi ý kiến để người soạn biết cần sửa gì.", nameof(ReturnComment));
        }

        if (text.Length > MaxCommentLength)
        {
            return new Error($"Ý kiến tối đa {MaxCommentLength} ký tự.", nameof(ReturnComment));
        }

        Status = ConclusionStatus.Draft;
        ReturnComment = text;
        ReturnedBy = by;
        ReturnedAt = at;
        Version++;
        return null;
    }

    /// <summary>Submitted → approved by the leader who will sign, recording who signs and in which form
    /// (<paramref name="signature"/>; null keeps the signature block of the draft).</summary>
    public Error? Approve(string by, DateTimeOffset at, Signature? signature = null)
    {
        if (Status != ConclusionStatus.Submitted)
        {
            return IsIssued ? ImmutableError : new Error("Chỉ văn bản đã trình mới được duyệt.");
        }

        if (signature is not null)
        {
            if (signature.PersonId == Guid.Empty || string.IsNullOrWhiteSpace(signature.Name))
            {
                return new Error("Vui lòng chọn người ký.", nameof(SignerPersonId));
            }

            if (!Enum.IsDefined(signature.Mode))
            {
                return new Error("Hình thức ký không hợp lệ.", nameof(SigningMode));
            }

            if (signature.Mode != SigningMode.None && string.IsNullOrWhiteSpace(signature.ForWhom))
            {
                return new Error($"Vui lòng ghi ký {signature.Mode.Prefix()} cho ai, ví dụ: {signature.Mode.Prefix()} BAN THƯỜNG VỤ.", "SigningFor");
            }

            if (string.IsNullOrWhiteSpace(signature.Title))
            {
                return new Error("Vui lòng ghi chức vụ người ký, ví dụ: BÍ THƯ.", nameof(SignerTitle));
            }

            SignerPersonId = signature.PersonId;
            SignerName = Clean(signature.Name);
            SigningMode = signature.Mode;
            SigningForm = SigningModes.Compose(signature.Mode, Clean(signature.ForWhom).ToUpper(VietnameseText.Culture));
            SignerTitle = Clean(signature.Title).ToUpper(VietnameseText.Culture);
        }
        else
        {
            SigningMode = SigningModes.Of(SigningForm);
        }

        ReturnComment = null;
        Status = ConclusionStatus.Approved;
        ApprovedBy = by;
        ApprovedAt = at;
        Version++;
        return null;
    }

    /// <summary>The earliest deadline a document dated <paramref name="documentDate"/> accepts: its own date, or the
    /// date of the document it corrects when that is earlier (a correction repeats its deadlines, some passed by now).</summary>
    public static DateOnly EarliestDeadline(DateOnly documentDate, DateOnly? correctedIssuedOn) =>
        correctedIssuedOn is { } from && from < documentDate ? from : documentDate;

    /// <summary>Why the document cannot be issued on <paramref name="issuedOn"/> yet, or null. Checked before a
    /// number is taken from the register, so a refused issue costs no number. <paramref name="deadlinesFrom"/>: the
    /// earliest deadline accepted when it is not the issue day — a correction repeats the deadlines of the document
    /// it corrects, measured from that document's day.</summary>
    public Error? CheckIssuable(DateOnly issuedOn, DateOnly? deadlinesFrom = null)
    {
        if (IsIssued)
        {
            return new Error("Văn bản này đã được ban hành.");
        }

        if (Status != ConclusionStatus.Approved)
        {
            return new Error("Văn bản phải được duyệt trước khi ban hành.");
        }

        if (SignerPersonId is null || SignerName.Length == 0)
        {
            return new Error("Chưa có người ký: không thể ban hành văn bản.", nameof(SignerPersonId));
        }

        if (recipients.Count == 0)
        {
            return NoRecipients("trước khi ban hành (trả lại dự thảo để bổ sung)");
        }

        var earliest = EarliestDeadline(issuedOn, deadlinesFrom);
        if (directives.FirstOrDefault(d => d.Deadline?.DueDate is { } due && due < earliest) is { } early)
        {
            return new Error(
                $"Nhiệm vụ ở mục {early.ItemNumber} có thời hạn ({early.Deadline}) trước ngày ban hành văn bản.", "Directives");
        }

        return null;
    }

    /// <summary>Approved → issued with the number taken from the register. After this nothing changes.
    /// <paramref name="publish"/>, when given, decides at issue whether the document is published.</summary>
    public Error? Issue(DocumentNumber number, string periodKey, DateOnly issuedOn, string by, DateTimeOffset at, bool? publish = null, DateOnly? deadlinesFrom = null)
    {
        if (CheckIssuable(issuedOn, deadlinesFrom) is { } error)
        {
            return error;
        }

        if (!string.Equals(number.TypeCode, TypeCode, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A {number.TypeCode} number cannot be given to a {TypeCode} document.", nameof(number));
        }

        Sequence = number.Sequence;
        IssuerSymbol = number.IssuerSymbol;
        NumberStyle = number.Style;
        PeriodKey = periodKey;
        SigningMode = SigningModes.Of(SigningForm);
        IssuedOn = issuedOn;
        IssuedBy = by;
        IssuedAt = at;
        IsPublic = publish ?? IsPublic;
        Status = ConclusionStatus.Issued;
        Version++;
        return null;
    }

    /// <summary>Fixes the units the document goes to, just before it is issued or brought in; a unit named twice
    /// is kept once.</summary>
    public Error? SetDistribution(IEnumerable<Guid> unitIds)
    {
        if (IsIssued)
        {
            return ImmutableError;
        }

        addressees.Clear();
        addressees.AddRange(unitIds.Where(id => id != Guid.Empty).Distinct().Select(id => new Addressee { UnitId = id }));
        return null;
    }

    /// <summary>Reads the units of each collective directive again when the document is issued — the directory may
    /// have changed since the draft was saved — so each unit of the group as it is at issue gets its task. The
    /// approved text does not change; a group that no longer names any unit keeps its units (the issue then
    /// checks them like any assignee).</summary>
    public Error? RefreshGroups(Func<string, IReadOnlyList<Guid>?> unitsOf)
    {
        if (Status != ConclusionStatus.Approved)
        {
            return IsIssued ? ImmutableError : new Error("Văn bản phải được duyệt trước khi ban hành.");
        }

        for (var i = 0; i < directives.Count; i++)
        {
            var d = directives[i];
            if (d.GroupName is { } group && unitsOf(group) is { Count: > 0 } ids && !ids.SequenceEqual(d.GroupUnitIds))
            {
                directives[i] = new Directive
                {
                    SectionOrder = d.SectionOrder, ItemNumber = d.ItemNumber, LeadUnitId = ids[0], CoordinatingUnitIds = [.. d.CoordinatingUnitIds],
                    Deadline = d.Deadline, ExpectedOutput = d.ExpectedOutput, AnswersProposalId = d.AnswersProposalId,
                    GroupName = group, GroupUnitIds = [.. ids],
                };
            }
        }

        return null;
    }

    /// <summary>Records a document issued before it was kept here: its own number, date and signer; no number
    /// is taken from the live register. Follow-up starts on <paramref name="followUpFrom"/>, never earlier.</summary>
    public Error? BringIn(DocumentNumber number, DateOnly issuedOn, string signerName, string by, DateTimeOffset at, DateOnly followUpFrom)
    {
        if (IsIssued)
        {
            return new Error("Văn bản này đã được ban hành.");
        }

        if (string.IsNullOrWhiteSpace(Summary) || items.Count == 0)
        {
            return new Error("Văn bản cần có trích yếu và ít nhất một mục nội dung.");
        }

        if (!string.Equals(number.TypeCode, TypeCode, StringComparison.Ordinal))
        {
            return new Error($"Số văn bản {number} không cùng loại với văn bản ({TypeCode}).", "Number");
        }

        if (string.IsNullOrWhiteSpace(signerName))
        {
            return new Error("Vui lòng ghi người đã ký văn bản.", nameof(SignerName));
        }

        if (followUpFrom < issuedOn)
        {
            return new Error("Ngày bắt đầu theo dõi không được trước ngày văn bản.", nameof(FollowUpFrom));
        }

        Sequence = number.Sequence;
        IssuerSymbol = number.IssuerSymbol;
        NumberStyle = number.Style;
        PeriodKey = BroughtInPeriodKey(issuedOn);
        IssuedOn = issuedOn;
        SignerName = Clean(signerName);
        IssuedBy = by;
        IssuedAt = at;
        IsBroughtIn = true;
        FollowUpFrom = followUpFrom;
        Status = ConclusionStatus.Issued;
        Version++;
        return null;
    }

    /// <summary>Every edit goes through here: an issued document is refused, and a submitted or approved one
    /// goes back to draft, because what was approved is no longer what is written.</summary>
    private Error? BeginEdit()
    {
        if (IsIssued)
        {
            return ImmutableError;
        }

        if (Status != ConclusionStatus.Draft)
        {
            Status = ConclusionStatus.Draft;
            ApprovedBy = null;
            ApprovedAt = null;
        }

        Version++;
        return null;
    }

    private Error? SetType(string typeCode, string typeName)
    {
        var code = Clean(typeCode);
        if (code.Length is 0 or > 5 || !code.All(char.IsLetter))
        {
            return new Error("Loại văn bản phải là ký hiệu chữ, ví dụ KL hoặc TB.", nameof(TypeCode));
        }

        if (string.IsNullOrWhiteSpace(typeName))
        {
            return new Error("Vui lòng nhập tên loại văn bản, ví dụ KẾT LUẬN.", nameof(TypeName));
        }

        TypeCode = code;
        TypeName = Clean(typeName);
        return null;
    }

    private static string Clean(string? text) => CleanText.Clean(text ?? "").Trim();
}
