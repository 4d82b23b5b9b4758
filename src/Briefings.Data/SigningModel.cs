using Microsoft.EntityFrameworkCore;

namespace Briefings.Data;

/// <summary>
/// The PKCS#12 certificate an issuing body signs its issued documents' PDFs with, set by an admin. One per unit:
/// replacing it updates the row (the log shows the old and new thumbprint). <see cref="Content"/> holds the .p12 and its
/// password protected with ASP.NET Data Protection, never in clear; the audit log skips it by name.
/// </summary>
public sealed class SigningCertificate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid UnitId { get; init; }

    public required string Subject { get; set; }

    /// <summary>SHA-256 of the certificate, hex (the SHA-1 thumbprint is legacy).</summary>
    public required string Thumbprint { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    /// <summary>The protected .p12 and password (<c>SigningCertificates</c> reads and writes it).</summary>
    public required byte[] Content { get; set; }

    /// <summary>Generated for the demo in Development; never in production.</summary>
    public bool IsDevelopment { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>
/// A signed PDF of an issued document, made once (at its first download) and served as is afterwards: an issued
/// document is signed once, not at every download. <see cref="Variant"/> is "full" (the internal form) or "public"
/// (public items only). The row's creation is the audit entry of the signing (who asked, certificate, time).
/// </summary>
public sealed class SignedPdf
{
    public const string Full = "full";
    public const string Public = "public";

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required Guid ConclusionId { get; init; }

    /// <summary>The issuing unit (the audit scope).</summary>
    public required Guid UnitId { get; init; }

    public required string Variant { get; init; }

    public required byte[] Content { get; init; }

    public required string CertificateSubject { get; init; }

    public required string CertificateThumbprint { get; init; }

    public required DateTimeOffset SignedAt { get; init; }

    /// <summary>Whether an RFC 3161 timestamp from a time-stamping authority is embedded (PAdES-B-T), or only the
    /// signing time the signer states (PAdES-B-B).</summary>
    public bool Timestamped { get; init; }

    public int Length { get; init; }
}

internal static class SigningModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<SigningCertificate>(c =>
        {
            c.ToTable("SigningCertificates");
            c.HasKey(x => x.Id);
            c.HasIndex(x => x.UnitId).IsUnique();
            c.Property(x => x.Subject).HasMaxLength(1000);
            c.Property(x => x.Thumbprint).HasMaxLength(64);
            c.Property(x => x.UpdatedBy).HasMaxLength(256);
            c.Property(x => x.Content).HasMaxLength(200_000);
            c.HasOne<Briefings.Core.Organizations.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<SignedPdf>(s =>
        {
            s.ToTable("SignedPdfs");
            s.HasKey(x => x.Id);
            s.HasIndex(x => new { x.ConclusionId, x.Variant }).IsUnique();
            s.Property(x => x.Variant).HasMaxLength(16);
            s.Property(x => x.CertificateSubject).HasMaxLength(1000);
            s.Property(x => x.CertificateThumbprint).HasMaxLength(64);
            s.HasOne<Briefings.Core.Conclusions.Conclusion>().WithMany().HasForeignKey(x => x.ConclusionId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
