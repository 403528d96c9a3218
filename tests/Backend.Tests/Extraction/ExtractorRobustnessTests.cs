using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;
using FsCheck;
using FsCheck.Fluent;

namespace Backend.Tests.Extraction;

/// <summary>Whatever an engine returns, extraction returns fields with confidences in 0–1 and never throws.</summary>
public class ExtractorRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "Total HT", "TVA 20 %", "Net à payer", "1 234,56 €", "99999999999999999999999,99", "-", "(", "%", "15/01/2024",
        "FR40303265045", "Facture n°", "Avoir", "\f", "\n", "   ", "€", "$", "0,00", "31/02/2024", "N°", ":", "Échéance",
        "Base HT", "5,5 %", "TTC", "\u00A0", "\u202F", "SIRET 73282932000074", "x", "Total",
    ];

    [Fact]
    public void Random_invoice_like_text_never_breaks_extraction()
    {
        var extractor = new InvoiceFieldExtractor();
        var texts = ArbMap.Default.ArbFor<int[]>().Convert(
            picks => string.Join(" ", picks.Select(p => Fragments[Math.Abs(p % Fragments.Length)])),
            text => [text.Length]);
        var property = Prop.ForAll(texts, text =>
        {
            var f = extractor.Extract(new OcrResult("pdftotext", text, 1, [new OcrPage(1, text, [])], [], "{}"));
            return f.Confidence is >= 0 and <= 1
                && new[] { f.AmountHt?.Confidence, f.AmountTva?.Confidence, f.AmountTtc?.Confidence, f.InvoiceNumber?.Confidence, f.SupplierName?.Confidence }
                    .All(c => c is null or (>= 0 and <= 1));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Empty_results_and_odd_words_are_read_as_nothing()
    {
        var extractor = new InvoiceFieldExtractor();
        OcrWord[] words = [new("", -1, 0, 0, 0, 0, 0, 0), new("Total", -1, 10, 10, 0, 0, 1, 1), new("TTC", 0.9, 100, 10, 50, 0, 1, 1)];

        var empty = extractor.Extract(new OcrResult("tesseract", "", 0, [], [], "{}"));
        var odd = extractor.Extract(new OcrResult("tesseract", "", 0.1, [new OcrPage(1, "", words)], [new OcrField("TOTAL", null, "n/a", 50, 1)], "{}"));

        Assert.Null(empty.AmountTtc);
        Assert.Equal(0, empty.Confidence, 2);
        Assert.Null(odd.AmountTtc);
        Assert.True(odd.Confidence < 0.70);
    }
}
