using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;

namespace Backend.Tests.Extraction;

/// <summary>
/// Reading Tesseract-style positioned words: a label and its value far apart on one row (Tesseract often puts
/// them in different blocks), a value under its label, and a page rotated by about 2°.
/// </summary>
public class OcrWordLayoutTests
{
    private readonly InvoiceFieldExtractor _extractor = new();

    private sealed class PageBuilder(double angleDegrees)
    {
        private readonly double _slope = Math.Tan(angleDegrees * Math.PI / 180);
        private int _block;

        public List<OcrWord> Words { get; } = [];

        /// <summary>Adds words left to right on a row at <paramref name="y"/>, as their own Tesseract block.</summary>
        public PageBuilder Row(int x, int y, string text, double confidence = 0.93)
        {
            _block++;
            var line = 0;
            foreach (var word in text.Split(' '))
            {
                var width = word.Length * 24;
                Words.Add(new OcrWord(word, confidence, x, (int)(y + _slope * x), width, 36, _block, line));
                x += width + 14;
            }
            return this;
        }
    }

    private static OcrResult Result(PageBuilder page) =>
        new("tesseract", string.Join(' ', page.Words.Select(w => w.Text)), 0.9, [new OcrPage(1, "", page.Words)], [], "{}");

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(-2)]
    public void Reads_totals_beside_their_labels_on_a_skewed_page(double angle)
    {
        var page = new PageBuilder(angle)
            .Row(150, 150, "Menuiserie Perrin SARL")
            .Row(150, 200, "14 rue des Lilas")
            .Row(150, 250, "21000 Dijon")
            .Row(150, 500, "FACTURE N° FA-2024-118")
            .Row(1500, 500, "Date : 05/04/2024")
            .Row(150, 1500, "Étagère chêne")
            .Row(2000, 1500, "1 250,00")
            .Row(1500, 2400, "Total HT")
            .Row(2050, 2400, "1 250,00 €")
            .Row(1500, 2460, "TVA 20 %")
            .Row(2080, 2460, "250,00 €")
            .Row(1500, 2520, "Net à payer")
            .Row(2050, 2520, "1 500,00 €");

        var f = _extractor.Extract(Result(page));

        Assert.Equal(1250.00m, f.AmountHt?.Value);
        Assert.Equal(250.00m, f.AmountTva?.Value);
        Assert.Equal(1500.00m, f.AmountTtc?.Value);
        Assert.Equal("FA-2024-118", f.InvoiceNumber?.Value);
        Assert.Equal(new DateOnly(2024, 4, 5), f.InvoiceDate?.Value);
        Assert.Equal("Menuiserie Perrin SARL", f.SupplierName?.Value);
        Assert.True(f.Confidence >= 0.70, $"confidence {f.Confidence}");
    }

    [Fact]
    public void Reads_values_written_under_their_labels()
    {
        var page = new PageBuilder(0)
            .Row(150, 150, "Garage Morel")
            .Row(150, 400, "N° facture")
            .Row(800, 400, "Date")
            .Row(150, 450, "G-7781")
            .Row(800, 450, "12.06.2024")
            .Row(900, 2000, "Total HT")
            .Row(1400, 2000, "TVA 10 %")
            .Row(1900, 2000, "Total TTC")
            .Row(900, 2050, "80,00")
            .Row(1400, 2050, "8,00")
            .Row(1900, 2050, "88,00");

        var f = _extractor.Extract(Result(page));

        Assert.Equal("G-7781", f.InvoiceNumber?.Value);
        Assert.Equal(new DateOnly(2024, 6, 12), f.InvoiceDate?.Value);
        Assert.Equal(80.00m, f.AmountHt?.Value);
        Assert.Equal(8.00m, f.AmountTva?.Value);
        Assert.Equal(88.00m, f.AmountTtc?.Value);
        Assert.Equal(10m, f.VatRate?.Value);
    }

    [Fact]
    public void Low_ocr_confidence_lowers_the_extraction_confidence()
    {
        PageBuilder Page(double confidence) => new PageBuilder(0)
            .Row(150, 150, "Garage Morel", confidence)
            .Row(150, 400, "Facture n° G-7781 du 12/06/2024", confidence)
            .Row(1500, 2400, "Total TTC", confidence)
            .Row(2050, 2400, "88,00 €", confidence);

        var clear = _extractor.Extract(Result(Page(0.95)));
        var blurred = _extractor.Extract(Result(Page(0.35)));

        Assert.Equal(88.00m, clear.AmountTtc?.Value);
        Assert.True(blurred.Confidence < clear.Confidence, $"{blurred.Confidence} < {clear.Confidence}");
        Assert.True(blurred.AmountTtc?.Confidence < clear.AmountTtc?.Confidence);
    }
}
