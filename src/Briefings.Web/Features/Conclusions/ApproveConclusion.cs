using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>Approves a submitted conclusion. Allowed to leaders whose scope covers the issuing body, and to
/// admins; not to the office that wrote it, so drafting and approving stay with different people.
/// <c>expectedVersion</c> is the version the leader read: a text changed since is not approved.
/// <para>With a signing form (<see cref="Input.Mode"/>), the approval records who signs and how: the approving
/// leader, as the directory names them (the account's person), in the form chosen — "T/M BAN THƯỜNG VỤ / BÍ THƯ",
/// "K/T BÍ THƯ / PHÓ BÍ THƯ", "T/L BAN THƯỜNG VỤ / CHÁNH VĂN PHÒNG", or a body's own name ("TRƯỞNG BAN"). The
/// document prints what was recorded.</para></summary>
public sealed class ApproveConclusion(BriefingsDbContext db, ConclusionAccess access, TimeProvider clock)
{
    /// <param name="Mode">The signing form; null keeps the signature block the drafter wrote.</param>
    /// <param name="SigningFor">Whom the form signs for ("BAN THƯỜNG VỤ" after "T/M").</param>
    /// <param name="Title">The signer's position line ("BÍ THƯ").</param>
    public sealed record Input(Guid ConclusionId, int ExpectedVersion, SigningMode? Mode = null, string? SigningFor = null, string? Title = null);

    public Task<Result<Conclusion>> RunAsync(Guid conclusionId, int expectedVersion, UserContext user, CancellationToken ct = default) =>
        RunAsync(new Input(conclusionId, expectedVersion), user, ct);

    public async Task<Result<Conclusion>> RunAsync(Input input, UserContext user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(input.ConclusionId, user, ConclusionAccess.Need.Approve, tracked: true, ct);
        if (loaded.Value is not { Conclusion: var conclusion })
        {
            return Result<Conclusion>.Fail(loaded.Errors);
        }

        Signature? signature = null;
        if (input.Mode is { } mode)
        {
            // The leader who approves is the one who signs: their person in the directory, or — for an account not
            // linked to a person (an admin) — the signer the drafter chose.
            var personId = user.User.PersonId ?? conclusion.SignerPersonId;
            var person = personId is { } id ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
            if (person is null)
            {
                return new Error("Chưa xác định được người ký: tài khoản của bạn chưa gắn với cán bộ trong danh bạ và dự thảo chưa chọn người ký.", "SignerPersonId");
            }

            // One rule of who signs how (SigningForms): a Ban never signs "T/M", the office signs "T/L".
            var issuerKind = await db.Units.AsNoTracking().Where(u => u.Id == conclusion.IssuerUnitId).Select(u => u.Kind).FirstAsync(ct);
            if (SigningForms.Problem(issuerKind, $"{mode.Prefix()} {input.SigningFor}".Trim()) is { } problem)
            {
                return new Error(problem, "SigningMode");
            }

            signature = new Signature(person.Id, person.FullName, mode, input.SigningFor ?? "", input.Title ?? "");
        }

        var by = user.User.UserName!;
        var now = clock.GetUtcNow();
        // Kept in the history: who approved, who signs and in which form.
        return await ConclusionWorkflow.SaveStepAsync(db, conclusion, input.ExpectedVersion, () => conclusion.Approve(by, now, signature), ct,
            () => ConclusionHistory.KeepAsync(db, conclusion,
                $"Duyệt; người ký: {(conclusion.SigningForm.Length > 0 ? conclusion.SigningForm + " / " : "")}{conclusion.SignerTitle} — {conclusion.SignerName}", by, now, ct));
    }
}
