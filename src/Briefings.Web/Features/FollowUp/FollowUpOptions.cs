using Briefings.Core.FollowUp;

namespace Briefings.Web.Features.FollowUp;

/// <summary>The <c>FollowUp</c> configuration section.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Extensions ("gia hạn") granted per task at most; provinces allow one.</summary>
    public int MaxExtensions { get; set; } = 1;

    /// <summary>How often ongoing ("thường xuyên") directives are reported on: one task per period.</summary>
    public PeriodCadence OngoingCadence { get; set; } = PeriodCadence.Quarter;

    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxAttachmentsPerReport { get; set; } = 5;

    /// <summary>All files of one report together; kept under Kestrel's default request limit (30 MB) so a too-big
    /// upload gets this app's Vietnamese message rather than the server's bare 413.</summary>
    public long MaxReportBytes { get; set; } = 25 * 1024 * 1024;

    public string[] AllowedAttachmentExtensions { get; set; } =
        [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png", ".txt", ".zip"];

    /// <summary>Whether the background job opens the task of each new period of recurring directives.</summary>
    public bool RunPeriodJob { get; set; } = true;
}
