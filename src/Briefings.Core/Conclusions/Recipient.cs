namespace Briefings.Core.Conclusions;

/// <summary>A line of "Nơi nhận:": a unit of the directory ("Ban Dân vận Huyện ủy") or a free line
/// ("Đăng Website Huyện ủy", "Lưu VPHU").</summary>
public sealed class Recipient
{
    /// <summary>Position in the list, 1 for the first line; "Lưu ..." comes last by custom.</summary>
    public required int Order { get; init; }

    /// <summary>The unit, when the line names one: it receives the document in its inbox.</summary>
    public Guid? UnitId { get; init; }

    /// <summary>The line as printed (for a unit, its name as it was when the line was written).</summary>
    public required string Text { get; init; }
}
