using Briefings.Core.Conclusions;

namespace Briefings.Web.Features.Conclusions;

/// <summary>A conclusion's status in words, in one place (the document page, the meeting's record).</summary>
public static class ConclusionStates
{
    public static string Text(ConclusionStatus status) => status switch
    {
        ConclusionStatus.Draft => "đang soạn",
        ConclusionStatus.Submitted => "đã trình ký",
        ConclusionStatus.Approved => "đã duyệt, chờ ban hành",
        ConclusionStatus.Issued => "đã ban hành",
    };
}
