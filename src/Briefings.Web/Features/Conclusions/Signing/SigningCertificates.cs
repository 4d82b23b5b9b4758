using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Briefings.Core.Common;
using Briefings.Data;
using Briefings.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions.Signing;

/// <summary>Options under <c>Conclusions:Signing</c>.</summary>
public sealed class SigningOptions
{
    public const string Section = "Conclusions:Signing";

    /// <summary>An RFC 3161 time-stamping authority (http POST application/timestamp-query). Without it the
    /// signature carries no timestamp (PAdES-B-B); with it, its token (PAdES-B-T).</summary>
    public string? TimestampUrl { get; set; }

    public int TimestampTimeoutSeconds { get; set; } = 15;

    /// <summary>In Development only (ignored elsewhere): an issuer without a certificate gets a generated
    /// self-signed one at its first signing, so the demo shows signed PDFs.</summary>
    public bool GenerateDevelopmentCertificate { get; set; }

    /// <summary>Largest .p12 accepted.</summary>
    public int MaxCertificateBytes { get; set; } = 100_000;
}

/// <summary>
/// The certificates issuing bodies sign with. The .p12 and its password are kept together, protected with ASP.NET
/// Data Protection (purpose <see cref="Purpose"/>), so the database alone never gives the private key; keep the
/// data-protection key ring with the database backups, or the certificate must be uploaded again.
/// </summary>
public sealed class SigningCertificates(BriefingsDbContext db, IDataProtectionProvider protection, IOptions<SigningOptions> options,
    IWebHostEnvironment environment, TimeProvider clock, ILogger<SigningCertificates> logger)
{
    public const string Purpose = "Briefings.SigningCertificate.v1";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    /// <summary>What is known of a unit's certificate, without opening it.</summary>
    public sealed record Info(Guid UnitId, string Subject, string Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter, bool IsDevelopment,
        DateTimeOffset UpdatedAt, string UpdatedBy);

    /// <summary>The issuing bodies of <paramref name="scope"/> with their certificate (if any).</summary>
    public async Task<IReadOnlyList<(Guid UnitId, string Name, Info? Info)>> ListAsync(Briefings.Core.Organizations.AccessScope scope, CancellationToken ct = default)
    {
        var issuers = await db.Units.AsNoTracking().Within(scope)
            .Where(u => u.DocumentSymbol != null && u.RetiredAt == null)
            .OrderBy(u => u.Depth).ThenBy(u => u.SortOrder).ThenBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var ids = issuers.Select(u => u.Id).ToList();
        var infos = await db.SigningCertificates.AsNoTracking().Where(c => ids.Contains(c.UnitId))
            .Select(c => new Info(c.UnitId, c.Subject, c.Thumbprint, c.NotBefore, c.NotAfter, c.IsDevelopment, c.UpdatedAt, c.UpdatedBy))
            .ToListAsync(ct);
        return [.. issuers.Select(u => (u.Id, u.Name, infos.FirstOrDefault(i => i.UnitId == u.Id)))];
    }

    public async Task<Info?> InfoAsync(Guid unitId, CancellationToken ct) =>
        await db.SigningCertificates.AsNoTracking().Where(c => c.UnitId == unitId)
            .Select(c => new Info(c.UnitId, c.Subject, c.Thumbprint, c.NotBefore, c.NotAfter, c.IsDevelopment, c.UpdatedAt, c.UpdatedBy))
            .FirstOrDefaultAsync(ct);

    /// <summary>The unit's certificate with its private key, or null when none is set (or, in Development with
    /// <see cref="SigningOptions.GenerateDevelopmentCertificate"/>, a generated one). A certificate outside its
    /// validity is not used.</summary>
    public async Task<X509Certificate2?> LoadAsync(Guid unitId, string unitName, CancellationToken ct)
    {
        var row = await db.SigningCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.UnitId == unitId, ct);
        if (row is null && environment.IsDevelopment() && options.Value.GenerateDevelopmentCertificate)
        {
            var (pfx, password) = DevelopmentCertificate(unitName, clock.GetUtcNow());
            var saved = await SaveAsync(unitId, pfx, password, "he-thong (chứng thư thử nghiệm)", isDevelopment: true, ct);
            if (!saved.Succeeded)
            {
                return null;
            }

            row = await db.SigningCertificates.AsNoTracking().FirstAsync(c => c.UnitId == unitId, ct);
        }

        if (row is null)
        {
            return null;
        }

        try
        {
            var (pfxBytes, pass) = Unpack(protector.Unprotect(row.Content));
            var certificate = X509CertificateLoader.LoadPkcs12(pfxBytes, pass, X509KeyStorageFlags.EphemeralKeySet);
            var now = clock.GetUtcNow();
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            {
                logger.LogWarning("The signing certificate {Thumbprint} of unit {UnitId} is outside its validity; documents are served unsigned", row.Thumbprint, unitId);
                certificate.Dispose();
                return null;
            }

            return certificate;
        }
        catch (CryptographicException ex)
        {
            // The key ring that protected it is gone (a new machine without the keys): it must be uploaded again.
            logger.LogError(ex, "The signing certificate of unit {UnitId} cannot be read (data-protection keys changed?); upload it again", unitId);
            return null;
        }
    }

    /// <summary>Checks and stores a unit's .p12 (replacing the previous one). Errors name the field.</summary>
    public async Task<Result<Info>> SaveAsync(Guid unitId, byte[] pfx, string password, string by, bool isDevelopment, CancellationToken ct)
    {
        if (pfx.Length == 0)
        {
            return new Error("Chọn tệp chứng thư số (.p12 hoặc .pfx).", "File");
        }

        if (pfx.Length > options.Value.MaxCertificateBytes)
        {
            return new Error($"Tệp quá lớn ({pfx.Length / 1024} KB); tệp .p12 thường chỉ vài KB.", "File");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(pfx, password, X509KeyStorageFlags.EphemeralKeySet,
                new Pkcs12LoaderLimits { MaxCertificates = 20, MaxKeys = 1 });
        }
        catch (CryptographicException)
        {
            return new Error("Không mở được tệp: mật khẩu không đúng hoặc tệp không phải chứng thư số PKCS#12 (.p12/.pfx).", "Password");
        }

        using (certificate)
        {
            if (!certificate.HasPrivateKey)
            {
                return new Error("Tệp không chứa khóa bí mật: cần tệp .p12 xuất kèm khóa bí mật.", "File");
            }

            if (certificate.GetRSAPrivateKey() is null && certificate.GetECDsaPrivateKey() is null)
            {
                return new Error("Chỉ nhận khóa RSA hoặc ECDSA.", "File");
            }

            var now = clock.GetUtcNow();
            if (now > certificate.NotAfter.ToUniversalTime())
            {
                return new Error(string.Create(VietnameseText.Culture, $"Chứng thư số đã hết hạn ngày {certificate.NotAfter:dd/MM/yyyy}."), "File");
            }

            if (now < certificate.NotBefore.ToUniversalTime())
            {
                return new Error(string.Create(VietnameseText.Culture, $"Chứng thư số chỉ có hiệu lực từ ngày {certificate.NotBefore:dd/MM/yyyy}."), "File");
            }

            var content = protector.Protect(Pack(pfx, password));
            var thumbprint = Convert.ToHexString(SHA256.HashData(certificate.RawData));
            var subject = certificate.Subject;
            var row = await db.SigningCertificates.FirstOrDefaultAsync(c => c.UnitId == unitId, ct);
            if (row is null)
            {
                row = new SigningCertificate { UnitId = unitId, Subject = subject, Thumbprint = thumbprint, Content = content };
                db.SigningCertificates.Add(row);
            }

            row.Subject = subject;
            row.Thumbprint = thumbprint;
            row.Content = content;
            row.NotBefore = certificate.NotBefore.ToUniversalTime();
            row.NotAfter = certificate.NotAfter.ToUniversalTime();
            row.IsDevelopment = isDevelopment;
            row.UpdatedAt = now;
            row.UpdatedBy = by;
            await db.SaveChangesAsync(ct);
            return Result<Info>.Ok(new Info(unitId, subject, thumbprint, row.NotBefore, row.NotAfter, isDevelopment, now, by));
        }
    }

    /// <summary>A self-signed RSA certificate for the demo: CN = the unit's name, O = "Thử nghiệm (không có giá trị pháp lý)".</summary>
    public static (byte[] Pfx, string Password) DevelopmentCertificate(string unitName, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(unitName);
        name.AddOrganizationName("Thử nghiệm - không có giá trị pháp lý");
        name.AddCountryOrRegion("VN");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(5));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        return (certificate.Export(X509ContentType.Pkcs12, password), password);
    }

    private static byte[] Pack(byte[] pfx, string password)
    {
        var pass = Encoding.UTF8.GetBytes(password);
        var packed = new byte[4 + pass.Length + pfx.Length];
        BinaryPrimitives.WriteInt32BigEndian(packed, pass.Length);
        pass.CopyTo(packed, 4);
        pfx.CopyTo(packed, 4 + pass.Length);
        return packed;
    }

    private static (byte[] Pfx, string Password) Unpack(byte[] packed)
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(packed);
        return (packed[(4 + length)..], Encoding.UTF8.GetString(packed, 4, length));
    }
}
