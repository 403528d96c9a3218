using Backend.Core.Invoices.Extraction;
using Backend.Core.Ocr;

namespace Backend.Tests.Extraction;

/// <summary>HT + TVA = TTC and TVA/HT = a French rate: a missing amount is filled, and agreement moves confidence.</summary>
public class TotalsCrossCheckTests
{
    private static InvoiceFields Extract(string text) =>
        new InvoiceFieldExtractor().Extract(new OcrResult("pdftotext", text, 1, [new OcrPage(1, text, [])], [], "{}"));

    private const string Header = "Garage Morel SARL\n12 rue des Lilas\n69003 Lyon\n\nFacture n° G-2024-17        Date : 05/03/2024\n\n";

    [Fact]
    public void Fills_the_vat_from_ht_and_ttc()
    {
        var f = Extract(Header + "Total HT        500,00 €\nNet à payer     550,00 €\n");
        Assert.Equal(50.00m, f.AmountTva?.Value);
        Assert.Equal(10m, f.VatRate?.Value);
        Assert.True(f.AmountTva!.Confidence < f.AmountTtc!.Confidence, "a computed amount is trusted less than a read one");
    }

    [Fact]
    public void Fills_the_ht_from_vat_and_ttc()
    {
        var f = Extract(Header + "TVA 5,5 %       11,00 €\nTotal TTC       211,00 €\n");
        Assert.Equal(200.00m, f.AmountHt?.Value);
        Assert.Equal(5.5m, f.VatRate?.Value);
    }

    [Fact]
    public void Fills_the_ttc_from_ht_and_vat()
    {
        var f = Extract(Header + "Montant HT      1 000,00 €\nTVA 2,1 %       21,00 €\n");
        Assert.Equal(1021.00m, f.AmountTtc?.Value);
        Assert.Equal(2.1m, f.VatRate?.Value);
    }

    [Fact]
    public void Amounts_that_disagree_are_not_trusted()
    {
        var consistent = Extract(Header + "Total HT     100,00 €\nTVA 20 %      20,00 €\nTotal TTC    120,00 €\n");
        var inconsistent = Extract(Header + "Total HT     100,00 €\nTVA 20 %      20,00 €\nTotal TTC    130,00 €\n");

        Assert.Equal(120.00m, consistent.AmountTtc?.Value);
        Assert.True(consistent.AmountTtc!.Confidence >= 0.95);
        Assert.Equal(130.00m, inconsistent.AmountTtc?.Value);
        Assert.True(inconsistent.AmountTtc!.Confidence < 0.70, $"TTC confidence {inconsistent.AmountTtc.Confidence}");
        Assert.True(inconsistent.Confidence < consistent.Confidence);
    }

    [Fact]
    public void Picks_the_total_that_adds_up_over_a_deposit_balance()
    {
        var f = Extract(Header + "Total HT         1 000,00\nTotal TVA          200,00\nTotal TTC        1 200,00\nAcompte versé     -360,00\nReste à payer      840,00\n");
        Assert.Equal(1200.00m, f.AmountTtc?.Value);
    }

    [Fact]
    public void Reads_a_multi_rate_breakdown()
    {
        var f = Extract(Header + "Taux      Base HT      TVA\n20 %      100,00      20,00\n5,5 %     200,00      11,00\n\nTotal HT     300,00\nTotal TVA     31,00\nTotal TTC    331,00\n");
        Assert.Null(f.VatRate);
        Assert.Equal([new VatLine(20m, 100.00m, 20.00m), new VatLine(5.5m, 200.00m, 11.00m)], f.VatBreakdown);
        Assert.Equal(331.00m, f.AmountTtc?.Value);
    }
}
