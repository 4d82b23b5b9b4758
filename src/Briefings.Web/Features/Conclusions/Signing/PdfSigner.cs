using System.Security.Cryptography;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions.Signing;

/// <summary>
/// The PDF step of an issued document: the first time its PDF is asked for, it is rendered, signed with the issuing
/// body's certificate and kept (<see cref="SignedPdf"/>; saving the row is the audit entry: who asked, which certificate,
/// when); later downloads get the same bytes. A document not issued, or an issuer without a certificate, gets the
/// unsigned PDF. The PDF endpoints call <see cref="PdfForAsync"/> and nothing else, so any document writer plugs in here.
/// </summary>
public sealed class PdfSigner(BriefingsDbContext db, SigningCertificates certificates, TimestampClient timestamps, IOptions<SigningOptions> options,
    TimeProvider clock, ILogger<PdfSigner> logger)
{
    /// <summary>A PDF and, when signed, by what.</summary>
    public sealed record SignedDocument(byte[] Pdf, SignedPdfInfo? Signature);

    public sealed record SignedPdfInfo(string CertificateSubject, string CertificateThumbprint, DateTimeOffset SignedAt, bool Timestamped);

    /// <summary>The PDF of <paramref name="conclusion"/> in <paramref name="variant"/> (<see cref="SignedPdf.Full"/> or
    /// <see cref="SignedPdf.Public"/>); <paramref name="render"/> makes the unsigned PDF when needed.</summary>
    public async Task<SignedDocument> PdfForAsync(Conclusion conclusion, string issuerName, string variant, Func<CancellationToken, Task<byte[]>> render, CancellationToken ct)
    {
        if (conclusion.Status != ConclusionStatus.Issued)
        {
            return new SignedDocument(await render(ct), null);
        }

        if (await StoredAsync(conclusion.Id, variant, ct) is { } stored)
        {
            return stored;
        }

        using var certificate = await certificates.LoadAsync(conclusion.IssuerUnitId, issuerName, ct);
        var pdf = await render(ct);
        if (certificate is null)
        {
            return new SignedDocument(pdf, null);
        }

        var at = clock.GetUtcNow();
        var signerName = certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: false);
        var wantTimestamp = !string.IsNullOrWhiteSpace(options.Value.TimestampUrl);
        var (signed, timestamped) = await PadesSignature.SignAsync(pdf, certificate, new SignatureStamp(signerName, issuerName, at, conclusion.SignerName),
            wantTimestamp ? timestamps.RequestAsync : null, ct);
        var info = new SignedPdfInfo(certificate.Subject, Convert.ToHexString(SHA256.HashData(certificate.RawData)), at, timestamped);
        if (wantTimestamp && !timestamped)
        {
            // The authority did not answer: served signed without a timestamp, and not kept, so the next download
            // tries again for a PAdES-B-T one.
            return new SignedDocument(signed, info);
        }

        db.SignedPdfs.Add(new SignedPdf
        {
            ConclusionId = conclusion.Id,
            UnitId = conclusion.IssuerUnitId,
            Variant = variant,
            Content = signed,
            Length = signed.Length,
            CertificateSubject = info.CertificateSubject,
            CertificateThumbprint = info.CertificateThumbprint,
            SignedAt = at,
            Timestamped = timestamped,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first downloads at once: the one saved first is the signed document.
            db.ChangeTracker.Clear();
            if (await StoredAsync(conclusion.Id, variant, ct) is not { } first)
            {
                throw;
            }

            logger.LogInformation("Conclusion {Id} ({Variant}) was signed by a concurrent request; serving that one", conclusion.Id, variant);
            return first;
        }

        return new SignedDocument(signed, info);
    }

    /// <summary>The kept signature of a document, if it was signed (for the public page).</summary>
    public async Task<SignedPdfInfo?> SignatureOfAsync(Guid conclusionId, string variant, CancellationToken ct) =>
        await db.SignedPdfs.AsNoTracking().Where(s => s.ConclusionId == conclusionId && s.Variant == variant)
            .Select(s => new SignedPdfInfo(s.CertificateSubject, s.CertificateThumbprint, s.SignedAt, s.Timestamped))
            .FirstOrDefaultAsync(ct);

    private async Task<SignedDocument?> StoredAsync(Guid conclusionId, string variant, CancellationToken ct)
    {
        var row = await db.SignedPdfs.AsNoTracking().FirstOrDefaultAsync(s => s.ConclusionId == conclusionId && s.Variant == variant, ct);
        return row is null ? null
            : new SignedDocument(row.Content, new SignedPdfInfo(row.CertificateSubject, row.CertificateThumbprint, row.SignedAt, row.Timestamped));
    }
}
