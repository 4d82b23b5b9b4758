namespace Briefings.Core.Conclusions;

/// <summary>The two ways Vietnamese bodies write a document number.</summary>
public enum DocumentNumberStyle
{
    /// <summary>Party documents (Hướng dẫn 36-HD/VPTW): "Số 07-KL/HU" — sequence, type, then issuer; no colon.</summary>
    Party = 0,

    /// <summary>State documents (Nghị định 30/2020/NĐ-CP): "Số: 123/TB-UBND" — sequence, then type and issuer.</summary>
    State = 1,
}
