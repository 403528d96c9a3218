using Backend.Core.Invoices.Extraction;

namespace Backend.Tests.Extraction;

/// <summary>Field extraction from real AnalyzeExpense responses (aws-samples/amazon-textract-textractor fixtures).</summary>
public class TextractFieldTests
{
    private readonly InvoiceFieldExtractor _extractor = new();

    [Fact]
    public void Maps_summary_fields_of_a_receipt()
    {
        var ocr = TextractResponse.Load("test_analyze_expense_from_image.json");
        Assert.NotEmpty(ocr.EngineFields);

        var f = _extractor.Extract(ocr);

        Assert.Equal("MEGA MARKET PLUS", f.SupplierName?.Value);
        Assert.Equal(1810.46m, f.AmountTtc?.Value);
        Assert.Equal(1699.96m, f.AmountHt?.Value);
        Assert.Equal(110.50m, f.AmountTva?.Value);
        Assert.Equal("21772", f.InvoiceNumber?.Value);
        Assert.Equal(2019, f.InvoiceDate?.Value.Year);
        Assert.Equal("USD", f.Currency?.Value);
        // SUBTOTAL + TAX = TOTAL, so the amounts are cross-checked.
        Assert.True(f.AmountTtc!.Confidence >= 0.9, $"TTC confidence {f.AmountTtc.Confidence}");
        Assert.True(f.Confidence >= 0.70, $"confidence {f.Confidence}");
    }

    [Fact]
    public void Survives_a_response_without_summary_fields()
    {
        var ocr = TextractResponse.Load("test_analyze_expense_no_summary_fields.json");
        Assert.Empty(ocr.EngineFields);
        Assert.NotEmpty(ocr.Text);

        var f = _extractor.Extract(ocr);

        Assert.InRange(f.Confidence, 0, 1);
        Assert.Equal("EUR", f.Currency?.Value);
        if (f.Confidence >= 0.70)
        {
            Assert.NotNull(f.AmountTtc);
        }
    }
}
