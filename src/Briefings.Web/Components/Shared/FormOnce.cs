using System.Security.Claims;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Components.Shared;

/// <summary>
/// A form that creates a record creates one, however often it is posted. The form carries a one-time token
/// (<see cref="OnceToken"/>, a hidden field issued with the form and kept when a refused post renders it again); the
/// first post to be saved records the token (<see cref="FormSubmission"/>, the token is its key) in the same transaction
/// as its record, and every other post of the same token — a double tap, a retry on a slow phone, JavaScript off —
/// is answered with the first one's redirect and notice. Two posts at once serialize on the token's key: PostgreSQL
/// makes the second insert wait for the first transaction and then refuses it; SQLite's transaction takes the write
/// lock as it begins. A post refused by its use case (a missing field) records nothing, so the corrected form can be
/// sent again with the same token.
/// </summary>
public sealed class FormOnce(BriefingsDbContext db, TimeProvider clock, ILogger<FormOnce> log)
{
    /// <summary>The hidden field's name; outside every form model, so a form's own binding never sees it.</summary>
    public const string FieldName = "_once";

    /// <summary>How long a token is remembered: far longer than any retry, short enough to keep the table small
    /// (<see cref="FormTokenCleanup"/> forgets older ones).</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(2);

    /// <summary>What a successful create redirects to (relative to the app's base; null: the page that was posted) and says.</summary>
    public sealed record Created(string? To, PageNotice Notice);

    /// <summary>The answer to a post: where to go and the protected notice; null when the use case refused (the page
    /// shows its messages).</summary>
    public sealed record Outcome(string To, string ProtectedNotice);

    /// <summary>The token posted with the current form, or null (a client that did not send the field: the post is
    /// saved as before, unguarded).</summary>
    public static Guid? Posted(HttpContext http) =>
        http.Request.HasFormContentType && Guid.TryParse(http.Request.Form[FieldName].ToString(), out var token) && token != Guid.Empty ? token : null;

    /// <summary>Runs <paramref name="create"/> once for the posted token; returns the first post's outcome to every later one.</summary>
    public async Task<Outcome?> RunAsync(HttpContext http, Func<Task<Created?>> create)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (Posted(http) is not { } token || db.Database.CurrentTransaction is not null)
        {
            return Unguarded(http, await create());
        }

        // Two rounds: the second runs when the first lost the race to a post that was then refused (rolled back).
        for (var round = 0; round < 2; round++)
        {
            var earlier = await db.FormSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Token == token);
            if (earlier is { Target: { } to, Notice: { } notice })
            {
                if (earlier.UserId != userId)
                {
                    // Not this user's token (copied or forged): it tells nothing about the first post; save as sent.
                    return Unguarded(http, await create());
                }

                log.LogInformation("A form posted again (token {Token}) answered with the first post's redirect to {Target}.", token, to);
                return new Outcome(to, notice);
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            var claim = new FormSubmission { Token = token, UserId = userId, CreatedAt = clock.GetUtcNow() };
            db.FormSubmissions.Add(claim);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                // Another post of this form was saved meanwhile: read its outcome in the next round.
                db.Entry(claim).State = EntityState.Detached;
                await transaction.RollbackAsync();
                continue;
            }

            var created = await create();
            if (created is null)
            {
                db.Entry(claim).State = EntityState.Detached;
                await transaction.RollbackAsync();
                return null;
            }

            claim.Target = created.To ?? throw new InvalidOperationException("A create's target is resolved by the page.");
            claim.Notice = created.Notice.Protect(http);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return new Outcome(claim.Target, claim.Notice);
        }

        // The other post holds the token but was not saved (refused, then refused again): try as an ordinary post.
        return Unguarded(http, await create());
    }

    /// <summary>Forgets the posted form's token of this account, for a create whose refusal is known only after its
    /// record was committed (the directory import checks its rows in a job): the corrected form, which keeps its token,
    /// is then saved as a new post instead of being sent to the refused one.</summary>
    public async Task ForgetPostedAsync(HttpContext http)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        if (Posted(http) is { } token)
        {
            await db.FormSubmissions.Where(s => s.Token == token && s.UserId == userId).ExecuteDeleteAsync();
        }
    }

    private static Outcome? Unguarded(HttpContext http, Created? created) => created is null ? null : new Outcome(created.To!, created.Notice.Protect(http));
}
