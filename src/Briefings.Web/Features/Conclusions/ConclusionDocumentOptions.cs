namespace Briefings.Web.Features.Conclusions;

/// <summary>The <c>Conclusions</c> settings of the PDF conversion (the template folder: <see cref="Documents.PaperTemplateOptions"/>).</summary>
public sealed class ConclusionDocumentOptions
{
    /// <summary>LibreOffice's profile folder, kept between conversions and restarts; default: one per app instance under the temp folder, removed on stop.</summary>
    public string? PdfProfileFolder { get; set; }

    /// <summary>How long one conversion may take before soffice is stopped.</summary>
    public int PdfTimeoutSeconds { get; set; } = 90;

    /// <summary>Conversions waiting at most; a caller beyond it waits for a place.</summary>
    public int PdfQueueCapacity { get; set; } = 16;
}
