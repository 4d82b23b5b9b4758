using Briefings.Core.Common;
using Briefings.Core.Conclusions;

namespace Briefings.Core.FollowUp;

/// <summary>A coordinating unit of a task ("phối hợp"): it sees the task and adds its input.
/// The path is copied so scope checks run in SQL without a join.</summary>
public sealed class TaskCoordinator
{
    public required Guid UnitId { get; init; }
    public required string UnitPath { get; init; }
}

/// <summary>
/// One directive of an issued conclusion, tracked for its lead unit until the office confirms it done
/// ("theo dõi thực hiện"). A directive with a dated deadline gives one task; an ongoing ("thường xuyên")
/// or yearly ("hằng năm") one gives a task per reporting period (see <see cref="FollowUpPlan"/>).
/// <para>The fields the dashboards count by are columns of their own — <see cref="DueOn"/>,
/// <see cref="CompletedOn"/>, <see cref="State"/>, <see cref="LeadUnitPath"/> — so the four-way status
/// (<see cref="FollowUpStatuses.Of"/>) is computed in SQL over a million tasks without joins. The item's text,
/// the conclusion's number and the deadline as written are snapshots: the conclusion never changes once
/// issued, and the inbox shows them without loading it.</para>
/// <para>All changes go through the methods here; each returns an <see cref="Error"/> (Vietnamese) when refused.
/// The caller checks that the acting account belongs to the unit it acts for.</para>
/// </summary>
public sealed class FollowUpTask
{
    private readonly List<TaskCoordinator> coordinators = [];

    private FollowUpTask()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConclusionId { get; private set; }

    /// <summary>The body that issued the conclusion; its office (clerks covering it) reviews the task.</summary>
    public Guid IssuerUnitId { get; private set; }

    /// <summary>"07-KL/HU", copied at issue.</summary>
    public string ConclusionNumber { get; private set; } = "";

    /// <summary>Position of the directive in the conclusion's list (0-based): one item may assign several.</summary>
    public int DirectiveOrder { get; private set; }

    public int SectionOrder { get; private set; }
    public int ItemNumber { get; private set; }

    /// <summary>The item's full text at issue.</summary>
    public string ItemText { get; private set; } = "";

    public Guid LeadUnitId { get; private set; }

    /// <summary>The lead unit's materialized path at issue ("/id/.../"), for scoped queries and counts.</summary>
    public string LeadUnitPath { get; private set; } = "";

    public IReadOnlyList<TaskCoordinator> Coordinators => coordinators;

    /// <summary>The deadline's kind as written in the directive; null when it gave none.</summary>
    public DeadlineKind? DeadlineKind { get; private set; }

    /// <summary>The deadline as written ("quý II/2026", "thường xuyên"), or "" when none.</summary>
    public string DeadlineText { get; private set; } = "";

    /// <summary>"" for a one-off task; the reporting period's key ("2026-Q2", "2026") for a recurring one.
    /// Unique with (<see cref="ConclusionId"/>, <see cref="DirectiveOrder"/>): a period never gets two tasks.</summary>
    public string PeriodKey { get; private set; } = "";

    public DateOnly? PeriodStart { get; private set; }
    public DateOnly? PeriodEnd { get; private set; }
    public string? PeriodLabel { get; private set; }

    /// <summary>The due day from the conclusion (the last day of the deadline's period).</summary>
    public DateOnly? OriginalDueOn { get; private set; }

    /// <summary>The due day now: <see cref="OriginalDueOn"/>, or the day granted by an extension.
    /// Null for ongoing work. Finishing on this day is on time.</summary>
    public DateOnly? DueOn { get; private set; }

    public ExpectedOutput ExpectedOutput { get; private set; }

    /// <summary>The proposal ("kiến nghị") this directive answers: its unit sees the answer and the progress.</summary>
    public Guid? AnswersProposalId { get; private set; }

    public TaskState State { get; private set; }

    /// <summary>Latest progress claimed by the lead unit, 0–100.</summary>
    public int Percent { get; private set; }

    /// <summary>The day the work was finished: the Vietnam date of the completion request the office confirmed
    /// (not of the confirmation, so the office's delay never makes a unit late). Null until confirmed.</summary>
    public DateOnly? CompletedOn { get; private set; }

    public DateTimeOffset? LastReportedAt { get; private set; }

