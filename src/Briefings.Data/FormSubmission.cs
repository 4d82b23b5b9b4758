namespace Briefings.Data;

/// <summary>
/// A "create" form that was posted and saved: its one-time token (issued with the form, a hidden field), who sent it,
/// where the post redirected and the notice it left (protected with the app's data-protection keys, as the notice
/// cookie is). A second post of the same form — a double tap, a retry on a slow phone, JavaScript off — finds this row
/// and answers with the same redirect and notice instead of creating a second record. The row is written in the same
/// transaction as the record it created, so a token is never recorded without its record or the other way round.
/// </summary>
public sealed class FormSubmission
{
    public required Guid Token { get; init; }
    public required string UserId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Where the first post redirected (relative to the app's base), set when its record was saved.</summary>
    public string? Target { get; set; }

    /// <summary>The notice the first post left, protected (see <c>PageNotice</c>); unreadable once it expires.</summary>
    public string? Notice { get; set; }
}
