using Briefings.Core.Conclusions;
using Briefings.Core.FollowUp;

namespace Briefings.Web.Features.FollowUp;

/// <summary>The follow-up's words on screen, in one place.</summary>
public static class FollowUpText
{
    public static string Badge(FollowUpStatus status) => status switch
    {
        FollowUpStatus.DoneOnTime => "badge badge-done",
        FollowUpStatus.DoneLate => "badge badge-late-done",
        FollowUpStatus.OpenOnTime => "badge badge-open",
        FollowUpStatus.OpenOverdue => "badge badge-overdue",
        FollowUpStatus.NoDeadline => "badge badge-none",
    };

    public static string Of(TaskState state) => state switch
    {
        TaskState.Open => "Đang thực hiện",
        TaskState.AwaitingConfirmation => "Chờ Văn phòng xác nhận hoàn thành",
        TaskState.Done => "Đã công nhận hoàn thành",
    };

    public static string Of(TaskReportKind kind) => kind switch
    {
        TaskReportKind.Progress => "Báo cáo tiến độ",
        TaskReportKind.CoordinatorInput => "Ý kiến đơn vị phối hợp",
        TaskReportKind.CompletionRequest => "Đề nghị công nhận hoàn thành",
    };

    public static string Of(ExpectedOutput output) => output switch
    {
        ExpectedOutput.None => "Không yêu cầu sản phẩm riêng",
        ExpectedOutput.WrittenReply => "Trả lời bằng văn bản",
        ExpectedOutput.ReportBack => "Báo cáo kết quả",
        ExpectedOutput.GuidanceDocument => "Văn bản hướng dẫn",
        ExpectedOutput.DirectiveDocument => "Văn bản chỉ đạo",
        ExpectedOutput.Plan => "Kế hoạch, phương án",
    };

    public static string Of(ExtensionState state) => state switch
    {
        ExtensionState.Pending => "Chờ xem xét",
        ExtensionState.Approved => "Đã đồng ý",
        ExtensionState.Refused => "Không đồng ý",
    };

    /// <summary>An item as its conclusion numbers it: "II.4" (item 4 of section II), or the bare number when the
    /// section is not known — the same label in the inbox, on the task page and in search.</summary>
    public static string Item(int sectionOrder, int itemNumber) => sectionOrder > 0
        ? $"{Core.Conclusions.RomanNumerals.Format(sectionOrder)}.{itemNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : itemNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A document as the inbox names it (<see cref="Core.Conclusions.DocumentNumber.Named"/>). Kept per number:
    /// reading the number (two regular expressions) for each of the inbox's rows on every request was a tenth of what
    /// a signed-in inbox allocated (issue 14.5, docs/benchmarks.md); a district has a few hundred numbers at most.</summary>
    public static string Document(string number) => DocumentNames.GetOrAdd(number, Core.Conclusions.DocumentNumber.Named);

    private static readonly Infrastructure.BoundedCache<string, string> DocumentNames = new(10_000);

    /// <summary>A directive as lists and notices cite it: "Kết luận số 04-KL/HU, mục I.1".</summary>
    public static string Directive(string number, int sectionOrder, int itemNumber) => $"{Document(number)}, mục {Item(sectionOrder, itemNumber)}";

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", Core.Common.VietnameseText.Culture) ?? "";

    /// <summary>A short excerpt of an item's text for lists.</summary>
    public static string Excerpt(string text, int length = 220)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, line.LastIndexOf(' ', length) is > 40 and var cut ? cut : length), " …");
    }
}
