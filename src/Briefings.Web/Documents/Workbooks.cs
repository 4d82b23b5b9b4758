using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;

namespace Briefings.Web.Documents;

/// <summary>
/// Writes every .xlsx the app hands out: MiniExcel fills the sheets, then the package is put in the schema's order.
/// MiniExcel 1.46 writes each sheet's <c>&lt;drawing&gt;</c> inside <c>&lt;sheetData&gt;</c>, which the Open XML SDK's
/// validator (and a strict Excel) refuses; it belongs after the sheet's data and page settings.
/// </summary>
public static class Workbooks
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>One sheet per entry of <paramref name="sheets"/> (name → rows), or a single <paramref name="sheetName"/>.</summary>
    public static async Task<byte[]> SaveAsync(object sheets, CancellationToken ct, string? sheetName = null)
    {
        using var stream = new MemoryStream();
        if (sheetName is null)
        {
            await stream.SaveAsAsync(sheets, cancellationToken: ct);
        }
        else
        {
            await stream.SaveAsAsync(sheets, sheetName: sheetName, cancellationToken: ct);
        }

        Normalize(stream);
        return stream.ToArray();
    }

    /// <summary>Moves each drawing reference out of the sheet data to its place in the worksheet.</summary>
    public static void Normalize(Stream xlsx)
    {
        xlsx.Position = 0;
        using var document = SpreadsheetDocument.Open(xlsx, true);
        foreach (var part in document.WorkbookPart?.WorksheetParts ?? [])
        {
            var worksheet = part.Worksheet;
            var data = worksheet?.GetFirstChild<SheetData>();
            if (worksheet is null || data is null)
            {
                continue;
            }

            var misplaced = data.ChildElements.Where(e => e.LocalName == "drawing").ToList();
            foreach (var element in misplaced)
            {
                element.Remove();
                var drawing = new Drawing { Id = element.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships").Value };
                if (worksheet.GetFirstChild<Drawing>() is not null)
                {
                    continue;
                }

                // Everything the schema puts before <drawing> that the sheet has; the drawing goes after the last.
                OpenXmlElement anchor = worksheet.ChildElements.LastOrDefault(e => e is SheetData or SheetCalculationProperties or SheetProtection or ProtectedRanges
                    or Scenarios or AutoFilter or SortState or DataConsolidate or CustomSheetViews or MergeCells or PhoneticProperties or ConditionalFormatting
                    or DataValidations or Hyperlinks or PrintOptions or PageMargins or PageSetup or HeaderFooter or RowBreaks or ColumnBreaks
                    or CustomProperties or CellWatches or IgnoredErrors) ?? data;
                worksheet.InsertAfter(drawing, anchor);
            }

            if (misplaced.Count > 0)
            {
                worksheet.Save();
            }
        }
    }
}
