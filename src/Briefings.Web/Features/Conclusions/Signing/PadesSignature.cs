using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Annotations;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace Briefings.Web.Features.Conclusions.Signing;

/// <summary>What the visible stamp says: who signed (the certificate's name), for which body, when.</summary>
/// <param name="NameOnPage">The signer's name as printed under the signature (bold, <paramref name="NameSize"/> pt): the
/// stamp is centred on it.</param>
public sealed record SignatureStamp(string Signer, string Body, DateTimeOffset At, string? NameOnPage = null, double NameSize = 14);

/// <summary>
/// Signs a PDF the PAdES way with PDFsharp: a CMS detached signature (SubFilter ETSI.CAdES.detached) whose signed
/// attributes are the content type, the message digest and the ESS signing-certificate-v2 (no signing-time attribute:
/// PAdES puts the time in the signature dictionary), plus — when a time-stamping authority answers — its RFC 3161
/// token as the signature-time-stamp unsigned attribute (PAdES-B-T). Without one the signature is PAdES-B-B.
/// The visible stamp is drawn over the signature block: LibreOffice exports the document's
/// <see cref="ConclusionDocument.SignatureBookmark"/> bookmark as a named destination, which gives its page and height.
/// </summary>
public static class PadesSignature
{
    /// <summary>id-aa-signatureTimeStampToken (RFC 3161 appendix A).</summary>
    public const string TimestampTokenOid = "1.2.840.113549.1.9.16.2.14";

    /// <summary>id-aa-signingCertificateV2 (RFC 5035).</summary>
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    public const double StampWidth = 200;
    public const double StampHeight = 62;

    /// <param name="timestamp">Asks a time-stamping authority for a token over the signature value; null or
    /// returning null means no timestamp.</param>
    public static async Task<(byte[] Pdf, bool Timestamped)> SignAsync(byte[] pdf, X509Certificate2 certificate, SignatureStamp stamp,
        Func<byte[], CancellationToken, Task<byte[]?>>? timestamp, CancellationToken ct)
    {
        SignatureFonts.EnsureRegistered();
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var (pageIndex, rectangle) = StampPlace(document, stamp);
        var signer = new CmsSigner(certificate, timestamp, ct);
        DigitalSignatureHandler.ForDocument(document, signer, new DigitalSignatureOptions
        {
            PageIndex = pageIndex,
            Rectangle = rectangle,
            Reason = "Ban hành văn bản",
            Location = stamp.Body,
            ContactInfo = stamp.Body,
            AppName = "Briefings",
            AppearanceHandler = new Appearance(document, stamp),
        });
        using var output = new MemoryStream();
        await document.SaveAsync(output, closeStream: false).ConfigureAwait(false);
        return (output.ToArray(), signer.Timestamped);
    }

    /// <summary>Where the stamp goes: over the blank lines of the signature block (between the title and the
    /// signer's name), right half of the page; without the bookmark, bottom right of the last page.</summary>
    internal static (int PageIndex, XRect Rectangle) StampPlace(PdfDocument document, SignatureStamp stamp)
    {
        var last = document.PageCount - 1;
        var fallbackPage = document.Pages[last];
        var width = fallbackPage.Width.Point;
        var left = width - StampWidth - 42.5;
        if (FindDestination(document, ConclusionDocument.SignatureBookmark) is { } destination)
        {
            var page = document.Pages[destination.PageIndex];
            // The destination is where the signer's name starts (left, top of its line); the stamp sits just above
            // it, centred on the name — its width measured in the font LibreOffice printed it with — inside the page.
            var pageWidth = page.Width.Point;
            var nameWidth = 100.0;
            if (!string.IsNullOrWhiteSpace(stamp.NameOnPage))
            {
                using var measure = XGraphics.CreateMeasureContext(new XSize(pageWidth, page.Height.Point), XGraphicsUnit.Point, XPageDirection.Downwards);
                nameWidth = measure.MeasureString(stamp.NameOnPage, new XFont(SignatureFonts.Family, stamp.NameSize, XFontStyleEx.Bold)).Width;
            }

            var centre = destination.Left + nameWidth / 2;
            var x = Math.Clamp(centre - StampWidth / 2, 20, pageWidth - StampWidth - 20);
            return (destination.PageIndex, new XRect(x, destination.Top + 2, StampWidth, StampHeight));
        }

        return (last, new XRect(left, 60, StampWidth, StampHeight));
    }

