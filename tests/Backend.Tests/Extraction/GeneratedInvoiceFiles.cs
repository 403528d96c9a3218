using Backend.Bench.InvoiceCorpus;
using Backend.Core.Ocr;

namespace Backend.Tests.Extraction;

/// <summary>Invoices from the corpus generator, written as text-layer PDFs or degraded 300-dpi scans and read by the real local tools.</summary>
internal static class GeneratedInvoiceFiles
{
    public const int Seed = 424242;

    public static (GroundTruth Truth, OcrResult Ocr) ReadTextLayer(int index)
    {
        var invoice = InvoiceGenerator.Generate(Seed, index);
        var dir = Directory.CreateTempSubdirectory("extraction-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "invoice.pdf");
            File.WriteAllBytes(pdf, invoice.Pdf);
            return (invoice.Truth, LocalEngine.ReadTextPdf(pdf));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public static (GroundTruth Truth, OcrResult Ocr) ReadScan(int index)
    {
        var invoice = InvoiceGenerator.Generate(Seed, index);
        var dir = Directory.CreateTempSubdirectory("extraction-scan-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "invoice.pdf");
            File.WriteAllBytes(pdf, invoice.Pdf);
            return (invoice.Truth, LocalEngine.ReadImages(ScanRenderer.Render(pdf, dir.FullName, Seed + index)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The first generated invoice with a property, so each case is covered whatever the generator's draw.</summary>
    public static int FirstIndexWhere(Func<GroundTruth, bool> predicate, int start = 0)
    {
        for (var i = start; i < start + 2000; i++)
        {
            if (predicate(InvoiceGenerator.Generate(Seed, i).Truth))
            {
                return i;
            }
        }
        throw new InvalidOperationException("the generator produced no such invoice");
    }
}
