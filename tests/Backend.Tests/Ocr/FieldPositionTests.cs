using System.Text.Json.Nodes;
using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;
using Microsoft.Extensions.Options;

namespace Backend.Tests.Ocr;

/// <summary>
/// Where a field was read, from each engine's real output: <c>pdftotext -bbox</c> on a text-layer PDF, Tesseract's TSV
/// boxes on the same page scanned at 300 dpi, Textract's geometry in a saved response. The expected places are worked
/// out from how <see cref="TestDocuments.TextPdf"/> draws the page (Helvetica 11 pt, 14 pt leading, from x = 56, first
/// baseline 780 pt above the bottom of a 595 × 842 pt page) and Helvetica's published glyph widths, not from any engine.
/// </summary>
public sealed class FieldPositionTests
{
    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double FontSize = 11;

    // Helvetica's advance widths (Adobe AFM, thousandths of the font size) for the characters of the lines measured here.
    private static readonly Dictionary<char, int> Helvetica = new()
    {
        [' '] = 278, ['%'] = 889, ['-'] = 333, [','] = 278, ['°'] = 400, ['€'] = 556,
        ['0'] = 556, ['1'] = 556, ['2'] = 556, ['3'] = 556, ['4'] = 556, ['5'] = 556, ['6'] = 556, ['7'] = 556, ['8'] = 556, ['9'] = 556,
        ['A'] = 667, ['C'] = 722, ['E'] = 667, ['F'] = 611, ['H'] = 722, ['N'] = 722, ['R'] = 722, ['T'] = 611, ['U'] = 722, ['V'] = 667,
        ['a'] = 556, ['l'] = 222, ['o'] = 556, ['t'] = 278,
    };

    private static LocalOcrEngine Engine() => new(Options.Create(new OcrSettings { MaxPages = 5, LocalTimeoutSeconds = 60 }));

    /// <summary>Where <paramref name="value"/> is drawn on line <paramref name="lineIndex"/> of the sample, as fractions of the page.</summary>
    private static (double Left, double Right, double Baseline) Drawn(int lineIndex, string value)
    {
        var line = TestDocuments.SampleInvoiceLines[lineIndex];
        var at = line.IndexOf(value, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{value}' is not on line {lineIndex}");
        double Width(string text) => text.Sum(c => Helvetica[c]) * FontSize / 1000;
        var left = 56 + Width(line[..at]);
        var baseline = PageHeight - (780 - 14 * lineIndex);
        return (left / PageWidth, (left + Width(value)) / PageWidth, baseline / PageHeight);
    }

    /// <summary>The box holds the drawn value: its edges within 1.2 % of the page's width, and it spans the value's baseline without reaching the next line.</summary>
    private static void AssertAt(PageBox? box, int lineIndex, string value)
    {
        Assert.NotNull(box);
        var (left, right, baseline) = Drawn(lineIndex, value);
        Assert.Equal(1, box.Page);
        Assert.InRange(box.Left, left - 0.012, left + 0.012);
        Assert.InRange(box.Left + box.Width, right - 0.012, right + 0.012);
        var lineSpacing = 14 / PageHeight;
        Assert.InRange(box.Top, baseline - lineSpacing, baseline - 0.004); // the glyphs stand on the baseline...
        Assert.InRange(box.Top + box.Height, baseline - 0.002, baseline + lineSpacing / 2); // ...and end above the next line
    }

    private static async Task<IReadOnlyDictionary<string, PageBox>> LocateAsync(byte[] content, string mediaType, string expectedEngine)
    {
        var ocr = await Engine().ReadAsync(content, mediaType, default);
        Assert.Equal(expectedEngine, ocr.Engine);
        var fields = new InvoiceFieldExtractor().Extract(ocr);
        Assert.Equal(1200m, fields.AmountTtc?.Value);
        Assert.Equal("FAC-2024-0042", fields.InvoiceNumber?.Value);
        return FieldLocator.Locate(fields, ocr);
    }

    [Fact]
    public async Task A_text_layer_pdf_gives_the_boxes_pdftotext_read_the_total_and_number_in()
    {
        var positions = await LocateAsync(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines), MediaTypes.Pdf, "pdftotext");

        AssertAt(positions["amountTTC"], 15, "1 200,00");
        AssertAt(positions["invoiceNumber"], 5, "FAC-2024-0042");
        // 200,00 is also the end of "1 200,00": the TVA is the one on the TVA row.
        AssertAt(positions["amountTVA"], 14, "200,00");
        AssertAt(positions["amountHT"], 13, "1 000,00");
    }

