namespace Briefings.Core.Conclusions;

/// <summary>
/// The register ("sổ đăng ký văn bản") of one issuer, document type and period: the last number given.
/// A number is taken only when a document is issued, in the same transaction; <see cref="Version"/> makes
/// two issuers racing for the same number collide instead of both taking it.
/// </summary>
public sealed class DocumentRegister
{
    private DocumentRegister()
    {
    }

    public Guid IssuerUnitId { get; private set; }

    /// <summary>"KL", "TB", ...</summary>
    public string TypeCode { get; private set; } = "";

    /// <summary>See <see cref="NumberingRule.PeriodKey"/>.</summary>
    public string PeriodKey { get; private set; } = "";

    public int LastSequence { get; private set; }

    public int Version { get; private set; }

    public static DocumentRegister Open(Guid issuerUnitId, string typeCode, string periodKey) =>
        new() { IssuerUnitId = issuerUnitId, TypeCode = typeCode, PeriodKey = periodKey };

    /// <summary>Takes the next number. The caller saves it together with the issued document.</summary>
    public int Allocate()
    {
        LastSequence++;
        Version++;
        return LastSequence;
    }

    /// <summary>A document issued on paper before the office kept its register here already took
    /// <paramref name="sequence"/> in this period: the next number follows it. Never lowers the register.</summary>
    public bool RaiseTo(int sequence)
    {
        if (sequence <= LastSequence)
        {
            return false;
        }

        LastSequence = sequence;
        Version++;
        return true;
    }
}
