using Briefings.Core.Common;
using Briefings.Web.Documents;
using Briefings.Core.Conclusions;
using Briefings.Core.Organizations;
using Briefings.Data;
using Briefings.Web.Features.Conclusions.Signing;
using Briefings.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Briefings.Web.Features.Conclusions;

/// <summary>The printed conclusion: .docx from a replaceable template, and PDF through LibreOffice.</summary>
public static class ConclusionDocumentsModule
{
    public static void AddConclusionDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConclusionDocumentOptions>().Bind(builder.Configuration.GetSection(ConclusionOptions.Section));
        builder.Services.AddSingleton<PdfConverter>();
        builder.Services.AddOptions<SigningOptions>().Bind(builder.Configuration.GetSection(SigningOptions.Section));
        builder.Services.AddScoped<SigningCertificates>();
        builder.Services.AddScoped<PdfSigner>();
        builder.Services.AddHttpClient<TimestampClient>();
    }

    public static void MapConclusionDocuments(this WebApplication app)
    {
        app.MapGet("/conclusions/{id:guid}/document.docx", DocxAsync).HeavyExport();
        app.MapGet("/conclusions/{id:guid}/document.pdf", PdfAsync).HeavyExport();
        app.MapGet("/conclusions/{id:guid}/document.html", HtmlAsync);
        // The PDF queue's state, for a status line while a document is being converted.
        app.MapGet("/conclusions/pdf-status", (PdfConverter converter) => TypedResults.Ok(converter.Status))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin, Roles.Clerk, Roles.Leader));
    }

    private static async Task<IResult> HtmlAsync(Guid id, CurrentUser current, ConclusionAccess access, BriefingsDbContext db, PaperTemplates templates, CancellationToken ct)
    {
        var (refusal, printed, _) = await PrepareAsync(id, current, access, db, templates, ct);
        return refusal ?? TypedResults.Content(ConclusionHtml.Page(printed!.Value.Model, printed.Value.Template), "text/html; charset=utf-8");
    }

    private static async Task<IResult> DocxAsync(Guid id, CurrentUser current, ConclusionAccess access, BriefingsDbContext db, PaperTemplates templates, CancellationToken ct)
    {
        var (refusal, docx, name) = await RenderAsync(id, current, access, db, templates, ct);
        return refusal ?? TypedResults.File(docx!, ConclusionDocument.ContentType, name + ".docx");
    }

    private static async Task<IResult> PdfAsync(Guid id, string? ready, CurrentUser current, ConclusionAccess access, BriefingsDbContext db, PaperTemplates templates, PdfConverter converter,
        PdfSigner signer, HttpContext http, CancellationToken ct)
    {
        var (refusal, docx, name) = await RenderAsync(id, current, access, db, templates, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            // An issued document's PDF is signed once with the issuer's certificate and kept (PdfSigner).
            var conclusion = await db.Conclusions.AsNoTracking().AsSplitQuery().FirstAsync(c => c.Id == id, ct);
            var issuerName = await db.Units.AsNoTracking().Where(u => u.Id == conclusion.IssuerUnitId).Select(u => u.Name).FirstAsync(ct);
            var document = await signer.PdfForAsync(conclusion, issuerName, SignedPdf.Full, token => converter.ConvertAsync(docx!, token), ct);
            Ready(http, ready, "ok");
            return TypedResults.File(document.Pdf, "application/pdf", name + ".pdf");
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // The .docx stays available; say so instead of a bare 500.
            Ready(http, ready, "failed");
            return TypedResults.Problem(ex.Message + " Vẫn có thể tải bản .docx.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The page's one-time token back in a short cookie (pdf-status.js): the link's status line says the PDF is
    /// there — made now or kept signed from before, for a commune as for the office — instead of "Đang tạo bản PDF…"
    /// long after the download ended. Only a short token of letters and digits is echoed.</summary>
    private static void Ready(HttpContext http, string? token, string outcome)
    {
        if (token is { Length: > 0 and <= 16 } && token.All(char.IsAsciiLetterOrDigit))
        {
            http.Response.Cookies.Append("pdf-ready", token + ":" + outcome, new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromMinutes(2),
                HttpOnly = false,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
            });
        }
    }

    private static async Task<(IResult? Refusal, byte[]? Docx, string Name)> RenderAsync(
        Guid id, CurrentUser current, ConclusionAccess access, BriefingsDbContext db, PaperTemplates templates, CancellationToken ct)
    {
        var (refusal, printed, name) = await PrepareAsync(id, current, access, db, templates, ct);
        return refusal is not null ? (refusal, null, name) : (null, ConclusionDocument.Render(printed!.Value.Model, printed.Value.Template), name);
    }

    private static async Task<(IResult? Refusal, (ConclusionDocumentModel Model, PaperTemplate Template)? Printed, string Name)> PrepareAsync(
        Guid id, CurrentUser current, ConclusionAccess access, BriefingsDbContext db, PaperTemplates templates, CancellationToken ct)
    {
        var conclusion = await db.Conclusions.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (conclusion is null)
        {
            return (TypedResults.NotFound(), null, "");
        }

        // The same rule as the document page: the office and leaders covering the issuer, and — once
        // issued — the recipient units.
        var issuer = await db.Units.AsNoTracking().FirstAsync(u => u.Id == conclusion.IssuerUnitId, ct);
        if (!(await access.ForAsync(conclusion, await current.GetAsync(ct), ct)).CanView)
        {
            return (TypedResults.StatusCode(StatusCodes.Status403Forbidden), null, "");
        }

        var model = await BuildModelAsync(conclusion, issuer, db, ct);
        var template = templates.Load(TemplateFor(issuer));
        var name = conclusion.Number is { } number ? TextFolding.AsciiFileName("ket-luan-" + number) : "du-thao-ket-luan";
        return (null, (model, template), name);
    }

    /// <summary>The template of an issuer's documents (<see cref="PaperTemplates.For"/>).</summary>
    public static string TemplateFor(Unit issuer) => PaperTemplates.For(issuer);

    /// <summary>The line printed above the issuer (see <see cref="BuildModelAsync"/>) and the area the issuer sits in
    /// (its place name), from one read of the issuer's ancestors.</summary>
    public static async Task<(string? Superior, string Name, Unit? Area)> IssuerHeadingAsync(Unit issuer, BriefingsDbContext db, CancellationToken ct)
    {
        var ancestorIds = issuer.AncestorIds();
        var ancestors = await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id)).ToListAsync(ct);
        var parent = ancestors.FirstOrDefault(u => u.Id == issuer.ParentId);
        var area = parent is { Kind: UnitKind.Area } ? parent : null;
        var (superior, name) = IssuerLayouts.Heading(issuer, ancestors);
        return (superior, name, area);
    }

    /// <summary>The printed form of a record. The superior line follows the party rule: a board prints the
    /// committee above it ("HUYỆN ỦY TÂN PHONG" over "BAN DÂN VẬN"); a committee prints its province's
    /// party organization ("ĐẢNG BỘ TỈNH LONG GIANG" over "HUYỆN ỦY TÂN PHONG").</summary>
    public static async Task<ConclusionDocumentModel> BuildModelAsync(Conclusion conclusion, Unit issuer, BriefingsDbContext db, CancellationToken ct)
    {
        var (superior, name, area) = await IssuerHeadingAsync(issuer, db, ct);
        var sections = conclusion.Sections.OrderBy(s => s.Order)
            .Select(s => new ConclusionDocumentSection(s.Numeral, s.Title,
                conclusion.Items.Where(i => i.SectionOrder == s.Order).OrderBy(i => i.Number).Select(i => new ConclusionDocumentItem(i.Number, i.Text)).ToList()))
            .ToList();
        return new ConclusionDocumentModel(
            IssuerSuperior: superior,
            IssuerName: name,
            Sequence: conclusion.Sequence,
            TypeCode: conclusion.TypeCode,
            IssuerSymbol: conclusion.IssuerSymbol ?? issuer.DocumentSymbol ?? issuer.ShortName,
            Place: conclusion.Place.Length > 0 ? conclusion.Place : area?.ShortName ?? "",
            IssuedOn: conclusion.IssuedOn,
            TypeName: conclusion.TypeName,
            Summary: conclusion.Summary,
            Preamble: conclusion.Preamble.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            Sections: sections,
            Recipients: conclusion.Recipients.OrderBy(r => r.Order).Select(r => r.Text).ToList(),
            SigningForm: conclusion.SigningForm,
            SignerTitle: conclusion.SignerTitle,
            SignerName: conclusion.SignerName,
            Closing: conclusion.Closing.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
