using Backend.Bench.InvoiceCorpus;
using Backend.Tests.Configuration;

namespace Backend.Tests.Extraction;

/// <summary>
/// The real Factur-X invoices of <c>tests/data/real-invoices</c> (8 MB, under their own licences, listed in its README).
/// Tests that need them fail with a message saying where the set was expected.
/// </summary>
public static class RealInvoiceFiles
{
    private static readonly Lazy<IReadOnlyList<RealInvoice>> All = new(() => RealInvoiceSet.Load(RealInvoiceSet.DefaultDirectory(RepositoryFiles.Root)));

    public static RealInvoice Dev(string name)
    {
        var invoice = All.Value.SingleOrDefault(r => r.Name == name)
            ?? throw new FileNotFoundException($"{name} is not in {RealInvoiceSet.DefaultDirectory(RepositoryFiles.Root)}.");
        // Tests use the development side only: the held-out third stays an independent check.
        Assert.False(invoice.HeldOut, $"{name} is in the held-out third");
        return invoice;
    }

    /// <summary>The visible page only: the PDF rewritten without its embedded XML.</summary>
    public static byte[] VisiblePdf(RealInvoice invoice)
    {
        var directory = Directory.CreateTempSubdirectory("real-invoice-").FullName;
        try
        {
            var output = Path.Combine(directory, "visible.pdf");
            ExternalTool.Run("pdftocairo", "-pdf", invoice.PdfPath, output);
            return File.ReadAllBytes(output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
