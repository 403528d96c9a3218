using Backend.Core.Invoices.Extraction;

namespace Backend.Tests.Extraction;

/// <summary>
/// A few generated invoices rasterised at 300 dpi, rotated, noised, blurred and JPEG-compressed, then read by
/// the real Tesseract (fra+eng, TSV boxes). Kept to a handful: each page costs seconds on two cores.
/// </summary>
public class ScannedInvoiceTests
{
    private readonly InvoiceFieldExtractor _extractor = new();

    public static TheoryData<string, int> Cases() => new()
    {
        { "one page, labels beside values", GeneratedInvoiceFiles.FirstIndexWhere(t => t.Pages == 1 && t.Layout == 0 && !t.IsCreditNote) },
        { "totals table with labels above values", GeneratedInvoiceFiles.FirstIndexWhere(t => t.Pages == 1 && t.Layout == 2) },
        { "credit note", GeneratedInvoiceFiles.FirstIndexWhere(t => t.Pages == 1 && t.IsCreditNote) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_the_amounts_and_references_of_a_scanned_invoice(string name, int index)
    {
        var (truth, ocr) = GeneratedInvoiceFiles.ReadScan(index);
        Assert.NotEmpty(ocr.Pages[0].Words);

        var fields = _extractor.Extract(ocr);

        Assert.Equal(truth.AmountTtc, fields.AmountTtc?.Value);
        Assert.Equal(truth.AmountHt, fields.AmountHt?.Value);
        Assert.Equal(truth.AmountTva, fields.AmountTva?.Value);
        Assert.Equal(truth.InvoiceNumber, fields.InvoiceNumber?.Value);
        Assert.Equal(truth.InvoiceDate, fields.InvoiceDate?.Value);
        Assert.Equal(truth.IsCreditNote, fields.IsCreditNote);
        Assert.True(fields.Confidence >= 0.70, $"{name}: confidence {fields.Confidence}");
    }
}