    [Fact]
    public async Task A_scan_read_by_tesseract_gives_the_boxes_of_its_words()
    {
        var png = TestDocuments.Render(TestDocuments.TextPdf(TestDocuments.SampleInvoiceLines));

        var positions = await LocateAsync(png, MediaTypes.Png, "tesseract");

        AssertAt(positions["amountTTC"], 15, "1 200,00");
        AssertAt(positions["invoiceNumber"], 5, "FAC-2024-0042");
    }

    [Fact]
    public async Task A_scanned_pdf_without_text_layer_gives_the_boxes_tesseract_read_on_its_rendered_page()
    {
        var positions = await LocateAsync(TestDocuments.ScannedPdf(TestDocuments.SampleInvoiceLines), MediaTypes.Pdf, "tesseract");

        AssertAt(positions["amountTTC"], 15, "1 200,00");
    }

    [Fact]
    public void A_textract_response_gives_the_geometry_of_the_fields_it_recognised()
    {
        var ocr = TextractExpenseMapper.Map(JsonNode.Parse(FakeTextractServer.Fixture("test_analyze_expense_from_image.json"))!);
        var fields = new InvoiceFieldExtractor().Extract(ocr);

        var positions = FieldLocator.Locate(fields, ocr);

        // The response's TOTAL "$1810.46" and INVOICE_RECEIPT_ID "21772" ValueDetection boxes, as Textract gave them.
        Assert.Equal(1810.46m, fields.AmountTtc?.Value);
        Assert.Equal(new PageBox(1, 0.6469, 0.3293, 0.1893, 0.0195), positions["amountTTC"]);
        Assert.Equal("21772", fields.InvoiceNumber?.Value);
        Assert.Equal(new PageBox(1, 0.8684, 0.1630, 0.1225, 0.0163), positions["invoiceNumber"]);
        Assert.Equal(new PageBox(1, 0.6451, 0.2873, 0.1916, 0.0197), positions["amountHT"]);
    }

    [Fact]
    public void A_blank_page_in_tesseract_output_keeps_the_next_pages_numbers_and_sizes()
    {
        const string tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            + "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
            + "1\t2\t0\t0\t0\t0\t0\t0\t3508\t2480\t-1\t\n"
            + "5\t2\t1\t1\t1\t1\t100\t200\t300\t40\t96.5\tTotal\n";

        var pages = TesseractTsv.Parse(tsv, firstPageNumber: 1);

        Assert.Equal([1, 2], pages.Select(p => p.Number));
        Assert.Empty(pages[0].Words);
        Assert.Equal((3508d, 2480d), (pages[1].Width, pages[1].Height));
        Assert.Equal("Total", Assert.Single(pages[1].Words).Text);
    }

    [Fact]
    public void Pdftotext_bbox_words_are_read_with_their_page_size()
    {
        const string xhtml = """
            <html><body><doc>
              <page width="595.000000" height="842.000000">
                <word xMin="56.000000" yMin="54.102000" xMax="87.779000" yMax="64.277000">R&amp;D</word>
              </page>
              <page width="842.000000" height="595.000000">
              </page>
            </doc></body></html>
            """;

        var pages = PdfTextBoxes.Parse(xhtml);

        Assert.Equal(2, pages.Count);
        Assert.Equal((59500d, 84200d), (pages[0].Width, pages[0].Height));
        var word = Assert.Single(pages[0].Words);
        Assert.Equal(("R&D", 5600, 5410, 3178), (word.Text, word.Left, word.Top, word.Width));
        Assert.Empty(pages[1].Words);
    }
}
