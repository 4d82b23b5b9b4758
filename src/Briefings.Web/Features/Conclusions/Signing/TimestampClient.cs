using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions.Signing;

/// <summary>
/// Asks the RFC 3161 time-stamping authority of <see cref="SigningOptions.TimestampUrl"/> for a token over a signature
/// value (SHA-256, with a nonce, its certificate included) and checks the answer matches the request. Any failure is
/// logged and answered null: the document is then signed without a timestamp.
/// </summary>
public sealed class TimestampClient(HttpClient http, IOptions<SigningOptions> options, ILogger<TimestampClient> logger)
{
    public async Task<byte[]?> RequestAsync(byte[] signatureValue, CancellationToken ct)
    {
        var url = options.Value.TimestampUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        try
        {
            var request = Rfc3161TimestampRequest.CreateFromData(signatureValue, HashAlgorithmName.SHA256,
                nonce: RandomNumberGenerator.GetBytes(8), requestSignerCertificates: true);
            using var content = new ByteArrayContent(request.Encode());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimestampTimeoutSeconds)));
            using var response = await http.PostAsync(new Uri(url), content, timeout.Token);
            response.EnsureSuccessStatusCode();
            var token = request.ProcessResponse(await response.Content.ReadAsByteArrayAsync(timeout.Token), out _);
            return token.AsSignedCms().Encode();
        }
        catch (Exception ex) when (ex is HttpRequestException or CryptographicException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The time-stamping authority {Url} gave no timestamp; the document is signed without one", url);
            return null;
        }
    }
}
