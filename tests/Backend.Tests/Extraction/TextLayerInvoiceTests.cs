using Backend.Bench.InvoiceCorpus;
using Backend.Core.Invoices.Extraction;

namespace Backend.Tests.Extraction;

/// <summary>Generated text-layer PDFs read through the real pdftotext -layout, compared with the generator's ground truth.</summary>
public class TextLayerInvoiceTests
{
    private readonly InvoiceFieldExtractor _extractor = new();

    public static TheoryData<string, int> Cases()
    {
        var cases = new Dictionary<string, Func<GroundTruth, bool>>
        {
            ["credit note"] = t => t.IsCreditNote,
            ["several VAT rates"] = t => t.VatBreakdown.Count >= 2,
            ["three VAT rates"] = t => t.VatBreakdown.Count >= 3,
            ["VAT breakdown table"] = t => t.VatBreakdown.Count >= 2 && t.Layout == 3,
            ["VAT lines with their bases"] = t => t.VatBreakdown.Count >= 3 && t.Layout == 7,
            ["VAT exempt"] = t => t.VatRate == 0m,
            ["USD"] = t => t.Currency == "USD",
            ["GBP"] = t => t.Currency == "GBP",
            ["CHF"] = t => t.Currency == "CHF",
            ["no due date"] = t => t.DueDate is null,
            ["two pages"] = t => t.Pages == 2,
            ["three pages"] = t => t.Pages == 3,
            ["10 % rate"] = t => t.VatRate == 10m,
            ["5.5 % rate"] = t => t.VatRate == 5.5m,
        };
        for (var layout = 0; layout < InvoiceGenerator.LayoutCount; layout++)
        {
            var l = layout;
            cases[$"layout {layout}"] = t => t.Layout == l;
        }
        var data = new TheoryData<string, int>();
        foreach (var (name, predicate) in cases)
        {
            data.Add(name, GeneratedInvoiceFiles.FirstIndexWhere(predicate));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reads_every_field_of_a_generated_invoice(string name, int index)
    {
        var (truth, ocr) = GeneratedInvoiceFiles.ReadTextLayer(index);

        var fields = _extractor.Extract(ocr);

        Assert.Equal(truth.AmountTtc, fields.AmountTtc?.Value);
        Assert.Equal(truth.AmountHt, fields.AmountHt?.Value);
        Assert.Equal(truth.AmountTva, fields.AmountTva?.Value);
        Assert.Equal(truth.VatRate, fields.VatRate?.Value);
        Assert.Equal(truth.InvoiceNumber, fields.InvoiceNumber?.Value);
        Assert.Equal(truth.InvoiceDate, fields.InvoiceDate?.Value);
        Assert.Equal(truth.DueDate, fields.DueDate?.Value);
        Assert.Equal(truth.Currency, fields.Currency?.Value);
        Assert.Equal(truth.SupplierVat, fields.SupplierVat?.Value);
        Assert.Equal(truth.SupplierSiret, fields.SupplierSiret?.Value);
        Assert.Equal(truth.SupplierName, fields.SupplierName?.Value, ignoreCase: true);
        Assert.Equal(truth.IsCreditNote, fields.IsCreditNote);
        // Layouts 2, 3 and 7 print each rate's base; the others print only the tax per rate, or only the total.
        if (truth.VatBreakdown.Count >= 2 && truth.Layout is 2 or 3 or 7)
        {
            Assert.Equal(truth.VatBreakdown.OrderBy(v => v.Rate), fields.VatBreakdown.OrderBy(v => v.Rate));
        }
        Assert.True(fields.Confidence >= 0.70, $"{name}: confidence {fields.Confidence} for a fully read invoice");
    }
}
