using Briefings.Core.Common;
using Briefings.Web.Documents;
using System.Globalization;
using System.Text;
using System.Xml;
using Briefings.Core.Conclusions;
using Briefings.Data;
using Briefings.Web.Features.Conclusions.Signing;
using Briefings.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// What the committee publishes: issued conclusions marked public, and of them only the items marked public.
/// Served without login as a page per document, an Atom 1.0 feed and a JSON API for the committee's website.
/// Anything else (a draft, an issued document not published, an unknown id) is answered 404 with no data, so
/// the public side cannot even tell that a document exists.
/// </summary>
public static class PublicConclusions
{
    public const int FeedSize = 50;

    /// <summary>One published document in the list and the feed. <see cref="Abstract"/> is the opening of its
    /// preamble (public, as on the page); <see cref="PdfUrl"/> its printed form with the public items only.</summary>
    public sealed record Summary(Guid Id, string Number, string Type, string Title, string Issuer, DateOnly? IssuedOn, DateTimeOffset IssuedAt, string Url,
        string Abstract, string PdfUrl, bool PdfSigned = false);

    public const int AbstractLength = 400;

    public sealed record PublicItem(int Number, string Text);

    public sealed record PublicSection(string Numeral, string Title, IReadOnlyList<PublicItem> Items);

    public sealed record Document(Guid Id, string Number, string Type, string Title, string Issuer, string Place, DateOnly? IssuedOn,
        string Preamble, IReadOnlyList<PublicSection> Sections, string SigningForm, string SignerTitle, string SignerName, string Url,
        PdfSignature? Signature = null);

    /// <summary>The digital signature of the published PDF: whose certificate (its common name) and, once the PDF was
    /// made and signed, when and whether with a timestamp. Null: the PDF is not signed (the issuer has no certificate).</summary>
    public sealed record PdfSignature(string Signer, DateTimeOffset? SignedAt, bool Timestamped);

    /// <summary>Published documents, newest first.</summary>
    public static async Task<IReadOnlyList<Summary>> ListAsync(BriefingsDbContext db, string baseUrl, int take, CancellationToken ct)
    {
        var rows = await db.Conclusions.AsNoTracking()
            .Where(c => c.Status == ConclusionStatus.Issued && c.IsPublic)
            .OrderByDescending(c => c.IssuedAt)
            .Take(take)
            .Join(db.Units.AsNoTracking(), c => c.IssuerUnitId, u => u.Id, (c, u) => new
            {
                c.Id, c.TypeCode, c.TypeName, c.Summary, c.Sequence, c.IssuerSymbol, c.NumberStyle, c.IssuedOn, c.IssuedAt, c.Preamble, Issuer = u.Name, c.IssuerUnitId,
            })
            .ToListAsync(ct);
        // Signed: kept signed, or signed at the first download because the issuer has a certificate.
        var ids = rows.Select(r => r.Id).ToList();
        var issuerIds = rows.Select(r => r.IssuerUnitId).Distinct().ToList();
        var signedIds = (await db.SignedPdfs.AsNoTracking().Where(x => ids.Contains(x.ConclusionId) && x.Variant == SignedPdf.Public).Select(x => x.ConclusionId).ToListAsync(ct)).ToHashSet();
        var withCertificate = (await db.SigningCertificates.AsNoTracking().Where(x => issuerIds.Contains(x.UnitId)).Select(x => x.UnitId).ToListAsync(ct)).ToHashSet();
        return [.. rows.OrderByDescending(c => c.IssuedAt).Select(c => new Summary(c.Id, NumberOf(c.Sequence, c.TypeCode, c.IssuerSymbol, c.NumberStyle), c.TypeName, c.Summary,
            c.Issuer, c.IssuedOn, c.IssuedAt ?? DateTimeOffset.MinValue, UrlOf(baseUrl, c.Id), AbstractOf(c.Preamble), UrlOf(baseUrl, c.Id) + "/document.pdf",
            signedIds.Contains(c.Id) || withCertificate.Contains(c.IssuerUnitId)))];
    }

    /// <summary>The public version of one document, or null when it is not published.</summary>
    public static async Task<Document?> FindAsync(BriefingsDbContext db, Guid id, string baseUrl, CancellationToken ct)
    {
        var c = await db.Conclusions.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id && x.Status == ConclusionStatus.Issued && x.IsPublic, ct);
        if (c is null)
        {
            return null;
        }

