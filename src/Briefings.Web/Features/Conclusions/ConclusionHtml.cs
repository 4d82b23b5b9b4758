using Briefings.Web.Documents;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Briefings.Web.Features.Conclusions;

/// <summary>
/// The same document as <see cref="ConclusionDocument"/>, as HTML for reading on a screen: the same model and
/// template, so the page and the .docx never disagree on wording. Sizes are the template's points; on a phone
/// the two header columns stack.
/// </summary>
public static class ConclusionHtml
{
    // Vietnamese letters are written as they are, not as numeric entities (as the rest of the app does).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A fragment (<c>&lt;article class="conclusion-document"&gt;</c>) to put inside a page.</summary>
    public static string Fragment(ConclusionDocumentModel model, PaperTemplate template)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(template);
        var s = template.Sizes;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"conclusion-document\" lang=\"vi\" style=\"font-family:'{E(template.Font)}','Liberation Serif',serif;font-size:{s.Body}pt;max-width:{template.Page.WidthMm - template.Page.MarginLeftMm - template.Page.MarginRightMm}mm\">");
        html.Append("<header style=\"display:flex;flex-wrap:wrap;justify-content:space-between;text-align:center;gap:1em\">");
        html.Append("<div class=\"issuer\">");
        if (!string.IsNullOrWhiteSpace(model.IssuerSuperior))
        {
            Line(html, "div", Caps(model.IssuerSuperior), s.Superior);
        }

        Line(html, "div", Caps(model.IssuerName), s.Issuer, bold: true);
        if (template.UnderlineIssuer)
        {
            // As on the paper (PaperWriter.ShortRule): a short line, about two fifths of the name, centred.
            var longest = Caps(model.IssuerName).Split('\n').Max(l => l.Length);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"issuer-rule\" style=\"width:{longest * s.Issuer * 0.68 * 0.4:0}pt;margin:2pt auto 0;border-top:1px solid currentColor\"></div>");
        }
        if (!string.IsNullOrEmpty(template.IssuerMark))
        {
            Line(html, "div", template.IssuerMark, s.Issuer);
        }

        Line(html, "div", template.Labelled(model.NumberLine(template.NumberStyle)), s.Number, cssClass: "number");
        html.Append("</div><div class=\"national\">");
        Line(html, "div", template.NationalHeading, s.NationalHeading, bold: true, underline: template.UnderlineNationalHeading);
        if (!string.IsNullOrWhiteSpace(template.NationalMotto))
        {
            Line(html, "div", template.NationalMotto, s.NationalMotto, bold: true, underline: true);
        }

        Line(html, "div", model.DateLine(), s.DateLine, italic: true, cssClass: "date");
        html.Append("</div></header>");

        html.Append("<div style=\"text-align:center;margin:1.5em 0 1em\">");
        Line(html, "h1", Caps(model.TypeName), s.TypeName, bold: true);
        Line(html, "p", model.Summary, s.Summary, bold: true, cssClass: "summary");
        html.Append("</div>");

        foreach (var paragraph in model.Preamble)
        {
            BodyParagraph(html, paragraph, template);
        }

        foreach (var section in model.Sections)
        {
            Line(html, "h2", section.Heading, s.Body, bold: true, indentMm: template.FirstLineIndentMm);
            foreach (var item in section.Items)
            {
                foreach (var paragraph in item.Paragraphs())
                {
                    BodyParagraph(html, paragraph, template);
                }
            }
        }

        foreach (var paragraph in model.Closing ?? [])
        {
            BodyParagraph(html, paragraph, template);
        }

        html.Append("<footer style=\"display:flex;flex-wrap:wrap;justify-content:space-between;gap:1em;margin-top:1.5em\">");
        html.Append("<div class=\"recipients\">");
        Line(html, "div", template.RecipientsLabel, s.RecipientsLabel, bold: true, italic: true);
        html.Append(CultureInfo.InvariantCulture, $"<ul style=\"list-style:none;padding:0;margin:0;font-size:{s.Recipients}pt\">");
        for (var i = 0; i < model.Recipients.Count; i++)
        {
            var end = i == model.Recipients.Count - 1 ? "." : ";";
            html.Append("<li>- ").Append(E(model.Recipients[i].TrimEnd(';', '.', ',') + end)).Append("</li>");
        }

        html.Append("</ul></div><div class=\"signature\" style=\"text-align:center\">");
        Line(html, "div", Caps(template.SigningForm(model.SigningForm)), s.Signature, bold: true);
        Line(html, "div", Caps(model.SignerTitle), s.Signature, bold: true);
        html.Append(CultureInfo.InvariantCulture, $"<div style=\"height:{template.SignatureBlankLines * 1.3}em\"></div>");
        Line(html, "div", model.SignerName, s.Signature, bold: true, cssClass: "signer");
        html.Append("</div></footer></article>");
        return html.ToString();
    }

    /// <summary>A standalone page around <see cref="Fragment"/>, for opening or printing the document alone.</summary>
    public static string Page(ConclusionDocumentModel model, PaperTemplate template) =>
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{E($"{model.TypeName} {template.Labelled(model.NumberLine(template.NumberStyle))}")}</title>" +
        "<style>body{margin:1rem auto;padding:0 1rem;max-width:60rem}h1,h2,p{margin:0}@media print{body{margin:0}}</style></head><body>" +
        Fragment(model, template) + "</body></html>";

    private static void BodyParagraph(StringBuilder html, string text, PaperTemplate template) =>
        Line(html, "p", text, template.Sizes.Body, indentMm: template.FirstLineIndentMm, justify: true);

    private static void Line(StringBuilder html, string tag, string text, int points, bool bold = false, bool italic = false, bool underline = false,
        double indentMm = 0, bool justify = false, string? cssClass = null)
    {
        html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            html.Append(" class=\"").Append(cssClass).Append('"');
        }

        html.Append(CultureInfo.InvariantCulture, $" style=\"font-size:{points}pt;font-weight:{(bold ? "bold" : "normal")}");
        if (italic)
        {
            html.Append(";font-style:italic");
        }

        if (underline)
        {
            html.Append(";text-decoration:underline");
        }

        if (indentMm > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $";text-indent:{indentMm}mm");
        }

        if (justify)
        {
            html.Append(";text-align:justify;margin:0.4em 0");
        }

        html.Append("\">").Append(E(text)).Append("</").Append(tag).Append('>');
    }

    private static string Caps(string text) => text.ToUpper(Vietnamese);

    private static string E(string text) => Encoder.Encode(text);
}
