using System.Globalization;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// A Factur-X has two truths, the XML the books take and the page the customer reads; a total that differs between them
/// is an error or a fraud. The XML's TTC must be printed on the visible pages, in any of the ways amounts are written.
/// The cheap look first (literal strings of the content streams, no font parsed), PdfPig's laid-out text of the last
/// pages only when that does not find it; when the total is nowhere, the total the label heuristics read is named.
/// </summary>
public static class PrintedTotalCheck
{
    private const int MaxLaidOutPages = 3;

    /// <returns>null when the page shows the XML's total, or cannot be judged (no text); else the disagreement.</returns>
    public static string? Compare(PdfDocument document, decimal xmlTotal, IInvoiceFieldExtractor extractor)
    {
        try
        {
            if (IsPrinted(xmlTotal, string.Join('\f', PageLiteralText.Read(document))))
            {
                return null;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A content stream PdfPig cannot resolve: the laid-out text below decides.
        }
        var pages = new List<string>();
        try
        {
            // Totals sit on the last page: read backwards and stop at the first page that prints it.
            for (var n = document.NumberOfPages; n >= 1 && n > document.NumberOfPages - MaxLaidOutPages; n--)
            {
                var text = ContentOrderTextExtractor.GetText(document.GetPage(n));
                if (IsPrinted(xmlTotal, text))
                {
                    return null;
                }
                pages.Insert(0, text);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A page PdfPig cannot lay out: judged on what was read.
        }
        return Describe(xmlTotal, string.Join('\f', pages), extractor);
    }

    public static bool IsPrinted(decimal xmlTotal, string pageText)
    {
        var target = Math.Abs(xmlTotal);
        return AmountParser.FindAll(pageText).Any(a => Math.Abs(a.Value) == target);
    }

    private static string? Describe(decimal xmlTotal, string pageText, IInvoiceFieldExtractor extractor)
    {
        if (pageText.Count(char.IsLetterOrDigit) < 16)
        {
            return null;
        }
        var pages = pageText.Split('\f').Select((t, i) => new OcrPage(i + 1, t, [])).ToList();
        var printed = extractor.Extract(new OcrResult("pdfpig", pageText, 1, pages, [], "{}")).AmountTtc?.Value;
        var xml = Math.Abs(xmlTotal).ToString("0.00", CultureInfo.InvariantCulture);
        return printed is { } p
            ? $"Factur-X : le total TTC du XML ({xml}) diffère du total imprimé sur la page ({Math.Abs(p).ToString("0.00", CultureInfo.InvariantCulture)})"
            : $"Factur-X : le total TTC du XML ({xml}) n'apparaît pas sur la page";
    }
}