    /// <summary>The completion request waiting for the office, when <see cref="TaskState.AwaitingConfirmation"/>.</summary>
    public Guid? PendingCompletionId { get; private set; }

    public Guid? PendingExtensionId { get; private set; }

    /// <summary>Extensions granted so far; the limit per task is configurable (one by default).</summary>
    public int ExtensionsGranted { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    public FollowUpStatus StatusOn(DateOnly today) => FollowUpStatuses.Of(DueOn, CompletedOn, today);

    /// <summary>Whether a report made on <paramref name="today"/> needs an explanation: the task is still open and its due day has passed.</summary>
    public bool NeedsExplanation(DateOnly today) => StatusOn(today) == FollowUpStatus.OpenOverdue;

    public bool IsCoordinator(Guid unitId) => coordinators.Any(c => c.UnitId == unitId);

    public static FollowUpTask Create(
        Guid conclusionId, Guid issuerUnitId, string conclusionNumber, int directiveOrder, Directive directive, string itemText,
        string leadUnitPath, IEnumerable<TaskCoordinator> coordinating, ReportingPeriod? period, DateOnly? dueOn, DateTimeOffset createdAt)
    {
        var task = new FollowUpTask
        {
            Id = Guid.CreateVersion7(createdAt),
            ConclusionId = conclusionId,
            IssuerUnitId = issuerUnitId,
            ConclusionNumber = conclusionNumber,
            DirectiveOrder = directiveOrder,
            SectionOrder = directive.SectionOrder,
            ItemNumber = directive.ItemNumber,
            ItemText = TaskReport.Clean(itemText),
            LeadUnitId = directive.LeadUnitId,
            LeadUnitPath = leadUnitPath,
            DeadlineKind = directive.DeadlineKind,
            DeadlineText = directive.Deadline?.ToString() ?? "",
            PeriodKey = period?.Key ?? "",
            PeriodStart = period?.Start,
            PeriodEnd = period?.End,
            PeriodLabel = period?.Label,
            OriginalDueOn = dueOn,
            DueOn = dueOn,
            ExpectedOutput = directive.ExpectedOutput,
            AnswersProposalId = directive.AnswersProposalId,
            CreatedAt = createdAt,
            Version = 1,
        };
        task.coordinators.AddRange(coordinating.Where(c => c.UnitId != directive.LeadUnitId).DistinctBy(c => c.UnitId));
        return task;
    }

    /// <summary>Whether the completion request must carry a written reply: the directive answers a proposal or asks for one.</summary>
    public bool NeedsReply => AnswersProposalId is not null || ExpectedOutput == ExpectedOutput.WrittenReply;

    /// <summary>A progress report of the lead unit.</summary>
    public Result<TaskReport> ReportProgress(Guid unitId, string text, int percent, string? explanation, string by, DateTimeOffset at)
    {
        if (unitId != LeadUnitId)
        {
            return Error.Forbidden;
        }

        if ((CheckOpen() ?? CheckText(text, "Vui lòng nhập nội dung báo cáo tiến độ.") ?? CheckExplanation(explanation, at)) is { } error)
        {
            return error;
        }

        if (percent is < 0 or > 100)
        {
            return new Error("Tỷ lệ hoàn thành phải từ 0 đến 100 %.", nameof(Percent));
        }

        var report = TaskReport.Create(Id, unitId, TaskReportKind.Progress, text, percent, explanation, null, by, at);
        Percent = percent;
        Touch(at);
        return Result<TaskReport>.Ok(report);
    }

    /// <summary>Input of a coordinating unit. Allowed until the task is done.</summary>
    public Result<TaskReport> AddInput(Guid unitId, string text, string by, DateTimeOffset at)
    {
        if (!IsCoordinator(unitId))
        {
            return Error.Forbidden;
        }

        if ((CheckNotDone() ?? CheckText(text, "Vui lòng nhập nội dung ý kiến phối hợp.")) is { } error)
        {
            return error;
        }

        // An input changes nothing of the task (state, percent, due day): it does not move the task's version, so the
        // lead unit's page opened meanwhile stays valid and its report is not refused for a partner's note.
        var report = TaskReport.Create(Id, unitId, TaskReportKind.CoordinatorInput, text, null, null, null, by, at);
        return Result<TaskReport>.Ok(report);
    }

    /// <summary>The lead unit asks the office to close the task, with the result, the reply to the proposer when one
    /// is due, and an explanation when the task is late.</summary>
    public Result<TaskReport> RequestCompletion(Guid unitId, string result, string? reply, string? explanation, string by, DateTimeOffset at)
    {
        if (unitId != LeadUnitId)
        {
            return Error.Forbidden;
        }

        if ((CheckOpen() ?? CheckText(result, "Vui lòng nêu kết quả thực hiện.") ?? CheckExplanation(explanation, at)) is { } error)
        {
            return error;
        }

        if (NeedsReply && string.IsNullOrWhiteSpace(reply))
        {
            return new Error("Nhiệm vụ này trả lời kiến nghị: vui lòng nhập nội dung văn bản trả lời.", nameof(TaskReport.ReplyText));
        }

        var report = TaskReport.Create(Id, unitId, TaskReportKind.CompletionRequest, result, null, explanation, reply, by, at);
        State = TaskState.AwaitingConfirmation;
        PendingCompletionId = report.Id;
        Touch(at);
        return Result<TaskReport>.Ok(report);
    }

    /// <summary>The office confirms the pending completion request: the task is done as of the request's date.</summary>
    public Error? Confirm(TaskReport request, string? note, string by, DateTimeOffset at)
    {
        if (CheckPending(request) is { } error)
        {
            return error;
        }

        request.Answer(ReviewOutcome.Confirmed, note, by, at);
        State = TaskState.Done;
        CompletedOn = FollowUpStatuses.LocalDate(request.At);
        Percent = 100;
        PendingCompletionId = null;
        Version++;
        return null;
    }

    /// <summary>The office returns the request with a reason; the unit works on and asks again.</summary>
    public Error? Return(TaskReport request, string reason, string by, DateTimeOffset at)
    {
        if (CheckPending(request) is { } error)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Error("Vui lòng nêu lý do trả lại để đơn vị bổ sung.", nameof(TaskReport.ReviewNote));
        }

        request.Answer(ReviewOutcome.Returned, reason, by, at);
        State = TaskState.Open;
        PendingCompletionId = null;
        Version++;
        return null;
    }