        var issuer = await db.Units.AsNoTracking().Where(u => u.Id == c.IssuerUnitId).Select(u => u.Name).FirstAsync(ct);
        var sections = c.Sections.OrderBy(s => s.Order)
            .Select(s => new PublicSection(s.Numeral, s.Title,
                [.. c.Items.Where(i => i.SectionOrder == s.Order && i.IsPublic).OrderBy(i => i.Number).Select(i => new PublicItem(i.Number, i.Text))]))
            // A section whose items are all left out is left out too: its heading alone may say too much.
            .Where(s => s.Items.Count > 0)
            .ToList();
        return new Document(c.Id, c.Number?.Display ?? "", c.TypeName, c.Summary, issuer, c.Place, c.IssuedOn, c.Preamble, sections,
            c.SigningForm, c.SignerTitle, c.SignerName, UrlOf(baseUrl, c.Id), await SignatureOfAsync(db, c, ct));
    }

    private static async Task<PdfSignature?> SignatureOfAsync(BriefingsDbContext db, Conclusion c, CancellationToken ct)
    {
        var signed = await db.SignedPdfs.AsNoTracking().Where(s => s.ConclusionId == c.Id && s.Variant == SignedPdf.Public)
            .Select(s => new { s.CertificateSubject, s.SignedAt, s.Timestamped }).FirstOrDefaultAsync(ct);
        if (signed is not null)
        {
            return new PdfSignature(CommonName(signed.CertificateSubject), signed.SignedAt, signed.Timestamped);
        }

        // Not made yet: it will be signed at its first download with the issuer's certificate.
        var subject = await db.SigningCertificates.AsNoTracking().Where(x => x.UnitId == c.IssuerUnitId).Select(x => x.Subject).FirstOrDefaultAsync(ct);
        return subject is null ? null : new PdfSignature(CommonName(subject), null, false);
    }

    private static string CommonName(string subject)
    {
        try
        {
            return new System.Security.Cryptography.X509Certificates.X500DistinguishedName(subject).EnumerateRelativeDistinguishedNames()
                .FirstOrDefault(n => n.GetSingleElementType().Value == "2.5.4.3")?.GetSingleElementValue() ?? subject;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return subject;
        }
    }

    /// <summary>The list for machines; <c>?take=N</c> (1–50) limits it. A bad query is answered as problem details.</summary>
    public static async Task<IResult> ListJsonAsync(HttpContext http, BriefingsDbContext db, IOptions<MeetingOptions> options, CancellationToken ct)
    {
        var take = FeedSize;
        if (http.Request.Query.TryGetValue("take", out var raw)
            && (!int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > FeedSize))
        {
            return Problem(StatusCodes.Status400BadRequest, "Tham số không hợp lệ",
                $"Tham số \"take\" phải là số nguyên từ 1 đến {FeedSize}.");
        }

        return TypedResults.Ok(await ListAsync(db, options.Value.PublicBaseUrl, take, ct));
    }

    /// <summary>One document for machines. The id is taken as text so a malformed one is answered here, as
    /// problem details, instead of falling through to the HTML "not found" page.</summary>
    public static async Task<IResult> DocumentJsonAsync(string id, BriefingsDbContext db, IOptions<MeetingOptions> options, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var key))
        {
            return Problem(StatusCodes.Status400BadRequest, "Mã văn bản không hợp lệ",
                "Mã văn bản phải là một GUID, ví dụ 3f2504e0-4f89-11d3-9a0c-0305e82c3301.");
        }

        return await FindAsync(db, key, options.Value.PublicBaseUrl, ct) is { } document
            ? TypedResults.Ok(document)
            : NotFoundProblem();
    }

    /// <summary>The published document as PDF: the printed form with only the public items (no recipients list),
    /// answered 404 like the page when the document is not published.</summary>
    public static async Task<IResult> PdfAsync(Guid id, BriefingsDbContext db, PaperTemplates templates, PdfConverter converter, PdfSigner signer, CancellationToken ct)
    {
        var c = await db.Conclusions.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id && x.Status == ConclusionStatus.Issued && x.IsPublic, ct);
        if (c is null)
        {
            return NotFoundProblem();
        }

        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == c.IssuerUnitId, ct);
        var model = await ConclusionDocumentsModule.BuildModelAsync(c, issuer, db, ct);
        var sections = c.Sections.OrderBy(s => s.Order)
            .Select(s => new ConclusionDocumentSection(s.Numeral, s.Title,
                [.. c.Items.Where(i => i.SectionOrder == s.Order && i.IsPublic).OrderBy(i => i.Number).Select(i => new ConclusionDocumentItem(i.Number, i.Text))]))
            .Where(s => s.Items.Count > 0)
            .ToList();
        var template = templates.LoadFor(issuer);
        var docx = ConclusionDocument.Render(model with { Sections = sections, Recipients = [] }, template);
        try
        {
            var name = c.Number is { } number ? TextFolding.AsciiFileName("ket-luan-" + number) : "ket-luan";
            var signed = await signer.PdfForAsync(c, issuer.Name, SignedPdf.Public, token => converter.ConvertAsync(docx, token), ct);
            return TypedResults.File(signed.Pdf, "application/pdf", name + ".pdf");
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "Chưa tạo được bản PDF", ex.Message);
        }
    }

    /// <summary>Any other address under the public API: problem details, never the HTML page.</summary>
    public static IResult UnknownApiAddress() =>
        Problem(StatusCodes.Status404NotFound, "Không tìm thấy", "Địa chỉ này không có trong API công khai. Các địa chỉ: /api/public/conclusions và /api/public/conclusions/{id}.");

    private static IResult NotFoundProblem() =>
        Problem(StatusCodes.Status404NotFound, "Không tìm thấy văn bản", "Không có văn bản được công bố với mã này.");

    // RFC 9457 problem details, application/problem+json, in Vietnamese; the body also keeps the status-code
    // page middleware from replacing the answer with the HTML page.
    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static async Task<IResult> AtomAsync(BriefingsDbContext db, IOptions<MeetingOptions> options, CancellationToken ct)
    {
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var entries = await ListAsync(db, baseUrl, FeedSize, ct);
        return TypedResults.Text(Atom(baseUrl, entries), "application/atom+xml; charset=utf-8");
    }

    /// <summary>An Atom 1.0 feed (RFC 4287) of <paramref name="entries"/>, newest first.</summary>
    public static string Atom(string baseUrl, IReadOnlyList<Summary> entries)
    {
        const string ns = "http://www.w3.org/2005/Atom";
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("feed", ns);
            xml.WriteAttributeString("xml", "lang", null, "vi");
            xml.WriteElementString("id", ns, $"{baseUrl}/public/conclusions.atom");
            xml.WriteElementString("title", ns, "Kết luận, thông báo kết luận được công bố");
            xml.WriteElementString("updated", ns, Rfc3339(entries.Count > 0 ? entries.Max(e => e.IssuedAt) : DateTimeOffset.UnixEpoch));
            WriteLink(xml, ns, "self", $"{baseUrl}/public/conclusions.atom", "application/atom+xml");
            foreach (var e in entries)
            {
                xml.WriteStartElement("entry", ns);
                xml.WriteElementString("id", ns, $"urn:uuid:{e.Id:D}");
                xml.WriteElementString("title", ns, $"{e.Type} {e.Number}: {e.Title}");
                xml.WriteElementString("updated", ns, Rfc3339(e.IssuedAt));
                xml.WriteElementString("published", ns, Rfc3339(e.IssuedAt));
                xml.WriteStartElement("author", ns);
                xml.WriteElementString("name", ns, e.Issuer);
                xml.WriteEndElement();
                WriteLink(xml, ns, "alternate", e.Url, "text/html");
                WriteLink(xml, ns, "alternate", e.PdfUrl, "application/pdf", e.PdfSigned ? "Bản PDF có chữ ký số" : "Bản PDF");
                xml.WriteElementString("summary", ns, e.Abstract is { Length: > 0 } ? $"{e.Title}. {e.Abstract}" : e.Title);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + builder;
    }

    private static void WriteLink(XmlWriter xml, string ns, string rel, string href, string type, string? title = null)
    {
        xml.WriteStartElement("link", ns);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        if (title is not null)
        {
            xml.WriteAttributeString("title", title);
        }

        xml.WriteEndElement();
    }

    private static string Rfc3339(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string NumberOf(int? sequence, string typeCode, string? symbol, DocumentNumberStyle style) =>
        DocumentNumber.Of(sequence, typeCode, symbol, style)?.Display ?? "";

    private static string AbstractOf(string preamble)
    {
        var text = string.Join(" ", preamble.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= AbstractLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', AbstractLength);
        return text[..(cut > 0 ? cut : AbstractLength)] + " …";
    }

    private static string UrlOf(string baseUrl, Guid id) => $"{baseUrl.TrimEnd('/')}/public/conclusions/{id}";
}
