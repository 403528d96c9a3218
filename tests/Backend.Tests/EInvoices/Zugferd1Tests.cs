using Backend.Core.Invoices.Extraction;
using Backend.Core.Invoices.Structured;
using Backend.Core.Ocr;

namespace Backend.Tests.EInvoices;

/// <summary>ZUGFeRD 1.0 (<c>CrossIndustryDocument</c>), still sent by older German and French software.</summary>
public sealed class Zugferd1Tests
{
    [Fact]
    public void A_zugferd_1_credit_note_reads_exactly_and_negative()
    {
        var xml = HandWrittenCii.Zugferd1CreditNote();
        Assert.Equal(MediaTypes.Xml, MediaTypes.Detect(xml));

        var read = new StructuredInvoiceReader(new InvoiceFieldExtractor()).Read(xml, MediaTypes.Xml);

        Assert.Null(read.FallbackReason);
        Assert.Equal(EInvoiceEngines.Cii, read.Engine);
        Assert.Empty(read.Issues);
        var invoice = read.Invoice!;
        var f = invoice.Fields;
        Assert.Equal("381", invoice.DocumentType);
        Assert.Equal("GS-471102", f.InvoiceNumber!.Value);
        Assert.Equal(new DateOnly(2013, 3, 5), f.InvoiceDate!.Value);
        Assert.Equal(new DateOnly(2013, 4, 4), f.DueDate!.Value);
        Assert.Equal("Lieferant GmbH", f.SupplierName!.Value);
        Assert.Equal("DE123456789", f.SupplierVat!.Value);
        Assert.Equal("73282932000074", f.SupplierSiret!.Value);
        Assert.Equal("732829320", f.SupplierSiren!.Value);
        Assert.Equal(-100.00m, f.AmountHt!.Value);
        Assert.Equal(-19.00m, f.AmountTva!.Value);
        Assert.Equal(-119.00m, f.AmountTtc!.Value);
        Assert.Equal(19m, f.VatRate!.Value);
        Assert.True(f.IsCreditNote);
        Assert.Equal("DE08700901001234567890", invoice.Iban);
        Assert.Equal("Zahlbar sofort", invoice.PaymentTerms);
        var line = Assert.Single(invoice.Lines);
        Assert.Equal(("Trennblätter A4", 2m, "C62", 50m, -100m, 19m), (line.Description, line.Quantity!.Value, line.UnitCode, line.UnitPrice!.Value, line.NetAmount, line.VatRate!.Value));
    }
}
