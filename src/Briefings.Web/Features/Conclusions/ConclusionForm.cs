using Briefings.Core.Common;
using Briefings.Core.Conclusions;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// What the conclusion editor posts and shows: the header, the preamble, the body as text (sections "I. ...",
/// items "1. ...") and the directives as rows naming units by their directory name. The same form carries a new
/// draft, an imported text and an existing draft, so nothing typed is lost when a save is refused.
/// </summary>
public sealed class ConclusionForm
{
    /// <summary>Most directive rows one conclusion carries. Real conclusions have tens; a prose programme read whole
    /// reached thousands (a 17 KB .docx gave 3,000 rows, a 35 MB page and 370 MB of server memory, and the form could
    /// never be posted back). Imports, re-reading and saving refuse more, with <see cref="TooManyDirectives"/>.</summary>
    public const int MaxDirectives = 500;

    public static Error TooManyDirectives(int count, string field) =>
        new($"Văn bản có {count.ToString("N0", VietnameseText.Culture)} nhiệm vụ; mỗi văn bản kết luận có tối đa {MaxDirectives} nhiệm vụ. Hãy tách văn bản thành nhiều phần rồi nhập lại.", field);

    public Guid? Id { get; set; }
    public int Version { get; set; }
    public Guid? MeetingId { get; set; }

    /// <summary>The clerk confirmed drafting a further conclusion for a meeting that already has one.</summary>
    public bool ConfirmSecond { get; set; }

    /// <summary>The meeting's conclusions already written (filled for a new draft of a meeting; not posted).</summary>
    public IReadOnlyList<Meetings.MeetingConclusionLink> ExistingForMeeting { get; internal set; } = [];
    public Guid? CorrectsConclusionId { get; set; }
    public Guid IssuerUnitId { get; set; }

    /// <summary>The document type by its printed name ("KẾT LUẬN"); see <see cref="ConclusionOptions.DocumentTypes"/>.</summary>
    public string? TypeName { get; set; }
    public string? Summary { get; set; }
    public string? Place { get; set; }

    /// <summary>dd/MM/yyyy, or empty: the date is then the day of issue.</summary>
    public string? Date { get; set; }
    public string? Preamble { get; set; }
    public string? Body { get; set; }

    /// <summary>"Nơi nhận", one line each; a line that is exactly a unit's name sends it to that unit's inbox.</summary>
    public string? Recipients { get; set; }
    public Guid? SignerPersonId { get; set; }
    public string? SigningForm { get; set; }
    public string? SignerTitle { get; set; }
    public bool IsPublic { get; set; }

    /// <summary>Items left out of the public version, as "sectionOrder.number" keys.</summary>
    public List<string> PrivateItems { get; set; } = [];
    public List<DirectiveRow> Directives { get; set; } = [];

    /// <summary>"save" or "analyze" (re-read the directives from the body text).</summary>
    public string? Action { get; set; }

    /// <summary>Form binding leaves a list null when nothing of it was posted (no box ticked); and a row posted
    /// with gaps in its indexes comes back null.</summary>
    public ConclusionForm Normalize()
    {
        PrivateItems ??= [];
        Directives = [.. (Directives ?? []).Where(d => d is not null)];
        return this;
    }
}

/// <summary>A directive as the editor shows it.</summary>
public sealed class DirectiveRow
{
    /// <summary>"sectionOrder.itemNumber", e.g. "2.1" for item 1 of section II.</summary>
    public string? Item { get; set; }
    public string? Lead { get; set; }

    /// <summary>Coordinating units' names separated by ';'.</summary>
    public string? Coordinating { get; set; }
    public string? Deadline { get; set; }
    public ExpectedOutput Output { get; set; }
    /// <summary>The answered proposal as the list names it ("KN3", see <see cref="ConclusionEditor.ProposalOption.Key"/>),
    /// an id (a stored draft, a page opened before the list), or "" for none. Kept as text: a row whose field fails to
    /// bind is dropped whole.</summary>
    public string? AnswersProposalId { get; set; }

    /// <summary>A note from the import for the clerk ("chưa khớp đơn vị ..."), not saved.</summary>
    public string? Note { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Lead) && string.IsNullOrWhiteSpace(Coordinating) && string.IsNullOrWhiteSpace(Deadline);

    public static string ItemKey(int sectionOrder, int number) => $"{sectionOrder}.{number}";
}
