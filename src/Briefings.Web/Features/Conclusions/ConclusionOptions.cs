using Briefings.Core.Conclusions;

namespace Briefings.Web.Features.Conclusions;

/// <summary>The <c>Conclusions</c> configuration section.</summary>
public sealed class ConclusionOptions
{
    public const string Section = "Conclusions";

    /// <summary>Numbering per issuing body, keyed by the unit's code, e.g.
    /// <c>Conclusions:Numbering:HU-TP:Period=Term</c>, <c>...:TermStartYear=2025</c>. An issuer not listed
    /// numbers without ever starting again.</summary>
    public Dictionary<string, NumberingSettings> Numbering { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many times an issue is retried when another issue took the register at the same moment.
    /// Each collision means somebody else got a number, so the queue always moves.</summary>
    public int MaxIssueAttempts { get; set; } = 200;

    /// <summary>The committee's term a register restarts with when the office has set nothing: the first year of
    /// a term (party congresses at district and commune level: 2020, 2025, ...) and its length.</summary>
    public int DefaultTermStartYear { get; set; } = 2020;

    public int DefaultTermYears { get; set; } = 5;

    /// <summary>The document types an office can choose, as data: the code in the number and the printed name.
    /// Configure <c>Conclusions:DocumentTypes:0:Code=KL</c>, <c>...:0:Name=KẾT LUẬN</c> to replace the list.</summary>
    public List<DocumentTypeSetting> DocumentTypes { get; set; } = [];

    public static IReadOnlyList<DocumentTypeSetting> DefaultDocumentTypes { get; } =
    [
        new() { Code = "KL", Name = "KẾT LUẬN" },
        new() { Code = "TB", Name = "THÔNG BÁO KẾT LUẬN" },
        new() { Code = "TB", Name = "THÔNG BÁO" },
    ];

    public IReadOnlyList<DocumentTypeSetting> Types => DocumentTypes.Count > 0 ? DocumentTypes : DefaultDocumentTypes;

    /// <summary>The longest text the reader accepts (editor import, JSON API, command line), in characters.</summary>
    public int ImportMaxCharacters { get; set; } = ConclusionReaderOptions.Default.MaxCharacters;

    /// <summary>How long one reading may take before it is stopped with a message, in seconds.</summary>
    public int ImportSeconds { get; set; } = (int)ConclusionReaderOptions.Default.TimeBudget.TotalSeconds;

    /// <summary>When a school year's tasks fall due, "dd/MM": by default its end of teaching, 31 May.</summary>
    public string SchoolYearDue { get; set; } = "31/05";

    /// <summary>The reader's limits as configured (an unreadable <see cref="SchoolYearDue"/> keeps the default).</summary>
    public ConclusionReaderOptions Reader() => new()
    {
        MaxCharacters = ImportMaxCharacters,
        TimeBudget = TimeSpan.FromSeconds(Math.Max(1, ImportSeconds)),
        SchoolYear = SchoolYearConvention.Parse(SchoolYearDue) ?? SchoolYearConvention.Default,
    };

    public NumberingRule RuleFor(string issuerCode) =>
        Numbering.TryGetValue(issuerCode, out var settings) ? settings.ToRule() : NumberingRule.Continuous;
}

/// <summary>One issuer's numbering, as configured.</summary>
public sealed class NumberingSettings
{
    public NumberingPeriod Period { get; set; } = NumberingPeriod.Never;

    public int TermStartYear { get; set; }

    public int TermYears { get; set; } = 5;

    public NumberingRule ToRule() => new(Period, TermStartYear, TermYears);
}

/// <summary>A document type: "KL" / "KẾT LUẬN".</summary>
public sealed class DocumentTypeSetting
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
}