    private static (int PageIndex, double Left, double Top)? FindDestination(PdfDocument document, string name)
    {
        var catalog = document.Internals.Catalog;
        PdfArray? array = null;
        if (catalog.Elements.GetDictionary("/Dests") is { } dests)
        {
            var entry = Resolve(dests.Elements["/" + name]);
            array = entry as PdfArray ?? (entry as PdfDictionary)?.Elements.GetArray("/D");
        }

        if (array is null && catalog.Elements.GetDictionary("/Names")?.Elements.GetDictionary("/Dests") is { } tree)
        {
            array = FindInTree(tree, name, 0);
        }

        if (array is null || array.Elements.Count < 4 || Resolve(array.Elements[0]) is not PdfDictionary pageDictionary)
        {
            return null;
        }

        var index = -1;
        for (var i = 0; i < document.PageCount; i++)
        {
            if (ReferenceEquals(document.Pages[i], pageDictionary) || document.Pages[i].Reference == pageDictionary.Reference)
            {
                index = i;
                break;
            }
        }

        // [page /XYZ left top zoom]
        return index >= 0 && Number(Resolve(array.Elements[2])) is { } x && Number(Resolve(array.Elements[3])) is { } y ? (index, x, y) : null;
    }

    private static PdfArray? FindInTree(PdfDictionary node, string name, int depth)
    {
        if (depth > 32)
        {
            return null;
        }

        if (node.Elements.GetArray("/Names") is { } names)
        {
            for (var i = 0; i + 1 < names.Elements.Count; i += 2)
            {
                if (Resolve(names.Elements[i]) is PdfString key && key.Value == name)
                {
                    var value = Resolve(names.Elements[i + 1]);
                    return value as PdfArray ?? (value as PdfDictionary)?.Elements.GetArray("/D");
                }
            }
        }

        if (node.Elements.GetArray("/Kids") is { } kids)
        {
            foreach (var kid in kids.Elements)
            {
                if (Resolve(kid) is PdfDictionary child && FindInTree(child, name, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfReference reference ? reference.Value : item;

    private static double? Number(PdfItem? item) => item switch
    {
        PdfInteger i => i.Value,
        PdfReal r => r.Value,
        PdfLongInteger l => l.Value,
        _ => null,
    };

    /// <summary>The CMS (PKCS#7) signer PDFsharp calls with the bytes to sign.</summary>
    private sealed class CmsSigner(X509Certificate2 certificate, Func<byte[], CancellationToken, Task<byte[]?>>? timestamp, CancellationToken ct) : IDigitalSigner
    {
        public bool Timestamped { get; private set; }

        public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

        // Room for the certificate, the signature and a timestamp token with the authority's certificate.
        public Task<int> GetSignatureSizeAsync() => Task.FromResult(certificate.RawData.Length + 12_000);

        public async Task<byte[]> GetSignatureAsync(Stream stream)
        {
            // PDFsharp's RangedStream is read in one call of its whole length (it positions itself over the two
            // ranges then; it throws on CanSeek, which Stream.CopyTo asks, and starts mid-file otherwise).
            var data = new byte[stream.Length];
            var read = stream.Read(data, 0, data.Length);
            if (read != data.Length)
            {
                throw new InvalidOperationException($"Read {read} of the {data.Length} bytes to sign.");
            }

            var cms = new SignedCms(new ContentInfo(data), detached: true);
            var signer = new System.Security.Cryptography.Pkcs.CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
            {
                DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
                IncludeOption = X509IncludeOption.EndCertOnly,
            };
            signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
            cms.ComputeSignature(signer, silent: true);
            if (timestamp is not null && await timestamp(cms.SignerInfos[0].GetSignature(), ct).ConfigureAwait(false) is { } token)
            {
                cms.SignerInfos[0].AddUnsignedAttribute(new AsnEncodedData(TimestampTokenOid, token));
                Timestamped = true;
            }

            return cms.Encode();
        }
    }

    /// <summary>ESS SigningCertificateV2 (RFC 5035) naming <paramref name="certificate"/> by its SHA-256 and issuer/serial,
    /// so the signing certificate cannot be swapped for another with the same key.</summary>
    public static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                {
                    // hashAlgorithm left out: SHA-256 is the default.
                    writer.WriteOctetString(SHA256.HashData(certificate.RawData));
                    using (writer.PushSequence())
                    {
                        using (writer.PushSequence())
                        {
                            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                            {
                                writer.WriteEncodedValue(certificate.IssuerName.RawData);
                            }
                        }

                        writer.WriteInteger(certificate.SerialNumberBytes.Span);
                    }
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>Draws the stamp and, while PDFsharp builds the signature dictionary, makes it a PAdES one.</summary>
    private sealed class Appearance(PdfDocument document, SignatureStamp stamp) : IAnnotationAppearanceHandler
    {
        public void DrawAppearance(XGraphics gfx, XRect rect)
        {
            MarkPades();
            var red = XColor.FromArgb(0xC0, 0x1F, 0x1F);
            var pen = new XPen(red, 1.2);
            // The appearance is a form of the stamp's own size: draw from its corner, not the page position.
            var inner = new XRect(1, 1, rect.Width - 2, rect.Height - 2);
            gfx.DrawRoundedRectangle(pen, XBrushes.White, inner, new XSize(6, 6));
            var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
            var bold = new XFont(SignatureFonts.Family, 8.5, XFontStyleEx.Bold, options);
            var regular = new XFont(SignatureFonts.Family, 7.5, XFontStyleEx.Regular, options);
            var brush = new XSolidBrush(red);
            var local = TimeZoneInfo.ConvertTime(stamp.At, Briefings.Core.Common.VietnameseText.VietnamTime);
            string[] lines =
            [
                "Ký bởi: " + stamp.Signer,
                "Cơ quan: " + stamp.Body,
                "Thời gian ký: " + local.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " (GMT+7)",
            ];
            var y = inner.Y + 13;
            gfx.DrawString("ĐÃ KÝ SỐ", bold, brush, new XPoint(inner.X + 8, y));
            foreach (var line in lines)
            {
                y += 11.5;
                gfx.DrawString(Fit(gfx, line, regular, inner.Width - 14), regular, brush, new XPoint(inner.X + 8, y));
            }
        }

        private static string Fit(XGraphics gfx, string text, XFont font, double width)
        {
            if (gfx.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            while (text.Length > 4 && gfx.MeasureString(text + "…", font).Width > width)
            {
                text = text[..^1];
            }

            return text.TrimEnd() + "…";
        }

        // PDFsharp 6.2 writes SubFilter adbe.pkcs7.detached and the machine's clock as /M. By the time the
        // appearance is drawn, the signature dictionary exists (it is made first) and nothing is written yet, so
        // PAdES's SubFilter is set here. A test reads the SubFilter back through pdfsig, so an upgrade that changes
        // this order fails there and not silently.
        private void MarkPades()
        {
            foreach (var item in document.Internals.GetAllObjects())
            {
                if (item is PdfDictionary dictionary && dictionary.Elements.GetName("/Type") == "/Sig" && dictionary.Elements.ContainsKey("/ByteRange"))
                {
                    dictionary.Elements.SetName("/SubFilter", "/ETSI.CAdES.detached");
                    dictionary.Elements["/M"] = new PdfDate(stamp.At.UtcDateTime);
                }

                // The widget is printed with the page (annotation flag Print) like the signature it stands for.
                if (item is PdfDictionary widget && widget.Elements.GetName("/FT") == "/Sig" && widget.Elements.GetName("/Subtype") == "/Widget")
                {
                    widget.Elements.SetInteger("/F", 4);
                }
            }
        }
    }
}
