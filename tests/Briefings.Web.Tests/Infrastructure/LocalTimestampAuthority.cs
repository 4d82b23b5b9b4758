using System.Formats.Asn1;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Briefings.Web.Features.Conclusions.Signing;

namespace Briefings.Web.Tests.Infrastructure;

/// <summary>
/// A small RFC 3161 time-stamping authority on 127.0.0.1, for tests only (no TSA is reachable from these machines):
/// it answers a timestamp query with a token (TSTInfo over the query's hash and nonce, signed by its own self-signed
/// certificate with the time-stamping key purpose and an ESS signing-certificate-v2 attribute). Counts the queries it answered.
/// </summary>
public sealed class LocalTimestampAuthority : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private int answered;
    private long serial = 1;

    public LocalTimestampAuthority()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=TSA thử nghiệm 127.0.0.1, O=Briefings tests, C=VN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.8")], critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        Certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12, ""), "", X509KeyStorageFlags.EphemeralKeySet);

        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public X509Certificate2 Certificate { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/tsa";

    public int Answered => Volatile.Read(ref answered);

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (!Rfc3161TimestampRequest.TryDecode(body.ToArray(), out var query, out _))
            {
                context.Response.StatusCode = 400;
                context.Response.Close();
                continue;
            }

            var reply = Reply(query!);
            context.Response.ContentType = "application/timestamp-reply";
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
            Interlocked.Increment(ref answered);
        }
    }

    private byte[] Reply(Rfc3161TimestampRequest query)
    {
        var info = new AsnWriter(AsnEncodingRules.DER);
        using (info.PushSequence())
        {
            info.WriteInteger(1);
            info.WriteObjectIdentifier("1.3.6.1.4.1.55555.1.1");
            using (info.PushSequence())
            {
                using (info.PushSequence())
                {
                    info.WriteObjectIdentifier(query.HashAlgorithmId.Value!);
                    info.WriteNull();
                }

                info.WriteOctetString(query.GetMessageHash().Span);
            }

            info.WriteInteger(Interlocked.Increment(ref serial));
            info.WriteGeneralizedTime(DateTimeOffset.UtcNow, omitFractionalSeconds: true);
            if (query.GetNonce() is { } nonce)
            {
                info.WriteInteger(nonce.Span);
            }
        }

        var token = new SignedCms(new ContentInfo(new Oid("1.2.840.113549.1.9.16.1.4"), info.Encode()), detached: false);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = query.RequestSignerCertificate ? X509IncludeOption.EndCertOnly : X509IncludeOption.None,
        };
        signer.SignedAttributes.Add(new AsnEncodedData(PadesSignature.SigningCertificateV2Oid, PadesSignature.SigningCertificateV2(Certificate)));
        token.ComputeSignature(signer, silent: true);

        var response = new AsnWriter(AsnEncodingRules.DER);
        using (response.PushSequence())
        {
            using (response.PushSequence())
            {
                response.WriteInteger(0);
            }

            response.WriteEncodedValue(token.Encode());
        }

        return response.Encode();
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop;
        Certificate.Dispose();
    }
}
