using Backend.Bench.InvoiceCorpus;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Ocr;

namespace Backend.Tests.EInvoices;

/// <summary>
/// The corpus generator's invoices written as Factur-X PDF, CII and UBL read back exactly: every field of the ground
/// truth, the VAT breakdown and the lines, in all three formats, and the Factur-X page agreeing with its XML.
/// </summary>
public sealed class GeneratedEInvoiceTests
{
    private const int Seed = 20261128;

    public static TheoryData<int> Indexes => new(Enumerable.Range(0, 24));

    [Theory]
    [MemberData(nameof(Indexes))]
    public void A_generated_invoice_reads_exactly_in_all_three_formats(int index)
    {
        var generated = InvoiceGenerator.GenerateEInvoice(Seed, index);
        var reader = new StructuredInvoiceReader(new InvoiceFieldExtractor());
        foreach (var (content, mediaType, engine) in new[]
                 {
                     (generated.FacturXPdf, MediaTypes.Pdf, EInvoiceEngines.FacturX),
                     (generated.Cii, MediaTypes.Xml, EInvoiceEngines.Cii),
                     (generated.Ubl, MediaTypes.Xml, EInvoiceEngines.Ubl),
                 })
        {
            Assert.Equal(mediaType, MediaTypes.Detect(content));
            var read = reader.Read(content, mediaType);
            Assert.Null(read.FallbackReason);
            Assert.Equal(engine, read.Engine);
            Assert.Empty(read.Issues);
            AssertMatches(generated.Truth, read.Invoice!);
        }
    }

    [Fact]
    public void The_factur_x_pdf_has_the_pdf_a3_structure()
    {
        var pdf = System.Text.Encoding.Latin1.GetString(InvoiceGenerator.GenerateEInvoice(Seed, 1).FacturXPdf);
        Assert.Contains("/AF [", pdf);
        Assert.Contains("/AFRelationship /Data", pdf);
        Assert.Contains("/EmbeddedFiles", pdf);
        Assert.Contains("<pdfaid:part>3</pdfaid:part>", pdf);
        Assert.Contains("<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>", pdf);
    }

    private static void AssertMatches(GroundTruth t, StructuredInvoice invoice)
    {
        var f = invoice.Fields;
        Assert.Equal(t.SupplierName, f.SupplierName?.Value);
        Assert.Equal(t.SupplierVat, f.SupplierVat?.Value);
        Assert.Equal(t.SupplierSiren, f.SupplierSiren?.Value);
        Assert.Equal(t.SupplierSiret, f.SupplierSiret?.Value);
        Assert.Equal(t.InvoiceNumber, f.InvoiceNumber?.Value);
        Assert.Equal(t.InvoiceDate, f.InvoiceDate?.Value);
        Assert.Equal(t.DueDate, f.DueDate?.Value);
        Assert.Equal(t.AmountHt, f.AmountHt?.Value);
        Assert.Equal(t.AmountTva, f.AmountTva?.Value);
        Assert.Equal(t.AmountTtc, f.AmountTtc?.Value);
        Assert.Equal(t.VatRate, f.VatRate?.Value);
        Assert.Equal(t.Currency, f.Currency?.Value);
        Assert.Equal(t.IsCreditNote, f.IsCreditNote);
        Assert.Equal(t.IsCreditNote ? "381" : "380", invoice.DocumentType);
        Assert.Equal(t.VatBreakdown, f.VatBreakdown);
        Assert.Equal(t.AmountHt, invoice.Lines.Sum(l => l.NetAmount));
        Assert.Equal("FR7630006000011234567890189", invoice.Iban);
        Assert.NotNull(invoice.PaymentTerms);
        Assert.Equal(1.0, f.Confidence);
    }
}
