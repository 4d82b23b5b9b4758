namespace Briefings.Core.Conclusions;

/// <summary>When an issuer's document numbers start again from 1.</summary>
public enum NumberingPeriod
{
    /// <summary>Never: numbers run on for as long as the issuer exists.</summary>
    Never = 0,

    /// <summary>At the start of each term of the committee (Hướng dẫn 36-HD/VPTW: party numbers run
    /// through the whole term).</summary>
    Term = 1,

    /// <summary>Every 1 January, as many state bodies do.</summary>
    Year = 2,
}
