namespace Briefings.Core.Conclusions;

/// <summary>Where a conclusion is on its way from draft to issued document.</summary>
public enum ConclusionStatus
{
    /// <summary>Being written by the office; anything may change.</summary>
    Draft = 0,

    /// <summary>Sent to the leaders for approval ("trình ký").</summary>
    Submitted = 1,

    /// <summary>Approved by the signer; waiting for a number.</summary>
    Approved = 2,

    /// <summary>Numbered in the register and issued ("ban hành"); never changes again.</summary>
    Issued = 3,
}
