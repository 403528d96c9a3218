using System.Globalization;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;

namespace Backend.Core.Invoices.Structured;

/// <summary>
/// A Factur-X has two truths, the XML the books take and the page the customer reads; a total that differs between them
/// is an error or a fraud. The XML's TTC must be printed somewhere on the visible pages (in any of the ways amounts are
/// written); when it is not, the total the label heuristics read on the page is named in the message.
/// </summary>
public static class PrintedTotalCheck
{
    /// <returns>null when the page shows the XML's total, or cannot be judged (no text layer); else the disagreement.</returns>
    public static string? Compare(decimal xmlTotal, string pageText, IInvoiceFieldExtractor extractor)
    {
        if (pageText.Count(char.IsLetterOrDigit) < 16)
        {
            return null;
        }
        var target = Math.Abs(xmlTotal);
        if (AmountParser.FindAll(pageText).Any(a => Math.Abs(a.Value) == target))
        {
            return null;
        }
        var pages = pageText.Split('\f').Select((t, i) => new OcrPage(i + 1, t, [])).ToList();
        var printed = extractor.Extract(new OcrResult("pdfpig", pageText, 1, pages, [], "{}")).AmountTtc?.Value;
        var xml = target.ToString("0.00", CultureInfo.InvariantCulture);
        return printed is { } p
            ? $"Factur-X : le total TTC du XML ({xml}) diffère du total imprimé sur la page ({Math.Abs(p).ToString("0.00", CultureInfo.InvariantCulture)})"
            : $"Factur-X : le total TTC du XML ({xml}) n'apparaît pas sur la page";
    }
}
