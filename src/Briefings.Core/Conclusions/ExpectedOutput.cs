namespace Briefings.Core.Conclusions;

/// <summary>What an assigned unit is expected to hand in, as the item's wording says.</summary>
public enum ExpectedOutput
{
    /// <summary>The wording names no output; the work itself is the result.</summary>
    None = 0,

    /// <summary>A written answer to whoever raised the proposal: "trả lời bằng văn bản".</summary>
    WrittenReply = 1,

    /// <summary>A report back to the body that assigned the task: "có báo cáo kết quả về Thường trực Huyện ủy".</summary>
    ReportBack = 2,

    /// <summary>Guidance for the level below: "ban hành hướng dẫn", "văn bản hướng dẫn".</summary>
    GuidanceDocument = 3,

    /// <summary>A directive, usually drafted for the Standing Board to sign: "có văn bản chỉ đạo".</summary>
    DirectiveDocument = 4,

    /// <summary>A plan or a proposal of how to do it: "xây dựng kế hoạch", "có phương án".</summary>
    Plan = 5,
}