    /// <summary>Withdraws one of the unit's own reports, keeping it with the reason. Withdrawing the pending
    /// completion request reopens the task.</summary>
    public Error? WithdrawReport(TaskReport report, Guid unitId, string reason, string by, DateTimeOffset at)
    {
        if (report.TaskId != Id || report.UnitId != unitId)
        {
            return Error.Forbidden;
        }

        if (State == TaskState.Done)
        {
            return new Error("Nhiệm vụ đã được công nhận hoàn thành; không rút lại báo cáo được nữa.");
        }

        if (report.Kind == TaskReportKind.CompletionRequest && report.Review != ReviewOutcome.Pending)
        {
            return new Error("Văn phòng đã trả lời đề nghị này; không rút lại được.");
        }

        if (report.Withdraw(reason, by, at) is { } error)
        {
            return error;
        }

        if (PendingCompletionId == report.Id)
        {
            PendingCompletionId = null;
            State = TaskState.Open;
        }

        // A partner taking back its input changes nothing of the task, as adding it did not (AddInput): the lead
        // unit's page opened meanwhile stays valid.
        if (report.Kind != TaskReportKind.CoordinatorInput)
        {
            Version++;
        }

        return null;
    }

    /// <summary>Replaces a progress report or an input by a correction; the old one stays, marked superseded.</summary>
    public Result<TaskReport> Correct(TaskReport old, Guid unitId, string text, int? percent, string? explanation, string by, DateTimeOffset at)
    {
        if (old.TaskId != Id || old.UnitId != unitId || old.Kind == TaskReportKind.CompletionRequest)
        {
            return Error.Forbidden;
        }

        if (old.State != TaskReportState.Active)
        {
            return new Error("Báo cáo này đã được rút lại hoặc thay thế trước đó.");
        }

        var correction = old.Kind == TaskReportKind.Progress
            ? ReportProgress(unitId, text, percent ?? old.Percent ?? 0, explanation, by, at)
            : AddInput(unitId, text, by, at);
        if (correction.Value is { } value)
        {
            old.SupersedeWith(value, by, at);
        }

        return correction;
    }

