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

    /// <summary>The most characters Excel keeps in one cell. A longer text (an audit row's changes of a long conclusion,
    /// walk-hostile5) made a file Excel reports as damaged and "repairs" by dropping the cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>What replaces the end of a text cut to <see cref="MaxCellLength"/>.</summary>
    public const string CutMark = " … [đã cắt bớt: ô Excel chứa tối đa 32.767 ký tự; xem đầy đủ trên trang]";

    /// <summary>One sheet per entry of <paramref name="sheets"/> (name → rows), or a single <paramref name="sheetName"/>.
    /// Rows are dictionaries of column → value; a text longer than a cell holds is cut with <see cref="CutMark"/>.</summary>
    public static async Task<byte[]> SaveAsync(object sheets, CancellationToken ct, string? sheetName = null)
    {
        CutLongTexts(sheets);
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

    // Sheets are a dictionary of name → rows, or the rows of the one sheet; rows are dictionaries of column → value.
    private static void CutLongTexts(object sheets)
    {
        var all = sheets is System.Collections.IDictionary named ? named.Values.Cast<object?>() : [sheets];
        foreach (var rows in all.OfType<System.Collections.IEnumerable>())
        {
            foreach (var row in rows.OfType<IDictionary<string, object?>>())
            {
                foreach (var (column, value) in row.Where(c => c.Value is string { Length: > MaxCellLength }).ToList())
                {
                    var text = (string)value!;
                    var keep = MaxCellLength - CutMark.Length;
                    // Never cut between the two halves of a surrogate pair.
                    keep -= char.IsHighSurrogate(text[keep - 1]) ? 1 : 0;
                    row[column] = text[..keep] + CutMark;
                }
            }
        }
    }

    // A forward read of the part: any <drawing> element at all.
    private static bool HasDrawing(WorksheetPart part)
    {
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Drawing) || (reader.IsStartElement && reader.LocalName == "drawing"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves each drawing reference out of the sheet data to its place in the worksheet.</summary>
    public static void Normalize(Stream xlsx)
    {
        xlsx.Position = 0;
        using var document = SpreadsheetDocument.Open(xlsx, true);
        foreach (var part in document.WorkbookPart?.WorksheetParts ?? [])
        {
            // The sheet's whole DOM only when it has a drawing to move: loading it for 200,000 rows took gigabytes.
            if (!HasDrawing(part))
            {
                continue;
            }

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
