using Briefings.Core.Common;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// Opens a conclusion for reading inside the app (see <see cref="ConclusionAccess"/> for who may) and, the
/// first time an account acting for a recipient unit opens an issued document, records that unit's receipt.
/// Managers also get every recipient unit with its receipt, or none yet.
/// </summary>
public sealed class ReadConclusion(BriefingsDbContext db, ConclusionAccess access, TimeProvider clock, Documents.PaperTemplates templates)
{
    public sealed record ReceiptRow(Guid UnitId, string UnitName, DateTimeOffset? FirstOpenedAt, string? FirstOpenedBy);

    /// <param name="ApproverName">For a leader who may approve: their name as the directory has it (they sign what
    /// they approve); null otherwise.</param>
    public sealed record View(Conclusion Conclusion, ConclusionAccess.Grant Grant, string IssuerName, IReadOnlyList<ReceiptRow> Receipts, string? ApproverName = null)
    {
        /// <summary>The signature block the approve form starts from (still editable): the one the drafter wrote when it
        /// is the approver's own, otherwise the rule of <see cref="SigningForms"/> for the issuer's kind and the
        /// approver's position — "T/M BAN THƯỜNG VỤ / BÍ THƯ" for the Bí thư of a committee, "PHÓ BÍ THƯ" for a deputy,
        /// "TRƯỞNG BAN" for the head of a Ban.</summary>
        public SigningForm? ApproverSignature { get; init; }

        /// <summary>The header as the printed document has it (the same template and superior rule as the .docx): the
        /// body above the issuer, the national heading ("ĐẢNG CỘNG SẢN VIỆT NAM") and the motto of a state body.</summary>
        public Heading Header { get; init; } = new(null, "ĐẢNG CỘNG SẢN VIỆT NAM", null);
    }

    public sealed record Heading(string? Superior, string National, string? Motto, string? Mark = null);

    public async Task<Result<View>> RunAsync(Guid conclusionId, UserContext? user, CancellationToken ct = default)
    {
        var loaded = await access.LoadAsync(conclusionId, user, ConclusionAccess.Need.View, ct: ct);
        if (loaded.Value is not { Conclusion: var conclusion, Grant: var grant } || user is null)
        {
            return Result<View>.Fail(loaded.Errors.Count > 0 ? loaded.Errors : [Error.Forbidden]);
        }

        if (conclusion.IsIssued && grant.ActingUnitIds.Count > 0)
        {
            await RecordAsync(conclusion.Id, grant.ActingUnitIds, user.User.UserName ?? user.User.Id, ct);
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        var template = templates.Load(ConclusionDocumentsModule.TemplateFor(issuer));
        var (superior, issuerName, _) = await ConclusionDocumentsModule.IssuerHeadingAsync(issuer, db, ct);
        IReadOnlyList<ReceiptRow> receipts = [];
        if (grant.CanManage && conclusion.IsIssued)
        {
            var unitIds = ConclusionAccess.RecipientUnitIds(conclusion);
            var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
            var opened = await db.ConclusionReceipts.AsNoTracking().Where(r => r.ConclusionId == conclusion.Id).ToDictionaryAsync(r => r.UnitId, ct);
            receipts = [.. unitIds.Select(id => new ReceiptRow(id, names.GetValueOrDefault(id, ""),
                opened.TryGetValue(id, out var r) ? r.FirstOpenedAt : null, opened.TryGetValue(id, out var s) ? s.FirstOpenedBy : null))];
        }

        var approver = grant.CanApprove && user.User.PersonId is { } personId
            ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct)
            : null;
        return Result<View>.Ok(new View(conclusion, grant, issuerName, receipts, approver?.FullName)
        {
            Header = new Heading(superior, template.NationalHeading, template.NationalMotto, template.IssuerMark),
            ApproverSignature = approver is null ? null : SignatureOf(approver, conclusion, issuer),
        });
    }

    private static SigningForm SignatureOf(Person approver, Conclusion conclusion, Unit issuer)
    {
        if (approver.Id == conclusion.SignerPersonId && conclusion.SignerTitle.Length > 0)
        {
            return new SigningForm(conclusion.SigningForm, conclusion.SignerTitle);
        }

        // The post held in the issuing body ("Bí thư Huyện ủy" for a Huyện ủy), else the first post.
        var title = approver.Positions.Where(p => p.UnitId == issuer.Id).OrderBy(p => p.SortOrder).Select(p => p.Title).FirstOrDefault() ?? approver.MainTitle;
        return Briefings.Web.Documents.IssuerLayouts.Signing(issuer, title);
    }

    /// <summary>Adds the receipts still missing. Two people of one unit opening it at the same moment both try
    /// to insert; the key lets one win and the other's row is simply not needed.</summary>
    private async Task RecordAsync(Guid conclusionId, IReadOnlyList<Guid> unitIds, string by, CancellationToken ct)
    {
        var known = await db.ConclusionReceipts.AsNoTracking()
            .Where(r => r.ConclusionId == conclusionId && unitIds.Contains(r.UnitId)).Select(r => r.UnitId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var unitId in unitIds.Except(known))
        {
            db.ConclusionReceipts.Add(new ConclusionReceipt { ConclusionId = conclusionId, UnitId = unitId, FirstOpenedAt = now, FirstOpenedBy = by });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
