using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;

namespace Backend.Bench.InvoiceCorpus;

/// <summary>Reads real invoices through the visible-page path (text layer or 300-dpi scan, never the embedded XML) and extracts their fields.</summary>
public static class RealInvoiceBench
{
    public enum Path
    {
        TextLayer,
        Scan,
    }

    public sealed record Result(RealInvoice Invoice, OcrResult Ocr, InvoiceFields Fields);

    public static IReadOnlyList<Result> Run(IReadOnlyList<RealInvoice> invoices, Path path, string workDirectory, IInvoiceFieldExtractor extractor, int parallelism)
    {
        var results = new Result[invoices.Count];
        Parallel.For(0, invoices.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var invoice = invoices[i];
            // One work folder per source folder: two sources may hold the same file name.
            var work = System.IO.Path.Combine(workDirectory, System.IO.Path.GetDirectoryName(invoice.Name) ?? "");
            var ocr = path == Path.TextLayer
                ? LocalEngine.ReadVisibleTextLayer(invoice.PdfPath, work)
                : LocalEngine.ReadVisibleScan(invoice.PdfPath, work);
            File.WriteAllText(System.IO.Path.Combine(work, System.IO.Path.GetFileNameWithoutExtension(invoice.Name) + ".txt"), ocr.Text);
            results[i] = new Result(invoice, ocr, extractor.Extract(ocr));
        });
        return results;
    }
}