    /// <summary>The refusal of an extension request without a reason, next to the reason field.</summary>
    public static readonly Error MissingExtensionReason = new("Vui lòng nêu lý do đề nghị gia hạn.", "Reason");

    /// <summary>The lead unit asks for a later due day. Refused without a due day, with a request already
    /// waiting, or when <paramref name="maxExtensions"/> have been granted.</summary>
    public Result<TaskExtension> RequestExtension(Guid unitId, DateOnly newDueOn, string reason, int maxExtensions, string by, DateTimeOffset at)
    {
        if (unitId != LeadUnitId)
        {
            return Error.Forbidden;
        }

        if (CheckOpen() is { } error)
        {
            return error;
        }

        if (DueOn is not { } due)
        {
            return new Error("Nhiệm vụ không có thời hạn nên không cần gia hạn.");
        }

        if (ExtensionsGranted >= maxExtensions)
        {
            return new Error($"Nhiệm vụ đã được gia hạn {ExtensionsGranted} lần, tối đa {maxExtensions} lần; không thể đề nghị gia hạn thêm.");
        }

        if (PendingExtensionId is not null)
        {
            return new Error("Đã có đề nghị gia hạn đang chờ Văn phòng xem xét.");
        }

        // Both fields at once: a clerk on a phone should not learn of the second mistake only after fixing the first.
        var errors = new List<Error>();
        if (newDueOn <= due)
        {
            errors.Add(new Error($"Thời hạn mới phải sau thời hạn hiện tại ({due:dd/MM/yyyy}).", "NewDueOn"));
        }
        else if (!PlanningYears.Contain(newDueOn))
        {
            errors.Add(PlanningYears.Refusal("Thời hạn mới", "NewDueOn"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add(MissingExtensionReason);
        }

        if (errors.Count > 0)
        {
            return Result<TaskExtension>.Fail(errors);
        }

        var extension = TaskExtension.Create(Id, due, newDueOn, reason, by, at);
        PendingExtensionId = extension.Id;
        Version++;
        return Result<TaskExtension>.Ok(extension);
    }

    /// <summary>The office approves (the due day moves) or refuses the waiting extension request.</summary>
    public Error? DecideExtension(TaskExtension extension, bool approve, string? note, int maxExtensions, string by, DateTimeOffset at)
    {
        if (extension.TaskId != Id || PendingExtensionId != extension.Id || extension.State != ExtensionState.Pending)
        {
            return new Error("Đề nghị gia hạn này không còn chờ xem xét.");
        }

        if (approve && ExtensionsGranted >= maxExtensions)
        {
            return new Error($"Nhiệm vụ đã được gia hạn tối đa {maxExtensions} lần.");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            return new Error("Vui lòng nêu lý do không đồng ý gia hạn.", "Note");
        }

        extension.Decide(approve, note, by, at);
        PendingExtensionId = null;
        if (approve)
        {
            DueOn = extension.RequestedDueOn;
            ExtensionsGranted++;
        }

        Version++;
        return null;
    }

    private Error? CheckOpen() => State switch
    {
        TaskState.Done => new Error("Nhiệm vụ đã được công nhận hoàn thành."),
        TaskState.AwaitingConfirmation => new Error("Nhiệm vụ đang chờ Văn phòng xác nhận hoàn thành."),
        TaskState.Open => null,
    };

    private Error? CheckNotDone() => State == TaskState.Done ? new Error("Nhiệm vụ đã được công nhận hoàn thành.") : null;

    private static Error? CheckText(string text, string message) => string.IsNullOrWhiteSpace(text) ? new Error(message, "Text") : null;

    private Error? CheckExplanation(string? explanation, DateTimeOffset at) =>
        NeedsExplanation(FollowUpStatuses.LocalDate(at)) && string.IsNullOrWhiteSpace(explanation)
            ? new Error("Nhiệm vụ đã quá hạn: vui lòng nhập giải trình lý do chậm.", nameof(TaskReport.Explanation))
            : null;

    private Error? CheckPending(TaskReport request) =>
        State != TaskState.AwaitingConfirmation || request.TaskId != Id || PendingCompletionId != request.Id || request.Review != ReviewOutcome.Pending
            ? new Error("Đề nghị hoàn thành này không còn chờ xác nhận.")
            : null;

    private void Touch(DateTimeOffset at)
    {
        LastReportedAt = at;
        Version++;
    }
}
