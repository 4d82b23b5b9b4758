namespace Briefings.Web.Tests.Infrastructure;

/// <summary>Hostile strings as they arrive pasted from Word, from other systems or in forged requests.</summary>
public static class HostileText
{
    /// <summary>Vertical tab and form feed (Word's line and page breaks), NUL, BEL, a C1 control, zero-width space,
    /// byte-order mark, a right-to-left override, U+FFFE and decomposed (NFD) Vietnamese — each of which once broke
    /// an XML output or a comparison.</summary>
    public const string Mixed = "Dòng một\vdòng hai\fhết trang\u0000\u0007\u0085 khô\u200Bng\uFEFF thấy \u202Eđảo\u202C Nguye\u0302\u0303n\uFFFE";

    /// <summary><see cref="Mixed"/> as it must be stored.</summary>
    public const string MixedClean = "Dòng một\ndòng hai\nhết trang không thấy đảo Nguyễn";

    /// <summary>What a browser form carries when text is pasted from Word or a web page: line and page breaks as
    /// control characters, a bell, zero-width characters, a direction override and decomposed letters.</summary>
    public const string Pasted = "Dòng một\vdòng hai\fhết trang\u0007 khô\u200Bng\uFEFF thấy \u202Eđảo\u202C Nguye\u0302\u0303n";

    /// <summary>The same plus a lone surrogate (cannot travel in a URL-encoded form; written directly).</summary>
    public const string WithLoneSurrogate = Mixed + "\uD800";
}
